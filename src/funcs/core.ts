// Sprig's core families as Helm 4.1.4 keeps them (Helm drops env/expandenv and replaces the JSON functions;
// those, YAML/TOML, semver, dates, crypto, random and network live elsewhere).

import type { GoFunc } from '../template/value.ts';
import { defaultFuncs } from './defaults.ts';
import { dictFuncs } from './dicts.ts';
import { encodingFuncs } from './encoding.ts';
import type { FuncEnv } from './env.ts';
import { listFuncs } from './lists.ts';
import { mathFuncs } from './math.ts';
import { pathFuncs } from './paths.ts';
import { reflectFuncs } from './reflect.ts';
import { regexFuncs } from './regex.ts';
import { stringFuncs } from './strings.ts';
import { urlFuncs } from './urls.ts';

/** The core Sprig functions. None of them needs the environment (randomness and time are in extFuncs). */
export function coreFuncs(_env: FuncEnv, options: { helm3?: boolean } = {}): GoFunc[] {
  return [
    ...stringFuncs(),
    ...regexFuncs(options.helm3),
    ...listFuncs(),
    ...dictFuncs(),
    ...mathFuncs(),
    ...defaultFuncs(),
    ...reflectFuncs(),
    ...encodingFuncs(),
    ...pathFuncs(),
    ...urlFuncs(),
  ];
}
