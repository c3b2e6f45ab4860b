// Go's builtin template functions (funcs.go). They take reflect.Value parameters, so they see `undefined`
// (an invalid value) and `null` (a nil interface) apart, as Go's do. `and`, `or` and `call` are evaluated
// specially by the evaluator; their records here carry only the signature.

import { comparisons } from './compare.ts';
import { printable, zeroOf } from './convert.ts';
import { htmlEscape, jsEscape, urlQueryEscape } from './escape.ts';
import { sprint, sprintf, sprintln } from './fmt.ts';
import { byteLength, byteSlice, isAscii, utf8Bytes } from './gostring.ts';
import {
  GoError,
  type GoFunc,
  GoInt,
  GoStruct,
  goFunc,
  goIntOfKind,
  T,
  truth,
  typeInfoOf,
  typeOf,
  type Value,
  withType,
} from './value.ts';

const V = T.reflectValue;

function unreachable(): never {
  throw new Error('evaluated by the engine');
}

function length(item: Value): Value {
  if (item === null) throw new GoError('len of nil pointer');
  // Go asks the type of an invalid value here and panics; the panic becomes the error.
  if (item === undefined) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return goIntOfKind(BigInt(byteLength(item)), 'int');
  if (Array.isArray(item) || item instanceof Uint8Array) return goIntOfKind(BigInt(item.length), 'int');
  if (item instanceof Map) return goIntOfKind(BigInt(item.size), 'int');
  const t = typeOf(item);
  throw new GoError(`len of type ${item instanceof GoStruct && item.isPointer ? t.slice(1) : t}`);
}

/** Go's indexArg: an integer index within [0, cap]. */
function indexArg(index: Value, cap: number): number {
  if (index === null || index === undefined) throw new GoError('cannot index slice/array with nil');
  if (!(index instanceof GoInt)) throw new GoError(`cannot index slice/array with type ${typeOf(index)}`);
  const x = BigInt.asIntN(64, index.value);
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: Value, ...indexes: Value[]): Value {
  if (item === null || item === undefined) throw new GoError('index of untyped nil');
  for (let idx of indexes) {
    if (idx === null) idx = undefined;
    if (item === null || item === undefined) throw new GoError('index of nil pointer');
    if (typeof item === 'string') {
      const len = byteLength(item);
      const x = indexArg(idx, len);
      if (x === len) throw new GoError('reflect: string index out of range');
      item = goIntOfKind(BigInt(isAscii(item) ? item.charCodeAt(x) : utf8Bytes(item)[x]), 'uint8');
    } else if (Array.isArray(item)) {
      const x = indexArg(idx, item.length);
      if (x === item.length) throw new GoError('reflect: slice index out of range');
      item = item[x];
    } else if (item instanceof Uint8Array) {
      const x = indexArg(idx, item.length);
      if (x === item.length) throw new GoError('reflect: slice index out of range');
      item = goIntOfKind(BigInt(item[x]), 'uint8');
    } else if (item instanceof Map) {
      if (idx === undefined) throw new GoError('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new GoError(`value has type ${typeOf(idx)}; should be string`);
      const v = item.get(idx);
      item = v !== undefined ? v : zeroOf(typeInfoOf(item)?.elem);
    } else {
      throw new GoError(`can't index item of type ${typeOf(item)}`);
    }
  }
  return item;
}

function slice(item: Value, ...indexes: Value[]): Value {
  if (item === null || item === undefined) throw new GoError('slice of untyped nil');
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
    len = byteLength(item);
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    len = item.length;
  } else {
    throw new GoError(`can't slice item of type ${typeOf(item)}`);
  }
  const idx = [0, len, 0];
  for (let i = 0; i < indexes.length; i++) idx[i] = indexArg(indexes[i] === null ? undefined : indexes[i], len);
  if (idx[0] > idx[1]) throw new GoError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new GoError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return byteSlice(item, idx[0], idx[1]);
  if (item instanceof Uint8Array) return item.slice(idx[0], idx[1]);
  const out = item.slice(idx[0], idx[1]);
  const info = typeInfoOf(item);
  return info ? withType(out, info) : out;
}

/** Go's evalArgs for html, js and urlquery: fmt.Sprint, except that nil prints as `<no value>`. */
function evalArgs(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const printed = args.map((a) => (a === null || a === undefined ? '<no value>' : printable(a)));
  return sprint(printed);
}

function makeBuiltins(namedComparisonTypes: boolean): Map<string, GoFunc> {
  const cmp = comparisons(namedComparisonTypes);
  const fns: GoFunc[] = [
    goFunc('and', [V], unreachable, V),
    goFunc('call', [V], unreachable, V),
    goFunc('html', [], (...a) => htmlEscape(evalArgs(a)), T.any),
    goFunc('index', [V], (item, ...ix) => index(item, ...ix), V),
    goFunc('slice', [V], (item, ...ix) => slice(item, ...ix), V),
    goFunc('js', [], (...a) => jsEscape(evalArgs(a)), T.any),
    goFunc('len', [V], length),
    goFunc('not', [V], (a) => !truth(a)),
    goFunc('or', [V], unreachable, V),
    goFunc('print', [], (...a) => sprint(a), T.any),
    goFunc('printf', [T.string], (f, ...a) => sprintf(f as string, a), T.any),
    goFunc('println', [], (...a) => sprintln(a), T.any),
    goFunc('urlquery', [], (...a) => urlQueryEscape(evalArgs(a)), T.any),
    goFunc('eq', [V], (a, ...b) => cmp.eq(a, ...b), V),
    goFunc('ge', [V, V], cmp.ge),
    goFunc('gt', [V, V], cmp.gt),
    goFunc('le', [V, V], cmp.le),
    goFunc('lt', [V, V], cmp.lt),
    goFunc('ne', [V, V], cmp.ne),
  ];
  return new Map(fns.map((f) => [f.name, f]));
}

let helm4: Map<string, GoFunc> | undefined;
let helm3: Map<string, GoFunc> | undefined;

/** The builtin functions of helm 4's Go (Go 1.25) or helm 3's (Go 1.23). */
export function builtins(dialect: 'helm4' | 'helm3'): Map<string, GoFunc> {
  if (dialect === 'helm3') return (helm3 ??= makeBuiltins(false));
  return (helm4 ??= makeBuiltins(true));
}
