// Sprig's semver, date/time, crypto, random, uuid and network functions, for the function map.

import type { GoFunc } from '../template/value.ts';
import { cryptoFuncs } from './crypto.ts';
import { dateFuncs } from './dates.ts';
import type { FuncEnv } from './env.ts';
import { networkFuncs } from './network.ts';
import { randomFuncs } from './random.ts';
import { semverFuncs } from './semver.ts';
import { uuidFuncs } from './uuid.ts';

export interface ExtOptions {
  /**
   * Imitate helm 3.17.2 where its libraries differ from helm 4.1.4's: Masterminds/semver v3.3.0 (messages,
   * prerelease rules) and Go 1.23's SHA-1 subject key ids in generated CA certificates.
   */
  readonly helm3?: boolean;
  /** helm's `--enable-dns`: without it getHostByName returns "" without looking anything up. */
  readonly enableDns?: boolean;
}

export function extFuncs(env: FuncEnv, opts: ExtOptions = {}): GoFunc[] {
  const legacy = opts.helm3 === true;
  return [
    ...semverFuncs(legacy),
    ...dateFuncs(env),
    ...cryptoFuncs(env, legacy),
    ...randomFuncs(env),
    ...uuidFuncs(env),
    ...networkFuncs(env, opts.enableDns === true),
  ];
}
