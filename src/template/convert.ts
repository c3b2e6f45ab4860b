// Go's reflection rules the evaluator applies to values: assignability to parameter types, nil-ability, zero
// values, printability, and the `call` builtin's argument preparation.

import {
  type GoFunc,
  GoInt,
  type GoMap,
  GoStruct,
  goIntOfKind,
  type ParamType,
  typeInfoOf,
  typeOf,
  type Value,
} from './value.ts';

/** Go's printableValue: a pointer to a struct prints as the struct, unless the type has a String method. */
export function printable(v: Value): Value {
  if (v instanceof GoStruct && v.isPointer && v.goString === undefined) return derefStruct(v);
  return v;
}

const derefCache = new WeakMap<GoStruct, GoStruct>();

/** A view of a struct pointer as the struct it points to (Go's Elem()): same fields, type name without `*`. */
export function derefStruct(p: GoStruct): GoStruct {
  let d = derefCache.get(p);
  if (d === undefined) {
    d = Object.create(p, { goTypeName: { value: p.goTypeName.slice(1) } }) as GoStruct;
    derefCache.set(p, d);
  }
  return d;
}

export function canBeNil(t: ParamType): boolean {
  switch (t.kind) {
    case 'interface':
    case 'slice':
    case 'map':
    case 'bytes':
    case 'value':
      return true;
    case 'struct':
      return t.name.startsWith('*');
  }
  return false;
}

/** The Go type of a slice or map value as assignability sees it: named types reduce to their underlying type. */
function underlying(v: Value[] | GoMap): string {
  const info = typeInfoOf(v);
  if (info === undefined) return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
  if (info.name.startsWith('[]') || info.name.startsWith('map[')) return info.name;
  return Array.isArray(v) ? `[]${info.elem ?? 'interface {}'}` : `map[string]${info.elem ?? 'interface {}'}`;
}

/**
 * Go's assignability between slice or map types: identical types, or identical underlying types when one side is
 * unnamed. A named parameter type (`chartutil.Values`) accepts unnamed values; its underlying type is not
 * recorded, so any unnamed value of the right kind passes.
 */
function sameOrUnderlying(v: Value[] | GoMap, name: string, unnamedPrefix: string): boolean {
  const info = typeInfoOf(v);
  if (info?.name === name || underlying(v) === name) return true;
  return info === undefined && !name.startsWith(unnamedPrefix);
}

export function assignable(v: Value, t: ParamType): boolean {
  switch (t.kind) {
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'float':
      return typeof v === 'number';
    case 'int':
      return v instanceof GoInt && v.kind === t.name;
    case 'bytes':
      return v instanceof Uint8Array;
    case 'slice':
      return Array.isArray(v) && sameOrUnderlying(v, t.name, '[]');
    case 'map':
      return v instanceof Map && sameOrUnderlying(v, t.name, 'map[');
    case 'struct':
      return v instanceof GoStruct && v.goTypeName === t.name;
  }
  return true;
}

/** The zero value of a map's element type, for missingkey=zero. */
export function zeroOf(elem: string | undefined): Value {
  switch (elem) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'float64':
    case 'float32':
      return 0;
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      return goIntOfKind(0n, elem);
  }
  return null;
}

/** Whether a slice's or map's elements are interface {} (the default for values from YAML and JSON). */
export function isInterfaceElem(v: Value[] | GoMap): boolean {
  const elem = typeInfoOf(v)?.elem;
  return elem === undefined || elem === 'interface {}';
}

/** reflect.Value.String(): the string itself, or `<T Value>`. */
export function reflectString(v: Value): string {
  return typeof v === 'string' ? v : `<${typeOf(v)} Value>`;
}

const unaddressableCache = new WeakMap<GoStruct, GoStruct>();

/**
 * A struct value that is not addressable (a copy returned by a function, stored in a map): text/template prints
 * it by its fields even when its pointer type has a String() method.
 */
export function unaddressable(v: GoStruct): GoStruct {
  let u = unaddressableCache.get(v);
  if (u === undefined) {
    u = Object.create(v, { stringerOnPointer: { value: false }, goString: { value: undefined } }) as GoStruct;
    unaddressableCache.set(v, u);
  }
  return u;
}

/** A JavaScript stack overflow: a RangeError, or another error raised by it (a RegExp that could not compile). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof Error && e.message.includes('Maximum call stack size exceeded');
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The `call` builtin, once evalCall has prepended the callee's source text. */
export function callFunction(...argv: Value[]): Value {
  const calleeName = argv[0] as string;
  let fn = argv[1];
  if (fn === null) fn = undefined;
  if (fn === undefined) throw new Error('call of nil');
  if (!isGoFunc(fn)) throw new Error(`non-function ${calleeName} of type ${typeOf(fn)}`);
  const args = argv.slice(2).map((a) => (a === null ? undefined : a));
  const n = fn.params.length;
  if (fn.variadic !== undefined) {
    if (args.length < n)
      throw new Error(`wrong number of args for ${calleeName}: got ${args.length} want at least ${n}`);
  } else if (args.length !== n) {
    throw new Error(`wrong number of args for ${calleeName}: got ${args.length} want ${n}`);
  }
  const prepared = args.map((a, i) => {
    const t = i < n ? fn.params[i] : (fn.variadic as ParamType);
    try {
      return prepareArg(a, t);
    } catch (e) {
      throw new Error(`arg ${i}: ${errorText(e)}`);
    }
  });
  return fn.fn(...prepared);
}

export function isGoFunc(v: Value): v is GoFunc {
  return typeof v === 'object' && v !== null && 'fn' in v && typeof (v as GoFunc).fn === 'function';
}

/** Go's prepareArg (used by `call`): nil becomes the zero value where allowed; integers convert between kinds. */
function prepareArg(v: Value, t: ParamType): Value {
  if (v === undefined) {
    if (!canBeNil(t)) throw new Error(`value is nil; should be of type ${t.name}`);
    return t.kind === 'value' ? undefined : null;
  }
  if (t.kind === 'interface' || t.kind === 'value' || assignable(v, t)) return v;
  if (v instanceof GoInt && t.kind === 'int') return goIntOfKind(v.value, t.name);
  throw new Error(`value has type ${typeOf(v)}; should be ${t.name}`);
}
