// The real outside world for the function library: crypto randomness, the system clock, the process's zone and
// name resolution. Only the edges (CLI, library entry points) create it; the engine never reads the clock.
import { readFileSync } from 'node:fs';
import type { FuncEnv } from './funcs/env.ts';
import { nodeChildProcess, nodeCrypto, nodeNet } from './lazy-node.ts';

export function systemEnv(): FuncEnv {
  let zone: string | undefined;
  return {
    randomBytes: (n) => new Uint8Array(nodeCrypto().randomBytes(n)),
    nowNanos: () => BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n),
    // Intl loads ICU data (~15 ms): only date functions need the zone, so look it up on first use.
    get localZone() {
      zone ??= process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
      return zone;
    },
    lookupHost: resolveHostSync,
  };
}

/**
 * net.LookupHost, synchronously (templates cannot wait): an IP literal is itself; then /etc/hosts, then the
 * system resolver through `getent`. Only `--enable-dns` renders reach this.
 */
export function resolveHostSync(host: string): string[] {
  const { isIP } = nodeNet();
  if (isIP(host)) return [host];
  const fromHosts = hostsFileLookup(host);
  if (fromHosts.length) return fromHosts;
  try {
    const out = nodeChildProcess().execFileSync('getent', ['ahosts', host], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return [
      ...new Set(
        out
          .split('\n')
          .map((l) => l.split(/\s+/)[0])
          .filter((a) => a && isIP(a)),
      ),
    ];
  } catch {
    return [];
  }
}

function hostsFileLookup(host: string): string[] {
  let text: string;
  try {
    text = readFileSync('/etc/hosts', 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  const want = host.toLowerCase();
  for (const line of text.split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 2 || !nodeNet().isIP(fields[0])) continue;
    if (fields.slice(1).some((n) => n.toLowerCase() === want)) out.push(fields[0]);
  }
  return out;
}
