// Sprig's strval and strslice: how values become strings (fmt's %v, []byte as text, String() methods).

import { formatValue } from '../template/fmt.ts';
import { typeInfoOf, type Value } from '../template/value.ts';
import { fromUtf8 } from './gostrings.ts';
import { sliceItems } from './reflection.ts';

/** Sprig's strval: strings as they are, []byte as UTF-8 text, everything else as fmt's %v prints it. */
export function strval(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return fromUtf8(v);
  return formatValue(v);
}

/**
 * Sprig's strslice (`toStrings`, and the list behind `join` and `sortAlpha`): a []string as it is (the same
 * array: Go returns the very slice, so `sortAlpha` sorts it in place), other slices element by element without
 * nil elements, nil as an empty list, anything else as a one-element list.
 */
export function strslice(v: Value): string[] {
  if (Array.isArray(v) && typeInfoOf(v)?.name === '[]string') return v as string[];
  const items = sliceItems(v);
  if (items !== undefined) {
    const out: string[] = [];
    for (const x of items) if (x !== null && x !== undefined) out.push(strval(x));
    return out;
  }
  if (v === undefined || v === null) return [];
  return [strval(v)];
}

/** Go's string order (bytewise UTF-8, i.e. code point order), for sort.Strings. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 order differs from code point order only between surrogates and U+E000..U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}
