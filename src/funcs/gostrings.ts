// Go's view of strings for functions written against JS strings.
//
// Go strings are UTF-8 bytes and Go's `unicode` package classifies runes with its own tables; JS strings are
// UTF-16 and its case mappings are the full (sometimes multi-character, context-sensitive) ones. These helpers give
// the Go answers: byte lengths and byte slicing, `unicode.IsSpace` and friends, and simple one-rune case mapping.
// Slicing inside a multi-byte character cannot be represented in a JS string: the broken bytes become U+FFFD.

import { byteLength, isAscii, isSpaceRune } from '../template/gostring.ts';
import { GoError } from '../template/value.ts';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

export { byteLength, byteSlice, isAscii, isSpaceRune, utf8Bytes } from '../template/gostring.ts';

export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}

/**
 * The bytes of `s` as a string of chars U+0000..U+00FF. Go code that loops `rune(str[i])` over bytes and writes
 * those runes back (goutils' Initials and DeleteWhiteSpace) produces exactly the UTF-8 encoding of this string.
 */
export function bytesAsLatin1(s: string): string {
  if (isAscii(s)) return s;
  const b = encoder.encode(s);
  let out = '';
  for (let i = 0; i < b.length; i++) out += String.fromCharCode(b[i]);
  return out;
}

/** A Go runtime panic's message for s[lo:hi] out of range (`runtime error: slice bounds out of range [...]`). */
export function sliceBoundsMessage(lo: number | null, hi: number | null, len: number, what = 'length'): string {
  const pre = 'runtime error: slice bounds out of range ';
  if (hi !== null) {
    if (hi < 0) return `${pre}[:${hi}]`;
    if (hi > len) return `${pre}[:${hi}] with ${what} ${len}`;
  }
  const l = lo ?? 0;
  const h = hi ?? len;
  if (l < 0) return `${pre}[${l}:]`;
  return `${pre}[${l}:${h}]`;
}

// Unicode classes, each made on first use: V8 parses a RegExp when it creates it, which for a Unicode class
// costs a share of a millisecond that a run not touching non-ASCII text should not pay.
const classes = new Map<string, RegExp>();

function classify(cls: string, c: number): boolean {
  let re = classes.get(cls);
  if (re === undefined) {
    re = new RegExp(`^\\p{${cls}}$`, 'u');
    classes.set(cls, re);
  }
  return re.test(String.fromCodePoint(c));
}

export function isUpperRune(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return classify('Lu', c);
}
export function isLowerRune(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return classify('Ll', c);
}
export function isTitleRune(c: number): boolean {
  return c >= 0x80 && classify('Lt', c);
}
export function isLetterRune(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  return classify('L', c);
}
export function isDigitRune(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return classify('Nd', c);
}
export function isNumberRune(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return classify('N', c);
}
export function isPunctRune(c: number): boolean {
  return classify('P', c);
}

// JS has only full case mappings; Go uses the simple one-rune mapping. Where the full mapping of a single code
// point is one code point it equals the simple mapping, except for these.
const SIMPLE_LOWER: ReadonlyMap<number, number> = new Map([[0x130, 0x69]]);
// Digraphs and the like whose title case differs from their upper case (unicode.ToTitle).
const TITLE_OF: ReadonlyMap<number, number> = new Map([
  [0x1c4, 0x1c5],
  [0x1c5, 0x1c5],
  [0x1c6, 0x1c5],
  [0x1c7, 0x1c8],
  [0x1c8, 0x1c8],
  [0x1c9, 0x1c8],
  [0x1ca, 0x1cb],
  [0x1cb, 0x1cb],
  [0x1cc, 0x1cb],
  [0x1f1, 0x1f2],
  [0x1f2, 0x1f2],
  [0x1f3, 0x1f2],
]);

function single(s: string, orig: number): number {
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : orig;
}

/** unicode.ToUpper. */
export function toUpperRune(c: number): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
  return single(String.fromCodePoint(c).toUpperCase(), c);
}

