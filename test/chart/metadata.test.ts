import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadChartFromFiles } from '../../src/chart/loader.ts';
import { decodeMetadata, formatFloat32G, sanitizeString, validateMetadata } from '../../src/chart/metadata.ts';
import type { ChartMetadata } from '../../src/chart/model.ts';
import { parseYamlInts } from '../../src/goyaml/index.ts';
import { formatValue } from '../../src/template/fmt.ts';
import { stringSlice } from '../../src/template/value.ts';
// @ts-expect-error: plain JS module shared with the golden generator
import { chartFiles } from '../golden/harness-shared.mjs';
import { loadFromDir } from './tmpchart.ts';

const root = join(import.meta.dirname, '..', 'golden');
const cases = parse(readFileSync(join(root, 'cases', 'chart-metadata.yaml'), 'utf8')) as {
  name: string;
  tpl: string;
  chart?: string;
  files?: Record<string, string>;
}[];
type Out = { out?: string; err?: string };
const expected = JSON.parse(readFileSync(join(root, 'expected', 'chart-metadata.json'), 'utf8')) as Record<
  string,
  { helm4: Out; helm3: Out }
>;

/** What the `fields` golden template prints for metadata. */
function fields(md: ChartMetadata): string {
  const v = [
    md.name,
    md.version,
    md.appVersion,
    md.apiVersion,
    md.description,
    formatValue(stringSlice(md.keywords)),
    formatValue(md.annotations ?? new Map()),
    md.type,
    String(md.deprecated),
    md.home,
    formatValue(stringSlice(md.sources)),
    md.kubeVersion,
    md.icon,
    md.condition,
    md.tags,
  ];
  return `${v.join('|')}\n`;
}

describe('Chart.yaml against helm (chart-metadata goldens)', () => {
  const fieldsTpl = cases[0].tpl;
  for (const c of cases.filter((x) => x.tpl === fieldsTpl || x.tpl === 'x')) {
    for (const dialect of ['helm4', 'helm3'] as const) {
      it(`${c.name} (${dialect})`, () => {
        const want = expected[c.name][dialect];
        let got: string;
        try {
          got = fields(loadFromDir(chartFiles(c), { dialect }).metadata);
        } catch (e) {
          expect((e as Error).message).toBe(want.err);
          return;
        }
        if (want.err !== undefined) {
          // Some failures come later in helm (library charts are not installable); they are the render layer's.
          expect(want.err).toMatch(/not installable/);
          return;
        }
        if (c.tpl === 'x') expect(want.out).toBe('x\n');
        else expect(got).toBe(want.out);
      });
    }
  }
  it('reads requirements.yaml into the dependencies (v1 keeps it among the files)', () => {
    const v1 = loadFromDir(chartFiles(cases.find((x) => x.name === 'requirements-v1')!));
    expect(v1.metadata.dependencies?.map((d) => d?.name)).toEqual(['sub']);
    const files = loadFromDir(chartFiles(cases.find((x) => x.name === 'requirements-in-files-v1')!)).files;
    expect(files.map((f) => f.name).sort()).toEqual(['requirements.lock', 'requirements.yaml']);
  });
  it('warns about requirements.yaml in a v2 chart, in each helm form', () => {
    const warnings: unknown[] = [];
    loadFromDir(chartFiles(cases.find((x) => x.name === 'requirements-v2')!), { warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([
      {
        helm4: {
          level: 'INFO',
          msg: 'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
        },
        helm3: {
          site: 'load.go:120',
          text: 'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
        },
      },
    ]);
  });
  it('keeps the subchart named by its Chart.yaml, not its directory', () => {
    const c = loadFromDir(chartFiles(cases.find((x) => x.name === 'subchart-name-differs-from-dir')!));
    expect(c.dependencies.map((d) => d.name)).toEqual(['realname']);
  });
});

describe('metadata decoding and validation', () => {
  it('formats floats bound for strings as Go FormatFloat(f, g, -1, 32)', () => {
    expect([1.1, 1, 0.1, 123456789, 1e30, 2.5, 1000, 1e6, 1e-5, 0.0001, 123456].map(formatFloat32G)).toEqual([
      '1.1',
      '1',
      '0.1',
      '1.2345679e+08',
      '1e+30',
      '2.5',
      '1000',
      '1e+06',
      '1e-05',
      '0.0001',
      '123456',
    ]);
  });
  it('sanitizes white space and drops unprintable runes', () => {
    expect(sanitizeString('a\tb\nc\u0001d\u00a0e')).toBe('a b cd e');
    expect(sanitizeString('plain')).toBe('plain');
  });
  it('refuses "." and ".." as names in helm 4 only', () => {
    const md = decodeMetadata(parseYamlInts('apiVersion: v2\nname: "."\nversion: 0.1.0\n'));
    expect(() => validateMetadata({ ...md }, 'helm4')).toThrow('validation: chart.metadata.name "." is not allowed');
    expect(() => validateMetadata({ ...md }, 'helm3')).not.toThrow();
  });
  it('loads from in-memory files without .helmignore', () => {
    const c = loadChartFromFiles([
      { path: 'Chart.yaml', data: 'apiVersion: v2\nname: mem\nversion: 1.0.0\n' },
      { path: 'templates/a.yaml', data: 'a' },
      { path: 'templates/_h.tpl', data: 'h' },
      { path: 'templates/NOTES.txt', data: 'n' },
      { path: 'crds/c.yaml', data: 'c' },
      { path: 'crds/readme.md', data: 'r' },
      { path: 'charts/s/Chart.yaml', data: 'apiVersion: v2\nname: s\nversion: 1.0.0\n' },
      { path: 'charts/s/charts/d/Chart.yaml', data: 'apiVersion: v2\nname: d\nversion: 1.0.0\n' },
      { path: 'charts/s/charts/d/templates/x.yaml', data: 'x' },
    ]);
    expect(c.templates.map((t) => t.name)).toEqual(['templates/a.yaml', 'templates/_h.tpl', 'templates/NOTES.txt']);
    expect(c.crds.map((f) => f.name)).toEqual(['crds/c.yaml']);
    const d = c.dependencies[0].dependencies[0];
    expect(d.chartFullPath()).toBe('mem/charts/s/charts/d');
    expect(d.chartPath()).toBe('mem.s.d');
    expect(d.root()).toBe(c);
  });
});
