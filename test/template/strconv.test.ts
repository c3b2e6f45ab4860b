// Go's strconv formatting. Float64 and quoting expectations were printed by helm's printf (%e %f %g %x %b %q
// map onto FormatFloat and Quote); float32 and rune cases follow Go's strconv documentation and tests.
import { describe, expect, it } from 'vitest';
import {
  canBackquote,
  decodeRune,
  formatFloat,
  formatInt,
  isGraphic,
  isPrint,
  quote,
  quoteBytes,
  quoteRune,
  quoteRuneToASCII,
  quoteToASCII,
  quoteToGraphic,
} from '../../src/template/strconv.ts';
import { exactDigits, roundDigits, shortestDigits } from '../../src/template/strconv-decimal.ts';

describe('formatFloat', () => {
  const cases: Array<[number, string, number, string]> = [
    [1, 'e', 5, '1.00000e+00'],
    [1, 'f', 5, '1.00000'],
    [1, 'g', 5, '1'],
    [1, 'g', -1, '1'],
    [20, 'g', -1, '20'],
    [1234567.8, 'g', -1, '1.2345678e+06'],
    [200000, 'g', -1, '200000'],
    [2000000, 'g', -1, '2e+06'],
    [1e21, 'f', -1, '1000000000000000000000'],
    [400, 'g', 2, '4e+02'],
    [40, 'g', 2, '40'],
    [4, 'g', 2, '4'],
    [0.001, 'g', -1, '0.001'],
    [0.0001, 'g', -1, '0.0001'],
    [0.00001, 'g', -1, '1e-05'],
    [0, 'e', 5, '0.00000e+00'],
    [0, 'f', 5, '0.00000'],
    [0, 'g', 5, '0'],
    [0, 'g', -1, '0'],
    [-1, 'e', 5, '-1.00000e+00'],
    [-1, 'g', -1, '-1'],
    [12, 'e', 5, '1.20000e+01'],
    [123456700, 'e', 5, '1.23457e+08'],
    [123456700, 'g', 5, '1.2346e+08'],
    [1e23, 'e', 17, '9.99999999999999916e+22'],
    [1e23, 'f', 17, '99999999999999991611392.00000000000000000'],
    [1e23, 'g', 17, '9.9999999999999992e+22'],
    [1e23, 'e', -1, '1e+23'],
    [1e23, 'f', -1, '100000000000000000000000'],
    [1e23, 'g', -1, '1e+23'],
    [100, 'x', -1, '0x1.9p+06'],
    [100, 'y', -1, '%y'],
    [Number.MAX_VALUE, 'g', -1, '1.7976931348623157e+308'],
    [5e-324, 'g', -1, '5e-324'],
    [5e-324, 'e', 3, '4.941e-324'],
    [5e-324, 'b', -1, '1p-1074'],
    [32, 'g', -1, '32'],
    [32, 'g', 0, '3e+01'],
    [100, 'x', 0, '0x1p+07'],
    [3.999969482421875, 'x', 0, '0x1p+02'],
    [3.999969482421875, 'x', 2, '0x1.00p+02'],
    [3.999969482421875, 'X', 4, '0X1.FFFFP+01'],
    [1.0000000000000002, 'x', -1, '0x1.0000000000001p+00'],
    [1.0000000000000002, 'x', 20, '0x1.00000000000010000000p+00'],
    [0.5, 'f', 0, '0'],
    [1.5, 'f', 0, '2'],
    [2.5, 'f', 0, '2'],
    [2.5, 'e', 0, '2e+00'],
    [2.25, 'f', 1, '2.2'],
    [2.35, 'f', 1, '2.4'], // 2.35 is 2.35000000000000008882: not a tie
    [-0, 'g', -1, '-0'],
    [Infinity, 'g', -1, '+Inf'],
    [-Infinity, 'f', 3, '-Inf'],
    [NaN, 'e', 3, 'NaN'],
    [123.456, 'f', 120, '123.' + '4560000000000030695446184836328029632568359375'.padEnd(120, '0')],
  ];
  it.each(cases)('%d %s %d', (x, fmt, prec, want) => {
    expect(formatFloat(x, fmt, prec)).toBe(want);
  });

  const cases32: Array<[number, string, number, string]> = [
    [0.1, 'g', -1, '0.1'],
    [1 / 3, 'g', -1, '0.33333334'],
    [16777216, 'g', -1, '1.6777216e+07'],
    [3.4028234663852886e38, 'g', -1, '3.4028235e+38'],
    [1.401298464324817e-45, 'g', -1, '1e-45'],
    [1e23, 'e', -1, '1e+23'],
    [1.5, 'b', -1, '12582912p-23'],
    [0.1, 'e', 10, '1.0000000149e-01'],
    [1, 'x', -1, '0x1p+00'],
  ];
  it.each(cases32)('float32 %d %s %d', (x, fmt, prec, want) => {
    expect(formatFloat(x, fmt, prec, 32)).toBe(want);
  });
});

