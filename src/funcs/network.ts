// Sprig's getHostByName: one of the host's addresses (FuncEnv.lookupHost), picked at random as Sprig does.
// helm replaces it with a function returning "" unless DNS lookups are enabled (`--enable-dns`).

import { type GoFunc, goFunc, T } from '../template/value.ts';
import type { FuncEnv } from './env.ts';
import { intn } from './random.ts';
import { RandomReader } from './random-source.ts';

export function networkFuncs(env: FuncEnv, enableDns = false): GoFunc[] {
  if (!enableDns) return [goFunc('getHostByName', [T.string], () => '')];
  return [
    goFunc('getHostByName', [T.string], (name) => {
      const addrs = env.lookupHost(name as string);
      // With no address Sprig's rand.Intn(0) panics; the template reports it as an error.
      return addrs[Number(intn(new RandomReader(env), BigInt(addrs.length)))];
    }),
  ];
}
