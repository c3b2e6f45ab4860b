// spf13/cast (v1.7, as Sprig uses it) and the strconv parsing it relies on. Sprig calls the error-swallowing forms
// (cast.ToInt64, ToInt, ToFloat64): whatever cannot be converted becomes 0.

import { GoInt, type Value } from '../template/value.ts';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's int64(f) on amd64: truncation, and the "integer indefinite" value for NaN and out-of-range floats. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** cast.ToInt64 (and ToInt: Go's int is 64 bits wide). */
export function toInt64(v: Value): bigint {
  if (v === undefined || v === null) return 0n;
  switch (typeof v) {
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return parseGoInt(trimZeroDecimal(v)) ?? 0n;
  }
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  return 0n;
}

/** cast.ToFloat64. */
export function toFloat64(v: Value): number {
  if (v === undefined || v === null) return 0;
  switch (typeof v) {
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return parseGoFloat(v) ?? 0;
  }
  if (v instanceof GoInt) return Number(v.value);
  return 0;
}

/** cast's trimZeroDecimal: "12.000" → "12" (only zeros after the point). */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s.charCodeAt(i - 1);
    if (c === 0x2e /* . */) {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === 0x30 /* 0 */) foundZero = true;
    else return s;
  }
  return s;
}

function lower(c: number): number {
  return c | 0x20;
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(String.fromCharCode(lower(s.charCodeAt(1))))) {
    i = 2;
    saw = '0';
    hex = lower(s.charCodeAt(1)) === 0x78;
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

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = lower(c);
  if (l >= 0x61 && l <= 0x7a) return l - 0x61 + 10;
  return 99;
}

/**
 * strconv.ParseInt(s, base, 64); `null` where Go returns an error (syntax or range). Base 0 reads Go's prefixes
 * (0x, 0o, 0b, a leading 0 for octal) and allows underscores between digits.
 */
export function parseGoInt(s0: string, base = 0): bigint | null {
  if (s0 === '') return null;
  let s = s0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
    if (s === '') return null;
  }
  const base0 = base === 0;
  if (base0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      if (p === 0x62) {
        base = 2;
        s = s.slice(2);
      } else if (p === 0x6f) {
        base = 8;
        s = s.slice(2);
      } else if (p === 0x78) {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  }
  let n = 0n;
  const b = BigInt(base);
  let underscores = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return null;
    n = n * b + BigInt(d);
  }
  if (underscores && !underscoreOK(s0)) return null;
  if (neg) n = -n;
  if (n < INT64_MIN || n > INT64_MAX) return null;
  return n;
}

const DECIMAL_FLOAT = /^[+-]?(?:\d[\d_]*\.?[\d_]*|\.[\d_]+)(?:[eE][+-]?[\d_]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([\da-fA-F_]*)(?:\.([\da-fA-F_]*))?[pP]([+-]?[\d_]+)$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** strconv.ParseFloat(s, 64); `null` where Go returns an error (syntax, or overflow to ±Inf). */
export function parseGoFloat(s: string): number | null {
  const sp = SPECIAL_FLOAT.exec(s);
  if (sp) {
    if (sp[2].toLowerCase() === 'nan') return sp[1] === '' ? Number.NaN : null;
    return sp[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  let f: number;
  if (DECIMAL_FLOAT.test(s)) {
    if (s.includes('_')) {
      if (!underscoreOK(s)) return null;
      s = s.replaceAll('_', '');
    }
    f = Number(s);
  } else {
    const m = HEX_FLOAT.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
    if (s.includes('_') && !underscoreOK(s.slice(0, s.search(/[pP]/)))) return null;
    const intPart = m[2].replaceAll('_', '');
    const frac = (m[3] ?? '').replaceAll('_', '');
    const mant = BigInt(`0x${intPart + frac || '0'}`);
    const exp = Number(m[4].replaceAll('_', '')) - 4 * frac.length;
    f = Number(mant) * 2 ** exp;
    if (m[1] === '-') f = -f;
  }
  if (!Number.isFinite(f)) return null;
  return f;
}
