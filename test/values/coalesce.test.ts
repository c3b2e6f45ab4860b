import { describe, expect, it } from 'vitest';
import { coalesceTables, coalesceValues, mergeTables, mergeValues } from '../../src/values/coalesce.ts';
import { ValuesError } from '../../src/values/errors.ts';
import { i64, m } from './helpers.ts';

const chart = (values: Record<string, unknown>, deps: { name: string; values: Record<string, unknown> }[] = []) => ({
  name: 'top',
  values: m(values),
  dependencies: deps.map((d) => ({ name: d.name, values: m(d.values), dependencies: [] })),
});

describe('coalesceValues', () => {
  it('does not modify the user values or the chart defaults', () => {
    const c = chart({ a: { b: 1 } }, [{ name: 'sub', values: { x: 1 } }]);
    const user = m({ a: { c: 2 }, sub: { y: 2 } });
    const out = coalesceValues(c, user);
    expect(out).toEqual(m({ a: { b: 1, c: 2 }, sub: { x: 1, y: 2, global: {} } }));
    expect(user).toEqual(m({ a: { c: 2 }, sub: { y: 2 } }));
    expect(c.values).toEqual(m({ a: { b: 1 } }));
  });
  it('fails on a subchart section that is not a map, as helm prints it', () => {
    const c = chart({}, [{ name: 'sub', values: {} }]);
    expect(() => coalesceValues(c, m({ sub: i64(1) }))).toThrow(new ValuesError('type mismatch on sub: %!t(int64=1)'));
    expect(() => coalesceValues(c, m({ sub: true }))).toThrow('type mismatch on sub: true');
  });
  it('keeps nulls when merging (MergeValues) and drops them when coalescing', () => {
    const c = chart({ a: 1, b: { c: 1 } });
    expect(mergeValues(c, m({ a: null, b: { c: null } }))).toEqual(m({ a: null, b: { c: null } }));
    expect(coalesceValues(c, m({ a: null, b: { c: null } }))).toEqual(m({ b: {} }));
  });
});

describe('coalesceTables / mergeTables', () => {
  it('puts dst over src, recursing into maps', () => {
    const dst = m({ a: 1, m: { x: 1 } });
    coalesceTables(dst, m({ a: 2, b: 2, m: { x: 2, y: 2 } }));
    expect(dst).toEqual(m({ a: 1, b: 2, m: { x: 1, y: 2 } }));
  });
  it('deletes dst nulls over src values in helm 4 coalescing but keeps them otherwise', () => {
    const dst = () => m({ a: null, n: null });
    const src = () => m({ a: 1, n: null });
    const h4 = dst();
    coalesceTables(h4, src());
    expect(h4).toEqual(m({ n: null }));
    const h3 = dst();
    coalesceTables(h3, src(), { dialect: 'helm3' });
    expect(h3).toEqual(m({}));
    const merged = dst();
    mergeTables(merged, src());
    expect(merged).toEqual(m({ a: null, n: null }));
  });
  it('returns the other side when one is null', () => {
    const x = m({ a: 1 });
    expect(coalesceTables(null, x)).toBe(x);
    expect(coalesceTables(x, null)).toBe(x);
  });
});
