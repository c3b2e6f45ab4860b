import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileGlob, newFiles } from '../../src/render/files.ts';
import { GoError, type GoMap, typeInfoOf, typeOf, type Value } from '../../src/template/value.ts';
// @ts-expect-error: plain JS module shared with the golden generator
import { chartFiles } from '../golden/harness-shared.mjs';
import { loadFromDir } from './tmpchart.ts';

const root = join(import.meta.dirname, '..', 'golden');
const cases = parse(readFileSync(join(root, 'cases', 'files-api.yaml'), 'utf8')) as {
  name: string;
  tpl: string;
  values?: string;
  files?: Record<string, string>;
}[];
const expected = JSON.parse(readFileSync(join(root, 'expected', 'files-api.json'), 'utf8')) as Record<
  string,
  { helm4: { out?: string; err?: string } }
>;

function filesOf(c: { files?: Record<string, string>; tpl: string; values?: string }): GoMap {
  return newFiles(loadFromDir(chartFiles(c) as Record<string, string>).files);
}

function call(files: GoMap, method: string, ...args: Value[]): Value {
  const m = typeInfoOf(files)?.methods?.[method];
  if (!m) throw new Error(`no method ${method}`);
  return m.fn(files, ...args);
}

const text = (v: Value) => new TextDecoder().decode(v as Uint8Array);
const sortedKeys = (m: GoMap) => [...m.keys()].sort();

describe('.Files against helm (files-api goldens)', () => {
  const globCase = cases.find((c) => c.name === 'glob-star')!;
  for (const c of cases.filter((x) => x.tpl === globCase.tpl)) {
    it(`${c.name}: Glob ${c.values}`, () => {
      const pattern = (parse(c.values!) as { p: string }).p;
      const out = call(filesOf(c), 'Glob', pattern) as GoMap;
      expect(
        sortedKeys(out)
          .map((k) => `${k}\n`)
          .join('') + '\n',
      ).toBe(expected[c.name].helm4.out);
    });
  }
  it('lists the chart files but not templates, Chart.yaml, values, schema or subcharts', () => {
    for (const name of ['list-all', 'crds-and-misc-included', 'helmignore-is-a-file']) {
      const c = cases.find((x) => x.name === name)!;
      const want = expected[name].helm4.out!.split('\n').filter((l) => l && !/^\d+ /.test(l));
      expect(sortedKeys(filesOf(c))).toEqual(want);
    }
  });
  it('Get and GetBytes', () => {
    const f = filesOf(cases.find((x) => x.name === 'get')!);
    expect(call(f, 'Get', 'config/a.txt')).toBe('alpha\n');
    expect(call(f, 'Get', 'missing')).toBe('');
    expect(call(f, 'Get', 'config')).toBe('');
    expect([...(call(f, 'GetBytes', 'config/b.txt') as Uint8Array)]).toEqual([98, 101, 116, 97]);
    expect(call(f, 'GetBytes', 'missing')).toEqual(new Uint8Array(0));
    expect(typeOf(call(f, 'GetBytes', 'config/b.txt'))).toBe('[]uint8');
    expect(typeOf(f)).toBe('engine.files');
  });
  it('Lines', () => {
    const lines = (content: string) => {
      const f = newFiles([{ name: 'l.txt', data: new TextEncoder().encode(content) }]);
      return call(f, 'Lines', 'l.txt') as string[];
    };
    expect(lines('a\nb\n\nc\n')).toEqual(['a', 'b', '', 'c']);
    expect(lines('a\nb')).toEqual(['a', 'b']);
    expect(lines('a\n\n')).toEqual(['a', '']);
    expect(lines('a\r\nb\r\n')).toEqual(['a\r', 'b\r']);
    expect(typeOf(lines('x'))).toBe('[]string');
    expect(call(newFiles([]), 'Lines', 'nope')).toEqual([]);
    expect(() => lines('')).toThrow(GoError);
    expect(() => lines('')).toThrow('runtime error: index out of range [-1]');
  });
  it('AsConfig and AsSecrets', () => {
    for (const name of [
      'as-config',
      'as-secrets',
      'as-config-multiline-and-special',
      'as-secrets-all',
      'as-config-empty-file',
    ]) {
      const c = cases.find((x) => x.name === name)!;
      const f = filesOf(c);
      const method = name.startsWith('as-secrets') ? 'AsSecrets' : 'AsConfig';
      const target = c.tpl.includes('Glob') ? (call(f, 'Glob', 'config/*') as GoMap) : f;
      expect(`${call(target, method)}\n`, name).toBe(expected[name].helm4.out);
    }
    expect(call(call(filesOf(cases[0]), 'Glob', 'nope/*') as GoMap, 'AsConfig')).toBe('{}');
  });
  it('Get decodes unicode names and contents', () => {
    const f = filesOf(cases.find((x) => x.name === 'unicode-names')!);
    expect(call(f, 'Get', 'données/é.txt')).toBe('ç\n');
    expect(text(f.get('日本/語.txt'))).toBe('テキスト');
  });
});

describe('gobwas/glob compilation', () => {
  it('treats * as one path segment and ** as any depth', () => {
    expect(compileGlob('a/*').test('a/b')).toBe(true);
    expect(compileGlob('a/*').test('a/b/c')).toBe(false);
    expect(compileGlob('a/**').test('a/b/c')).toBe(true);
    expect(compileGlob('**').test('')).toBe(true);
  });
  it('supports classes, ranges, alternatives and escapes', () => {
    expect(compileGlob('[!a]').test('/')).toBe(true);
    expect(compileGlob('{a,b{c,d}}').test('bd')).toBe(true);
    expect(compileGlob('a\\*b').test('a*b')).toBe(true);
    expect(compileGlob('a\\*b').test('axb')).toBe(false);
    expect(compileGlob('x-y').test('x-y')).toBe(true);
    expect(compileGlob('[a-]').test('anything')).toBe(true); // does not compile: matches all
    expect(compileGlob('[z-a]').test('q')).toBe(true); // hi below lo: does not compile
    expect(compileGlob('a,b}').test('a,b}')).toBe(true); // , and } are text outside {}
  });
});
