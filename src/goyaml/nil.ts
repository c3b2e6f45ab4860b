// Go's typed nil map and slice (value.ts's nilMap/nilSlice): templates see them as empty, but encoding/json
// writes them as `null` (fromJson "null" | toJson prints null).
import { isNil, type Value } from '../template/value.ts';

export { nilMap, nilSlice } from '../template/value.ts';

/** Whether v is a nil map or slice (and still empty: a nil map that was written to is a map). */
export function isNilCollection(v: unknown): boolean {
  if (v instanceof Map) return v.size === 0 && isNil(v as Value);
  if (Array.isArray(v)) return v.length === 0 && isNil(v as Value);
  return false;
}
