// Go's strconv formatting: FormatFloat, FormatInt and the Quote family, for bosun's fmt and function library.
//
// Go strings are bytes, JavaScript strings UTF-16. A JS string here stands for its UTF-8 encoding; a lone
// surrogate (which no UTF-8 decoder produces) is treated as U+FFFD, the character it would be written as.
// Bytes that are not valid UTF-8 only exist in `Uint8Array`s: `quoteBytes` escapes them as `\xff` like Go.

import {
  type Digits,
  exactDigits,
  float64Bits,
  roundDigits,
  shortestDigits,
  shortestDigits32,
} from './strconv-decimal.ts';

// ---------------------------------------------------------------------------------------------------------------
// Integers

/** Go's strconv.FormatInt / FormatUint: `i` in base 2..36 with lower-case letters. */
export function formatInt(i: bigint | number, base = 10): string {
  if (base < 2 || base > 36) throw new RangeError(`strconv: illegal FormatInt base ${base}`);
  return i.toString(base);
}

// ---------------------------------------------------------------------------------------------------------------
// Floats

/** A FormatFloat format byte: binary exponent, decimal exponent, plain, general, hexadecimal. */
export type FloatFormat = 'b' | 'e' | 'E' | 'f' | 'g' | 'G' | 'x' | 'X';

/**
 * Go's strconv.FormatFloat. `prec` -1 gives the fewest digits that read back as the same value (for
 * `bitSize` 32, the same float32). For 'e', 'E', 'f', 'x', 'X' `prec` counts digits after the point; for 'g',
 * 'G' it counts significant digits and trailing zeros are dropped. An unknown format gives `%` + fmt, as Go.
 */
export function formatFloat(f: number, fmt: FloatFormat | string, prec: number, bitSize: 32 | 64 = 64): string {
  if (bitSize === 32) f = Math.fround(f);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || (f === 0 && 1 / f < 0);
  const a = neg ? -f : f;
  if (prec < 0 && bitSize === 64 && a >= 1e-4 && a < 1e6 && (fmt === 'g' || fmt === 'G' || fmt === 'f')) {
    // Go's shortest %g writes these without an exponent, like JavaScript: same digits, same text.
    return String(f);
  }
  if (fmt === 'f' && prec >= 0 && prec <= 100 && a < 1e21 && !halfway(a, prec)) {
    // toFixed rounds the exact value correctly; only exact ties need Go's half-to-even rule below.
    return (neg ? '-' : '') + a.toFixed(prec);
  }
  switch (fmt) {
    case 'b':
      return formatBinary(f, neg, bitSize);
    case 'x':
    case 'X':
      return formatHex(f, neg, fmt, prec, bitSize);
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
      break;
    default:
      return '%' + fmt;
  }
  let digs: Digits;
  if (prec < 0) {
    digs = bitSize === 32 ? shortestDigits32(f) : shortestDigits(f);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      default:
        prec = digs.d.length;
    }
    return formatDigits(digs, neg, fmt, prec, true);
  }
  const exact = exactDigits(f);
  switch (fmt) {
    case 'e':
    case 'E':
      digs = roundDigits(exact, prec + 1);
      break;
    case 'f':
      digs = roundDigits(exact, exact.dp + prec);
      break;
    default:
      if (prec === 0) prec = 1;
      digs = roundDigits(exact, prec);
  }
  return formatDigits(digs, neg, fmt, prec, false);
}

/**
 * Whether `a` lies exactly halfway between two multiples of 10^-prec. Its exact decimal expansion then ends
 * with a 5 at fraction digit prec+1, which happens exactly when a has prec+1 fractional binary digits.
 */
function halfway(a: number, prec: number): boolean {
  if (Number.isInteger(a)) return false;
  const scaled = a * 2 ** prec; // exact: a power of two
  return !Number.isInteger(scaled) && Number.isInteger(scaled * 2);
}

