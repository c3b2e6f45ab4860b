// One function map per (environment, dialect), built once: constructing hundreds of function records per render
// would be wasted work.
import type { FuncEnv } from '../funcs/env.ts';
import { helmFuncMap } from '../funcs/index.ts';
import type { FuncMap } from '../template/value.ts';
import type { HelmDialect } from './dialect.ts';

const cache = new WeakMap<FuncEnv, Map<HelmDialect, FuncMap>>();

export function funcMapFor(dialect: HelmDialect, env: FuncEnv): FuncMap {
  let byDialect = cache.get(env);
  if (!byDialect) cache.set(env, (byDialect = new Map()));
  let m = byDialect.get(dialect);
  if (!m) byDialect.set(dialect, (m = helmFuncMap(env, dialect)));
  return m;
}
