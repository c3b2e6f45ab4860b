// Go's encoding/json, as helm's json.Marshal of a release writes it: HTML-safe string escapes, map keys in byte
// order, float64 in the shortest form, []byte as base64. And the reverse: JSON into Go's interface{} values, where
// every number is a float64 and every object a map.

import { formatJsonFloat } from '../goyaml/gofloat.ts';
import { quoteJSON } from '../goyaml/json-encode.ts';
import { compareStrings } from '../template/gostring.ts';
import { GoInt, type GoMap, GoStruct, type Value } from '../template/value.ts';

export class GoJsonError extends Error {
  override name = 'GoJsonError';
}

/** A JSON string literal exactly as Go's json.Marshal writes it (HTML-safe escapes). */
export function quote(s: string): string {
  return quoteJSON(s);
}

/** Go's float64 JSON form; a NaN or infinity is refused as json.Marshal refuses it. */
export function formatFloat(n: number): string {
  if (!Number.isFinite(n)) throw new GoJsonError(`json: unsupported value: ${goFloatName(n)}`);
  return formatJsonFloat(n);
}

function goFloatName(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  return n > 0 ? '+Inf' : '-Inf';
}

export function sortedKeys(keys: Iterable<string>): string[] {
  return Array.from(keys).sort(compareStrings);
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Appends the JSON of an interface{} value (a values map, a list, a scalar) to `out`. */
export function writeValue(v: Value, out: string[]): void {
  if (v === undefined || v === null) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'string':
      out.push(quote(v));
      return;
    case 'number':
      out.push(formatFloat(v));
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
  }
  if (v instanceof GoInt) {
    out.push(v.value.toString());
    return;
  }
  if (v instanceof Uint8Array) {
    out.push(`"${base64(v)}"`);
    return;
  }
  if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(',');
      writeValue(v[i], out);
    }
    out.push(']');
    return;
  }
  if (v instanceof Map) {
    writeMap(v, out);
    return;
  }
  if (v instanceof GoStruct) throw new GoJsonError(`json: cannot encode a ${v.goTypeName} in a release record`);
  throw new GoJsonError('json: unsupported type: func()');
}

export function writeMap(m: GoMap, out: string[]): void {
  out.push('{');
  let first = true;
  for (const k of sortedKeys(m.keys())) {
    if (!first) out.push(',');
    first = false;
    out.push(quote(k), ':');
    writeValue(m.get(k), out);
  }
  out.push('}');
}

/** A map[string]string, keys in byte order. */
export function writeStringMap(m: Readonly<Record<string, string>>, out: string[]): void {
  out.push('{');
  let first = true;
  for (const k of sortedKeys(Object.keys(m))) {
    if (!first) out.push(',');
    first = false;
    out.push(quote(k), ':', quote(m[k]));
  }
  out.push('}');
}

export function encodeValue(v: Value): string {
  const out: string[] = [];
  writeValue(v, out);
  return out.join('');
}

/** Parsed JSON (from JSON.parse) as Go's interface{}: objects become maps, numbers stay float64. */
export function jsonToValue(j: unknown): Value {
  if (j === null || typeof j !== 'object') return j as Value;
  if (Array.isArray(j)) {
    const a: Value[] = new Array(j.length);
    for (let i = 0; i < j.length; i++) a[i] = jsonToValue(j[i]);
    return a;
  }
  const m: GoMap = new Map();
  for (const k of Object.keys(j)) m.set(k, jsonToValue((j as Record<string, unknown>)[k]));
  return m;
}
