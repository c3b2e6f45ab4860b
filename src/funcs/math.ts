// Sprig's arithmetic (numeric.go and the inline functions of functions.go): integer math on int64 after
// spf13/cast conversion, float math through shopspring/decimal, and the conversion functions.

import { formatValue } from '../template/fmt.ts';
import { parseGoInt, scanGoInt } from '../template/strconv-parse.ts';
import { GoError, type GoFunc, type GoInt, goFunc, goInt, goInt64, T, type Value } from '../template/value.ts';
import { toFloat64, toInt64 } from './cast.ts';
import {
  type Decimal,
  decimalAdd,
  decimalDiv,
  decimalFromFloat,
  decimalMul,
  decimalSub,
  decimalToFloat,
} from './decimal.ts';
import { untilStep } from './lists.ts';

const wrap = (n: bigint) => BigInt.asIntN(64, n);
const DIVIDE_BY_ZERO = 'runtime error: integer divide by zero';

function decimalOp(first: Value, rest: readonly Value[], op: (a: Decimal, b: Decimal) => Decimal): number {
  let acc = decimalFromFloat(toFloat64(first));
  for (const x of rest) acc = op(acc, decimalFromFloat(toFloat64(x)));
  return decimalToFloat(acc);
}

function frexp(f: number): [number, number] {
  if (f === 0 || !Number.isFinite(f)) return [f, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(f))) + 1);
  let m = f * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

function ldexp(m: number, e: number): number {
  // Two steps keep intermediate powers of two finite.
  const h = Math.trunc(e / 2);
  return m * 2 ** h * 2 ** (e - h);
}

/** Go's math.Pow(10, n) for an integer n (repeated squaring on the mantissa, as Go computes it). */
export function goPow10(n: number): number {
  if (n === 0) return 1;
  let a1 = 1;
  let ae = 0;
  let [x1, xe] = frexp(10);
  for (let i = Math.abs(n); i !== 0; i = Math.floor(i / 2)) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if (i % 2 === 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe *= 2;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (n < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

function round(a: Value, p: Value, ...opt: Value[]): Value {
  const roundOn = opt.length > 0 ? (opt[0] as number) : 0.5;
  const val = toFloat64(a);
  const pow = goPow10(Number((p as GoInt).value));
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

/** strconv.Atoi, whose out-of-range result is clamped (Sprig ignores the error but keeps the value). */
function atoi(s: string): bigint {
  return scanGoInt(s, 10).value;
}

/** Sprig's seq. Its `end + step` is Go int arithmetic: past the int64 range it wraps (and the range is empty). */
function seq(...params: Value[]): Value {
  const p = params.map((x) => (x as GoInt).value);
  let start: bigint;
  let end: bigint;
  let step: bigint;
  switch (p.length) {
    case 1:
      start = 1n;
      end = p[0];
      step = end < start ? -1n : 1n;
      return untilStep(start, wrap(end + step), step).join(' ');
    case 2:
      start = p[0];
      end = p[1];
      step = end < start ? -1n : 1n;
      return untilStep(start, wrap(end + step), step).join(' ');
    case 3: {
      start = p[0];
      step = p[1];
      end = p[2];
      let inc = 1n;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return '';
      }
      return untilStep(start, wrap(end + inc), step).join(' ');
    }
    default:
      return '';
  }
}

export function mathFuncs(): GoFunc[] {
  const i64 =
    (f: (...a: bigint[]) => bigint) =>
    (...args: Value[]) =>
      goInt64(wrap(f(...args.map(toInt64))));
  return [
    goFunc(
      'add1',
      [T.any],
      i64((a) => a + 1n),
    ),
    goFunc(
      'add',
      [],
      i64((...xs) => xs.reduce((s, x) => s + x, 0n)),
      T.any,
    ),
    goFunc(
      'sub',
      [T.any, T.any],
      i64((a, b) => a - b),
    ),
    goFunc(
      'div',
      [T.any, T.any],
      i64((a, b) => {
        if (b === 0n) throw new GoError(DIVIDE_BY_ZERO);
        return a / b;
      }),
    ),
    goFunc(
      'mod',
      [T.any, T.any],
      i64((a, b) => {
        if (b === 0n) throw new GoError(DIVIDE_BY_ZERO);
        return a % b;
      }),
    ),
    goFunc(
      'mul',
      [T.any],
      i64((...xs) => xs.reduce((s, x) => wrap(s * x), 1n)),
      T.any,
    ),
    goFunc('add1f', [T.any], (a) => decimalOp(a, [goInt(1)], decimalAdd)),
    goFunc('addf', [], (...xs) => decimalOp(0, xs, decimalAdd), T.any),
    goFunc('subf', [T.any], (a, ...xs) => decimalOp(a, xs, decimalSub), T.any),
    goFunc('divf', [T.any], (a, ...xs) => decimalOp(a, xs, decimalDiv), T.any),
    goFunc('mulf', [T.any], (a, ...xs) => decimalOp(a, xs, decimalMul), T.any),
    goFunc(
      'biggest',
      [T.any],
      i64((...xs) => xs.reduce((m, x) => (x > m ? x : m))),
      T.any,
    ),
    goFunc(
      'max',
      [T.any],
      i64((...xs) => xs.reduce((m, x) => (x > m ? x : m))),
      T.any,
    ),
    goFunc(
      'min',
      [T.any],
      i64((...xs) => xs.reduce((m, x) => (x < m ? x : m))),
      T.any,
    ),
    goFunc('maxf', [T.any], (...xs) => xs.map(toFloat64).reduce((m, x) => Math.max(m, x)), T.any),
    goFunc('minf', [T.any], (...xs) => xs.map(toFloat64).reduce((m, x) => Math.min(m, x)), T.any),
    goFunc('ceil', [T.any], (a) => Math.ceil(toFloat64(a))),
    goFunc('floor', [T.any], (a) => Math.floor(toFloat64(a))),
    goFunc('round', [T.any, T.int], round, T.float64),
    goFunc('int', [T.any], (v) => goInt(toInt64(v))),
    goFunc('int64', [T.any], (v) => goInt64(toInt64(v))),
    goFunc('float64', [T.any], (v) => toFloat64(v)),
    goFunc('atoi', [T.string], (s) => goInt(atoi(s as string))),
    // fmt.Sprint of the value, read as octal: "0755" or 755 give 493.
    goFunc('toDecimal', [T.any], (v) => goInt64(parseGoInt(formatValue(v), 8) ?? 0n)),
    goFunc('seq', [], seq, T.int),
  ];
}
