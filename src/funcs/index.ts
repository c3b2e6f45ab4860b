// The function map of Helm's engine: Sprig's TxtFuncMap without env/expandenv, plus Helm's serialization
// functions. include, tpl, required, fail, lookup and getHostByName are bound per render (render/helm-funcs.ts).
import type { FuncMap, GoFunc } from '../template/value.ts';
import { coreFuncs } from './core.ts';
import type { FuncEnv } from './env.ts';
import { extFuncs } from './ext.ts';
import { serializationFuncs } from './serialization.ts';

export function helmFuncMap(env: FuncEnv, dialect: 'helm4' | 'helm3', enableDNS = false): FuncMap {
  const m: FuncMap = new Map();
  const add = (fs: GoFunc[]) => {
    for (const f of fs) m.set(f.name, f);
  };
  add(coreFuncs(env, { helm3: dialect === 'helm3' }));
  add(extFuncs(env, { helm3: dialect === 'helm3', enableDns: enableDNS }));
  add(serializationFuncs({ helm: dialect === 'helm3' ? 3 : 4 }));
  m.delete('env');
  m.delete('expandenv');
  return m;
}
