// Sprig's regex functions over Go's regexp semantics: which empty matches count in FindAll, Split and ReplaceAll,
// `$1`/`${name}` expansion, and the errors (Compile's for must*, MustCompile's panic text for the others).

import { canBackquote, quote } from '../template/strconv.ts';
import { GoError, type GoFunc, type GoInt, goFunc, nilSlice, stringSlice, T, type Value } from '../template/value.ts';
import { isDigitRune, isLetterRune } from './gostrings.ts';
import { RegexSyntaxError, translateRegex } from './regex-syntax.ts';

export interface GoRegexp {
  readonly expr: string;
  readonly re: RegExp;
  readonly names: readonly string[];
}

const cache = new Map<string, GoRegexp | RegexSyntaxError>();
const CACHE_LIMIT = 1000;

/** regexp.Compile (cached): a GoRegexp, or throws RegexSyntaxError. `helm3` follows Go 1.23's syntax. */
export function compileGo(expr: string, helm3 = false): GoRegexp {
  const key = helm3 ? `3\0${expr}` : expr;
  let r = cache.get(key);
  if (r === undefined) {
    try {
      const t = translateRegex(expr, { helm3 });
      r = { expr, re: new RegExp(t.source, t.flags), names: t.names };
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      r = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, r);
  }
  if (r instanceof RegexSyntaxError) throw r;
  return r;
}

/** regexp.MustCompile: panics with `regexp: Compile(<quoted>): <error>`. */
function mustCompile(expr: string, helm3: boolean): GoRegexp {
  try {
    return compileGo(expr, helm3);
  } catch (e) {
    if (e instanceof RegexSyntaxError) {
      const q = canBackquote(expr) ? `\`${expr}\`` : quote(expr);
      throw new GoError(`regexp: Compile(${q}): ${e.message}`);
    }
    throw e;
  }
}

/** regexp.Compile for the must* forms: the error is returned as is. */
function compileOrError(expr: string, helm3: boolean): GoRegexp {
  try {
    return compileGo(expr, helm3);
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw new GoError(e.message);
    throw e;
  }
}

function execAt(g: GoRegexp, s: string, pos: number): RegExpExecArray | null {
  g.re.lastIndex = pos;
  return g.re.exec(s);
}

function runeWidth(s: string, pos: number): number {
  if (pos >= s.length) return 0;
  const c = s.charCodeAt(pos);
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length ? 2 : 1;
}