/** unicode.ToLower. */
export function toLowerRune(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  return SIMPLE_LOWER.get(c) ?? single(String.fromCodePoint(c).toLowerCase(), c);
}

/** unicode.ToTitle. */
export function toTitleRune(c: number): number {
  const t = TITLE_OF.get(c);
  if (t !== undefined) return t;
  // Georgian Mkhedruli letters have upper-case forms but are their own title case.
  if ((c >= 0x10d0 && c <= 0x10fa) || (c >= 0x10fd && c <= 0x10ff)) return c;
  return toUpperRune(c);
}

/** strings.Map with a function that keeps every rune (no -1): each rune replaced by f's answer. */
export function mapRunes(s: string, f: (c: number) => number): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const m = f(c);
    out += m === c ? ch : String.fromCodePoint(m);
  }
  return out;
}

/** strings.ToUpper. */
export function goToUpper(s: string): string {
  return isAscii(s) ? s.toUpperCase() : mapRunes(s, toUpperRune);
}

/** strings.ToLower. */
export function goToLower(s: string): string {
  return isAscii(s) ? s.toLowerCase() : mapRunes(s, toLowerRune);
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b) {
    const c = s.codePointAt(a)!;
    if (!isSpaceRune(c)) break;
    a += c > 0xffff ? 2 : 1;
  }
  while (b > a) {
    const c = s.charCodeAt(b - 1);
    if (!isSpaceRune(c)) break; // no space rune is outside the BMP
    b--;
  }
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** strings.Trim(s, cutset): strips leading and trailing runes contained in cutset. */
export function goTrim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set<number>();
  for (const ch of cutset) set.add(ch.codePointAt(0)!);
  let a = 0;
  let b = s.length;
  while (a < b) {
    const c = s.codePointAt(a)!;
    if (!set.has(c)) break;
    a += c > 0xffff ? 2 : 1;
  }
  while (b > a) {
    let c = s.charCodeAt(b - 1);
    let w = 1;
    if (c >= 0xdc00 && c <= 0xdfff && b - 2 >= a) {
      const hi = s.charCodeAt(b - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        c = ((hi - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    if (!set.has(c)) break;
    b -= w;
  }
  return s.slice(a, b);
}

/** strings.Title (deprecated in Go, still Sprig's `title`): upper-cases the first letter of each word. */
export function goTitle(s: string): string {
  let prev = 0x20;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (isTitleSeparator(prev)) {
      const t = toTitleRune(c);
      out += t === c ? ch : String.fromCodePoint(t);
    } else out += ch;
    prev = c;
  }
  return out;
}

function isTitleSeparator(c: number): boolean {
  if (c <= 0x7f) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f) return false;
    return true;
  }
  if (isLetterRune(c) || isDigitRune(c)) return false;
  return isSpaceRune(c);
}

/** strings.Repeat with Go's panics for bad counts. */
export function goRepeat(s: string, count: bigint): string {
  if (count < 0n) throw new GoError('strings: negative Repeat count');
  if (count === 0n || s === '') return '';
  if (BigInt(byteLength(s)) * count > 0x7fffffffffffffffn) throw new GoError('strings: Repeat output length overflow');
  // Go would try to allocate this much; JS strings top out near 2^29 characters.
  if (BigInt(s.length) * count > 0x1fffffe8n) throw new GoError('runtime error: makeslice: len out of range');
  return s.repeat(Number(count));
}

/** strings.Split (n < 0), strings.SplitN (n > 0 limits the parts, n == 0 gives nil). */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    // Splits after each UTF-8 sequence.
    const chars = Array.from(s);
    if (n < 0 || n >= chars.length) return chars;
    const head = chars.slice(0, n - 1);
    head.push(chars.slice(n - 1).join(''));
    return head;
  }
  if (n < 0) return s.split(sep);
  const out: string[] = [];
  let from = 0;
  while (out.length < n - 1) {
    const at = s.indexOf(sep, from);
    if (at < 0) break;
    out.push(s.slice(from, at));
    from = at + sep.length;
  }
  out.push(s.slice(from));
  return out;
}
