import { describe, expect, it } from 'vitest';
import { charConstant, parseFloat64, parseInt64, parseUint, unquote } from '../../src/template/literal.ts';

describe('literals', () => {
  it('unquotes Go strings, joining escaped bytes into UTF-8', () => {
    expect(unquote('"a\\tb\\u00e9\\U0001F600"')).toBe('a\tbé😀');
    expect(unquote('"\\xc3\\xa9\\303\\251"')).toBe('éé');
    expect(unquote('`a\\n\r\nb`')).toBe('a\\n\nb');
    expect(() => unquote('"\\q"')).toThrow('invalid syntax');
    expect(() => unquote('"\\ud800"')).toThrow('invalid syntax');
    expect(() => unquote('"\\400"')).toThrow('invalid syntax');
    expect(() => unquote('"\\\'"')).toThrow('invalid syntax');
  });

  it('keeps text around escapes, and mixes escaped bytes with other escapes', () => {
    expect(unquote('"%s\\n"')).toBe('%s\n');
    expect(unquote('"a\\"b\\\\c"')).toBe('a"b\\c');
    expect(unquote('"\\u00e9\\xc3\\xa9x"')).toBe('ééx');
    expect(unquote('"\\xff"')).toBe('\ufffd');
    expect(unquote('"\ud800\\n"')).toBe('\ufffd\n');
    expect(() => unquote('"a"b\\n"')).toThrow('invalid syntax');
  });

  it('decodes character constants', () => {
    expect(charConstant("'a'")).toBe(97);
    expect(charConstant("'\\''")).toBe(39);
    expect(charConstant("'日'")).toBe(0x65e5);
    expect(() => charConstant("'ab'")).toThrow("malformed character constant: 'ab'");
    expect(() => charConstant("''")).toThrow('invalid syntax');
  });

  it('parses integers with base prefixes and underscores as strconv does with base 0', () => {
    expect(parseUint('0x_1F')).toBe(31n);
    expect(parseUint('017')).toBe(15n);
    expect(parseUint('0o17')).toBe(15n);
    expect(parseUint('0b101')).toBe(5n);
    expect(parseUint('1_000')).toBe(1000n);
    expect(parseUint('1__0')).toBeUndefined();
    expect(parseUint('089')).toBeUndefined();
    expect(parseUint('18446744073709551616')).toBeUndefined();
    expect(parseInt64('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseInt64('9223372036854775808')).toBeUndefined();
    expect(parseInt64('+7')).toBe(7n);
  });

  it('parses decimal and hexadecimal floats', () => {
    expect(parseFloat64('1.5e3')).toBe(1500);
    expect(parseFloat64('.5')).toBe(0.5);
    expect(parseFloat64('1.')).toBe(1);
    expect(parseFloat64('0x1p4')).toBe(16);
    expect(parseFloat64('0x1.8p1')).toBe(3);
    expect(parseFloat64('0x1.8')).toBeUndefined();
    expect(parseFloat64('1e400')).toBeUndefined();
    expect(parseFloat64('1_0.5')).toBe(10.5);
    expect(parseFloat64('+.')).toBeUndefined();
  });
});
