// Test helpers: build Go values from JS literals, with explicit int64s.
import { GoInt, type GoMap, goInt64, type Value } from '../../src/template/value.ts';

/** A Go map from a JS object (nested objects become maps; numbers stay float64; use i64() for ints). */
export function m(o: Record<string, unknown>): GoMap {
  const out: GoMap = new Map();
  for (const k of Object.keys(o)) out.set(k, v(o[k]));
  return out;
}

export function v(x: unknown): Value {
  if (x === undefined || x === null) return null;
  if (x instanceof GoInt || x instanceof Map || x instanceof Uint8Array) return x as Value;
  if (Array.isArray(x)) return x.map(v);
  if (typeof x === 'object') return m(x as Record<string, unknown>);
  return x as Value;
}

export const i64 = (n: number | bigint) => goInt64(n);
