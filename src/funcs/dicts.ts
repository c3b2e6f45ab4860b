// Sprig's dict functions (dict.go). Parameters typed map[string]interface{} may receive nil (null): Go reads a
// nil map as empty and panics on writing to it.

import {
  GoError,
  type GoFunc,
  type GoMap,
  goFunc,
  stringSlice,
  T,
  typeInfoOf,
  typeOf,
  type Value,
  withType,
} from '../template/value.ts';
import { mergeInto } from './merge.ts';
import { assertionMessage } from './reflection.ts';
import { strval } from './strval.ts';

const EMPTY: GoMap = new Map();

function asMap(v: Value): GoMap {
  return v instanceof Map ? v : EMPTY;
}

function dict(...v: Value[]): Value {
  const out: GoMap = new Map();
  for (let i = 0; i < v.length; i += 2) out.set(strval(v[i]), i + 1 < v.length ? v[i + 1] : '');
  return out;
}

function get(d: Value, key: Value): Value {
  const m = asMap(d);
  const k = key as string;
  return m.has(k) ? m.get(k) : '';
}

function set(d: Value, key: Value, value: Value): Value {
  if (!(d instanceof Map)) throw new GoError('assignment to entry in nil map');
  d.set(key as string, value);
  return d;
}

function unset(d: Value, key: Value): Value {
  if (d instanceof Map) d.delete(key as string);
  return d;
}

function pluck(key: Value, ...dicts: Value[]): Value {
  const out: Value[] = [];
  for (const d of dicts) {
    const m = asMap(d);
    if (m.has(key as string)) out.push(m.get(key as string));
  }
  return out;
}

/** Go ranges over maps in random order; bosun gives insertion order (charts sort keys when order matters). */
function keys(...dicts: Value[]): Value {
  const out: string[] = [];
  for (const d of dicts) for (const k of asMap(d).keys()) out.push(k);
  return stringSlice(out);
}

function pick(d: Value, ...names: Value[]): Value {
  const m = asMap(d);
  const out: GoMap = new Map();
  for (const k of names as string[]) if (m.has(k)) out.set(k, m.get(k));
  return out;
}

function omit(d: Value, ...names: Value[]): Value {
  const drop = new Set(names as string[]);
  const out: GoMap = new Map();
  for (const [k, v] of asMap(d)) if (!drop.has(k)) out.set(k, v);
  return out;
}

function values(d: Value): Value {
  return [...asMap(d).values()];
}

function merger(overwrite: boolean) {
  return (dst: Value, ...srcs: Value[]): Value => {
    const out = dst instanceof Map ? dst : new Map<string, Value>();
    for (const src of srcs) if (src instanceof Map) mergeInto(out, src, overwrite);
    return out;
  };
}

/** copystructure.Copy: maps and slices are copied deeply, keeping their Go types; other values are immutable. */
export function deepCopyValue(v: Value): Value {
  if (Array.isArray(v)) {
    const out = v.map(deepCopyValue);
    const info = typeInfoOf(v);
    return info ? withType(out, info) : out;
  }
  if (v instanceof Map) {
    const out: GoMap = new Map();
    for (const [k, x] of v) out.set(k, deepCopyValue(x));
    const info = typeInfoOf(v);
    return info ? withType(out, info) : out;
  }
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

function deepCopy(v: Value): Value {
  // copystructure asks reflect for the type of a nil interface, which panics.
  if (v === undefined || v === null) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  return deepCopyValue(v);
}

const MAP_TYPE = 'map[string]interface {}';

function asPlainMap(v: Value): GoMap {
  if (!(v instanceof Map) || typeOf(v) !== MAP_TYPE) throw new GoError(assertionMessage(v, MAP_TYPE));
  return v;
}

function dig(...ps: Value[]): Value {
  if (ps.length < 3) throw new GoError('dig needs at least three arguments');
  let m = asPlainMap(ps[ps.length - 1]);
  const def = ps[ps.length - 2];
  const path: string[] = [];
  for (let i = 0; i < ps.length - 2; i++) {
    const k = ps[i];
    if (typeof k !== 'string') throw new GoError(assertionMessage(k, 'string'));
    path.push(k);
  }
  for (let i = 0; ; i++) {
    if (!m.has(path[i])) return def;
    const step = m.get(path[i]);
    if (i === path.length - 1) return step;
    m = asPlainMap(step);
  }
}

export function dictFuncs(): GoFunc[] {
  const mergeFn = merger(false);
  const mergeOverwriteFn = merger(true);
  return [
    goFunc('dict', [], dict, T.any),
    goFunc('get', [T.anyMap, T.string], get),
    goFunc('set', [T.anyMap, T.string, T.any], set),
    goFunc('unset', [T.anyMap, T.string], unset),
    goFunc('hasKey', [T.anyMap, T.string], (d, k) => asMap(d).has(k as string)),
    goFunc('pluck', [T.string], pluck, T.anyMap),
    goFunc('keys', [], keys, T.anyMap),
    goFunc('pick', [T.anyMap], pick, T.string),
    goFunc('omit', [T.anyMap], omit, T.string),
    goFunc('values', [T.anyMap], values),
    goFunc('merge', [T.anyMap], mergeFn, T.anyMap),
    goFunc('mustMerge', [T.anyMap], mergeFn, T.anyMap),
    goFunc('mergeOverwrite', [T.anyMap], mergeOverwriteFn, T.anyMap),
    goFunc('mustMergeOverwrite', [T.anyMap], mergeOverwriteFn, T.anyMap),
    goFunc('deepCopy', [T.any], deepCopy),
    goFunc('mustDeepCopy', [T.any], deepCopy),
    goFunc('dig', [], dig, T.any),
  ];
}
