import { coreFuncs } from '../../src/funcs/core.ts';
import { fixedEnv } from '../../src/funcs/env.ts';
import { GoError, type GoFunc, goInt, type Value } from '../../src/template/value.ts';

const funcs = new Map<string, GoFunc>(coreFuncs(fixedEnv()).map((f) => [f.name, f]));

export function fn(name: string): GoFunc {
  const f = funcs.get(name);
  if (!f) throw new Error(`no function ${name}`);
  return f;
}

/** A float64 argument whose value is integral (call() turns plain integral numbers into Go ints). */
export class F {
  constructor(readonly v: number) {}
}

/**
 * Calls a core function with Go values. Top-level integral JS numbers become Go ints (as template literals are);
 * wrap a float64 as `new F(x)`; numbers inside arrays and maps stay float64.
 */
export function call(name: string, ...args: unknown[]): Value {
  const conv = args.map((a) =>
    a instanceof F ? a.v : typeof a === 'number' && Number.isInteger(a) ? goInt(a) : a,
  ) as Value[];
  return fn(name).fn(...conv);
}

/** The GoError message a call fails with. */
export function callError(name: string, ...args: unknown[]): string {
  try {
    call(name, ...args);
  } catch (e) {
    if (e instanceof GoError) return e.message;
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

export function allNames(): string[] {
  return [...funcs.keys()];
}
