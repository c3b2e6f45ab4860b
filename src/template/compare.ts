// The comparison builtins (eq, ne, lt, le, gt, ge) with Go's rules: values compare only within a basic kind
// (bool, int, uint, float, string), except that signed and unsigned integers compare by value; nil equals only
// nil; helm 4's Go names the two types when they do not match, helm 3's does not.

import { sprintf } from './fmt.ts';
import { compareStrings } from './gostring.ts';
import { GoError, GoInt, GoStruct, isUnsigned, typeOf, type Value } from './value.ts';

const INVALID = 0;
const BOOL = 1;
const INT = 3;
const FLOAT = 4;
const STRING = 5;
const UINT = 6;

function basicKind(v: Value): number {
  switch (typeof v) {
    case 'boolean':
      return BOOL;
    case 'number':
      return FLOAT;
    case 'string':
      return STRING;
  }
  if (v instanceof GoInt) return isUnsigned(v.kind) ? UINT : INT;
  return INVALID;
}

/** reflect.Kind, coarsely: what `canCompare` looks at. */
function reflectKind(v: Value): string {
  if (v === undefined || v === null) return 'invalid';
  if (v instanceof Map) return 'map';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoStruct) return v.isPointer ? 'ptr' : 'struct';
  return 'func';
}

const BAD_TYPE = 'invalid type for comparison';
const NO_COMPARISON = 'missing argument for comparison';

export interface Comparisons {
  eq(arg1: Value, ...rest: Value[]): boolean;
  ne(a: Value, b: Value): boolean;
  lt(a: Value, b: Value): boolean;
  le(a: Value, b: Value): boolean;
  gt(a: Value, b: Value): boolean;
  ge(a: Value, b: Value): boolean;
}

/** The comparison functions; `namedTypes` selects Go 1.24+'s "incompatible types for comparison: A and B". */
export function comparisons(namedTypes: boolean): Comparisons {
  const incompatible = (a: Value, b: Value): GoError =>
    new GoError(
      namedTypes
        ? `incompatible types for comparison: ${typeOf(a)} and ${typeOf(b)}`
        : 'incompatible types for comparison',
    );

  const eq = (arg1: Value, ...rest: Value[]): boolean => {
    if (arg1 === null) arg1 = undefined;
    if (rest.length === 0) throw new GoError(NO_COMPARISON);
    const k1 = basicKind(arg1);
    for (let arg of rest) {
      if (arg === null) arg = undefined;
      const k2 = basicKind(arg);
      let truth = false;
      if (k1 !== k2) {
        if (k1 === INT && k2 === UINT)
          truth = (arg1 as GoInt).value >= 0n && (arg1 as GoInt).value === (arg as GoInt).value;
        else if (k1 === UINT && k2 === INT)
          truth = (arg as GoInt).value >= 0n && (arg1 as GoInt).value === (arg as GoInt).value;
        else if (arg1 !== undefined && arg !== undefined) throw incompatible(arg1, arg);
      } else {
        switch (k1) {
          case BOOL:
          case FLOAT:
          case STRING:
            truth = arg1 === arg;
            break;
          case INT:
          case UINT:
            truth = (arg1 as GoInt).value === (arg as GoInt).value;
            break;
          default: {
            const r1 = reflectKind(arg1);
            const r2 = reflectKind(arg);
            if (r1 !== r2 && r1 !== 'invalid' && r2 !== 'invalid') {
              throw new GoError(sprintf('non-comparable types %s: %v, %s: %v', [arg1, typeOf(arg1), typeOf(arg), arg]));
            }
            if (arg1 === undefined || arg === undefined) {
              truth = arg1 === arg;
            } else {
              if (r2 === 'map' || r2 === 'slice' || r2 === 'func') {
                throw new GoError(sprintf('non-comparable type %s: %v', [arg, typeOf(arg)]));
              }
              truth = arg1 === arg;
            }
          }
        }
      }
      if (truth) return true;
    }
    return false;
  };

  const lt = (a: Value, b: Value): boolean => {
    if (a === null) a = undefined;
    if (b === null) b = undefined;
    const k1 = basicKind(a);
    if (k1 === INVALID) throw new GoError(BAD_TYPE);
    const k2 = basicKind(b);
    if (k2 === INVALID) throw new GoError(BAD_TYPE);
    if (k1 !== k2) {
      if (k1 === INT && k2 === UINT) return (a as GoInt).value < 0n || (a as GoInt).value < (b as GoInt).value;
      if (k1 === UINT && k2 === INT) return (b as GoInt).value >= 0n && (a as GoInt).value < (b as GoInt).value;
      throw incompatible(a, b);
    }
    switch (k1) {
      case BOOL:
        throw new GoError(BAD_TYPE);
      case FLOAT:
        return (a as number) < (b as number);
      case STRING:
        return compareStrings(a as string, b as string) < 0;
      default:
        return (a as GoInt).value < (b as GoInt).value;
    }
  };

  const le = (a: Value, b: Value): boolean => lt(a, b) || eq(a, b);
  return {
    eq,
    ne: (a, b) => !eq(a, b),
    lt,
    le,
    gt: (a, b) => !le(a, b),
    ge: (a, b) => !lt(a, b),
  };
}
