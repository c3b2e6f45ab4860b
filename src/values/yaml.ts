// The YAML reader values and charts use: go-yaml v2 through sigs.k8s.io/yaml (YAML 1.1, float64 numbers).
//
// TEMPORARY stand-in until the goyaml helper's `parseYaml` lands (branch `goyaml`): this reads with the `yaml`
// package's YAML 1.1 schema and converts to Go values, which is close but not go-yaml v2 (its error texts,
// `y`/`n` booleans and some scalar forms differ). Everything in bosun reads YAML through this one function, so
// switching to goyaml is a change to this file alone.

import { parseAllDocuments } from 'yaml';
import { GoInt, type GoMap, type Value } from '../template/value.ts';

export class YamlError extends Error {
  override name = 'YamlError';
}

/** Reads the first YAML document (as sigs.k8s.io/yaml.Unmarshal does) into Go values: numbers are float64. */
export function parseYaml(text: string): Value {
  return toGo(readFirst(text, false), false);
}

/**
 * Reads the first YAML document keeping go-yaml's integer/float distinction (integers as int64 GoInt, uint64
 * beyond), for decoding into Go structs where sigs.k8s.io/yaml turns numbers into strings (Chart.yaml).
 */
export function parseYamlInts(text: string): Value {
  return toGo(readFirst(text, true), true);
}

function readFirst(text: string, ints: boolean): unknown {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, merge: true, intAsBigInt: ints });
  if (!Array.isArray(docs)) return null;
  const doc = docs[0];
  if (!doc) return null;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? 1;
    throw new YamlError(`error converting YAML to JSON: yaml: line ${line}: ${e.message.split('\n')[0]}`);
  }
  return doc.toJS({ maxAliasCount: -1, mapAsMap: true });
}

function toGo(v: unknown, ints: boolean): Value {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return v;
    case 'bigint':
      if (!ints) return Number(v);
      return new GoInt(v, v > 9223372036854775807n ? 'uint64' : 'int64');
  }
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => toGo(x, ints));
  if (v instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of v) {
      if (k === null) {
        throw new YamlError(
          `error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ${String(x)}`,
        );
      }
      m.set(String(k), toGo(x, ints));
    }
    return m;
  }
  const m: GoMap = new Map();
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) m.set(k, toGo(o[k], ints));
  return m;
}
