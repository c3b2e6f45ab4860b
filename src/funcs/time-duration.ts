// Go's time.Duration: int64 nanoseconds, ParseDuration (`1h2m3.5s`, `-1.5h`, `300ms`) and String().

import { GoError, type GoFunc, GoInt, GoOpaque, GoStruct, goFunc, goInt64, type Value } from '../template/value.ts';

export const NANOSECOND = 1n;
export const MICROSECOND = 1000n;
export const MILLISECOND = 1000000n;
export const SECOND = 1000000000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;

export const MAX_DURATION = (1n << 63n) - 1n;
export const MIN_DURATION = -(1n << 63n);

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', NANOSECOND],
  ['us', MICROSECOND],
  ['µs', MICROSECOND], // U+00B5 micro sign
  ['μs', MICROSECOND], // U+03BC Greek mu
  ['ms', MILLISECOND],
  ['s', SECOND],
  ['m', MINUTE],
  ['h', HOUR],
]);

/** Go's time-package quoting (used in its error messages): bytes outside printable ASCII become \xNN. */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return `${out}"`;
}

export class DurationError extends GoError {
  override name = 'DurationError';
}

const TWO63 = 1n << 63n;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** time.ParseDuration: returns nanoseconds or throws DurationError with Go's message. */
export function parseDuration(orig: string): bigint {
  const invalid = () => new DurationError(`time: invalid duration ${timeQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  let i = 0;
  while (i < s.length) {
    if (!(s[i] === '.' || isDigitAt(s, i))) throw invalid();
    // Integer part, overflow-checked as Go's leadingInt does.
    const intStart = i;
    let v = 0n;
    while (i < s.length && isDigitAt(s, i)) {
      if (v > TWO63 / 10n) throw invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO63) throw invalid();
      i++;
    }
    const pre = i !== intStart;
    // Fraction part: digits past int64 precision are skipped, not an error.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (i < s.length && s[i] === '.') {
      i++;
      const fracStart = i;
      let overflow = false;
      while (i < s.length && isDigitAt(s, i)) {
        if (!overflow) {
          const y = f * 10n + BigInt(s.charCodeAt(i) - 48);
          if (f > (TWO63 - 1n) / 10n || y > TWO63) overflow = true;
          else {
            f = y;
            scale *= 10;
          }
        }
        i++;
      }
      post = i !== fracStart;
    }
    if (!pre && !post) throw invalid();
    const unitStart = i;
    while (i < s.length && s[i] !== '.' && !isDigitAt(s, i)) i++;
    if (i === unitStart) throw new DurationError(`time: missing unit in duration ${timeQuote(orig)}`);
    const u = s.slice(unitStart, i);
    const unit = UNITS.get(u);
    if (unit === undefined) {
      throw new DurationError(`time: unknown unit ${timeQuote(u)} in duration ${timeQuote(orig)}`);
    }
    if (v > TWO63 / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64 and truncates to an integer.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO63) throw invalid();
    }
    total += v;
    if (total > TWO63) throw invalid();
  }
  if (neg) return BigInt.asIntN(64, -total);
  if (total > MAX_DURATION) throw invalid();
  return total;
}

/** Digits of v / 10^prec's fractional part, trailing zeros dropped, with the point; "" when zero. */
function fraction(v: bigint, prec: number): string {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    print ||= d !== 0n;
    if (print) digits = d.toString() + digits;
    v /= 10n;
  }
  return print ? `.${digits}` : '';
}

/** Duration.String(): `1h2m3.5s`, `1.5µs`, `0s`, `-2m0s`. */
export function formatDuration(d: bigint): string {
  const neg = d < 0n;
  const u = neg ? -d : d; // |MIN_DURATION| fits: bigints do not wrap
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < MICROSECOND) {
      prec = 0;
      unit = 'ns';
    } else if (u < MILLISECOND) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const p = 10n ** BigInt(prec);
    out = (u / p).toString() + fraction(u, prec) + unit;
  } else {
    const secs = u / SECOND;
    out = `${secs % 60n}${fraction(u, 9)}s`;
    const mins = secs / 60n;
    if (mins > 0n) {
      out = `${mins % 60n}m${out}`;
      const hours = mins / 60n;
      if (hours > 0n) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** Duration.Round: to the nearest multiple of m, halves away from zero, saturating. */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (r + r < m) return d + r;
    const d1 = d - m + r;
    return d1 >= MIN_DURATION ? d1 : MIN_DURATION;
  }
  if (r + r < m) return d - r;
  const d1 = d + m - r;
  return d1 <= MAX_DURATION ? d1 : MAX_DURATION;
}

/** Duration.Truncate: toward zero to a multiple of m. */
export function truncateDuration(d: bigint, m: bigint): bigint {
  return m <= 0n ? d : d - (d % m);
}

/** Clamps to int64, as Time.Sub saturates. */
export function saturate(d: bigint): bigint {
  return d > MAX_DURATION ? MAX_DURATION : d < MIN_DURATION ? MIN_DURATION : d;
}

/**
 * A time.Duration value (from Time.Sub). Go's Duration is a named int64; it is a GoOpaque here so that it
 * prints through its String() method as Go prints it (`1h0m0s`).
 */
export class GoDuration extends GoOpaque {
  readonly goTypeName = 'time.Duration';
  constructor(readonly ns: bigint) {
    super();
  }
  override goString(): string {
    return formatDuration(this.ns);
  }
  override method(name: string): GoFunc | undefined {
    const ns = this.ns;
    switch (name) {
      case 'String':
        return goFunc(name, [], () => formatDuration(ns));
      case 'Nanoseconds':
        return goFunc(name, [], () => goInt64(ns));
      case 'Microseconds':
        return goFunc(name, [], () => goInt64(ns / MICROSECOND));
      case 'Milliseconds':
        return goFunc(name, [], () => goInt64(ns / MILLISECOND));
      case 'Seconds':
        return goFunc(name, [], () => Number(ns / SECOND) + Number(ns % SECOND) / 1e9);
      case 'Minutes':
        return goFunc(name, [], () => Number(ns / MINUTE) + Number(ns % MINUTE) / 6e10);
      case 'Hours':
        return goFunc(name, [], () => Number(ns / HOUR) + Number(ns % HOUR) / 3.6e12);
      case 'Abs':
        return goFunc(name, [], () => new GoDuration(ns >= 0n ? ns : ns === MIN_DURATION ? MAX_DURATION : -ns));
      case 'Round':
        return goFunc(name, [DURATION_PARAM], (m) => new GoDuration(roundDuration(ns, durationArg(m))));
      case 'Truncate':
        return goFunc(name, [DURATION_PARAM], (m) => new GoDuration(truncateDuration(ns, durationArg(m))));
    }
    return undefined;
  }
}

/**
 * Methods taking a time.Duration accept an integer (a template constant such as 3600000000000) or a
 * Duration; Go's named-type rules are looser here than in Go, which only converts untyped constants.
 */
export const DURATION_PARAM = { kind: 'interface', name: 'interface {}' } as const;

export function durationArg(v: Value): bigint {
  if (v instanceof GoDuration) return v.ns;
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  throw new GoError(`wrong type for value; expected time.Duration; got ${describe(v)}`);
}

function describe(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoStruct) return v.goTypeName;
  return 'interface {}';
}
