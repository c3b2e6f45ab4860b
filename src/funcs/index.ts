// The function map of Helm's engine: Sprig's TxtFuncMap without env/expandenv, plus Helm's serialization
// functions. include, tpl, required, fail, lookup and getHostByName are bound per render (render/helm-funcs.ts).
import type { FuncMap, GoFunc } from '../template/value.ts';
import { coreFuncs } from './core.ts';
import type { FuncEnv } from './env.ts';
import { extFuncs } from './ext.ts';

/** Functions helm 4 added that helm 3.17 does not have. */
const HELM4_ONLY = ['mustToYaml'];

export function helmFuncMap(env: FuncEnv, dialect: 'helm4' | 'helm3', enableDNS = false): FuncMap {
  const m: FuncMap = new Map();
  const add = (fs: GoFunc[]) => {
    for (const f of fs) m.set(f.name, f);
  };
  add(coreFuncs(env));
  add(extFuncs(env, { helm3: dialect === 'helm3', enableDns: enableDNS }));
  m.delete('env');
  m.delete('expandenv');
  if (dialect === 'helm3') for (const name of HELM4_ONLY) m.delete(name);
  return m;
}
