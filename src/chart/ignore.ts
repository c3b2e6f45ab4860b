// .helmignore rules, as helm's pkg/ignore reads and applies them (Go filepath.Match globs, not gitignore).
//
// - blank lines and lines starting with `#` are skipped; a rule containing `**` is an error;
// - a rule must be a valid pattern (checked by matching it against "abc", as helm does);
// - `!rule` negates; `rule/` only matches directories; `/rule` matches the path from the chart root;
//   a rule with a `/` elsewhere matches the whole relative path; otherwise it matches the base name;
// - rules apply in order and the first decisive one wins. A negated rule decides "ignored" for every path it
//   does not match (and for every file when it is a directory rule), as helm's evaluation does.
// - helm adds `templates/.?*` (dot files directly under templates/) to every rule set.

import { BadPatternError, GoPattern } from './gomatch.ts';

export class IgnoreError extends Error {
  override name = 'IgnoreError';
}

interface Rule {
  readonly raw: string;
  readonly negate: boolean;
  readonly mustDir: boolean;
  /** Match against the base name only. */
  readonly baseOnly: boolean;
  readonly pattern: GoPattern;
}

export class IgnoreRules {
  private readonly rules: Rule[] = [];

  /** Parses .helmignore text; throws IgnoreError with helm's message for a bad rule. */
  static parse(text: string): IgnoreRules {
    const r = new IgnoreRules();
    let body = text;
    if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
    // bufio.Scanner lines: split on \n, drop a trailing \r.
    for (const line of body.split('\n')) r.add(line);
    return r;
  }

  /** The empty rule set plus helm's defaults. */
  static defaults(): IgnoreRules {
    return new IgnoreRules().withDefaults();
  }

  /** Adds helm's default rule (AddDefaults). */
  withDefaults(): this {
    this.add('templates/.?*');
    return this;
  }

  /** Adds one rule line. */
  add(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new IgnoreError('double-star (**) syntax is not supported');
    try {
      new GoPattern(rule).match('abc');
    } catch (e) {
      if (e instanceof BadPatternError) throw new IgnoreError(e.message);
      throw e;
    }
    const raw = rule;
    let negate = false;
    if (rule.startsWith('!')) {
      negate = true;
      rule = rule.slice(1);
    }
    let mustDir = false;
    if (rule.endsWith('/')) {
      mustDir = true;
      rule = rule.slice(0, -1);
    }
    let baseOnly = false;
    if (rule.startsWith('/')) rule = rule.slice(1);
    else if (!rule.includes('/')) baseOnly = true;
    this.rules.push({ raw, negate, mustDir, baseOnly, pattern: new GoPattern(rule) });
  }

  /** Whether the chart-relative path (forward slashes) is ignored. */
  ignore(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    const base = baseName(path);
    const rules = this.rules;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      if (r.negate) {
        if (r.mustDir && !isDir) return true;
        if (!matches(r, r.baseOnly ? base : path)) return true;
        continue;
      }
      if (r.mustDir && !isDir) continue;
      if (matches(r, r.baseOnly ? base : path)) return true;
    }
    return false;
  }
}

/** The rule's pattern against the path or, for a base-name rule, the base name. */
function matches(r: Rule, name: string): boolean {
  try {
    return r.pattern.match(name);
  } catch (e) {
    // helm logs "failed to compile" and treats the rule as not matching.
    if (e instanceof BadPatternError) return false;
    throw e;
  }
}

/** Go's filepath.Base for a slash path. */
function baseName(p: string): string {
  let s = p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  const i = s.lastIndexOf('/');
  return i >= 0 && s.length > 1 ? s.slice(i + 1) : s;
}
