// The real outside world for the function library: crypto randomness, the system clock, the process's zone.
// Only the edges (CLI, library entry points) create it; the engine itself never reads the clock.
import { randomBytes } from 'node:crypto';
import type { FuncEnv } from './funcs/env.ts';

export function systemEnv(): FuncEnv {
  return {
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    nowNanos: () => BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n),
    localZone: process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    // getHostByName resolves only with --enable-dns; synchronous DNS is not available in Node, so none here.
    lookupHost: () => [],
  };
}
