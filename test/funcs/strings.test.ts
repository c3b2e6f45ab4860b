import { describe, expect, it } from 'vitest';
import { byteLength, byteSlice, goTitle, goToLower, goToUpper, goTrimSpace } from '../../src/funcs/gostrings.ts';
import { toLowerWords, toPascalCase } from '../../src/funcs/strings-case.ts';
import { goInt, typeOf } from '../../src/template/value.ts';
import { call, callError } from './helpers.ts';

// Expected strings are helm 4.1.4's output for the same calls (test/golden/cases/sprig-strings.yaml).
describe('Go string semantics', () => {
  it('maps case rune by rune with simple mappings', () => {
    expect(goToUpper('hello wörld ß')).toBe('HELLO WÖRLD ß');
    expect(goToLower('HÉLLO İ')).toBe('héllo i');
    expect(goTitle("hello wide-world o'neil 3rd x_y ǆemal")).toBe("Hello Wide-World O'Neil 3rd X_y ǅemal");
    expect(goTrimSpace('\u00a0\u2003 x \u3000')).toBe('x');
  });
  it('counts and slices bytes', () => {
    expect(byteLength('héllo')).toBe(6);
    expect(byteSlice('héllo', 0, 2)).toBe('h\ufffd');
    expect(byteSlice('héllo', 1, 3)).toBe('é');
  });
});

describe('Sprig string functions', () => {
  it('substr and trunc count bytes and panic as Go does', () => {
    expect([call('substr', 1, 3, 'hello'), call('substr', -1, 3, 'hello'), call('substr', 2, -1, 'hello')]).toEqual([
      'el',
      'hel',
      'llo',
    ]);
    expect(call('trunc', -3, 'hello')).toBe('llo');
    expect(call('trunc', 2, 'héllo')).toBe('h\ufffd');
    expect(callError('substr', 7, 99, 'hello')).toBe('runtime error: slice bounds out of range [7:5]');
    expect(callError('substr', 4, 2, 'hello')).toBe('runtime error: slice bounds out of range [4:2]');
    expect(callError('substr', -1, 9, 'hello')).toBe('runtime error: slice bounds out of range [:9] with length 5');
    expect(callError('substr', -1, -2, 'hello')).toBe('runtime error: slice bounds out of range [:-2]');
    expect(callError('repeat', -1, 'ab')).toBe('strings: negative Repeat count');
  });
  it('abbreviates, wraps and extracts as goutils does', () => {
    expect(call('abbrev', 5, 'hello world')).toBe('he...');
    expect(call('abbrevboth', 5, 10, '1234 5678 9123')).toBe('...5678...');
    expect(call('abbrevboth', 10, 10, 'abcdefghijklmnopqrstuvwxyz')).toBe('...klmn...');
    expect(call('wrap', 5, 'hello big world supercalifragilistic end')).toBe(
      'hello\nbig\nworld\nsupercalifragilistic\nend',
    );
    expect(call('wrapWith', 5, '<br>', 'hello supercalifragilistic')).toBe('hello<br>super<br>calif<br>ragil<br>istic');
    expect(call('nospace', 'héllo wörld')).toBe('hÃ©llowÃ¶rld');
    expect(call('nospace', 'héllo')).toBe('héllo');
    expect(call('initials', 'hello big world')).toBe('hbw');
    expect(call('swapcase', 'Hello World iS')).toBe('hELLO wORLD Is');
    expect(call('swapcase', 'ǆ x ǅ')).toBe('ǅ X ǆ');
    expect(call('untitle', 'Hello World  Foo')).toBe('hello world  foo');
  });
  it('converts case as xstrings does', () => {
    const snake = ['FirstName', 'HTTPServer', 'NoHTTPS', 'GO_PATH', 'GO PATH', 'http2xx', 'HTTP20xOK', 'Bld4Floor3rd'];
    expect(snake.map((s) => toLowerWords(s, 0x5f))).toEqual([
      'first_name',
      'http_server',
      'no_https',
      'go_path',
      'go_path',
      'http_2xx',
      'http_20x_ok',
      'bld4_floor_3rd',
    ]);
    expect(['foo_bar-baz qux', 'a.b,c', 'ÀbcDéf', 'x--y__z'].map((s) => toLowerWords(s, 0x2d))).toEqual([
      'foo-bar-baz-qux',
      'a.b,c',
      'àbc-déf',
      'x--y--z',
    ]);
    expect(['some_words', '_complex__case_', 'GOLANG_IS_GREAT', '_', 'AbC-dEF'].map(toPascalCase)).toEqual([
      'SomeWords',
      '_Complex_Case_',
      'GolangIsGreat',
      '__',
      'AbCDEF',
    ]);
  });
  it('quotes, joins and splits', () => {
    expect(call('quote', 'a"b', 1, 2.5, true, null, 'x')).toBe('"a\\"b" "1" "2.5" "true" "x"');
    expect(call('squote', 'a', 1, null)).toBe("'a' '1'");
    expect(call('cat', 'a', 1, null, 2.5, 'b')).toBe('a 1 2.5 b');
    expect(call('join', '-', [goInt(1), null, 'a', 2.5])).toBe('1-a-2.5');
    expect(call('join', ',', null)).toBe('');
    const m = call('split', ',', 'a,b') as Map<string, string>;
    expect([...m]).toEqual([
      ['_0', 'a'],
      ['_1', 'b'],
    ]);
    expect(typeOf(m)).toBe('map[string]string');
    expect(call('splitList', '', 'héy')).toEqual(['h', 'é', 'y']);
    expect([...(call('splitn', ',', 0, 'a,b') as Map<string, string>)]).toEqual([]);
    expect(call('replace', '', '-', 'abc')).toBe('-a-b-c-');
    expect(call('indent', 2, 'x\ny')).toBe('  x\n  y');
    expect(call('nindent', 4, 'x')).toBe('\n    x');
  });
});
