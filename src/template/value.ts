// Go values as bosun's template engine sees them.
//
// Helm's output depends on Go's dynamic types: a values-file number is a float64 and prints `1e+06`, a template
// literal is an int and prints `1000000`, `eq` refuses to compare them, `typeOf` names them. JavaScript has one
// number type, so the engine keeps Go's types explicit:
//
//   Go                         JavaScript
//   invalid reflect.Value      undefined      (a missing map key: prints `<no value>`)
//   nil (interface, map, ...)  null
//   bool                       boolean
//   string                     string         (Go strings are bytes; functions that count bytes say so)
//   float64                    number
//   int, int64, uint8, ...     GoInt          (exact 64-bit value as bigint, plus the Go kind)
//   []byte                     Uint8Array
//   []T                        Array          (element type tagged with GO_TYPE when it is not interface {})
//   map[string]T               Map            (type tagged with GO_TYPE when it is not map[string]interface {})
//   struct, *struct            GoStruct       (Helm's .Chart, .Capabilities, time.Time, semver.Version, ...)
//   func                       GoFunc
//
// Maps are JS Maps, never plain objects: keys such as `__proto__` or `constructor` are ordinary keys in Go.

export type IntKind =
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr';

/** A Go integer of a given kind. Immutable; small `int`s are shared. */
export class GoInt {
  constructor(
    readonly value: bigint,
    readonly kind: IntKind = 'int',
  ) {}
  toString(): string {
    return this.value.toString();
  }
}

export type GoMap = Map<string, Value>;
export type GoSlice = Value[];

export type Value =
  | undefined
  | null
  | boolean
  | string
  | number
  | GoInt
  | Uint8Array
  | GoSlice
  | GoMap
  | GoStruct
  | GoFunc;

/**
 * Type information for values whose Go type is not the default of their JS representation:
 * `[]string` rather than `[]interface {}`, `chartutil.Values` rather than `map[string]interface {}`,
 * and types with methods (`.Capabilities.APIVersions.Has`, `.Values.AsMap`).
 */
export interface GoTypeInfo {
  /** The type as Go's `%T` prints it: `[]string`, `map[string]string`, `chartutil.Values`, `*chart.Metadata`. */
  readonly name: string;
  /** Element type name of a slice or map, for `typeOf`/`kindOf` and printing: `string`, `interface {}`. */
  readonly elem?: string;
  /**
   * Methods callable from templates (`.Has "v1"`), keyed by Go name. Shared by every value of the type, so the
   * engine passes the receiver (the array or Map itself) as the first argument of `fn`; `params` list only the
   * parameters after it. (GoStruct.method returns functions already bound to their struct.)
   */
  readonly methods?: Readonly<Record<string, GoFunc>>;
  /**
   * The value is a nil slice or map of this type (always empty): `%v` prints `[]` / `map[]` like an empty one,
   * but encoding/json writes `null` and reflect.DeepEqual tells it apart from an empty one.
   */
  readonly nil?: boolean;
}

export const GO_TYPE: unique symbol = Symbol.for('bosun.goType');

interface Tagged {
  [GO_TYPE]?: GoTypeInfo;
}

/** Tags an array or Map with a Go type (non-enumerable). Returns the same object. */
export function withType<T extends GoSlice | GoMap>(v: T, info: GoTypeInfo): T {
  Object.defineProperty(v, GO_TYPE, { value: info, enumerable: false, configurable: true, writable: true });
  return v;
}

export function typeInfoOf(v: GoSlice | GoMap): GoTypeInfo | undefined {
  return (v as Tagged)[GO_TYPE];
}

const STRING_SLICE: GoTypeInfo = { name: '[]string', elem: 'string' };
const INT_SLICE: GoTypeInfo = { name: '[]int', elem: 'int' };
const STRING_MAP: GoTypeInfo = { name: 'map[string]string', elem: 'string' };

/** A `[]string`, as returned by `splitList`, `keys`, `regexFindAll`, ... */
export function stringSlice(items: string[]): GoSlice {
  return withType(items as GoSlice, STRING_SLICE);
}

/** A `[]int`, as returned by `until` and `untilStep`. */
export function intSlice(items: GoInt[]): GoSlice {
  return withType(items as GoSlice, INT_SLICE);
}

const nilSliceTypes = new Map<string, GoTypeInfo>();

/**
 * A nil slice (frozen, empty), as Sprig's `rest`/`initial` of an empty list or `regexFindAll` without a match
 * return: `[]interface {}` by default, `[]string` with `elem: 'string'`, or `[]<elem>` for any element type.
 */
export function nilSlice(elem = 'interface {}'): GoSlice {
  let info = nilSliceTypes.get(elem);
  if (!info) nilSliceTypes.set(elem, (info = { name: `[]${elem}`, elem, nil: true }));
  return Object.freeze(withType([] as GoSlice, info)) as unknown as GoSlice;
}

/** A nil map of the given type (empty; `%v` prints `map[]`, encoding/json writes `null`). */
export function nilMap(name = 'map[string]interface {}', elem = 'interface {}'): GoMap {
  return withType(new Map() as GoMap, { name, elem, nil: true });
}

