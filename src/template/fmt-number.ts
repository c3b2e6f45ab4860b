// Number text for fmt's verbs: integers in any base with Go's flags, %U, and floats via strconv.
// Pure functions of the verb's flags; the printer pads what they return.

import { formatFloat, isPrint } from './strconv.ts';

/** The flags of the verb being printed (the printer implements this). */
export interface NumberFlags {
  readonly wid: number;
  readonly prec: number;
  readonly widPresent: boolean;
  readonly precPresent: boolean;
  readonly minus: boolean;
  readonly plus: boolean;
  readonly sharp: boolean;
  readonly space: boolean;
  readonly zero: boolean;
}

/**
 * An integer (negative only for signed kinds) with sign, base prefix and leading zeros, before padding. Undefined
 * when a precision of 0 meets the value 0: Go then prints nothing but the padding.
 */
export function integerText(
  f: NumberFlags,
  n: bigint,
  base: 2 | 8 | 10 | 16,
  verb: string,
  upper: boolean,
): string | undefined {
  const negative = n < 0n;
  const u = negative ? -n : n;
  // Leading zeros come from a precision (%.3d) or, failing that, from the 0 flag and the width (%03d).
  let prec = 0;
  if (f.precPresent) {
    prec = f.prec;
    if (prec === 0 && u === 0n) return undefined;
  } else if (f.zero && !f.minus && f.widPresent) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--;
  }
  let s = u.toString(base);
  if (upper) s = s.toUpperCase();
  if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
  if (f.sharp) {
    if (base === 2) s = '0b' + s;
    else if (base === 8 && s.charCodeAt(0) !== 48) s = '0' + s;
    else if (base === 16) s = (upper ? '0X' : '0x') + s;
  }
  if (verb === 'O') s = '0o' + s;
  if (negative) return '-' + s;
  if (f.plus) return '+' + s;
  if (f.space) return ' ' + s;
  return s;
}

/**
 * `[104 105]`: bytes as %v or %d print them without flags, written into one buffer. Chart files reach fmt this way
 * (a dict key or `toString` of the root context prints every file of the chart, several times per template), so
 * they can be megabytes; large ones are remembered, as nothing in bosun writes into a byte slice it has handed to
 * templates (Go templates cannot).
 */
export function decimalBytes(b: Uint8Array): string {
  const large = b.length >= 4096;
  if (large) {
    const hit = printedBytes.get(b);
    if (hit !== undefined) return hit;
  }
  let n = b.length > 0 ? b.length + 1 : 2;
  for (let i = 0; i < b.length; i++) n += DIGITS[b[i]] >>> 24;
  const out = Buffer.allocUnsafe(n);
  let j = 0;
  out[j++] = 0x5b; // [
  for (let i = 0; i < b.length; i++) {
    if (i > 0) out[j++] = 0x20;
    const d = DIGITS[b[i]];
    const len = d >>> 24;
    if (len === 3) out[j++] = (d >>> 16) & 0xff;
    if (len >= 2) out[j++] = (d >>> 8) & 0xff;
    out[j++] = d & 0xff;
  }
  out[j] = 0x5d; // ]
  const s = out.toString('latin1', 0, n);
  if (large) printedBytes.set(b, s);
  return s;
}

/** Per byte value: its digit count in the top byte, then up to three ASCII digits, the last in the low byte. */
const DIGITS = Uint32Array.from({ length: 256 }, (_, c) => {
  const t = String(c);
  let v = t.length << 24;
  for (let k = 0; k < t.length; k++) v |= t.charCodeAt(t.length - 1 - k) << (8 * k);
  return v;
});

const printedBytes = new WeakMap<Uint8Array, string>();

/** %U: U+0078, or with # U+0078 'x'. */
export function unicodeText(f: NumberFlags, u: bigint): string {
  let prec = 4;
  if (f.precPresent && f.prec > 4) prec = f.prec;
  let s = u.toString(16).toUpperCase();
  if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
  s = 'U+' + s;
  if (f.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
  return s;
}

/** How the printer pads a float's text: by the flags, with spaces only, or not at all (already padded). */
export const FloatPad = { Flags: 0, Spaces: 1, None: 2 } as const;
export type FloatPad = (typeof FloatPad)[keyof typeof FloatPad];

/** A float for verb e E f g G b x X (`prec` is the verb's default, -1 for shortest). */
export function floatText(f: NumberFlags, v: number, size: 32 | 64, verb: string, prec: number): [string, FloatPad] {
  if (f.precPresent) prec = f.prec;
  let num = formatFloat(v, verb, prec, size);
  // num gets an explicit sign so that the flags below can decide what to show.
  const c0 = num.charCodeAt(0);
  if (c0 !== 45 /* - */ && c0 !== 43 /* + */) num = '+' + num;
  if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
  const c1 = num.charCodeAt(1);
  if (c1 === 73 /* I */ || c1 === 78 /* N */) {
    // Infinities and NaN are not padded with zeros; NaN shows a sign only when asked to.
    if (c1 === 78 && !f.space && !f.plus) num = num.slice(1);
    return [num, FloatPad.Spaces];
  }
  if (f.sharp && verb !== 'b') num = keepPoint(num, verb, prec);
  if (f.plus || num[0] !== '+') {
    // With zero padding the sign goes before the zeros.
    if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
      return [num[0] + '0'.repeat(f.wid - num.length) + num.slice(1), FloatPad.None];
    }
    return [num, FloatPad.Flags];
  }
  return [num.slice(1), FloatPad.Flags];
}

/**
 * The # flag on floats: always show a decimal point, and for %g keep trailing zeros up to the precision
 * (6 when none is given). Hex-float digits count too, as in Go (`%#x` of 1.0 is 0x1.0000p+00).
 */
function keepPoint(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  let end = num.length;
  for (let i = 1; i < end; i++) {
    const c = num[i];
    if (c === '.') {
      hasPoint = true;
      continue;
    }
    if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = num.slice(i);
      end = i;
      break;
    }
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  let s = num.slice(0, end);
  if (!hasPoint) {
    if (s.length === 2 && s[1] === '0') digits--;
    s += '.';
  }
  if (digits > 0) s += '0'.repeat(digits);
  return s + tail;
}

/** The rune %c prints for an integer: invalid code points become U+FFFD. */
export function toRune(n: bigint): number {
  if (n < 0n || n > 0x10ffffn) return 0xfffd;
  const r = Number(n);
  return r >= 0xd800 && r <= 0xdfff ? 0xfffd : r;
}
