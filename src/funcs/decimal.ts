// shopspring/decimal, as far as Sprig's addf/subf/mulf/divf use it: each float64 becomes the exact decimal of its
// shortest round-trip digits, the operation is exact (division: 16 digits after the point, rounded half away from
// zero), and the result is the float64 nearest to the decimal.

import { GoError } from '../template/value.ts';

export interface Decimal {
  readonly coef: bigint;
  readonly exp: number;
}

/** decimal.NewFromFloat (panics on NaN and ±Inf as shopspring does). */
export function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) {
    const s = Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
    throw new GoError(`Cannot create a Decimal from ${s}`);
  }
  if (f === 0) return { coef: 0n, exp: 0 };
  // toExponential() gives the shortest round-trip digits, as Go's strconv does.
  const [mant, e] = f.toExponential().split('e');
  const dot = mant.indexOf('.');
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const frac = dot < 0 ? 0 : mant.length - dot - 1;
  return { coef: BigInt(digits), exp: Number(e) - frac };
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.exp === b.exp) return [a.coef, b.coef, a.exp];
  if (a.exp < b.exp) return [a.coef, b.coef * pow10(b.exp - a.exp), a.exp];
  return [a.coef * pow10(a.exp - b.exp), b.coef, b.exp];
}

export function decimalAdd(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
}

export function decimalSub(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
}

export function decimalMul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

const DIVISION_PRECISION = 16;

/** Decimal.Div: the quotient to 16 places after the point, rounded half away from zero. */
export function decimalDiv(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new GoError('decimal division by 0');
  const e = a.exp - b.exp + DIVISION_PRECISION;
  let num = a.coef;
  let den = b.coef;
  if (e < 0) den *= pow10(-e);
  else num *= pow10(e);
  let q = num / den;
  const r = num % den;
  const absR2 = (r < 0n ? -r : r) * 2n;
  const absDen = den < 0n ? -den : den;
  if (absR2 >= absDen) q += num < 0n !== den < 0n ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

/** Decimal.Float64: the nearest float64. */
export function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}
