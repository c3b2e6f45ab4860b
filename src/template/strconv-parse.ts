// Go's strconv parsing: ParseUint, ParseInt (so Atoi) and ParseFloat with Go's exact syntax (base prefixes,
// underscores between digits) and *NumError texts. Every reader of Go number text in bosun (template literals,
// cast, go-yaml's resolver, --set indices, semver, sops values) goes through these, so they cannot drift apart.

import { quote } from './strconv.ts';

/** The `Err` of a Go *strconv.NumError (a bad base is a programming error here and throws instead). */
export type NumErrorReason = 'invalid syntax' | 'value out of range';

/** Go's (value, error) pair: the value is 0 on a syntax error and the clamped bound on a range error. */
export interface IntParse {
  readonly value: bigint;
  readonly err: NumErrorReason | undefined;
}

/** The text of a Go *strconv.NumError: `strconv.ParseInt: parsing "x": invalid syntax`. */
export function numErrorText(fn: 'Atoi' | 'ParseInt' | 'ParseUint' | 'ParseFloat', s: string, err: NumErrorReason) {
  return `strconv.${fn}: parsing ${quote(s)}: ${err}`;
}

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const SYNTAX: IntParse = { value: 0n, err: 'invalid syntax' };

function lower(c: number): number {
  return c | 0x20;
}

/** A digit's value in bases up to 36; 99 for anything else (never below a base). */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = lower(c);
  if (l >= 0x61 && l <= 0x7a) return l - 0x61 + 10;
  return 99;
}

/** Go's underscoreOK: underscores only between digits, or between a base prefix and a digit. */
export function underscoreOK(s: string): boolean {
  let saw = '^'; // ^ start, 0 digit or base prefix, _ underscore, ! anything else
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0') {
    const p = lower(s.charCodeAt(1));
    if (p === 0x62 || p === 0x6f || p === 0x78) {
      i = 2;
      saw = '0';
      hex = p === 0x78;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = '0';
      continue;
    }
    if (c === 0x5f) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * strconv.ParseUint(s, base, 64) with Go's result. Base 0 reads the prefixes 0b, 0o, 0x (and a leading 0 for
 * octal) and allows underscores between digits; bases 2..36 read bare digits.
 */
export function scanGoUint(s0: string, base = 0): IntParse {
  if (s0 === '') return SYNTAX;
  const base0 = base === 0;
  let s = s0;
  if (base0) {
    base = 10;
    if (s.charCodeAt(0) === 0x30) {
      const p = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      if (p === 0x62 || p === 0x6f || p === 0x78) {
        base = p === 0x62 ? 2 : p === 0x6f ? 8 : 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else if (base < 2 || base > 36) {
    throw new RangeError(`strconv: invalid base ${base}`);
  }
  const b = BigInt(base);
  let n = 0n;
  let underscores = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return SYNTAX;
    n = n * b + BigInt(d);
    // Go stops at the first overflow: a bad character after it is not reported.
    if (n > UINT64_MAX) return { value: UINT64_MAX, err: 'value out of range' };
  }
  if (underscores && !underscoreOK(s0)) return SYNTAX;
  return { value: n, err: undefined };
}

/** strconv.ParseInt(s, base, 64) with Go's result: an optional sign, then ParseUint's syntax. */
export function scanGoInt(s0: string, base = 0): IntParse {
  if (s0 === '') return SYNTAX;
  const c = s0.charCodeAt(0);
  const neg = c === 0x2d;
  const u = scanGoUint(neg || c === 0x2b ? s0.slice(1) : s0, base);
  if (u.err === 'invalid syntax') return SYNTAX;
  if (!neg && u.value > INT64_MAX) return { value: INT64_MAX, err: 'value out of range' };
  if (neg && u.value > -INT64_MIN) return { value: INT64_MIN, err: 'value out of range' };
  return neg ? { value: -u.value, err: undefined } : u;
}

/** strconv.ParseUint(s, base, 64); undefined where Go returns an error. */
export function parseGoUint(s: string, base = 0): bigint | undefined {
  const r = scanGoUint(s, base);
  return r.err === undefined ? r.value : undefined;
}

/** strconv.ParseInt(s, base, 64) (base 10: strconv.Atoi on a 64-bit platform); undefined where Go errs. */
export function parseGoInt(s: string, base = 0): bigint | undefined {
  const r = scanGoInt(s, base);
  return r.err === undefined ? r.value : undefined;
}

const DECIMAL_FLOAT = /^[+-]?(?:\d[\d_]*\.?[\d_]*|\.[\d_]+)(?:[eE][+-]?[\d_]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([\da-fA-F_]*)(?:\.([\da-fA-F_]*))?[pP]([+-]?[\d_]+)$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * strconv.ParseFloat(s, 64); undefined where Go returns an error (syntax, or overflow to ±Inf). Reads decimal
 * and hexadecimal (`0x1.8p3`) forms, underscores between digits, and inf/infinity/nan in any case.
 */
export function parseGoFloat(s: string): number | undefined {
  const sp = SPECIAL_FLOAT.exec(s);
  if (sp) {
    if (sp[2].toLowerCase() === 'nan') return sp[1] === '' ? Number.NaN : undefined;
    return sp[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  let f: number;
  if (DECIMAL_FLOAT.test(s)) {
    if (s.includes('_')) {
      if (!underscoreOK(s)) return undefined;
      s = s.replaceAll('_', '');
    }
    f = Number(s);
  } else {
    const m = HEX_FLOAT.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    // Go checks the underscores of the whole text, exponent included: `0x1p_1` is bad syntax.
    if (s.includes('_') && !underscoreOK(s)) return undefined;
    const intPart = m[2].replaceAll('_', '');
    const frac = (m[3] ?? '').replaceAll('_', '');
    const mant = BigInt(`0x${intPart + frac || '0'}`);
    const exp = Number(m[4].replaceAll('_', '')) - 4 * frac.length;
    f = Number(mant) * 2 ** exp;
    if (m[1] === '-') f = -f;
  }
  return Number.isFinite(f) ? f : undefined;
}
