// RSA key generation with Go's crypto/rsa parameters (primes of half the size with the top two bits set, as
// many Miller-Rabin rounds as Go runs for the size, e = 65537, d = e⁻¹ mod (p-1)(q-1)). OpenSSL 3's
// generateKeyPairSync runs 64 rounds on every prime: genCA and genSignedCert made a 2048-bit key in 75-460 ms
// that way; this takes ~25 ms on average. Charts making certificates call these on every render.
//
// The modular exponentiations of Miller-Rabin run in OpenSSL through a raw RSA public-key operation
// (b^m mod w is "encrypting" b with modulus w and exponent m, no padding): JavaScript's BigInt takes ten times
// as long. Randomness comes from node:crypto (Helm reads crypto/rand, not anything seeded).

import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../lazy-node.ts';

const E = 65537n;

/** A new RSA private key whose modulus has exactly `bits` bits (Go's rsa.GenerateKey; bits >= 1024). */
export function generateRsaKey(bits: number): KeyObject {
  for (;;) {
    const p = randomPrime((bits + 1) >> 1);
    const q = randomPrime(bits >> 1);
    const phi = (p - 1n) * (q - 1n);
    const d = modInverse(E, phi);
    if (d === undefined) continue; // gcd(e, (p-1)(q-1)) != 1
    const n = p * q;
    return nodeCrypto().createPrivateKey({
      key: {
        kty: 'RSA',
        n: b64url(n),
        e: b64url(E),
        d: b64url(d),
        p: b64url(p),
        q: b64url(q),
        dp: b64url(d % (p - 1n)),
        dq: b64url(d % (q - 1n)),
        qi: b64url(modInverse(q, p) ?? 0n),
      },
      format: 'jwk',
    });
  }
}

// Odd primes below 2^16, grouped into products below 2^53 so that one BigInt remainder (exact as a double)
// gives the residues of several. Built on first use.
let groups: { product: bigint; primes: Uint32Array }[] | undefined;

function smallPrimeGroups(): { product: bigint; primes: Uint32Array }[] {
  if (groups !== undefined) return groups;
  const limit = 65536;
  const composite = new Uint8Array(limit);
  groups = [];
  let product = 1;
  let primes: number[] = [];
  for (let n = 3; n < limit; n += 2) {
    if (composite[n]) continue;
    for (let k = n * n; k < limit; k += 2 * n) composite[k] = 1;
    if (product * n >= 2 ** 53) {
      groups.push({ product: BigInt(product), primes: Uint32Array.from(primes) });
      product = 1;
      primes = [];
    }
    product *= n;
    primes.push(n);
  }
  groups.push({ product: BigInt(product), primes: Uint32Array.from(primes) });
  return groups;
}

/** How many odd candidates (start, start + 2, ...) one random start covers. Primes near 2^1024 are ~710 apart. */
const WINDOW = 2048;

/**
 * @internal Marks in `sieve` each k for which start + 2k has an odd prime factor below 2^16 (start odd and
 * larger than 2^16).
 */
export function sieveWindow(start: bigint, sieve: Uint8Array): void {
  sieve.fill(0);
  const n = sieve.length;
  for (const g of smallPrimeGroups()) {
    const r = Number(start % g.product);
    for (let i = 0; i < g.primes.length; i++) {
      const p = g.primes[i];
      // p divides start + 2k when k ≡ -(start mod p) / 2 (mod p); (p + 1) / 2 is 2's inverse mod p.
      for (let k = (((p - (r % p)) % p) * ((p + 1) / 2)) % p; k < n; k += p) sieve[k] = 1;
    }
  }
}

/**
 * A random prime of exactly `bits` bits, top two bits set (as Go's randomPrime). Instead of a fresh random
 * number per candidate, as Go does, it searches upwards from a random odd start, sieving the window by every
 * odd prime below 2^16 first (OpenSSL's method): nine candidates in ten never reach a Miller-Rabin round, and
 * the BigInt remainders are taken once per window rather than once per candidate. The Miller-Rabin rounds, which
 * are nearly all of the cost, are the same as Go's.
 */
function randomPrime(bits: number): bigint {
  const bytes = new Uint8Array((bits + 7) >> 3);
  const excess = bytes.length * 8 - bits;
  const limit = 1n << BigInt(bits);
  const sieve = new Uint8Array(WINDOW);
  for (;;) {
    nodeCrypto().randomFillSync(bytes);
    bytes[0] >>= excess;
    if (excess < 7) {
      bytes[0] |= 0b1100_0000 >> excess;
    } else {
      bytes[0] |= 1;
      bytes[1] |= 0b1000_0000;
    }
    bytes[bytes.length - 1] |= 1;
    const start = fromBytes(bytes);
    sieveWindow(start, sieve);
    for (let k = 0; k < WINDOW; k++) {
      if (sieve[k]) continue;
      const w = start + BigInt(2 * k);
      if (w >= limit) break; // ran past `bits` bits: start again
      if (isProbablePrime(w, bits)) return w;
    }
  }
}

// Go's Miller-Rabin rounds by prime size (from BoringSSL's table for random candidates).
const ROUNDS: readonly (readonly [number, number])[] = [
  [3747, 3],
  [1345, 4],
  [476, 5],
  [400, 6],
  [347, 7],
  [308, 8],
  [55, 27],
];

/** Miller-Rabin with random bases, as many rounds as Go runs for a prime of this size. */
function isProbablePrime(w: bigint, bits: number): boolean {
  let rounds = ROUNDS.find(([min]) => bits >= min)?.[1] ?? 34;
  const wMinus1 = w - 1n;
  let a = 0;
  let m = wMinus1;
  while ((m & 1n) === 0n) {
    m >>= 1n;
    a++;
  }
  const size = (bits + 7) >> 3;
  // One key object per candidate: every round raises its base to the same m modulo the same w.
  const key = nodeCrypto().createPublicKey({ key: { kty: 'RSA', n: b64url(w), e: b64url(m) }, format: 'jwk' });
  const base = new Uint8Array(size);
  const excess = size * 8 - bits;
  while (rounds > 0) {
    nodeCrypto().randomFillSync(base);
    base[0] >>= excess;
    const b = fromBytes(base);
    if (b <= 1n || b >= wMinus1) continue;
    const input = Buffer.from(base.buffer, base.byteOffset, size);
    let z = fromBytes(nodeCrypto().publicEncrypt({ key, padding: nodeCrypto().constants.RSA_NO_PADDING }, input));
    if (z !== 1n && z !== wMinus1) {
      let witness = true;
      for (let i = 1; i < a; i++) {
        z = (z * z) % w;
        if (z === wMinus1) {
          witness = false;
          break;
        }
        if (z === 1n) break;
      }
      if (witness) return false;
    }
    rounds--;
  }
  return true;
}

/** x⁻¹ mod m, or undefined when they are not coprime. */
function modInverse(x: bigint, m: bigint): bigint | undefined {
  let [r0, r1] = [m, x % m];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const k = r0 / r1;
    [r0, r1] = [r1, r0 - k * r1];
    [t0, t1] = [t1, t0 - k * t1];
  }
  if (r0 !== 1n) return undefined;
  return t0 < 0n ? t0 + m : t0;
}

function fromBytes(b: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex') || '0'}`);
}

function b64url(x: bigint): string {
  let hex = x.toString(16);
  if (hex.length & 1) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}
