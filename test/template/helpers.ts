import { TemplateSet } from '../../src/template/index.ts';
import type { EngineOptions } from '../../src/template/template-set.ts';
import { type FuncMap, fromJS, type Value } from '../../src/template/value.ts';

/** Parses `tpl` as template `t.yaml` and executes it with `dot` (plain JS data goes through fromJS). */
export function render(tpl: string, dot: unknown = {}, funcs: FuncMap = new Map(), options?: EngineOptions): string {
  const set = new TemplateSet(funcs, options);
  set.parse('t.yaml', tpl);
  return set.execute('t.yaml', isValue(dot) ? dot : fromJS(dot));
}

function isValue(v: unknown): v is Value {
  return v instanceof Map || v === undefined || v === null || typeof v !== 'object';
}

/** The message of the error `fn` throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
