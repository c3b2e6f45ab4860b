// Go's strconv float formatting, which decides how numbers look in toYaml, toJson and map keys.

interface Digits {
  /** Shortest decimal digits that round-trip, without leading zeros ("" for zero). */
  d: string;
  /** Decimal point position: value = 0.d × 10^dp. */
  dp: number;
}

function shortestDigits(abs: number, bits: 32 | 64): Digits {
  if (abs === 0) return { d: '0', dp: 1 };
  let s: string;
  if (bits === 64) {
    s = abs.toExponential();
  } else {
    // The shortest digit string that reads back as the same float32.
    const f32 = Math.fround(abs);
    s = f32.toExponential(8);
    for (let p = 1; p <= 9; p++) {
      const t = f32.toExponential(p - 1);
      if (Math.fround(Number(t)) === f32) {
        s = t;
        break;
      }
    }
  }
  const e = s.indexOf('e');
  let d = s.slice(0, e).replace('.', '');
  // toExponential(n) may pad with zeros; Go's shortest digits never end in 0 (except the value 0 itself).
  let end = d.length;
  while (end > 1 && d.charCodeAt(end - 1) === 48) end--;
  d = d.slice(0, end);
  return { d, dp: Number(s.slice(e + 1)) + 1 };
}

function fmtE(neg: boolean, { d, dp }: Digits): string {
  let out = neg ? '-' : '';
  out += d[0];
  if (d.length > 1) out += '.' + d.slice(1);
  const exp = d === '0' ? 0 : dp - 1;
  const a = Math.abs(exp);
  out += (exp < 0 ? 'e-' : 'e+') + (a < 10 ? '0' + a : String(a));
  return out;
}

function fmtF(neg: boolean, { d, dp }: Digits, decimals: number): string {
  let out = neg ? '-' : '';
  // Integer part.
  if (dp > 0) {
    out += d.length >= dp ? d.slice(0, dp) : d + '0'.repeat(dp - d.length);
  } else {
    out += '0';
  }
  if (decimals > 0) {
    out += '.';
    for (let i = 0; i < decimals; i++) {
      const j = dp + i;
      out += j < 0 || j >= d.length ? '0' : d[j];
    }
  }
  return out;
}

/** strconv.FormatFloat(f, 'g', -1, bits). */
export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Number.POSITIVE_INFINITY) return '+Inf';
  if (f === Number.NEGATIVE_INFINITY) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const digs = shortestDigits(Math.abs(f), bits);
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= 6) return fmtE(neg, digs);
  return fmtF(neg, digs, Math.max(digs.d.length - digs.dp, 0));
}

/** strconv.FormatFloat(f, 'f', -1, 64). */
export function formatFloatF(f: number): string {
  const neg = f < 0 || Object.is(f, -0);
  const digs = shortestDigits(Math.abs(f), 64);
  return fmtF(neg, digs, Math.max(digs.d.length - digs.dp, 0));
}

/** strconv.FormatFloat(f, 'e', -1, 64). */
export function formatFloatE(f: number): string {
  const neg = f < 0 || Object.is(f, -0);
  return fmtE(neg, shortestDigits(Math.abs(f), 64));
}

/**
 * encoding/json's float64 encoding: shortest digits, plain notation between 1e-6 and 1e21, exponent otherwise
 * with `e-07` shortened to `e-7`. NaN and infinities are the caller's error.
 */
export function formatJsonFloat(f: number): string {
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const s = formatFloatE(f);
    const n = s.length;
    if (n >= 4 && s[n - 4] === 'e' && s[n - 3] === '-' && s[n - 2] === '0') return s.slice(0, n - 2) + s[n - 1];
    return s;
  }
  if (Object.is(f, -0)) return '-0';
  // Between 1e-6 and 1e21 JavaScript's own shortest formatting is plain notation with the same digits.
  return String(f);
}
