// go-yaml v2's implicit typing of scalars (resolve.go): YAML 1.1 booleans in their listed spellings, ints in Go's
// ParseInt base-0 syntax after dropping `_`, floats, `~`/null, and timestamps (which callers keep as strings).

import { parseGoInt, parseGoUint } from '../template/strconv-parse.ts';
import { yamlFail } from './errors.ts';

export const TAG_PREFIX = 'tag:yaml.org,2002:';
export const NULL_TAG = 'tag:yaml.org,2002:null';
export const BOOL_TAG = 'tag:yaml.org,2002:bool';
export const STR_TAG = 'tag:yaml.org,2002:str';
export const INT_TAG = 'tag:yaml.org,2002:int';
export const FLOAT_TAG = 'tag:yaml.org,2002:float';
export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
export const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** The kind a scalar resolved to. */
export const R = {
  NULL: 0,
  BOOL: 1,
  STR: 2,
  /** int64 (Go's `int`): `value` is a number when safe, else a bigint. */
  INT: 3,
  /** uint64 beyond int64's range: `value` is a bigint. */
  UINT: 4,
  FLOAT: 5,
  TIMESTAMP: 6,
  MERGE: 7,
  /** A tag resolve() leaves alone (`!foo`, `!!binary`, `!!map`...): the text is a string. */
  OTHER: 8,
} as const;

export interface Resolved {
  kind: number;
  value: null | boolean | string | number | bigint;
  /** The resolved tag, for error messages. */
  tag: string;
}

const MAP = new Map<string, [number, null | boolean | number | string]>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) MAP.set(s, [R.BOOL, true]);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
  MAP.set(s, [R.BOOL, false]);
for (const s of ['', '~', 'null', 'Null', 'NULL']) MAP.set(s, [R.NULL, null]);
for (const s of ['.nan', '.NaN', '.NAN']) MAP.set(s, [R.FLOAT, Number.NaN]);
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) MAP.set(s, [R.FLOAT, Number.POSITIVE_INFINITY]);
for (const s of ['-.inf', '-.Inf', '-.INF']) MAP.set(s, [R.FLOAT, Number.NEGATIVE_INFINITY]);
MAP.set('<<', [R.MERGE, '<<']);

// go-yaml v3 (toYamlPretty) reads only true/false as booleans.
const MAP_V3 = new Map(
  [...MAP].filter(([k, [kind]]) => kind !== R.BOOL || /^(true|True|TRUE|false|False|FALSE)$/.test(k)),
);

const KIND_TAG = [NULL_TAG, BOOL_TAG, STR_TAG, INT_TAG, INT_TAG, FLOAT_TAG, TIMESTAMP_TAG, MERGE_TAG];

// resolveTable: the first character hints at what a plain scalar may be (S sign, D digit, M map word, . float);
// 0: nothing but a string.
export function hintOf(s: string): number {
  if (s === '') return 78; // 'N'
  const c = s.charCodeAt(0);
  if (c === 43 || c === 45) return 83; // S
  if (c >= 48 && c <= 57) return 68; // D
  switch (c) {
    case 121: // y
    case 89:
    case 110: // n
    case 78:
    case 116: // t
    case 84:
    case 102: // f
    case 70:
    case 111: // o
    case 79:
    case 126: // ~
      return 77; // M
    case 46:
      return 46; // .
  }
  return 0;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const SMALL_DECIMAL = /^[-+]?(0|[1-9][0-9]{0,14})$/;

const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml's isBase60Float: YAML 1.1 sexagesimal (`1:20`); the encoders quote it for YAML 1.1 readers. */
export function isBase60Float(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!(c === 43 || c === 45 || (c >= 48 && c <= 57)) || s.indexOf(':') < 0) return false;
  return BASE60.test(s);
}

const OLD_BOOLS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);

/** go-yaml v3's isOldBool: the YAML 1.1 booleans v3 reads as strings, yet still quotes when it writes them. */
export function isOldBool(s: string): boolean {
  return OLD_BOOLS.has(s);
}

export function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? '!!' + tag.slice(TAG_PREFIX.length) : tag;
}

function resolvableTag(tag: string): boolean {
  return (
    tag === '' ||
    tag === STR_TAG ||
    tag === BOOL_TAG ||
    tag === INT_TAG ||
    tag === FLOAT_TAG ||
    tag === NULL_TAG ||
    tag === TIMESTAMP_TAG
  );
}

