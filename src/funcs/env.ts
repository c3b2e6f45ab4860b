// The only ways the function library reaches outside the engine: randomness, the clock and name lookup.
// Injected, so that tests (and reproducible renders) get the same bytes every time.

export interface FuncEnv {
  /** Cryptographically random bytes (rand*, uuidv4, genPrivateKey, ...). */
  randomBytes(n: number): Uint8Array;
  /** The current time in nanoseconds since the Unix epoch. */
  nowNanos(): bigint;
  /** The local time zone name, as Go's time.Local (`UTC` in containers without TZ). */
  readonly localZone: string;
  /** getHostByName: resolves a host name to addresses (Helm returns the first). Empty when offline. */
  lookupHost(host: string): string[];
}

/** Seeded, reproducible environment for tests: xorshift bytes and a fixed clock. */
export function fixedEnv(seed = 1, nowNanos = 1_700_000_000_000_000_000n, localZone = 'UTC'): FuncEnv {
  let s = seed >>> 0 || 1;
  return {
    randomBytes(n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        s >>>= 0;
        out[i] = s & 0xff;
      }
      return out;
    },
    nowNanos: () => nowNanos,
    localZone,
    lookupHost: () => [],
  };
}
