import { describe, expect, it } from 'vitest';
import {
  numErrorText,
  parseGoFloat,
  parseGoInt,
  parseGoUint,
  scanGoInt,
  scanGoUint,
} from '../../src/template/strconv-parse.ts';

describe("Go's strconv parsing", () => {
  it('parses Go integer syntax with base 0', () => {
    expect(parseGoInt('0x1F')).toBe(31n);
    expect(parseGoInt('0o17')).toBe(15n);
    expect(parseGoInt('017')).toBe(15n);
    expect(parseGoInt('0b101')).toBe(5n);
    expect(parseGoInt('1_000')).toBe(1000n);
    expect(parseGoInt('-0x10')).toBe(-16n);
    expect(parseGoInt('0')).toBe(0n);
    for (const bad of ['_1', '1__0', '1_', '', '+', ' 1', '0x', '9223372036854775808', '1.5']) {
      expect(parseGoInt(bad), bad).toBeUndefined();
    }
    expect(parseGoInt('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(parseGoInt('755', 8)).toBe(493n);
    expect(parseGoInt('8', 8)).toBeUndefined();
  });
  it('parses Go float syntax', () => {
    expect(parseGoFloat('1e3')).toBe(1000);
    expect(parseGoFloat('0x1p-2')).toBe(0.25);
    expect(parseGoFloat('1_000.5')).toBe(1000.5);
    expect(parseGoFloat('-Infinity')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseGoFloat('nan')).toBeNaN();
    expect(parseGoFloat('5.')).toBe(5);
    expect(parseGoFloat('.5')).toBe(0.5);
    for (const bad of ['1e400', ' 1', 'abc', '+nan', '.', '1e']) expect(parseGoFloat(bad), bad).toBeUndefined();
  });
  it('parses integers with base prefixes and underscores as strconv does with base 0', () => {
    expect(parseGoUint('0x_1F')).toBe(31n);
    expect(parseGoUint('017')).toBe(15n);
    expect(parseGoUint('0o17')).toBe(15n);
    expect(parseGoUint('0b101')).toBe(5n);
    expect(parseGoUint('1_000')).toBe(1000n);
    expect(parseGoUint('1__0')).toBeUndefined();
    expect(parseGoUint('089')).toBeUndefined();
    expect(parseGoUint('18446744073709551616')).toBeUndefined();
    expect(parseGoInt('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseGoInt('9223372036854775808')).toBeUndefined();
    expect(parseGoInt('+7')).toBe(7n);
  });

  it('parses decimal and hexadecimal floats', () => {
    expect(parseGoFloat('1.5e3')).toBe(1500);
    expect(parseGoFloat('.5')).toBe(0.5);
    expect(parseGoFloat('1.')).toBe(1);
    expect(parseGoFloat('0x1p4')).toBe(16);
    expect(parseGoFloat('0x1.8p1')).toBe(3);
    expect(parseGoFloat('0x1.8')).toBeUndefined();
    expect(parseGoFloat('1e400')).toBeUndefined();
    expect(parseGoFloat('1_0.5')).toBe(10.5);
    expect(parseGoFloat('+.')).toBeUndefined();
  });

  it("returns Go's value with the error: 0 on bad syntax, the clamped bound on overflow", () => {
    expect(scanGoInt('99999999999999999999', 10)).toEqual({ value: 2n ** 63n - 1n, err: 'value out of range' });
    expect(scanGoInt('-99999999999999999999', 10)).toEqual({ value: -(2n ** 63n), err: 'value out of range' });
    expect(scanGoInt('12x', 10)).toEqual({ value: 0n, err: 'invalid syntax' });
    // Go reports the overflow it meets first, not the bad character after it.
    expect(scanGoUint('99999999999999999999x', 10)).toEqual({ value: 2n ** 64n - 1n, err: 'value out of range' });
    expect(scanGoInt('1_0', 10).err).toBe('invalid syntax'); // underscores only with base 0
    expect(scanGoUint('-1', 0).err).toBe('invalid syntax');
  });

  it('checks the underscores of a hexadecimal float exponent as Go does', () => {
    expect(parseGoFloat('0x1p_1')).toBeUndefined();
    expect(parseGoFloat('0x1p1_0')).toBe(1024);
    expect(parseGoFloat('1e_1')).toBeUndefined();
  });

  it("writes *strconv.NumError's text", () => {
    expect(numErrorText('Atoi', 'a"b', 'invalid syntax')).toBe('strconv.Atoi: parsing "a\\"b": invalid syntax');
  });
});
