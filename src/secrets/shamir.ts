// Shamir's secret sharing over GF(2^8) (the AES field, x^8 + x^4 + x^3 + x + 1), in the share format sops uses
// (HashiCorp Vault's): each share is the y values of every secret byte followed by one x coordinate byte (1..n).

import { randomBytes } from 'node:crypto';

// Log/antilog tables with generator 3 make multiplication a table lookup.
const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x ^= (x << 1) ^ (x & 0x80 ? 0x11b : 0); // x * 3 = x * 2 + x, reduced
    x &= 0xff;
  }
  for (let i = 255; i < 510; i++) EXP[i] = EXP[i - 255];
}

function mul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]];
}

function div(a: number, b: number): number {
  if (b === 0) throw new RangeError('division by zero in GF(256)');
  return a === 0 ? 0 : EXP[LOG[a] + 255 - LOG[b]];
}

/** Splits `secret` into `parts` shares, any `threshold` of which recover it. */
export function shamirSplit(
  secret: Uint8Array,
  parts: number,
  threshold: number,
  random: (n: number) => Uint8Array = randomBytes,
): Uint8Array[] {
  if (parts < threshold) throw new RangeError('parts cannot be less than threshold');
  if (parts > 255) throw new RangeError('parts cannot exceed 255');
  if (threshold < 2) throw new RangeError('threshold must be at least 2');
  if (secret.length === 0) throw new RangeError('cannot split an empty secret');
  const shares = Array.from({ length: parts }, (_, i) => {
    const s = new Uint8Array(secret.length + 1);
    s[secret.length] = i + 1;
    return s;
  });
  for (let b = 0; b < secret.length; b++) {
    // A random polynomial of degree threshold-1 whose constant term is the secret byte.
    const coeffs = random(threshold - 1);
    for (let i = 0; i < parts; i++) {
      const x = i + 1;
      let y = 0;
      for (let c = coeffs.length - 1; c >= 0; c--) y = mul(y ^ coeffs[c], x);
      shares[i][b] = y ^ secret[b];
    }
  }
  return shares;
}

/** Recovers a secret from at least `threshold` shares by Lagrange interpolation at x = 0. */
export function shamirCombine(shares: readonly Uint8Array[]): Uint8Array {
  if (shares.length < 2) throw new RangeError('less than two parts cannot be used to reconstruct the secret');
  const len = shares[0].length;
  if (len < 2) throw new RangeError('parts must be at least two bytes');
  const xs = shares.map((s) => {
    if (s.length !== len) throw new RangeError('all parts must be the same length');
    return s[len - 1];
  });
  if (new Set(xs).size !== xs.length) throw new RangeError('duplicate part detected');
  // Lagrange basis values at 0 depend only on the x coordinates.
  const basis = xs.map((xi, i) => {
    let v = 1;
    xs.forEach((xj, j) => {
      if (i !== j) v = mul(v, div(xj, xi ^ xj));
    });
    return v;
  });
  const secret = new Uint8Array(len - 1);
  for (let b = 0; b < len - 1; b++) {
    let acc = 0;
    for (let i = 0; i < shares.length; i++) acc ^= mul(shares[i][b], basis[i]);
    secret[b] = acc;
  }
  return secret;
}
