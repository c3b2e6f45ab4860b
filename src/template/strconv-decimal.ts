// Decimal digit strings of float64 values, the raw material of Go's float formatting (strconv/ftoa.go).
//
// A `Digits` value is 0.d₁d₂…dₙ × 10^dp with no leading or trailing zeros in `d` (zero is `d: ''`).
// Shortest digits come from JavaScript: `Number.prototype.toExponential()` without an argument yields the
// shortest digit string that reads back as the same double, choosing the closest when several qualify, which
// is exactly Go's shortest (Ryu) output. Fixed-precision digits are computed exactly with BigInt and rounded
// half to even, as Go does (JavaScript's toFixed/toExponential round exact ties away from zero instead:
// (2.5).toFixed(0) is "3" where Go's %.0f prints "2").

export interface Digits {
  readonly d: string;
  readonly dp: number;
}

const ZERO: Digits = { d: '', dp: 0 };

/** Shortest round-trip digits of |x| (x finite). */
export function shortestDigits(x: number): Digits {
  if (x === 0) return ZERO;
  const a = x < 0 ? -x : x;
  if (a < 1e21 && Number.isInteger(a)) {
    // JavaScript writes these in full: the shortest digits followed by zeros.
    const t = String(a);
    return { d: trimZeros(t, t.length), dp: t.length };
  }
  const s = a.toExponential();
  const e = s.indexOf('e');
  const d = s.charCodeAt(1) === 46 /* . */ ? s[0] + s.slice(2, e) : s.slice(0, e);
  return { d, dp: Number(s.slice(e + 1)) + 1 };
}

/** Shortest digits of |x| that read back as the same float32 (x is a float32 value). */
export function shortestDigits32(x: number): Digits {
  if (x === 0) return ZERO;
  const a = x < 0 ? -x : x;
  // The closest p-digit decimal is inside the round-trip interval whenever any p-digit decimal is.
  for (let p = 1; p < 9; p++) {
    const s = a.toPrecision(p);
    if (Math.fround(Number(s)) === a) return shortestDigits(Number(s));
  }
  return fixedSignificant(a, 9);
}

let f64: Float64Array | undefined;
let u64: BigUint64Array | undefined;

/** The IEEE-754 bits of a float64. */
export function float64Bits(x: number): bigint {
  if (!f64) {
    f64 = new Float64Array(1);
    u64 = new BigUint64Array(f64.buffer);
  }
  f64[0] = x;
  return u64![0];
}

/** The exact decimal expansion of |x| (x finite). Every double has a finite one. */
export function exactDigits(x: number): Digits {
  if (x === 0) return ZERO;
  const bits = float64Bits(x);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  if (exp === 0) exp = 1;
  else mant |= 1n << 52n;
  exp -= 1075; // |x| = mant × 2^exp
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    // mant / 2^k = mant × 5^k / 10^k
    s = (mant * 5n ** BigInt(-exp)).toString();
    dp = s.length + exp;
  }
  return { d: trimZeros(s, s.length), dp };
}

function trimZeros(s: string, end: number): string {
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Rounds to `nd` significant digits, half to even on exact ties (Go's decimal.Round). A negative `nd` leaves the
 * digits alone: callers then print only zeros in the positions they show.
 */
export function roundDigits(x: Digits, nd: number): Digits {
  const d = x.d;
  if (nd < 0 || nd >= d.length) return x;
  const c = d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 /* 5 */ && nd + 1 === d.length) {
    up = nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = c >= 53;
  }
  if (!up) return { d: trimZeros(d, nd), dp: x.dp };
  let i = nd - 1;
  while (i >= 0 && d.charCodeAt(i) === 57 /* 9 */) i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  return { d: d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1), dp: x.dp };
}

/** |x| rounded to `n` significant digits. */
export function fixedSignificant(x: number, n: number): Digits {
  return roundDigits(exactDigits(x), n);
}
