import { describe, expect, it } from 'vitest';
import { floatToInt64, parseGoFloat, parseGoInt, toFloat64, toInt64 } from '../../src/funcs/cast.ts';
import { GoInt, goInt } from '../../src/template/value.ts';

describe('spf13/cast and strconv parsing', () => {
  it('parses Go integer syntax with base 0', () => {
    expect(parseGoInt('0x1F')).toBe(31n);
    expect(parseGoInt('0o17')).toBe(15n);
    expect(parseGoInt('017')).toBe(15n);
    expect(parseGoInt('0b101')).toBe(5n);
    expect(parseGoInt('1_000')).toBe(1000n);
    expect(parseGoInt('-0x10')).toBe(-16n);
    expect(parseGoInt('0')).toBe(0n);
    for (const bad of ['_1', '1__0', '1_', '', '+', ' 1', '0x', '9223372036854775808', '1.5']) {
      expect(parseGoInt(bad), bad).toBeNull();
    }
    expect(parseGoInt('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(parseGoInt('755', 8)).toBe(493n);
    expect(parseGoInt('8', 8)).toBeNull();
  });
  it('parses Go float syntax', () => {
    expect(parseGoFloat('1e3')).toBe(1000);
    expect(parseGoFloat('0x1p-2')).toBe(0.25);
    expect(parseGoFloat('1_000.5')).toBe(1000.5);
    expect(parseGoFloat('-Infinity')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseGoFloat('nan')).toBeNaN();
    expect(parseGoFloat('5.')).toBe(5);
    expect(parseGoFloat('.5')).toBe(0.5);
    for (const bad of ['1e400', ' 1', 'abc', '+nan', '.', '1e']) expect(parseGoFloat(bad), bad).toBeNull();
  });
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
