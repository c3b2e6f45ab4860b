import { describe, expect, it } from 'vitest';
import { charConstant, unquote } from '../../src/template/literal.ts';

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
});
