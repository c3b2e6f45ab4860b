// Sprig's list functions (list.go). They accept a slice of any element type (Go reflection) and return
// []interface {}; the must* forms return the error that the plain forms panic with (same text either way).

import { compareStrings } from '../template/gostring.ts';
import {
  GoError,
  type GoFunc,
  type GoInt,
  type GoSlice,
  goFunc,
  goInt,
  intSlice,
  nilSlice,
  stringSlice,
  T,
  type Value,
} from '../template/value.ts';
import { toInt64 } from './cast.ts';
import { deepEqual, isEmpty, kindOrPanic, NIL_DEREF, sameTypeSlice, sliceItems } from './reflection.ts';
import { strslice, strval } from './strval.ts';

/** The elements of `list`, or the Sprig error `<prefix> <kind>` if it is not a slice. */
function itemsOr(list: Value, prefix: string, suffix = ''): readonly Value[] {
  const kind = kindOrPanic(list);
  const items = sliceItems(list);
  if (items === undefined) throw new GoError(`${prefix} ${kind}${suffix}`);
  return items;
}

function push(list: Value, v: Value): Value {
  const items = itemsOr(list, 'Cannot push on type');
  const out = items.slice();
  out.push(v);
  return out;
}

function prepend(list: Value, v: Value): Value {
  const items = itemsOr(list, 'Cannot prepend on type');
  const out: Value[] = [v];
  for (const x of items) out.push(x);
  return out;
}

const MAKESLICE = 'runtime error: makeslice: len out of range';

function chunk(size: Value, list: Value): Value {
  const items = itemsOr(list, 'Cannot chunk type');
  const n = Number((size as GoInt).value);
  const l = items.length;
  // int(math.Floor(float64(l-1)/float64(size)) + 1), with Go's float→int conversion of ±Inf/NaN.
  const f = Math.floor((l - 1) / n) + 1;
  const cs = Number.isFinite(f) ? f : Number.MIN_SAFE_INTEGER;
  if (cs < 0) throw new GoError(MAKESLICE);
  const out: Value[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = n;
    if (i === cs - 1) {
      clen = Math.floor(l % n);
      if (clen === 0 || Number.isNaN(clen)) clen = n;
    }
    if (clen < 0) throw new GoError(MAKESLICE);
    const part: Value[] = new Array(clen);
    for (let j = 0; j < clen; j++) {
      const ix = i * n + j;
      if (ix >= l) throw new GoError('reflect: slice index out of range');
      part[j] = items[ix];
    }
    out.push(part);
  }
  return out;
}

function last(list: Value): Value {
  const items = itemsOr(list, 'Cannot find last on type');
  return items.length === 0 ? null : items[items.length - 1];
}

function first(list: Value): Value {
  const items = itemsOr(list, 'Cannot find first on type');
  return items.length === 0 ? null : items[0];
}

function rest(list: Value): Value {
  const items = itemsOr(list, 'Cannot find rest on type');
  return items.length === 0 ? nilSlice() : items.slice(1);
}

function initial(list: Value): Value {
  const items = itemsOr(list, 'Cannot find initial on type');
  return items.length === 0 ? nilSlice() : items.slice(0, -1);
}

function reverse(list: Value): Value {
  return itemsOr(list, 'Cannot find reverse on type').slice().reverse();
}

function compact(list: Value): Value {
  return itemsOr(list, 'Cannot compact on type').filter((x) => !isEmpty(x));
}

function inList(haystack: readonly Value[], needle: Value): boolean {
  for (const h of haystack) if (deepEqual(needle, h)) return true;
  return false;
}

function uniq(list: Value): Value {
  const items = itemsOr(list, 'Cannot find uniq on type');
  const out: Value[] = [];
  for (const x of items) if (!inList(out, x)) out.push(x);
  return out;
}

function without(list: Value, ...omit: Value[]): Value {
  return itemsOr(list, 'Cannot find without on type').filter((x) => !inList(omit, x));
}