/** Go's allMatches: successive matches, skipping an empty match right after the previous match. */
function allMatches(g: GoRegexp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (out.length < n && pos <= s.length) {
    const m = execAt(g, s, pos);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === pos) {
      if (start === prevEnd) accept = false;
      const w = runeWidth(s, pos);
      pos = w > 0 ? pos + w : s.length + 1;
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** The n argument of FindAll and Split: negative means all (Go uses len(s)+1 in bytes; any bound will do). */
function limit(n: Value): number {
  const v = (n as GoInt).value;
  return v < 0n ? Number.POSITIVE_INFINITY : Number(v);
}

function findAll(g: GoRegexp, s: string, nv: Value): Value {
  const n = limit(nv);
  if (n === 0) return nilSlice('string');
  const ms = allMatches(g, s, n);
  if (ms.length === 0) return nilSlice('string');
  return stringSlice(ms.map((m) => m[0]));
}

function find(g: GoRegexp, s: string): Value {
  const m = execAt(g, s, 0);
  return m ? m[0] : '';
}

function split(g: GoRegexp, s: string, nv: Value): Value {
  const n = limit(nv);
  if (n === 0) return nilSlice('string');
  if (g.expr.length > 0 && s.length === 0) return stringSlice(['']);
  const ms = allMatches(g, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of ms) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    const mEnd = m.index + m[0].length;
    if (mEnd !== 0) out.push(s.slice(beg, end));
    beg = mEnd;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return stringSlice(out);
}

/** Regexp.Expand's name scanning: `$name` takes the longest run of letters, digits and underscores. */
function expand(g: GoRegexp, template: string, m: RegExpExecArray): string {
  let out = '';
  let t = template;
  for (;;) {
    const d = t.indexOf('$');
    if (d < 0) break;
    out += t.slice(0, d);
    t = t.slice(d + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ref = extractName(t);
    if (!ref) {
      out += '$';
      continue;
    }
    t = t.slice(ref.len);
    if (ref.num >= 0) {
      out += m[ref.num] ?? '';
    } else {
      for (let i = 1; i < g.names.length; i++) {
        if (g.names[i] === ref.name && m[i] !== undefined) {
          out += m[i];
          break;
        }
      }
    }
  }
  return out + t;
}

function extractName(str: string): { name: string; num: number; len: number } | undefined {
  if (str === '') return undefined;
  const brace = str[0] === '{';
  let i = brace ? 1 : 0;
  const from = i;
  while (i < str.length) {
    const c = str.codePointAt(i)!;
    if (!isLetterRune(c) && !isDigitRune(c) && c !== 0x5f) break;
    i += c > 0xffff ? 2 : 1;
  }
  if (i === from) return undefined;
  const name = str.slice(from, i);
  if (brace) {
    if (str[i] !== '}') return undefined;
    i++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 0x30 || c > 0x39 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + c - 0x30;
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, len: i };
}

/** Go's replaceAll loop (an empty match right after a match is not replaced). */
function replaceAll(g: GoRegexp, src: string, repl: (m: RegExpExecArray) => string): string {
  let out = '';
  let lastEnd = 0;
  let pos = 0;
  while (pos <= src.length) {
    const m = execAt(g, src, pos);
    if (!m) break;
    const a0 = m.index;
    const a1 = a0 + m[0].length;
    out += src.slice(lastEnd, a0);
    if (a1 > lastEnd || a0 === 0) out += repl(m);
    lastEnd = a1;
    const w = runeWidth(src, pos);
    if (pos + w > a1) pos += w;
    else if (pos + 1 > a1) pos++;
    else pos = a1;
  }
  return out + src.slice(lastEnd);
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

export function regexFuncs(helm3 = false): GoFunc[] {
  const s = (v: Value) => v as string;
  type Op = (g: GoRegexp, ...rest: Value[]) => Value;
  const pair = (name: string, params: GoFunc['params'], op: Op): GoFunc[] => {
    const must = `must${name[0].toUpperCase()}${name.slice(1)}`;
    return [
      goFunc(name, params, (re, ...rest) => op(mustCompile(s(re), helm3), ...rest)),
      goFunc(must, params, (re, ...rest) => op(compileOrError(s(re), helm3), ...rest)),
    ];
  };
  return [
    goFunc('regexMatch', [T.string, T.string], (re, str) => {
      try {
        return execAt(compileGo(s(re), helm3), s(str), 0) !== null;
      } catch (e) {
        if (e instanceof RegexSyntaxError) return false;
        throw e;
      }
    }),
    goFunc(
      'mustRegexMatch',
      [T.string, T.string],
      (re, str) => execAt(compileOrError(s(re), helm3), s(str), 0) !== null,
    ),
    ...pair('regexFindAll', [T.string, T.string, T.int], (g, str, n) => findAll(g, s(str), n)),
    ...pair('regexFind', [T.string, T.string], (g, str) => find(g, s(str))),
    ...pair('regexReplaceAll', [T.string, T.string, T.string], (g, str, r) => {
      const tpl = s(r);
      return replaceAll(g, s(str), tpl.includes('$') ? (m) => expand(g, tpl, m) : () => tpl);
    }),
    ...pair('regexReplaceAllLiteral', [T.string, T.string, T.string], (g, str, r) => replaceAll(g, s(str), () => s(r))),
    ...pair('regexSplit', [T.string, T.string, T.int], (g, str, n) => split(g, s(str), n)),
    goFunc('regexQuoteMeta', [T.string], (v) => quoteMeta(s(v))),
  ];
}
