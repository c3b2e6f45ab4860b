// How sops's YAML library (go-yaml v3) types a scalar it decodes into interface{}, and when it must quote a string
// it writes. The MAC hashes typed values, so a file bosun encrypts must type its scalars as sops would.

import { isBase60Float, isOldBool, R, resolve } from '../../goyaml/resolve.ts';
import { parseYamlTimestamp } from '../gotext.ts';
import { type Scalar, SopsTime } from '../tree.ts';

/** Marker for the `<<` merge key, which go-yaml resolves to its own tag (the decoded value is the string). */
export const MERGE = Symbol('merge');

/**
 * go-yaml v3's resolve() for an untagged plain scalar (goyaml/resolve.ts's, in its v3 mode): the typed value
 * sops decodes, or MERGE; strings as given. Ints are bigints, uint64s above int64 included (sops cannot walk
 * those either, so they stay ints); timestamps are SopsTimes.
 */
export function resolvePlain(s: string): Scalar | typeof MERGE {
  if (s === '<<') return MERGE;
  const r = resolve('', s, true);
  switch (r.kind) {
    case R.NULL:
      return null;
    case R.BOOL:
      return r.value as boolean;
    case R.INT:
    case R.UINT:
      return BigInt(r.value as number | bigint);
    case R.FLOAT:
      return r.value as number;
    case R.TIMESTAMP: {
      const t = parseYamlTimestamp(s);
      return t ? new SopsTime(t) : s;
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
