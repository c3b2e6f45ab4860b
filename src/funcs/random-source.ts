// Uniform random integers drawn from FuncEnv.randomBytes, the only source of randomness in the engine.

import type { FuncEnv } from './env.ts';

/** Reads FuncEnv.randomBytes in batches, so that drawing one byte at a time does not allocate each time. */
export class RandomReader {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;

  constructor(private readonly env: FuncEnv) {}

  byte(): number {
    if (this.pos >= this.buf.length) {
      this.buf = this.env.randomBytes(64);
      this.pos = 0;
    }
    return this.buf[this.pos++];
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.byte();
    return out;
  }

  /**
   * A uniform integer in [0, max), max >= 1, by Go's crypto/rand.Int method: draw as many bytes as max-1
   * needs, mask the top byte to its bit length, retry when the candidate is too large.
   */
  int(max: number): number {
    if (max <= 1) return 0;
    if (max > 0x7fffffff) return Number(this.bigInt(BigInt(max)));
    const bitLen = 32 - Math.clz32(max - 1);
    const k = (bitLen + 7) >> 3;
    const topMask = (1 << (bitLen % 8 || 8)) - 1;
    for (;;) {
      let n = this.byte() & topMask;
      for (let i = 1; i < k; i++) n = n * 256 + this.byte();
      if (n < max) return n;
    }
  }

  /** crypto/rand.Int for big bounds (certificate serial numbers are below 2^128). */
  bigInt(max: bigint): bigint {
    if (max <= 1n) return 0n;
    const bitLen = (max - 1n).toString(2).length;
    const k = Math.ceil(bitLen / 8);
    const topMask = (1 << (bitLen % 8 || 8)) - 1;
    for (;;) {
      let n = BigInt(this.byte() & topMask);
      for (let i = 1; i < k; i++) n = (n << 8n) | BigInt(this.byte());
      if (n < max) return n;
    }
  }
}
