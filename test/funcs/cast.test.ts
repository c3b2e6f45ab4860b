import { describe, expect, it } from 'vitest';
import { floatToInt64, toFloat64, toInt64 } from '../../src/funcs/cast.ts';
import { GoInt, goInt } from '../../src/template/value.ts';

describe('spf13/cast', () => {
  it('converts like cast.ToInt64 (values checked against helm)', () => {
    expect(toInt64('4.0')).toBe(4n);
    expect(toInt64('4.5')).toBe(0n);
    expect(toInt64(4.9)).toBe(4n);
    expect(toInt64(-4.9)).toBe(-4n);
    expect(toInt64(true)).toBe(1n);
    expect(toInt64(null)).toBe(0n);
    expect(toInt64([goInt(1)])).toBe(0n);
    expect(toInt64(new GoInt(2n ** 64n - 1n, 'uint64'))).toBe(-1n);
    expect(toInt64(1e30)).toBe(-(2n ** 63n));
    expect(floatToInt64(Number.NaN)).toBe(-(2n ** 63n));
  });
  it('converts like cast.ToFloat64', () => {
    expect(toFloat64('3.5')).toBe(3.5);
    expect(toFloat64(' 1')).toBe(0);
    expect(toFloat64(goInt(5))).toBe(5);
    expect(toFloat64(true)).toBe(1);
    expect(toFloat64('1e400')).toBe(0);
  });
});
