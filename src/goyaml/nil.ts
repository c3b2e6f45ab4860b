// Go's typed nil map and slice. Templates see them as empty (len 0, `map[]`, kind map/slice), but encoding/json
// writes them as `null` (fromJson "null" | toJson prints null). A non-enumerable mark keeps them distinct from
// empty collections for the encoders in this folder.

import type { GoMap, GoSlice } from '../template/value.ts';

const NIL: unique symbol = Symbol('bosun.goNil');

/** A nil map[string]interface{}. */
export function nilMap(): GoMap {
  const m: GoMap = new Map();
  Object.defineProperty(m, NIL, { value: true });
  return m;
}

/** A nil []interface{}. */
export function nilSlice(): GoSlice {
  const a: GoSlice = [];
  Object.defineProperty(a, NIL, { value: true });
  return a;
}

/** Whether v is a nil map or slice made by nilMap/nilSlice (and still empty). */
export function isNilCollection(v: unknown): boolean {
  return (v instanceof Map || Array.isArray(v)) && (v as unknown as Record<symbol, unknown>)[NIL] === true;
}
