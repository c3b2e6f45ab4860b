// Go's strconv float formatting, which decides how numbers look in toYaml, toJson and map keys: the shortest
// forms, by template/strconv.ts's FormatFloat.

import { formatFloat } from '../template/strconv.ts';

/** strconv.FormatFloat(f, 'g', -1, bits). */
export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  return formatFloat(f, 'g', -1, bits);
}

/** strconv.FormatFloat(f, 'f', -1, 64). */
export function formatFloatF(f: number): string {
  return formatFloat(f, 'f', -1, 64);
}

/** strconv.FormatFloat(f, 'e', -1, 64). */
export function formatFloatE(f: number): string {
  return formatFloat(f, 'e', -1, 64);
}

/**
 * encoding/json's float64 encoding: shortest digits, plain notation between 1e-6 and 1e21, exponent otherwise
 * with `e-07` shortened to `e-7`. NaN and infinities are the caller's error.
 */
export function formatJsonFloat(f: number): string {
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const s = formatFloatE(f);
    const n = s.length;
    if (n >= 4 && s[n - 4] === 'e' && s[n - 3] === '-' && s[n - 2] === '0') return s.slice(0, n - 2) + s[n - 1];
    return s;
  }
  if (Object.is(f, -0)) return '-0';
  // Between 1e-6 and 1e21 JavaScript's own shortest formatting is plain notation with the same digits.
  return String(f);
}
