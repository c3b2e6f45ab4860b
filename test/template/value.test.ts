import { describe, expect, it } from 'vitest';
import { GoInt, goInt, goInt64, kindOf, stringSlice, truth, typeOf } from '../../src/template/value.ts';

describe('Go value model', () => {
  it('names kinds and types as reflect does', () => {
    expect(kindOf(1.5)).toBe('float64');
    expect(kindOf(goInt(3))).toBe('int');
    expect(kindOf(goInt64(3))).toBe('int64');
    expect(kindOf([])).toBe('slice');
    expect(typeOf([])).toBe('[]interface {}');
    expect(typeOf(stringSlice(['a']))).toBe('[]string');
    expect(typeOf(new Map())).toBe('map[string]interface {}');
    expect(typeOf(null)).toBe('<nil>');
  });
  it('wraps int64 arithmetic to 64 bits', () => {
    expect(goInt64(2n ** 63n).value).toBe(-(2n ** 63n));
    expect(goInt(5)).toBe(goInt(5));
    expect(goInt(5)).toBeInstanceOf(GoInt);
  });
  it('applies Go truthiness', () => {
    expect([0, '', [], new Map(), null, undefined, false, goInt(0)].map(truth)).toEqual(Array(8).fill(false));
    expect([1, 'a', [0], new Map([['a', 1]]), true, goInt(-1)].map(truth)).toEqual(Array(6).fill(true));
  });
});
