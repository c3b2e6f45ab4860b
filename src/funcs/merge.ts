// mergo (v1.0, as Sprig's merge and mergeOverwrite call it) for map[string]interface{} values.
//
// What mergo does to maps, reduced to the value model: for each key of src, a nil src value is copied only when
// overwriting; a map merges recursively into a map already in dst (mutating dst's nested map in place, which then
// stays unless it is still empty); any other value (slices included) is copied when overwriting, or when dst lacks
// the key or holds an empty value (nil, false, 0, "", empty list or map). Copied values are shared, not cloned.

import type { GoMap } from '../template/value.ts';
import { isEmpty } from './reflection.ts';

/** Merges src into dst in place. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [key, s] of src) {
    if (s === null || s === undefined) {
      if (overwrite) dst.set(key, null);
      continue;
    }
    const d = dst.get(key);
    if (s instanceof Map && d instanceof Map) {
      mergeInto(d, s, overwrite);
      if (!isEmpty(d)) continue;
    }
    if (overwrite || !dst.has(key) || isEmpty(d)) dst.set(key, s);
  }
}
