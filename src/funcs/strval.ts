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
