import { describe, expect, it } from 'vitest';
import { type GoInt, goInt, isNil, stringSlice, typeOf } from '../../src/template/value.ts';
import { call, callError } from './helpers.ts';

const I = goInt;
const ints = (v: unknown) => (v as GoInt[]).map((x) => Number(x.value));

// Expected values are helm 4.1.4's output (test/golden/cases/sprig-lists.yaml).
describe('Sprig list functions', () => {
  it('takes apart lists, returning nil slices where Sprig does', () => {
    expect(call('first', [I(1), I(2), I(3)])).toEqual(goInt(1));
    expect(call('last', [])).toBeNull();
    expect(isNil(call('rest', []))).toBe(true);
    expect(isNil(call('initial', []))).toBe(true);
    expect(isNil(call('rest', [goInt(1)]))).toBe(false);
    expect(isNil(call('concat'))).toBe(true);
    expect(call('slice', [])).toBeNull();
    expect(typeOf(call('slice', stringSlice(['a', 'b']), 1))).toBe('[]string');
  });
  it('fails on non-lists with Sprig messages', () => {
    expect(callError('first', 'abc')).toBe('Cannot find first on type string');
    expect(callError('mustFirst', new Map())).toBe('Cannot find first on type map');
    expect(callError('last', 5)).toBe('Cannot find last on type int');
    expect(callError('initial', 1.5)).toBe('Cannot find initial on type float64');
    expect(callError('first', null)).toBe('runtime error: invalid memory address or nil pointer dereference');
    expect(callError('append', 'abc', 1)).toBe('Cannot push on type string');
    expect(callError('concat', [goInt(1)], 'abc')).toBe('Cannot concat type string as list');
    expect(callError('slice', 'abc', 1)).toBe('list should be type of slice or array but string');
    expect(callError('slice', [I(1), I(2), I(3)], 2, 5)).toBe('reflect.Value.Slice: slice index out of bounds');
    expect(callError('chunk', 0, [I(1), I(2), I(3)])).toBe('runtime error: makeslice: len out of range');
    expect(callError('has', 1, 'abc')).toBe('Cannot find has on type string');
  });
  it('compares with reflect.DeepEqual', () => {
    expect(call('uniq', [I(1), I(2), I(1), '1', 2, 2, null, null])).toEqual([I(1), I(2), '1', 2, null]);
    expect(call('has', 1, [1, 2])).toBe(false);
    expect(call('has', 2, [goInt(1), goInt(2)])).toBe(true);
    expect(call('has', 1, null)).toBe(false);
    expect(call('without', [I(1), I(2), I(3), I(2)], 2)).toEqual([I(1), I(3)]);
    expect(call('compact', [I(0), I(1), '', 'a', null, false, true, [], new Map()])).toEqual([I(1), 'a', true]);
  });
  it('chunks, reverses and builds ranges', () => {
    expect(call('chunk', 2, [I(1), I(2), I(3), I(4), I(5)])).toEqual([
      [goInt(1), goInt(2)],
      [goInt(3), goInt(4)],
      [goInt(5)],
    ]);
    expect(call('reverse', [I(1), I(2), I(3)])).toEqual([goInt(3), goInt(2), goInt(1)]);
    expect(ints(call('until', -3))).toEqual([0, -1, -2]);
    expect(ints(call('untilStep', 10, 0, -3))).toEqual([10, 7, 4, 1]);
    expect(typeOf(call('until', 2))).toBe('[]int');
  });
  it('sorts alphabetically, in place for a []string', () => {
    expect(call('sortAlpha', ['b', 'a', 'C', goInt(10), goInt(2)])).toEqual(['10', '2', 'C', 'a', 'b']);
    expect(call('sortAlpha', null)).toEqual(['<nil>']);
    const l = call('splitList', ',', 'c,a,b');
    call('sortAlpha', l);
    expect(l).toEqual(['a', 'b', 'c']);
  });
});