function intValue(n: bigint): number | bigint {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

function resolvePlain(tag: string, s: string, v3: boolean): Resolved {
  const hint = hintOf(s);
  if (hint !== 0 && tag !== STR_TAG && tag !== BINARY_TAG) {
    const item = (v3 ? MAP_V3 : MAP).get(s);
    if (item) return { kind: item[0], value: item[1], tag: KIND_TAG[item[0]] };
    if (hint === 46) {
      if (DOT_FLOAT.test(s)) {
        const f = Number(s);
        if (Number.isFinite(f)) return { kind: R.FLOAT, value: f, tag: FLOAT_TAG };
      }
    } else if (hint === 68 || hint === 83) {
      if ((tag === '' || tag === TIMESTAMP_TAG) && isTimestamp(s)) {
        return { kind: R.TIMESTAMP, value: s, tag: TIMESTAMP_TAG };
      }
      if (SMALL_DECIMAL.test(s)) return { kind: R.INT, value: Number(s) || 0, tag: INT_TAG };
      const plain = s.indexOf('_') >= 0 ? s.replaceAll('_', '') : s;
      const i = parseGoInt(plain);
      if (i !== undefined) return { kind: R.INT, value: intValue(i), tag: INT_TAG };
      const u = parseGoUint(plain);
      if (u !== undefined) return { kind: R.UINT, value: u, tag: INT_TAG };
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = Number(plain);
        // Go's ParseFloat fails on overflow; go-yaml then keeps the text as a string.
        if (Number.isFinite(f)) return { kind: R.FLOAT, value: f, tag: FLOAT_TAG };
      }
    }
  }
  return { kind: R.STR, value: s, tag: STR_TAG };
}

/**
 * go-yaml v2's resolve(tag, in): the implicit type of a plain scalar, or the check of an explicit core tag.
 * With v3, go-yaml v3's, which differs only in reading y/yes/on/n/no/off as strings.
 * Throws `yaml: cannot decode !!str `x` as a !!int` when an explicit tag does not fit.
 */
export function resolve(tag: string, s: string, v3 = false): Resolved {
  if (!resolvableTag(tag)) return { kind: R.OTHER, value: s, tag };
  const r = resolvePlain(tag, s, v3);
  if (tag === '' || tag === r.tag || tag === STR_TAG) {
    if (tag === STR_TAG) return { kind: R.STR, value: s, tag: STR_TAG };
    return r;
  }
  if (tag === FLOAT_TAG && r.kind === R.INT) {
    return { kind: R.FLOAT, value: Number(r.value), tag: FLOAT_TAG };
  }
  throw yamlFail(`cannot decode ${shortTag(r.tag)} \`${s}\` as a ${shortTag(tag)}`);
}

// ---- timestamps: the subset of time.Parse layouts go-yaml v2 accepts ----------------------------------------

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Go's getnum(s, false) at i: one or two digits; returns [value, next] or undefined. */
function num12(s: string, i: number): [number, number] | undefined {
  if (!isDigit(s, i)) return undefined;
  if (!isDigit(s, i + 1)) return [s.charCodeAt(i) - 48, i + 1];
  return [(s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48, i + 2];
}

/**
 * Whether go-yaml v2 would parse s as a timestamp: `2006-1-2`, `2006-1-2 15:4:5[.frac]`, or
 * `2006-1-2T15:4:5[.frac](Z|±hh:mm)` (also with a lowercase `t`), with Go's range checks.
 */
export function isTimestamp(s: string): boolean {
  let i = 0;
  while (i < s.length && isDigit(s, i)) i++;
  if (i !== 4 || i === s.length || s.charCodeAt(4) !== 45) return false;
  const year = Number(s.slice(0, 4));
  const mo = num12(s, 5);
  if (!mo || mo[0] < 1 || mo[0] > 12 || s.charCodeAt(mo[1]) !== 45) return false;
  const day = num12(s, mo[1] + 1);
  if (!day) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const dim = mo[0] === 2 && leap ? 29 : DAYS[mo[0] - 1];
  if (day[0] < 1 || day[0] > dim) return false;
  i = day[1];
  if (i === s.length) return true;
  const sep = s.charCodeAt(i);
  const zoned = sep === 84 || sep === 116; // T or t
  if (!zoned && sep !== 32) return false;
  const h = num12(s, i + 1);
  if (!h || h[0] > 23 || s.charCodeAt(h[1]) !== 58) return false;
  const m = num12(s, h[1] + 1);
  if (!m || m[0] > 59 || s.charCodeAt(m[1]) !== 58) return false;
  const sec = num12(s, m[1] + 1);
  if (!sec || sec[0] > 59) return false;
  i = sec[1];
  const f = s.charCodeAt(i);
  if ((f === 46 || f === 44) && isDigit(s, i + 1)) {
    i++;
    while (isDigit(s, i)) i++;
  }
  if (!zoned) return i === s.length;
  if (s.charCodeAt(i) === 90) return i + 1 === s.length; // Z
  if (s.length - i !== 6) return false;
  const sign = s.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return false;
  if (
    !isDigit(s, i + 1) ||
    !isDigit(s, i + 2) ||
    s.charCodeAt(i + 3) !== 58 ||
    !isDigit(s, i + 4) ||
    !isDigit(s, i + 5)
  ) {
    return false;
  }
  const oh = Number(s.slice(i + 1, i + 3));
  const om = Number(s.slice(i + 4, i + 6));
  return oh <= 24 && om <= 60;
}
