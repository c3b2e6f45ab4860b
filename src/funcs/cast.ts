// spf13/cast (v1.7, as Sprig uses it) over Go's strconv parsing (template/strconv-parse.ts). Sprig calls the
// error-swallowing forms (cast.ToInt64, ToInt, ToFloat64): whatever cannot be converted becomes 0.

import { parseGoFloat, parseGoInt } from '../template/strconv-parse.ts';
import { GoInt, type Value } from '../template/value.ts';

const INT64_MIN = -(2n ** 63n);

/** Go's int64(f) on amd64: truncation, and the "integer indefinite" value for NaN and out-of-range floats. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** cast.ToInt64 (and ToInt: Go's int is 64 bits wide). */
export function toInt64(v: Value): bigint {
  if (v === undefined || v === null) return 0n;
  switch (typeof v) {
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return parseGoInt(trimZeroDecimal(v)) ?? 0n;
  }
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  return 0n;
}

/** cast.ToFloat64. */
export function toFloat64(v: Value): number {
  if (v === undefined || v === null) return 0;
  switch (typeof v) {
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return parseGoFloat(v) ?? 0;
  }
  if (v instanceof GoInt) return Number(v.value);
  return 0;
}

/** cast's trimZeroDecimal: "12.000" → "12" (only zeros after the point). */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s.charCodeAt(i - 1);
    if (c === 0x2e /* . */) {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === 0x30 /* 0 */) foundZero = true;
    else return s;
  }
  return s;
}
