// Go strings are UTF-8 bytes; JS strings are UTF-16. These helpers give Go's answers (byte lengths, byte
// indexes, byte-wise ordering) with ASCII fast paths, since template data is overwhelmingly ASCII.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const NON_ASCII = /[^\x00-\x7f]/;

export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

/** len(s) in Go: the UTF-8 byte count. */
export function byteLength(s: string): number {
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3; // a lone surrogate is written as U+FFFD
    } else n += 3;
  }
  return n;
}

/** The UTF-8 bytes of s. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** s[i:j] in Go, by byte offsets (a cut inside a character decodes to U+FFFD, the closest JS can come). */
export function byteSlice(s: string, i: number, j?: number): string {
  if (!NON_ASCII.test(s)) return s.slice(i, j);
  return decoder.decode(encoder.encode(s).subarray(i, j));
}

/** Go's string comparison (byte-wise, which is code point order), as -1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order differs from code point order only between surrogates and U+E000..U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (x >= 0xe000 || y >= 0xe000)) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Go's unicode.IsSpace. */
export function isSpaceRune(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
