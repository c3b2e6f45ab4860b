// Sprig's defaults and flow control (defaults.go, and `fail` from functions.go).

import { GoError, type GoFunc, goFunc, T } from '../template/value.ts';
import { isEmpty } from './reflection.ts';

export function defaultFuncs(): GoFunc[] {
  return [
    // default DEFAULT GIVEN: GIVEN unless it is empty (Sprig passes GIVEN as a variadic, so it may be absent).
    goFunc('default', [T.any], (d, ...given) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]), T.any),
    goFunc('empty', [T.any], (v) => isEmpty(v)),
    goFunc(
      'coalesce',
      [],
      (...vs) => {
        for (const v of vs) if (!isEmpty(v)) return v;
        return null;
      },
      T.any,
    ),
    goFunc('all', [], (...vs) => vs.every((v) => !isEmpty(v)), T.any),
    goFunc('any', [], (...vs) => vs.some((v) => !isEmpty(v)), T.any),
    goFunc('ternary', [T.any, T.any, T.bool], (vt, vf, c) => (c ? vt : vf)),
    goFunc('fail', [T.string], (msg) => {
      throw new GoError(msg as string);
    }),
  ];
}
