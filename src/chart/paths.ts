// Dotted paths into values, as helm's Values.Table and Values.PathValue resolve them (conditions and
// import-values use these). A path is split on every `.`; keys holding dots cannot be reached.

import type { GoMap, Value } from '../template/value.ts';
import { goQuote } from '../values/goquote.ts';

/**
 * Values.Table: the map at a dotted path, or helm's error text (`"x" is not a table`, naming the first
 * segment that is missing or not a map).
 */
export function table(values: GoMap, path: string): GoMap | string {
  let t = values;
  for (const seg of path.split('.')) {
    const next = t.get(seg);
    if (!(next instanceof Map)) return `${goQuote(seg)} is not a table`;
    t = next;
  }
  return t;
}

/**
 * Values.PathValue: the non-map value at a dotted path. `ok` is false where helm returns ErrNoValue (the
 * key is missing, or holds a map, or a parent is not a map). A present null is a value.
 */
export function pathValue(values: GoMap, path: string): { ok: true; value: Value } | { ok: false } {
  const parts = path.split('.');
  const key = parts[parts.length - 1];
  let t: GoMap = values;
  if (parts.length > 1) {
    const parent = table(values, parts.slice(0, -1).join('.'));
    if (typeof parent === 'string') return { ok: false };
    t = parent;
  }
  if (!t.has(key)) return { ok: false };
  const v = t.get(key) as Value;
  if (v instanceof Map) return { ok: false };
  return { ok: true, value: v };
}
