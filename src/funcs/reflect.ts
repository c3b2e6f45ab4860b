// Sprig's reflection functions (reflect.go) and deepEqual.

import { type GoFunc, goFunc, kindOf, T, typeOf, type Value } from '../template/value.ts';
import { deepEqual } from './reflection.ts';

export function reflectFuncs(): GoFunc[] {
  const type = (v: Value) => typeOf(v);
  return [
    goFunc('typeOf', [T.any], type),
    goFunc('typeIs', [T.string, T.any], (target, v) => target === type(v)),
    goFunc('typeIsLike', [T.string, T.any], (target, v) => {
      const t = type(v);
      return target === t || `*${target}` === t;
    }),
    goFunc('kindOf', [T.any], (v) => kindOf(v)),
    goFunc('kindIs', [T.string, T.any], (target, v) => target === kindOf(v)),
    goFunc('deepEqual', [T.any, T.any], deepEqual),
  ];
}
