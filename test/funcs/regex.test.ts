// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Go replacement templates spell groups as ${name}
import { describe, expect, it } from 'vitest';
import { RegexSyntaxError, translateRegex } from '../../src/funcs/regex-syntax.ts';
import { isNil } from '../../src/template/value.ts';
import { call, callError } from './helpers.ts';

function syntaxError(pattern: string): string {
  try {
    translateRegex(pattern);
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
  throw new Error(`${pattern} parsed`);
}

describe('Go regexp syntax', () => {
  it('rejects what Go rejects, with Go error text', () => {
    const cases: [string, string][] = [
      ['(a', 'missing closing ): `(a`'],
      ['a)', 'unexpected ): `a)`'],
      ['x[a-', 'missing closing ]: `[a-`'],
      ['[z-a]', 'invalid character class range: `z-a`'],
      ['a|*', 'missing argument to repetition operator: `*`'],
      ['a*?+', 'invalid nested repetition operator: `*?+`'],
      ['(a{500}){3}', 'invalid repeat count: `{3}`'],
      ['x{1001}', 'invalid repeat count: `{1001}`'],
      ['a(?=b)', 'invalid or unsupported Perl syntax: `(?=`'],
      ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
      ['(a)\\1', 'invalid escape sequence: `\\1`'],
      ['a\\', 'trailing backslash at end of expression: ``'],
      ['(?P<a-b>x)', 'invalid named capture: `(?P<a-b>`'],
      ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
      ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
      ['(?z)', 'invalid or unsupported Perl syntax: `(?z`'],
      ['[\\b]', 'invalid escape sequence: `\\b`'],
      ['\\xZ1', 'invalid escape sequence: `\\xZ1`'],
      ['\\8', 'invalid escape sequence: `\\8`'],
    ];
    for (const [p, msg] of cases) expect(syntaxError(p), p).toBe(`error parsing regexp: ${msg}`);
  });
  it('accepts Go forms JS lacks or reads differently', () => {
    for (const p of ['a{,2}', '{', '^*', '\\Q.*\\E', '(?i)a(?-i)b', '(?P<1a>x)', '\\pL', '[[:^alpha:]]', '(?U)a+']) {
      expect(() => translateRegex(p), p).not.toThrow();
    }
    expect(translateRegex('(?i)ab').flags).toBe('giu');
    expect(translateRegex('a(?i)b').flags).toBe('gu');
  });
});

// Expected values are helm 4.1.4's output (test/golden/cases/sprig-regex.yaml).
describe('Sprig regex functions', () => {
  it('finds all with Go rules for empty matches', () => {
    expect(call('regexFindAll', 'a*', 'baaac', -1)).toEqual(['', 'aaa', '']);
    expect(call('regexFindAll', '[0-9]+', 'a1b22c333', 2)).toEqual(['1', '22']);
    expect(isNil(call('regexFindAll', 'x', 'abc', -1))).toBe(true);
    expect(call('regexFindAll', '.', 'a\nb', -1)).toEqual(['a', 'b']);
    expect(call('regexFindAll', '(?s).', 'a\nb', -1)).toEqual(['a', '\n', 'b']);
    expect(call('regexFindAll', '(?m)^\\w', 'ab\ncd', -1)).toEqual(['a', 'c']);
    expect(call('regexFindAll', '(?m)\\w$', 'ab\ncd', -1)).toEqual(['b', 'd']);
    expect(call('regexFindAll', 'a(?i)b', 'ab aB Ab AB', -1)).toEqual(['ab', 'aB']);
    expect(call('regexFindAll', '(?U)a+', 'aaa', -1)).toEqual(['a', 'a', 'a']);
    expect(call('regexFindAll', '\\d+|\\s+|\\w+', 'ab 12\tcd', -1)).toEqual(['ab', ' ', '12', '\t', 'cd']);
    expect(call('regexFindAll', '(?i)\\W', 'sſKk!', -1)).toEqual(['!']);
    expect(call('regexFindAll', 'x(?i)[^a]', 'xA xb xa', -1)).toEqual(['xb']);
    expect(call('regexFindAll', '\\p{Greek}+', 'abc αβγ', -1)).toEqual(['αβγ']);
  });
  it('replaces with Go expansion', () => {
    expect(call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '${1}W')).toBe('-W-xxW-');
    expect(call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '$1W')).toBe('---');
    expect(call('regexReplaceAll', '(?P<n>[0-9])', 'a1b2', '<$n>')).toBe('a<1>b<2>');
    expect(call('regexReplaceAll', 'b', 'abc', '$$')).toBe('a$c');
    expect(call('regexReplaceAll', '(b)', 'abc', '${1')).toBe('a${1c');
    expect(call('regexReplaceAll', 'a*', 'baaac', '-')).toBe('-b-c-');
    expect(call('regexReplaceAll', 'x*', 'héllo', '.')).toBe('.h.é.l.l.o.');
    expect(call('regexReplaceAllLiteral', 'a(x*)b', '-ab-axxb-', '${1}')).toBe('-${1}-${1}-');
    expect(call('regexReplaceAll', '(?P<first>\\w+) (?<last>\\w+)', 'John Smith', '${last}, ${first}')).toBe(
      'Smith, John',
    );
  });
  it('splits as Go does', () => {
    expect(call('regexSplit', ',', 'a,b,c', 2)).toEqual(['a', 'b,c']);
    expect(call('regexSplit', 'x*', 'axbxc', -1)).toEqual(['a', 'b', 'c']);
    expect(call('regexSplit', '', 'abc', -1)).toEqual(['a', 'b', 'c']);
    expect(call('regexSplit', ',', 'a,', -1)).toEqual(['a', '']);
    expect(call('regexSplit', 'a', 'a', -1)).toEqual(['', '']);
    expect(call('regexSplit', ',', '', -1)).toEqual(['']);
  });
  it('reports compile errors the way each form does', () => {
    expect(call('regexMatch', 'a(', 'x')).toBe(false);
    expect(callError('mustRegexMatch', 'a(', 'x')).toBe('error parsing regexp: missing closing ): `a(`');
    expect(callError('regexFind', '[a', 'abc')).toBe(
      'regexp: Compile(`[a`): error parsing regexp: missing closing ]: `[a`',
    );
    const pattern = 'a(\n\x60'; // a, (, newline, backquote: not backquotable, so Go quotes it
    expect(callError('regexFind', pattern, 'x')).toBe(
      'regexp: Compile("a(\\n\x60"): error parsing regexp: missing closing ): \x60' + pattern + '\x60',
    );
    expect(call('regexQuoteMeta', '1.5+[a]')).toBe('1\\.5\\+\\[a\\]');
  });
});
