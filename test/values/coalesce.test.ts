import { describe, expect, it } from 'vitest';
import {
  coalesceTables,
  coalesceValues,
  coalesceValuesShared,
  mergeTables,
  mergeValues,
} from '../../src/values/coalesce.ts';
import { ValuesError } from '../../src/values/errors.ts';
import { i64, m } from './helpers.ts';

const chart = (values: Record<string, unknown>, deps: { name: string; values: Record<string, unknown> }[] = []) => ({
  name: 'top',
  values: m(values),
  dependencies: deps.map((d) => ({ name: d.name, values: m(d.values), dependencies: [] })),
});

describe('coalesceValuesShared', () => {
  // Dependency processing coalesces each level's values into the next without copying all of them: the result
  // must be coalesceValues's, and neither the input nor an earlier level's result may change.
  const nested = () =>
    chart({ a: { b: { c: 1 } }, global: { g: { h: 1 } }, s: 1 }, [
      { name: 'sub', values: { x: { y: 1 }, global: { g: { i: 2 } } } },
    ]);
  const user = () => m({ a: { b: { d: 2 }, e: null }, global: { g: { j: 3 } }, sub: { x: { z: 3 } }, keep: { k: 1 } });
  it('gives what coalesceValues gives, in both dialects', () => {
    for (const dialect of ['helm4', 'helm3'] as const) {
      expect(coalesceValuesShared(nested(), user(), { dialect })).toEqual(
        coalesceValues(nested(), user(), { dialect }),
      );
    }
  });
  it('leaves the user values and the chart defaults as they were', () => {
    const c = nested();
    const u = user();
    coalesceValuesShared(c, u);
    expect(u).toEqual(user());
    expect(c.values).toEqual(nested().values);
    // Globals merge two levels down into the user's own tables when the chart has no global default.
    const noGlobal = () => chart({}, [{ name: 'sub', values: { global: { g: { n: { i: 2 } } } } }]);
    const g = () => m({ global: { g: { n: { j: 3 } } } });
    const ug = g();
    expect(coalesceValuesShared(noGlobal(), ug)).toEqual(coalesceValues(noGlobal(), g()));
    expect(ug).toEqual(g());
  });
  it('never writes into the defaults it shares when the next level coalesces into them', () => {
    // `a` is a default the user lacks (shared with the chart); the subchart's pass merges its own `a` into it.
    // Globals merge two levels down into the parent's tables: those must be copies too.
    const top = () =>
      chart({ a: { b: { c: 1 } }, sub: { q: 1 }, global: { g: { n: { i: 1 } } } }, [
        { name: 'sub', values: { global: { g: { n: { j: 2 } } } } },
      ]);
    const sub = chart({ a: { b: { d: 2 }, e: 3 }, global: { h: 2 } }, [{ name: 'deeper', values: { y: 1 } }]);
    for (const dialect of ['helm4', 'helm3'] as const) {
      const c = top();
      const first = coalesceValuesShared(c, m({}), { dialect });
      expect(coalesceValuesShared(sub, first, { dialect })).toEqual(coalesceValues(sub, first, { dialect }));
      expect(c.values).toEqual(top().values);
      expect(first).toEqual(coalesceValues(top(), m({}), { dialect }));
    }
  });
  it('leaves an earlier result as it was when the next level coalesces into it', () => {
    const first = coalesceValuesShared(nested(), user());
    const before = coalesceValues(nested(), user());
    const sub = nested().dependencies[0];
    expect(coalesceValuesShared(sub, first)).toEqual(coalesceValues(sub, first));
    expect(first).toEqual(before);
  });
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