describe('decimal digits', () => {
  it('takes the shortest digits from JavaScript', () => {
    expect(shortestDigits(1.5)).toEqual({ d: '15', dp: 1 });
    expect(shortestDigits(1e-7)).toEqual({ d: '1', dp: -6 });
    expect(shortestDigits(-120)).toEqual({ d: '12', dp: 3 });
  });
  it('expands doubles exactly', () => {
    expect(exactDigits(0.1)).toEqual({ d: '1000000000000000055511151231257827021181583404541015625', dp: 0 });
    expect(exactDigits(2 ** 70)).toEqual({ d: '1180591620717411303424', dp: 22 });
    expect(exactDigits(0.375)).toEqual({ d: '375', dp: 0 });
  });
  it('rounds half to even only on exact ties', () => {
    expect(roundDigits({ d: '125', dp: 0 }, 2)).toEqual({ d: '12', dp: 0 });
    expect(roundDigits({ d: '135', dp: 0 }, 2)).toEqual({ d: '14', dp: 0 });
    expect(roundDigits({ d: '1251', dp: 0 }, 2)).toEqual({ d: '13', dp: 0 });
    expect(roundDigits({ d: '999', dp: 1 }, 2)).toEqual({ d: '1', dp: 2 });
    expect(roundDigits({ d: '5', dp: 0 }, 0)).toEqual({ d: '', dp: 0 });
    expect(roundDigits({ d: '6', dp: 0 }, 0)).toEqual({ d: '1', dp: 1 });
    expect(roundDigits({ d: '1201', dp: 3 }, 3)).toEqual({ d: '12', dp: 3 });
  });
});

describe('formatInt', () => {
  it('formats in any base from 2 to 36', () => {
    expect(formatInt(255n, 16)).toBe('ff');
    expect(formatInt(-255n, 2)).toBe('-11111111');
    expect(formatInt(35, 36)).toBe('z');
    expect(formatInt(-9223372036854775808n)).toBe('-9223372036854775808');
    expect(() => formatInt(1, 37)).toThrow(RangeError);
  });
});

describe('quote', () => {
  const cases: Array<[string, string, string]> = [
    ['plain', 'hello', '"hello"'],
    ['empty', '', '""'],
    ['escapes', '\x07\b\f\n\r\t\v\\"', '"\\a\\b\\f\\n\\r\\t\\v\\\\\\""'],
    ['control bytes', '\x00\x01\x1f\x7f', '"\\x00\\x01\\x1f\\x7f"'],
    ['printable unicode', 'héllo ☺ 😀 日本', '"héllo ☺ 😀 日本"'],
    ['non-printable unicode', '\u00a0\u00ad\u2028\u200b\ufeff', '"\\u00a0\\u00ad\\u2028\\u200b\\ufeff"'],
    ['unassigned', '\u0378', '"\\u0378"'],
    ['private use plane', '\u{f0000}', '"\\U000f0000"'],
    ['single quote kept', "it's", '"it\'s"'],
    ['lone surrogate', 'a\ud800b', '"a\ufffdb"'],
  ];
  it.each(cases)('%s', (_name, s, want) => {
    expect(quote(s)).toBe(want);
  });
  it('escapes every non-ASCII rune with quoteToASCII', () => {
    expect(quoteToASCII('héllo ☺\n😀')).toBe('"h\\u00e9llo \\u263a\\n\\U0001f600"');
    expect(quoteToASCII('plain')).toBe('"plain"');
  });
  it('keeps Unicode spaces with quoteToGraphic', () => {
    expect(quoteToGraphic('a\u00a0b\u3000\t')).toBe('"a\u00a0b\u3000\\t"');
  });
  it('quotes runes', () => {
    expect(quoteRune(0x263a)).toBe("'☺'");
    expect(quoteRune(39)).toBe("'\\''");
    expect(quoteRune(34)).toBe("'\"'");
    expect(quoteRune(10)).toBe("'\\n'");
    expect(quoteRune(0x110000)).toBe("'�'");
    expect(quoteRune(-1)).toBe("'�'");
    expect(quoteRuneToASCII(0x263a)).toBe("'\\u263a'");
    expect(quoteRuneToASCII(0x1f600)).toBe("'\\U0001f600'");
  });
  it('escapes bytes that are not UTF-8 as \\x', () => {
    expect(quoteBytes(new Uint8Array([0x61, 0xff, 0xfe, 0xc3, 0xa9]))).toBe('"a\\xff\\xfeé"');
    expect(quoteBytes(new Uint8Array([0xe2, 0x98]))).toBe('"\\xe2\\x98"');
    expect(quoteBytes(new Uint8Array([0xed, 0xa0, 0x80]))).toBe('"\\xed\\xa0\\x80"'); // encoded surrogate
    expect(quoteBytes(new Uint8Array([0xc3, 0xa9]), true)).toBe('"\\u00e9"');
  });
});

describe('runes', () => {
  it('decodes UTF-8 as Go does', () => {
    expect(decodeRune(new Uint8Array([0x41]), 0)).toEqual([0x41, 1]);
    expect(decodeRune(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]), 0)).toEqual([0x1f600, 4]);
    expect(decodeRune(new Uint8Array([0xc0, 0x80]), 0)).toEqual([-1, 1]); // overlong
    expect(decodeRune(new Uint8Array([0xf4, 0x90, 0x80, 0x80]), 0)).toEqual([-1, 1]); // above U+10FFFF
  });
  it('knows which runes are printable', () => {
    expect([0x20, 0x41, 0x7e, 0xa1, 0xe9, 0x263a, 0x1f600, 0x4e00].every(isPrint)).toBe(true);
    expect([0x00, 0x1f, 0x7f, 0x80, 0xa0, 0xad, 0x2028, 0x200b, 0xfeff, 0xd800, 0x110000].some(isPrint)).toBe(false);
    expect(isGraphic(0xa0)).toBe(true);
    expect(isGraphic(0x3000)).toBe(true);
    expect(isGraphic(0x200b)).toBe(false);
  });
  it('knows which strings can be backquoted', () => {
    expect(canBackquote('tab\there é')).toBe(true);
    expect(canBackquote('a`b')).toBe(false);
    expect(canBackquote('a\nb')).toBe(false);
    expect(canBackquote('\x7f')).toBe(false);
    expect(canBackquote('\ufeff')).toBe(false);
  });
});
