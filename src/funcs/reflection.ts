// The few pieces of Go's reflect that Sprig leans on: walking any slice, emptiness (Sprig's `empty`),
// reflect.DeepEqual, and the panics a nil interface or a failed type assertion produce.

import {
  GoError,
  GoInt,
  type GoSlice,
  GoStruct,
  isNil,
  kindOf,
  NO_FIELD,
  typeInfoOf,
  typeOf,
  type Value,
  withType,
} from '../template/value.ts';

/** The elements of a Go slice value (any element type), or undefined if the value is not a slice. */
export function sliceItems(v: Value): readonly Value[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) {
    const out: Value[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = new GoInt(BigInt(v[i]), 'uint8');
    return out;
  }
  return undefined;
}

/** The message of the panic Go raises for `reflect.TypeOf(nil).Kind()` (a method call on a nil interface). */
export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

/**
 * reflect.TypeOf(v).Kind() as Sprig's list functions use it: the kind name, or a nil-dereference panic for nil
 * (reflect.TypeOf(nil) is a nil Type).
 */
export function kindOrPanic(v: Value): string {
  if (v === undefined || v === null) throw new GoError(NIL_DEREF);
  return kindOf(v);
}

/** Sprig's `empty`: the zero value of its type (nil, false, 0, "", and empty slices and maps). */
export function isEmpty(v: Value): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'boolean':
      return !v;
    case 'string':
      return v.length === 0;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.value === 0n;
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false;
}

/** reflect.DeepEqual. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === undefined || a === null || b === undefined || b === null)
    return (a === undefined || a === null) && (b === undefined || b === null);
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (typeOf(a) !== typeOf(b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false; // equal primitives returned above
  if (a instanceof GoInt) return b instanceof GoInt && a.value === b.value;
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || isNil(a) !== isNil(b)) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size || isNil(a) !== isNil(b)) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    }
    return true;
  }
  if (a instanceof GoStruct) {
    if (!(b instanceof GoStruct)) return false;
    for (const name of a.fieldNames()) {
      const x = a.field(name);
      const y = b.field(name);
      if (x === NO_FIELD || y === NO_FIELD || !deepEqual(x, y)) return false;
    }
    return true;
  }
  return false; // funcs are never deeply equal unless both nil
}

/** Go's panic text for a failed type assertion `v.(T)` on an interface {} value. */
export function assertionMessage(v: Value, want: string): string {
  const got = v === undefined || v === null ? 'nil' : typeOf(v);
  return `interface conversion: interface {} is ${got}, not ${want}`;
}

/** A copy of a slice that keeps its Go element type (for results such as `slice` that return the input type). */
export function sameTypeSlice(orig: GoSlice, items: Value[]): GoSlice {
  const info = typeInfoOf(orig);
  if (info === undefined) return items;
  const { nil: _nil, ...rest } = info;
  return withType(items, rest);
}