function has(needle: Value, haystack: Value): Value {
  if (haystack === undefined || haystack === null) return false;
  return inList(itemsOr(haystack, 'Cannot find has on type'), needle);
}

function slice(list: Value, ...indices: Value[]): Value {
  const items = itemsOr(list, 'list should be type of slice or array but');
  const l = items.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? toInt64(indices[0]) : 0n;
  const end = indices.length < 2 ? BigInt(l) : toInt64(indices[1]);
  if (start < 0n || end < start || end > BigInt(l)) throw new GoError('reflect.Value.Slice: slice index out of bounds');
  if (list instanceof Uint8Array) return list.slice(Number(start), Number(end));
  return sameTypeSlice(list as GoSlice, items.slice(Number(start), Number(end)));
}

function concat(...lists: Value[]): Value {
  const out: Value[] = [];
  for (const list of lists) {
    if (list === undefined || list === null) throw new GoError(NIL_DEREF);
    const items = sliceItems(list);
    if (items === undefined) throw new GoError(`Cannot concat type ${kindOrPanic(list)} as list`);
    for (const x of items) out.push(x);
  }
  return out.length === 0 ? nilSlice() : out;
}

function sortAlpha(list: Value): Value {
  if (sliceItems(list) === undefined) return stringSlice([strval(list)]);
  return stringSlice(strslice(list).sort(compareStrings));
}

// Sprig builds these lists eagerly; Go would try to allocate whatever is asked, so cap it with a clear error.
const MAX_RANGE = 10_000_000;

/** Sprig's untilStep: [start, stop) by step, empty when the step points away from stop. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (stop < start) {
    if (step >= 0n) return out;
    for (let i = start; i > stop; i += step) {
      out.push(i);
      if (out.length > MAX_RANGE) throw new GoError(`untilStep: more than ${MAX_RANGE} elements`);
    }
    return out;
  }
  if (step <= 0n) return out;
  for (let i = start; i < stop; i += step) {
    out.push(i);
    if (out.length > MAX_RANGE) throw new GoError(`untilStep: more than ${MAX_RANGE} elements`);
  }
  return out;
}

function ints(xs: bigint[]): GoSlice {
  return intSlice(xs.map((x) => goInt(x)));
}

function int(v: Value): bigint {
  return (v as GoInt).value;
}

/** The must* form returns the error; the plain form panics with it: the template reports both the same way. */
function both(name: string, params: GoFunc['params'], fn: (...a: Value[]) => Value, variadic?: GoFunc['variadic']) {
  const must = `must${name[0].toUpperCase()}${name.slice(1)}`;
  return [goFunc(name, params, fn, variadic), goFunc(must, params, fn, variadic)];
}

export function listFuncs(): GoFunc[] {
  const list = (...v: Value[]) => v.slice();
  return [
    goFunc('list', [], list, T.any),
    goFunc('tuple', [], list, T.any),
    goFunc('append', [T.any, T.any], push),
    goFunc('mustAppend', [T.any, T.any], push),
    ...both('push', [T.any, T.any], push),
    ...both('prepend', [T.any, T.any], prepend),
    ...both('chunk', [T.int, T.any], chunk),
    ...both('first', [T.any], first),
    ...both('last', [T.any], last),
    ...both('rest', [T.any], rest),
    ...both('initial', [T.any], initial),
    ...both('reverse', [T.any], reverse),
    ...both('compact', [T.any], compact),
    ...both('uniq', [T.any], uniq),
    ...both('without', [T.any], without, T.any),
    ...both('has', [T.any, T.any], has),
    ...both('slice', [T.any], slice, T.any),
    goFunc('concat', [], concat, T.any),
    goFunc('sortAlpha', [T.any], sortAlpha),
    goFunc('until', [T.int], (n) => {
      const count = int(n);
      return ints(untilStep(0n, count, count < 0n ? -1n : 1n));
    }),
    goFunc('untilStep', [T.int, T.int, T.int], (a, b, c) => ints(untilStep(int(a), int(b), int(c)))),
  ];
}