/** Whether a value is Go nil: nil itself (null/undefined), or a nil slice or map (see `GoTypeInfo.nil`). */
export function isNil(v: Value): boolean {
  if (v === undefined || v === null) return true;
  return (Array.isArray(v) || v instanceof Map) && typeInfoOf(v)?.nil === true;
}

/** A `map[string]string`, as returned by `split`. */
export function stringMap(m: Map<string, string>): GoMap {
  return withType(m as GoMap, STRING_MAP);
}

/**
 * A Go struct (or pointer to struct). Subclasses list their exported fields in Go order, so that `%v` prints
 * `{a b}` as Go does, and expose methods callable from templates.
 */
export abstract class GoStruct {
  /** `%T` of the value: `*chart.Metadata`, `time.Time`, `*semver.Version`. */
  abstract readonly goTypeName: string;
  /** Exported field names in declaration order. */
  abstract fieldNames(): readonly string[];
  /** The value of an exported field; `NO_FIELD` if there is none by that name. */
  abstract field(name: string): Value | typeof NO_FIELD;
  /** A method callable from templates, or undefined. */
  method(_name: string): GoFunc | undefined {
    return undefined;
  }
  /** Whether the value is a pointer to a struct (prints `&{...}` with %v). */
  get isPointer(): boolean {
    return this.goTypeName.startsWith('*');
  }
  /** Go's `String()` method, when the type has one: fmt uses it for %v and %s. */
  goString?(): string;
  /**
   * What encoding/json encodes for this struct (toJson, toYaml): a Map keyed by the fields' JSON names with
   * omitempty applied, in field declaration order (JSON writes struct fields in that order, maps sorted), or the
   * value its MarshalJSON/MarshalText stands for (a string for time.Time). By default the exported fields are
   * encoded under their Go names, as for a struct without json tags.
   */
  jsonValue(): Value {
    const m: GoMap = new Map();
    for (const name of this.fieldNames()) {
      // encoding/json skips unexported (lower-case) fields.
      const c = name.charCodeAt(0);
      if (c >= 97 && c <= 122) continue;
      const v = this.field(name);
      if (v !== NO_FIELD) m.set(name, v);
    }
    return m;
  }
  /**
   * Whether `String()` is declared on the pointer type (`func (*T) String()`, as Helm's KubeVersion). For a struct
   * value fmt then ignores it (`print .Capabilities.KubeVersion` shows the fields), while text/template's
   * `{{ .Capabilities.KubeVersion }}` uses it because the field is addressable.
   */
  get stringerOnPointer(): boolean {
    return false;
  }
}

export const NO_FIELD: unique symbol = Symbol('bosun.noField');

/**
 * A Go value with no field a template can reach: a named non-struct type (time.Duration, time.Month) or a struct
 * whose fields are all unexported (time.Time, *semver.Version). Such values matter by their methods and String().
 */
export abstract class GoOpaque extends GoStruct {
  fieldNames(): readonly string[] {
    return [];
  }
  field(_name: string): typeof NO_FIELD {
    return NO_FIELD;
  }
}

/** Go types of function parameters, enough to apply text/template's argument conversion rules. */
export type ParamType =
  | { readonly kind: 'interface'; readonly name: 'interface {}' }
  | { readonly kind: 'string'; readonly name: 'string' }
  | { readonly kind: 'bool'; readonly name: 'bool' }
  | { readonly kind: 'float'; readonly name: 'float64' }
  | { readonly kind: 'int'; readonly name: IntKind }
  | { readonly kind: 'slice'; readonly name: string }
  | { readonly kind: 'map'; readonly name: string }
  | { readonly kind: 'struct'; readonly name: string }
  | { readonly kind: 'bytes'; readonly name: '[]uint8' }
  | { readonly kind: 'value'; readonly name: 'reflect.Value' };

export const T = {
  any: { kind: 'interface', name: 'interface {}' },
  string: { kind: 'string', name: 'string' },
  bool: { kind: 'bool', name: 'bool' },
  float64: { kind: 'float', name: 'float64' },
  int: { kind: 'int', name: 'int' },
  int64: { kind: 'int', name: 'int64' },
  uint32: { kind: 'int', name: 'uint32' },
  bytes: { kind: 'bytes', name: '[]uint8' },
  anySlice: { kind: 'slice', name: '[]interface {}' },
  stringSlice: { kind: 'slice', name: '[]string' },
  anyMap: { kind: 'map', name: 'map[string]interface {}' },
  reflectValue: { kind: 'value', name: 'reflect.Value' },
} as const satisfies Record<string, ParamType>;

/**
 * A function callable from templates. `params` are Go's parameter types (the engine converts and checks
 * arguments by them, with Go's error messages); `variadic` is the element type of a final `...T` parameter.
 * `fn` returns the result, or throws a `GoError` for Go's `(T, error)` results: the engine reports it as
 * `error calling <name>: <message>`.
 */
