// Text helpers for fmt: Go strings are UTF-8 bytes, JavaScript strings UTF-16. Go's fmt counts runes for
// widths and precisions and orders map keys by bytes; these do the same on JS strings (by code points).

let encoder: InstanceType<typeof TextEncoder> | undefined;
let decoder: InstanceType<typeof TextDecoder> | undefined;
let strictDecoder: InstanceType<typeof TextDecoder> | undefined;

export function utf8(s: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(s);
}

/** Bytes as text; invalid UTF-8 becomes U+FFFD (a JS string cannot hold it). */
export function fromUtf8(b: Uint8Array): string {
  decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return decoder.decode(b);
}

/** Bytes as text if they are valid UTF-8. */
export function validUtf8(b: Uint8Array): string | undefined {
  strictDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return strictDecoder.decode(b);
  } catch {
    return undefined;
  }
}

/** Number of code points in `s` (Go's utf8.RuneCountInString for the string's UTF-8 form). */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The first `n` code points of `s`. */
export function truncateRunes(s: string, n: number): string {
  if (n >= s.length) return s;
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return s.slice(0, i);
}

/** Byte offset just after the first `n` runes of `b` (invalid bytes count as one rune each). */
export function byteOffsetOfRune(b: Uint8Array, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < b.length; k++) {
    const c = b[i];
    let len = 1;
    if (c >= 0xc2 && c <= 0xf4) {
      len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      for (let j = 1; j < len; j++) {
        if (i + j >= b.length || (b[i + j] & 0xc0) !== 0x80) {
          len = 1;
          break;
        }
      }
    }
    i += len;
  }
  return i;
}