function formatDigits(digs: Digits, neg: boolean, fmt: string, prec: number, shortest: boolean): string {
  switch (fmt) {
    case 'e':
    case 'E':
      return expForm(digs, neg, prec, fmt);
    case 'f':
      return plainForm(digs, neg, prec);
  }
  // %g: exponent form for exponents below -4 or from the precision up (6 for shortest output).
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return expForm(digs, neg, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = nd;
  return plainForm(digs, neg, Math.max(prec - digs.dp, 0));
}

/** -d.ddddde±dd */
function expForm(digs: Digits, neg: boolean, prec: number, e: string): string {
  const d = digs.d;
  let s = neg ? '-' : '';
  s += d.length > 0 ? d[0] : '0';
  if (prec > 0) {
    const frac = d.slice(1, prec + 1);
    s += '.' + frac;
    if (frac.length < prec) s += '0'.repeat(prec - frac.length);
  }
  return s + e + expDigits(d.length === 0 ? 0 : digs.dp - 1);
}

/** An exponent as FormatFloat writes it after `e` or `p`: its sign, then at least two digits. */
function expDigits(exp: number): string {
  const a = exp < 0 ? -exp : exp;
  return (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

/** -ddddddd.ddddd */
function plainForm(digs: Digits, neg: boolean, prec: number): string {
  const d = digs.d;
  const dp = digs.dp;
  let s = neg ? '-' : '';
  if (dp > 0) {
    s += d.length >= dp ? d.slice(0, dp) : d + '0'.repeat(dp - d.length);
  } else {
    s += '0';
  }
  if (prec > 0) {
    // Fraction digit i is d[dp + i] (zero outside d).
    let frac = '';
    let i = 0;
    if (dp < 0) {
      i = Math.min(-dp, prec);
      frac = '0'.repeat(i);
    }
    if (i < prec && dp + i < d.length) {
      const part = d.slice(dp + i, dp + prec);
      frac += part;
      i += part.length;
    }
    if (i < prec) frac += '0'.repeat(prec - i);
    s += '.' + frac;
  }
  return s;
}

let f32: Float32Array | undefined;
let u32: Uint32Array | undefined;

function float32Bits(x: number): number {
  if (!f32) {
    f32 = new Float32Array(1);
    u32 = new Uint32Array(f32.buffer);
  }
  f32[0] = x;
  return u32![0];
}

/** Mantissa (with the implicit bit) and exponent of the mantissa's top bit, as Go's genericFtoa splits them. */
function split(f: number, bitSize: 32 | 64): { mant: bigint; exp: number; mantBits: number } {
  if (bitSize === 32) {
    const bits = float32Bits(f);
    let exp = (bits >>> 23) & 0xff;
    let mant = bits & 0x7fffff;
    if (exp === 0) exp = 1;
    else mant |= 0x800000;
    return { mant: BigInt(mant), exp: exp - 127, mantBits: 23 };
  }
  const bits = float64Bits(f);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  if (exp === 0) exp = 1;
  else mant |= 1n << 52n;
  return { mant, exp: exp - 1023, mantBits: 52 };
}

/** %b: -ddddp±ddd, the mantissa as an integer and a power of two. */
function formatBinary(f: number, neg: boolean, bitSize: 32 | 64): string {
  const { mant, exp, mantBits } = split(f, bitSize);
  const e = exp - mantBits;
  return (neg ? '-' : '') + mant.toString() + 'p' + (e >= 0 ? '+' : '') + e;
}

const MASK64 = (1n << 64n) - 1n;
const BIT60 = 1n << 60n;

/** %x: -0x1.yyyyp±dd, a hexadecimal mantissa normalised to one leading 1 and a binary exponent. */
function formatHex(f: number, neg: boolean, fmt: 'x' | 'X', prec: number, bitSize: 32 | 64): string {
  let { mant, exp, mantBits } = split(f, bitSize);
  if (mant === 0n) exp = 0;
  mant <<= BigInt(60 - mantBits);
  while (mant !== 0n && (mant & BIT60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    // Round to `prec` hex digits, half to even.
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (BIT60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'x' ? LOWER_HEX : UPPER_HEX;
  let s = (neg ? '-0' : '0') + fmt + ((mant >> 60n) & 1n ? '1' : '0');
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    s += '.';
    while (mant !== 0n) {
      s += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      s += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  return s + (fmt === 'x' ? 'p' : 'P') + expDigits(exp);
}

// ---------------------------------------------------------------------------------------------------------------
// Printable runes

const LOWER_HEX = '0123456789abcdef';
const UPPER_HEX = '0123456789ABCDEF';

let printRe: RegExp | undefined;
let spaceRe: RegExp | undefined;

/**
 * Go's strconv.IsPrint (= unicode.IsPrint): letters, marks, numbers, punctuation, symbols and the ASCII space.
 * Categories come from the JavaScript engine's Unicode tables, which may be newer than Go's (Unicode 15.0 in
 * Go 1.21–1.25): characters assigned since then are printable here and escaped by Go.
 */
export function isPrint(r: number): boolean {
  if (r <= 0xff) {
    if (r >= 0x20 && r <= 0x7e) return true;
    return r >= 0xa1 && r !== 0xad;
  }
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  printRe ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
  return printRe.test(String.fromCodePoint(r));
}

/** Go's strconv.IsGraphic: IsPrint plus the Unicode space separators (Zs). */
export function isGraphic(r: number): boolean {
  if (isPrint(r)) return true;
  if (r > 0xffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  spaceRe ??= /^\p{Zs}$/u;
  return spaceRe.test(String.fromCharCode(r));
}

// ---------------------------------------------------------------------------------------------------------------
// Quoting

/** Which runes quoting leaves as they are: printable ones, printable ASCII only, or graphic ones. */
type Mode = 0 | 1 | 2;
const Mode = { Print: 0, ASCII: 1, Graphic: 2 } as const;

/** Appends the escaped form of rune `r` (a valid code point) inside a literal quoted with `q`. */
function escapeRune(r: number, q: number, mode: Mode): string {
  if (r === q || r === 92 /* \ */) return '\\' + String.fromCharCode(r);
  if (mode === Mode.ASCII) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r) || (mode === Mode.Graphic && isGraphic(r))) {
    return String.fromCodePoint(r);
  }
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + LOWER_HEX[r >> 4] + LOWER_HEX[r & 15];
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return '\\u' + r.toString(16).padStart(4, '0');
  return '\\U' + r.toString(16).padStart(8, '0');
}

/** Whether every code unit of `s` is printable ASCII other than `q` and backslash (no escaping needed). */
function plainASCII(s: string, q: number): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === q || c === 92) return false;
  }
  return true;
}

function quoteString(s: string, q: number, mode: Mode): string {
  const quote = String.fromCharCode(q);
  if (plainASCII(s, q)) return quote + s + quote;
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let r = s.charCodeAt(i);
    if (r >= 0xd800 && r <= 0xdfff) {
      const next = r <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        r = ((r - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        i++;
      } else {
        r = 0xfffd; // a lone surrogate is written as U+FFFD
      }
    }
    out += r >= 0x20 && r < 0x7f && r !== q && r !== 92 ? String.fromCharCode(r) : escapeRune(r, q, mode);
  }
  return out + quote;
}

/** Go's strconv.Quote: a double-quoted Go string literal; non-printable runes escaped. */
export function quote(s: string): string {
  return quoteString(s, 34, Mode.Print);
}

/** Go's strconv.QuoteToASCII: like quote, with every non-ASCII rune escaped as \u or \U. */
export function quoteToASCII(s: string): string {
  return quoteString(s, 34, Mode.ASCII);
}

/** Go's strconv.QuoteToGraphic: like quote, keeping Unicode spaces (IsGraphic) unescaped. */
export function quoteToGraphic(s: string): string {
  return quoteString(s, 34, Mode.Graphic);
}

/** Go's strconv.QuoteRune: a single-quoted character literal. Invalid code points become U+FFFD. */
export function quoteRune(r: number): string {
  return "'" + escapeRune(validRune(r), 39, Mode.Print) + "'";
}

/** Go's strconv.QuoteRuneToASCII. */
export function quoteRuneToASCII(r: number): string {
  return "'" + escapeRune(validRune(r), 39, Mode.ASCII) + "'";
}

function validRune(r: number): number {
  return r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) ? 0xfffd : r;
}

/**
 * Quote of the string whose bytes are `b` (Go's `Quote(string(b))`): bytes that are not valid UTF-8 are
 * escaped as `\xff`.
 */
export function quoteBytes(b: Uint8Array, ascii = false): string {
  const mode = ascii ? Mode.ASCII : Mode.Print;
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const [r, n] = decodeRune(b, i);
    if (r < 0) {
      out += '\\x' + LOWER_HEX[b[i] >> 4] + LOWER_HEX[b[i] & 15];
    } else {
      out += escapeRune(r, 34, mode);
    }
    i += n;
  }
  return out + '"';
}

/**
 * Decodes one UTF-8 sequence at `b[i]` as Go's utf8.DecodeRune does: returns [rune, length], or [-1, 1] for an
 * invalid byte (Go's RuneError of width 1).
 */
export function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c0 = b[i];
  if (c0 < 0x80) return [c0, 1];
  const n = b.length - i;
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    if (n >= 2 && (b[i + 1] & 0xc0) === 0x80) return [((c0 & 0x1f) << 6) | (b[i + 1] & 0x3f), 2];
    return [-1, 1];
  }
  if (c0 >= 0xe0 && c0 <= 0xef) {
    if (n < 3) return [-1, 1];
    const c1 = b[i + 1];
    const lo = c0 === 0xe0 ? 0xa0 : 0x80;
    const hi = c0 === 0xed ? 0x9f : 0xbf;
    if (c1 < lo || c1 > hi || (b[i + 2] & 0xc0) !== 0x80) return [-1, 1];
    return [((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (b[i + 2] & 0x3f), 3];
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    if (n < 4) return [-1, 1];
    const c1 = b[i + 1];
    const lo = c0 === 0xf0 ? 0x90 : 0x80;
    const hi = c0 === 0xf4 ? 0x8f : 0xbf;
    if (c1 < lo || c1 > hi || (b[i + 2] & 0xc0) !== 0x80 || (b[i + 3] & 0xc0) !== 0x80) return [-1, 1];
    return [((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f), 4];
  }
  return [-1, 1];
}

/**
 * Go's strconv.CanBackquote: whether `s` can be written unchanged between backquotes (no control characters
 * other than tab, no backquote, no BOM).
 */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9) || c === 0x60 || c === 0x7f || c === 0xfeff) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate stands for U+FFFD, which is fine; a pair is one rune.
      if (c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
  }
  return true;
}
