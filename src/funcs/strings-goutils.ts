// Masterminds/goutils (v1.1) string helpers behind Sprig's abbrev, abbrevboth, wrap, wrapWith, initials, nospace,
// swapcase and untitle. Several of them work on bytes, not runes, and that shows on non-ASCII text: we follow.

import {
  byteLength,
  byteSlice,
  bytesAsLatin1,
  fromUtf8,
  isAscii,
  isLowerRune,
  isSpaceRune,
  isTitleRune,
  isUpperRune,
  mapRunes,
  toLowerRune,
  toTitleRune,
  toUpperRune,
  utf8Bytes,
} from './gostrings.ts';

/** goutils.AbbreviateFull (byte offsets; errors become "", as Sprig ignores them). */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const len = byteLength(str);
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return `${byteSlice(str, 0, maxWidth - 3)}...`;
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return `...${abbreviateFull(byteSlice(str, offset), 0, maxWidth - 3)}`;
  return `...${byteSlice(str, len - (maxWidth - 3))}`;
}

/** goutils.WrapCustom: wraps at spaces so lines fit `width` bytes; long words split only if asked. */
export function wrapCustom(str: string, width: number, newline: string, wrapLong: boolean): string {
  if (str === '') return '';
  if (newline === '') newline = '\n';
  if (width < 1) width = 1;
  const s = utf8Bytes(str);
  const nl = utf8Bytes(newline);
  const n = s.length;
  const out: number[] = [];
  const put = (from: number, to: number) => {
    for (let i = from; i < to; i++) out.push(s[i]);
  };
  const putNL = () => {
    for (const b of nl) out.push(b);
  };
  let offset = 0;
  while (n - offset > width) {
    if (s[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = width + offset + 1;
    let space = -1;
    for (let i = end - 1; i >= offset; i--) {
      if (s[i] === 0x20) {
        space = i;
        break;
      }
    }
    if (space >= offset) {
      put(offset, space);
      putNL();
      offset = space + 1;
    } else if (wrapLong) {
      put(offset, width + offset);
      putNL();
      offset += width;
    } else {
      let next = -1;
      for (let i = width + offset; i < n; i++) {
        if (s[i] === 0x20) {
          next = i;
          break;
        }
      }
      if (next === -1) {
        put(offset, n);
        offset = n;
      } else {
        put(offset, next);
        putNL();
        offset = next + 1;
      }
    }
  }
  put(offset, n);
  return fromUtf8(Uint8Array.from(out));
}

/** goutils.Initials: the first byte of each space-separated word (bytes read as Latin-1 runes, as Go does). */
export function initials(str: string): string {
  const b = bytesAsLatin1(str);
  let out = '';
  let gap = true;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (isSpaceRune(c)) gap = true;
    else if (gap) {
      out += b[i];
      gap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace: drops space bytes; non-ASCII text is re-encoded byte by byte unless nothing drops. */
export function deleteWhiteSpace(str: string): string {
  if (str === '') return str;
  const b = bytesAsLatin1(str);
  let out = '';
  for (let i = 0; i < b.length; i++) if (!isSpaceRune(b.charCodeAt(i))) out += b[i];
  return out.length === b.length ? str : out;
}

/** goutils.SwapCase: upper/title → lower; lower → title after whitespace, else upper. */
export function swapCase(str: string): string {
  let ws = true;
  return mapRunes(str, (c) => {
    if (isUpperRune(c) || isTitleRune(c)) {
      ws = false;
      return toLowerRune(c);
    }
    if (isLowerRune(c)) {
      if (ws) {
        ws = false;
        return toTitleRune(c);
      }
      return toUpperRune(c);
    }
    ws = isSpaceRune(c);
    return c;
  });
}

/** goutils.Uncapitalize: lower-cases the first rune of each whitespace-separated word. */
export function uncapitalize(str: string): string {
  if (isAscii(str)) {
    let out = '';
    let next = true;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (isSpaceRune(c)) {
        next = true;
        out += str[i];
      } else if (next) {
        out += str[i].toLowerCase();
        next = false;
      } else out += str[i];
    }
    return out;
  }
  let next = true;
  return mapRunes(str, (c) => {
    if (isSpaceRune(c)) {
      next = true;
      return c;
    }
    if (next) {
      next = false;
      return toLowerRune(c);
    }
    return c;
  });
}
