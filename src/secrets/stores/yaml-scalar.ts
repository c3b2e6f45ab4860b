// How sops's YAML library (go-yaml v3) types a scalar it decodes into interface{}, and when it must quote a string
// it writes. The MAC hashes typed values, so a file bosun encrypts must type its scalars as sops would.

import { isBase60Float, isOldBool } from '../../goyaml/resolve.ts';
import { parseGoInt, parseGoUint } from '../../template/strconv-parse.ts';
import { parseYamlTimestamp } from '../gotext.ts';
import { type Scalar, SopsTime } from '../tree.ts';

const FLOAT_SYNTAX = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const NANS = new Set(['.nan', '.NaN', '.NAN']);
const POS_INF = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const NEG_INF = new Set(['-.inf', '-.Inf', '-.INF']);

/** Marker for the `<<` merge key, which go-yaml resolves to its own tag (the decoded value is the string). */
export const MERGE = Symbol('merge');

/** go-yaml v3's resolve() for an untagged plain scalar: the typed value (or MERGE), strings as given. */
export function resolvePlain(s: string): Scalar | typeof MERGE {
  if (NULLS.has(s)) return null;
  if (TRUES.has(s)) return true;
  if (FALSES.has(s)) return false;
  if (s === '<<') return MERGE;
  const c = s[0];
  if (c === '.') {
    if (NANS.has(s)) return Number.NaN;
    if (POS_INF.has(s)) return Number.POSITIVE_INFINITY;
    if (FLOAT_SYNTAX.test(s)) return Number(s);
    return s;
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (POS_INF.has(s)) return Number.POSITIVE_INFINITY;
    if (NEG_INF.has(s)) return Number.NEGATIVE_INFINITY;
    const t = parseYamlTimestamp(s);
    if (t) return new SopsTime(t);
    const plain = s.replaceAll('_', '');
    // strconv.ParseInt(plain, 0, 64), then ParseUint: go-yaml also accepts uint64 values above int64, and sops
    // cannot walk those, so they stay ints here too.
    const i = parseGoInt(plain) ?? parseGoUint(plain);
    if (i !== undefined) return i;
    if (FLOAT_SYNTAX.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return f;
    }
  }
  return s;
}

/** go-yaml v3's resolve() for a scalar with an explicit tag (short form `!!int`, ...). */
export function resolveTagged(tag: string, s: string): Scalar | typeof MERGE | undefined {
  switch (tag) {
    case '!!str':
      return s;
    case '!!binary':
      return new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'base64'));
    case '!!null':
    case '!!bool':
    case '!!int':
    case '!!float':
    case '!!timestamp': {
      const v = resolvePlain(s);
      if (tag === '!!float' && typeof v === 'bigint') return Number(v);
      return v;
    }
    default:
      return undefined; // not a resolvable tag: the value stays the string
  }
}

/** Whether go-yaml v3 writes a string quoted: plain text would read back as another type (in YAML 1.1 or 1.2). */
export function needsQuotes(s: string): boolean {
  return typeof resolvePlain(s) !== 'string' || isBase60Float(s) || isOldBool(s);
}
