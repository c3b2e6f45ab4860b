// Command-line flags as helm parses them (spf13/pflag): `--name value`, `--name=value`, `-n value`, `-nvalue`,
// `-n=value`, booleans as `--flag`/`--flag=false`, repeatable string arrays, comma-split string slices, flags
// anywhere among the arguments, and `--` ending flags. bosun has its own small parser rather than commander:
// helm scripts depend on pflag's exact rules (`-f a.yaml,b.yaml`, `--set` never split on commas), and a CLI
// library costs start-up time that `bosun template` cannot afford.

import { parseDuration } from '../funcs/time-duration.ts';

export type FlagKind = 'bool' | 'string' | 'stringArray' | 'stringSlice' | 'int' | 'duration';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  readonly usage: string;
  /** Default shown in help and used when the flag is absent. */
  readonly default?: string | boolean | number;
  /** For a bool flag given without `=value`; for a string flag given with no value (`--dry-run`). */
  readonly noOptDefault?: string;
  readonly hidden?: boolean;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedArgs {
  args: string[];
  flags: Map<string, FlagValue>;
  /** Flags the user actually gave, by long name. */
  changed: Set<string>;
}

export class FlagError extends Error {
  override name = 'FlagError';
}

/** Parses argv against the flag specs; values of absent flags are their defaults. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    byName.set(s.name, s);
    if (s.short) byShort.set(s.short, s);
  }
  const flags = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const args: string[] = [];

  const set = (spec: FlagSpec, raw: string) => {
    changed.add(spec.name);
    switch (spec.kind) {
      case 'bool': {
        const b = parseBool(raw);
        if (b === undefined) {
          throw new FlagError(
            `invalid argument "${raw}" for "--${spec.name}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
          );
        }
        flags.set(spec.name, b);
        return;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(raw)) {
          throw new FlagError(
            `invalid argument "${raw}" for "--${spec.name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
          );
        }
        flags.set(spec.name, Number.parseInt(raw, 10));
        return;
      }
      case 'duration': {
        // pflag parses a duration when it meets the flag, whether or not the command uses it.
        try {
          parseDuration(raw);
        } catch (e) {
          throw new FlagError(`invalid argument "${raw}" for "--${spec.name}" flag: ${(e as Error).message}`);
        }
        flags.set(spec.name, raw);
        return;
      }
      case 'stringArray': {
        const prev = flags.get(spec.name);
        flags.set(spec.name, [...(Array.isArray(prev) ? prev : []), raw]);
        return;
      }
      case 'stringSlice': {
        const prev = flags.get(spec.name);
        flags.set(spec.name, [...(Array.isArray(prev) ? prev : []), ...splitCSV(raw)]);
        return;
      }
      default:
        flags.set(spec.name, raw);
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (spec.kind === 'bool') set(spec, spec.noOptDefault ?? 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A group of short flags: booleans may be combined (`-ab`); the first non-boolean takes the rest.
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = a.slice(j + 1);
        if (rest.startsWith('=')) {
          set(spec, rest.slice(1));
          break;
        }
        if (spec.kind === 'bool') {
          set(spec, spec.noOptDefault ?? 'true');
          continue;
        }
        if (rest) set(spec, rest);
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(a);
  }

  for (const s of specs) {
    if (flags.has(s.name)) continue;
    if (s.kind === 'stringArray' || s.kind === 'stringSlice') flags.set(s.name, []);
    else if (s.default !== undefined) flags.set(s.name, s.default);
    else flags.set(s.name, s.kind === 'bool' ? false : s.kind === 'int' ? 0 : '');
  }
  return { args, flags, changed };
}

// strconv.ParseBool
function parseBool(s: string): boolean | undefined {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'true':
    case 'TRUE':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'false':
    case 'FALSE':
    case 'False':
      return false;
  }
  return undefined;
}

// pflag's StringSlice reads its value as one CSV record: commas split, double quotes group.
function splitCSV(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Typed accessors for a command's parsed flags. */
export class Flags {
  constructor(private readonly parsed: ParsedArgs) {}
  get args(): string[] {
    return this.parsed.args;
  }
  string(name: string): string {
    return String(this.parsed.flags.get(name) ?? '');
  }
  bool(name: string): boolean {
    return this.parsed.flags.get(name) === true;
  }
  int(name: string): number {
    return Number(this.parsed.flags.get(name) ?? 0);
  }
  list(name: string): string[] {
    const v = this.parsed.flags.get(name);
    return Array.isArray(v) ? v : [];
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}

/** Help text in helm's layout: usage, then flags with their shorthand, type and default. */
export function formatFlagHelp(specs: readonly FlagSpec[]): string {
  const rows = specs
    .filter((s) => !s.hidden)
    .map((s) => {
      const type =
        s.kind === 'bool' ? '' : s.kind === 'stringArray' || s.kind === 'stringSlice' ? ' stringArray' : ` ${s.kind}`;
      const left = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${type}`;
      const dflt =
        s.default !== undefined && s.default !== '' && s.default !== false && s.kind !== 'bool'
          ? ` (default ${typeof s.default === 'string' ? `"${s.default}"` : s.default})`
          : '';
      return [left, s.usage + dflt] as const;
    });
  const width = Math.max(0, ...rows.map(([l]) => l.length));
  return rows.map(([l, r]) => `  ${l.padEnd(width)}   ${r}`).join('\n');
}