export interface GoFunc {
  readonly name: string;
  readonly params: readonly ParamType[];
  readonly variadic?: ParamType;
  /** Go's result type when it is not interface {} (for `typeOf` of a call result, rarely needed). */
  readonly fn: (...args: Value[]) => Value;
}

/** An error returned by a Go function (the `error` of `(T, error)`); its message is Go's err.Error(). */
export class GoError extends Error {
  override name = 'GoError';
}

/** Defines a function for the function map. */
export function goFunc(
  name: string,
  params: readonly ParamType[],
  fn: (...args: Value[]) => Value,
  variadic?: ParamType,
): GoFunc {
  return variadic ? { name, params, variadic, fn } : { name, params, fn };
}

// Shared small ints, made on first use (building them all at load would cost start-up time).
const SMALL_INTS: (GoInt | undefined)[] = new Array(1153);
const small = (i: number): GoInt => (SMALL_INTS[i + 128] ??= new GoInt(BigInt(i), 'int'));

/** A Go `int` from a JS integer (or bigint). */
export function goInt(n: number | bigint): GoInt {
  if (typeof n === 'number') {
    if (n >= -128 && n <= 1024 && Number.isInteger(n)) return small(n);
    return new GoInt(BigInt(Math.trunc(n)), 'int');
  }
  if (n >= -128n && n <= 1024n) return small(Number(n));
  return new GoInt(BigInt.asIntN(64, n), 'int');
}

/** A Go `int64`, wrapping to 64 bits as Go's arithmetic does. */
export function goInt64(n: number | bigint): GoInt {
  return new GoInt(BigInt.asIntN(64, typeof n === 'number' ? BigInt(Math.trunc(n)) : n), 'int64');
}

/** A Go integer of any kind, wrapped to the kind's width. */
export function goIntOfKind(n: bigint, kind: IntKind): GoInt {
  if (kind === 'int') return goInt(BigInt.asIntN(64, n));
  return new GoInt(wrapToKind(n, kind), kind);
}

export function wrapToKind(n: bigint, kind: IntKind): bigint {
  switch (kind) {
    case 'int8':
      return BigInt.asIntN(8, n);
    case 'int16':
      return BigInt.asIntN(16, n);
    case 'int32':
      return BigInt.asIntN(32, n);
    case 'int':
    case 'int64':
      return BigInt.asIntN(64, n);
    case 'uint8':
      return BigInt.asUintN(8, n);
    case 'uint16':
      return BigInt.asUintN(16, n);
    case 'uint32':
      return BigInt.asUintN(32, n);
    default:
      return BigInt.asUintN(64, n);
  }
}

export function isUnsigned(kind: IntKind): boolean {
  return kind.charCodeAt(0) === 117; /* 'u' */
}

export function isMap(v: Value): v is GoMap {
  return v instanceof Map;
}

export function isSlice(v: Value): v is GoSlice {
  return Array.isArray(v);
}

export function newMap(entries?: Iterable<readonly [string, Value]>): GoMap {
  return new Map(entries);
}

/** Go's reflect.Kind name of a value, as Sprig's `kindOf` prints it. */
export function kindOf(v: Value): string {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'function':
      return 'func';
  }
  if (v instanceof GoInt) return v.kind;
  if (v instanceof Uint8Array || Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  if (v instanceof GoStruct) return v.isPointer ? 'ptr' : 'struct';
  return 'func';
}

/** Go's `%T` of a value, as Sprig's `typeOf` prints it. */
export function typeOf(v: Value): string {
  if (v === undefined || v === null) return '<nil>';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.kind;
  if (v instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(v)) return typeInfoOf(v)?.name ?? '[]interface {}';
  if (v instanceof Map) return typeInfoOf(v)?.name ?? 'map[string]interface {}';
  if (v instanceof GoStruct) return v.goTypeName;
  return 'func()';
}

/** Go's truthiness (text/template `if`): false, 0, nil, and empty strings, slices and maps are false. */
export function truth(v: Value): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoInt) return v.value !== 0n;
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

/** Converts plain JS data (JSON-like) to Go values: numbers become float64, objects become maps. */
export function fromJS(v: unknown): Value {
  if (v === undefined || v === null) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
    case 'number':
      return v;
    case 'bigint':
      return goInt64(v);
  }
  if (v instanceof GoInt || v instanceof GoStruct || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(fromJS);
  if (v instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of v) m.set(String(k), fromJS(x));
    return m;
  }
  if (typeof v === 'object') {
    const m: GoMap = new Map();
    for (const k of Object.keys(v)) m.set(k, fromJS((v as Record<string, unknown>)[k]));
    return m;
  }
  return null;
}

/** Converts Go values to plain JS data for library users: maps become objects, ints become numbers. */
export function toJS(v: Value): unknown {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof GoInt) {
    const n = Number(v.value);
    return Number.isSafeInteger(n) ? n : v.value;
  }
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v)
      Object.defineProperty(o, k, { value: toJS(x), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return v;
}

/** The functions a template set may call, by name (Go's template.FuncMap). */
export type FuncMap = Map<string, GoFunc>;
