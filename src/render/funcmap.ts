// One function map per (environment, dialect), built once: constructing hundreds of function records per render
// would be wasted work.
import type { FuncEnv } from '../funcs/env.ts';
import { helmFuncMap } from '../funcs/index.ts';
import type { FuncMap } from '../template/value.ts';
import type { HelmDialect } from './dialect.ts';

const cache = new WeakMap<FuncEnv, Map<string, FuncMap>>();

export function funcMapFor(dialect: HelmDialect, env: FuncEnv, enableDNS = false): FuncMap {
  let byDialect = cache.get(env);
  if (!byDialect) cache.set(env, (byDialect = new Map()));
  const key = enableDNS ? `${dialect}+dns` : dialect;
  let m = byDialect.get(key);
  if (!m) byDialect.set(key, (m = helmFuncMap(env, dialect, enableDNS)));
  return m;
}
