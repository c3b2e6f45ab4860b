import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { goMatch } from '../../src/chart/gomatch.ts';
import { IgnoreError, IgnoreRules } from '../../src/chart/ignore.ts';
// @ts-expect-error: plain JS module shared with the golden generator
import { chartFiles } from '../golden/harness-shared.mjs';
import { loadFromDir } from './tmpchart.ts';

const root = join(import.meta.dirname, '..', 'golden');
const cases = parse(readFileSync(join(root, 'cases', 'chart-ignore.yaml'), 'utf8')) as {
  name: string;
  tpl: string;
  files?: Record<string, string>;
}[];
const expected = JSON.parse(readFileSync(join(root, 'expected', 'chart-ignore.json'), 'utf8')) as Record<
  string,
  { helm4: { out?: string; err?: string } }
>;

describe('.helmignore against helm (chart-ignore goldens)', () => {
  const listTpl = cases[0].tpl;
  for (const c of cases.filter((x) => x.tpl === listTpl)) {
    it(c.name, () => {
      const want = expected[c.name].helm4;
      let got: string;
      try {
        const chart = loadFromDir(chartFiles(c));
        got = `${chart.files
          .map((f) => f.name)
          .sort()
          .map((n) => `${n}\n`)
          .join('')}\n`;
      } catch (e) {
        expect((e as Error).message).toBe(want.err);
        return;
      }
      expect(got).toBe(want.out);
    });
  }
  it('drops dot files directly under templates/ by default (not deeper ones)', () => {
    const c = cases.find((x) => x.name === 'default-dot-templates')!;
    const chart = loadFromDir(chartFiles(c));
    expect(chart.templates.map((t) => t.name)).toEqual(['templates/sub/.deeper.yaml', 'templates/t.yaml']);
  });
  it('can drop templates, values and subcharts', () => {
    const byName = (n: string) => loadFromDir(chartFiles(cases.find((x) => x.name === n)!));
    expect(byName('ignore-template').templates.map((t) => t.name)).toEqual(['templates/t.yaml']);
    expect(byName('ignore-values').values.size).toBe(0);
    expect(byName('ignore-subchart-dir').dependencies).toEqual([]);
    expect(byName('subchart-own-helmignore-not-read').dependencies[0].values.get('marker')).toBe('sub');
  });
});

describe('IgnoreRules', () => {
  it('applies rules in order; a negated rule ignores everything it does not match', () => {
    const r = IgnoreRules.parse('*.txt\n!a.txt\n');
    expect(r.ignore('a.txt', false)).toBe(true);
    expect(r.ignore('b.md', false)).toBe(true);
    const dirRule = IgnoreRules.parse('!docs/\n');
    expect(dirRule.ignore('docs', true)).toBe(false);
    expect(dirRule.ignore('x.txt', false)).toBe(true);
  });
  it('refuses ** and malformed patterns with helm messages', () => {
    expect(() => IgnoreRules.parse('a/**/b')).toThrow(new IgnoreError('double-star (**) syntax is not supported'));
    expect(() => IgnoreRules.parse('[')).toThrow('syntax error in pattern');
    expect(() => IgnoreRules.parse('abcd*[')).not.toThrow();
  });
  it('matches base names, whole paths, or from the root', () => {
    expect(IgnoreRules.parse('*.md').ignore('docs/deep/x.md', false)).toBe(true);
    expect(IgnoreRules.parse('docs/*.md').ignore('docs/deep/x.md', false)).toBe(false);
    expect(IgnoreRules.parse('/x.md').ignore('docs/x.md', false)).toBe(false);
    expect(IgnoreRules.parse('/x.md').ignore('x.md', false)).toBe(true);
    expect(IgnoreRules.parse('build/').ignore('build', false)).toBe(false);
    expect(IgnoreRules.parse('build/').ignore('build', true)).toBe(true);
  });
});

describe('Go filepath.Match', () => {
  it('matches as Go does', () => {
    const yes: [string, string][] = [
      ['abc', 'abc'],
      ['*', 'abc'],
      ['*c', 'abc'],
      ['a*', 'a'],
      ['a*/b', 'abc/b'],
      ['a*b*c*d*e*/f', 'axbxcxdxe/f'],
      ['ab[c]', 'abc'],
      ['ab[b-d]', 'abc'],
      ['ab[^c]', 'abd'],
      ['a\\*b', 'a*b'],
      ['a?b', 'a☺b'],
      ['[a-ζ]*', 'α'],
      ['*x', 'xxx'],
    ];
    for (const [p, n] of yes) expect(goMatch(p, n), `${p} ${n}`).toBe(true);
    const no: [string, string][] = [
      ['*c', 'abc/c'],
      ['a*b', 'a/b'],
      ['ab[^c]', 'abc'],
      ['a?b', 'a/b'],
      ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff'],
    ];
    for (const [p, n] of no) expect(goMatch(p, n), `${p} ${n}`).toBe(false);
  });
  it('reports malformed patterns once matching reaches them', () => {
    for (const p of ['[', '[^', 'a[', '[a-', '\\', 'x[', '[-]', '[x-]']) {
      expect(() => goMatch(p, 'abc'), p).toThrow('syntax error in pattern');
    }
    expect(goMatch('abcd*[', 'abc')).toBe(false);
  });
});
