import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../src/chart/archive.ts';
import { ChartError } from '../../src/chart/errors.ts';
import { loadChart, loadChartArchive, loadChartFromFiles, loadChartSync } from '../../src/chart/loader.ts';
import { crdObjects } from '../../src/chart/model.ts';
import type { HelmWarning } from '../../src/values/warnings.ts';
import { tarGz } from './tarball.ts';

const CHART = 'apiVersion: v2\nname: arc\nversion: 1.0.0\n';
const fail = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ChartError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('chart archives', () => {
  it('loads a packaged chart, dropping the top directory and a UTF-8 BOM', () => {
    const c = loadChartArchive(
      tarGz([
        { name: 'arc/', type: '5' },
        { name: 'arc/Chart.yaml', data: `\ufeff${CHART}` },
        { name: 'arc/values.yaml', data: 'a: 1\n' },
        { name: 'arc/templates/t.yaml', data: 'x' },
        { name: 'arc/charts/sub/Chart.yaml', data: 'apiVersion: v2\nname: sub\nversion: 1.0.0\n' },
      ]),
    );
    expect(c.name).toBe('arc');
    expect(c.values.get('a')).toBe(1);
    expect(c.templates.map((t) => t.name)).toEqual(['templates/t.yaml']);
    expect(c.dependencies.map((d) => d.name)).toEqual(['sub']);
  });
  it('loads subcharts packaged as .tgz inside charts/', () => {
    const sub = tarGz([
      { name: 'sub/Chart.yaml', data: 'apiVersion: v2\nname: sub\nversion: 2.0.0\n' },
      { name: 'sub/values.yaml', data: 'fromTgz: true\n' },
    ]);
    const c = loadChartFromFiles([
      { path: 'Chart.yaml', data: CHART },
      { path: 'charts/sub-2.0.0.tgz', data: sub },
    ]);
    expect(c.dependencies[0].metadata.version).toBe('2.0.0');
    expect(c.dependencies[0].values.get('fromTgz')).toBe(true);
    expect(c.dependencies[0].chartFullPath()).toBe('arc/charts/sub');
  });
  it('refuses paths that leave the chart, with helm messages', () => {
    expect(fail(() => readArchive(tarGz([{ name: 'arc//etc/passwd', data: 'x' }])))).toBe(
      'chart illegally contains absolute paths',
    );
    expect(fail(() => readArchive(tarGz([{ name: 'arc/../../x', data: 'x' }])))).toMatch(
      /^chart illegally references parent directory/,
    );
    expect(fail(() => readArchive(tarGz([{ name: 'arc', data: 'x' }])))).toMatch(
      /^chart illegally contains content outside the base directory/,
    );
    expect(fail(() => readArchive(tarGz([{ name: 'Chart.yaml/x', data: 'x' }])))).toBe(
      'chart yaml not in base directory',
    );
    expect(fail(() => readArchive(tarGz([{ name: 'arc/c:/x', data: 'x' }])))).toMatch(
      /^chart contains illegally named files/,
    );
  });
  it('refuses links out of the chart and keeps links inside as empty files', () => {
    expect(fail(() => readArchive(tarGz([{ name: 'arc/l', type: '2', linkname: '../../etc/passwd' }])))).toMatch(
      /links outside the chart/,
    );
    expect(fail(() => readArchive(tarGz([{ name: 'arc/l', type: '2', linkname: '/etc/passwd' }])))).toMatch(
      /links outside the chart/,
    );
    const files = readArchive(
      tarGz([
        { name: 'arc/a.txt', data: 'a' },
        { name: 'arc/sub/l', type: '2', linkname: '../a.txt' },
      ]),
    );
    expect(files.map((f) => [f.name, f.data.length])).toEqual([
      ['a.txt', 1],
      ['sub/l', 0],
    ]);
  });
  it('enforces the size limits', () => {
    const big = 'x'.repeat(2000);
    expect(fail(() => readArchive(tarGz([{ name: 'arc/a', data: big }]), { maxFileBytes: 1000 }))).toBe(
      'decompressed chart file "arc/a" is larger than the maximum file size 1000',
    );
    expect(
      fail(() =>
        readArchive(
          tarGz([
            { name: 'arc/a', data: big },
            { name: 'arc/b', data: big },
          ]),
          { maxBytes: 3000 },
        ),
      ),
    ).toBe('decompressed chart is larger than the maximum size 3000');
    // A gzip bomb stops while decompressing.
    expect(
      fail(() => readArchive(tarGz([{ name: 'arc/a', data: 'y'.repeat(5_000_000) }]), { maxBytes: 100_000 })),
    ).toBe('decompressed chart is larger than the maximum size 100000');
  });
  it('reports empty archives and bad gzip', () => {
    expect(fail(() => readArchive(tarGz([])))).toBe('no files in chart archive');
    expect(fail(() => readArchive(new TextEncoder().encode('not a gzip stream')))).toBe('gzip: invalid header');
  });
});

describe('loading from disk', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  const mk = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'bosun-loader-'));
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), t);
    }
    return dir;
  };
  it('loads .tgz files and refuses what is not a gzip archive', async () => {
    const d = mk({});
    writeFileSync(join(d, 'arc-1.0.0.tgz'), tarGz([{ name: 'arc/Chart.yaml', data: CHART }]));
    expect((await loadChart(join(d, 'arc-1.0.0.tgz'))).name).toBe('arc');
    writeFileSync(join(d, 'values.yaml'), 'a: 1\n');
    expect(fail(() => loadChartSync(join(d, 'values.yaml')))).toBe(
      `file '${join(d, 'values.yaml')}' seems to be a YAML file, but expected a gzipped archive`,
    );
    // helm sniffs 512 bytes, zero-padded: a short text file reads as binary.
    writeFileSync(join(d, 'x.bin'), 'plain text');
    expect(fail(() => loadChartSync(join(d, 'x.bin')))).toBe(
      `file '${join(d, 'x.bin')}' does not appear to be a gzipped archive; got 'application/octet-stream'`,
    );
    writeFileSync(join(d, 'y.bin'), 'plain text\n'.repeat(60));
    expect(fail(() => loadChartSync(join(d, 'y.bin')))).toBe(
      `file '${join(d, 'y.bin')}' does not appear to be a gzipped archive; got 'text/plain; charset=utf-8'`,
    );
    expect(fail(() => loadChartSync(join(d, 'nope')))).toBe(`stat ${join(d, 'nope')}: no such file or directory`);
  });
  it('reports a directory without Chart.yaml as helm 4 does', () => {
    const d = mk({ 'values.yaml': 'a: 1\n' });
    expect(fail(() => loadChartSync(d))).toBe(
      `unable to detect chart at ${join(d, 'Chart.yaml')}: open ${join(d, 'Chart.yaml')}: no such file or directory`,
    );
    expect(fail(() => loadChartSync(d, { dialect: 'helm3' }))).toBe('Chart.yaml file is missing');
  });
  it('follows symbolic links inside the chart, with helm warnings, and refuses links out of it', () => {
    const d = mk({ 'Chart.yaml': CHART, 'real/a.txt': 'a' });
    symlinkSync(join(d, 'real'), join(d, 'linked'));
    const warnings: HelmWarning[] = [];
    const c = loadChartSync(d, { warn: (w) => warnings.push(w) });
    expect(c.files.map((f) => f.name).sort()).toEqual(['linked/a.txt', 'real/a.txt']);
    expect(warnings[0].helm4?.msg).toBe('found symbolic link in path. Contents of linked file included and used');
    expect(warnings[0].helm3?.site).toBe('walk.go:75');
    const outside = mkdtempSync(join(tmpdir(), 'bosun-outside-'));
    try {
      writeFileSync(join(outside, 'secret'), 's');
      symlinkSync(join(outside, 'secret'), join(d, 'leak'));
      expect(fail(() => loadChartSync(d))).toMatch(/^symbolic link leak points outside the chart/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
  it('stops at symbolic link loops', () => {
    const d = mk({ 'Chart.yaml': CHART, 'a/x.txt': 'x' });
    symlinkSync(join(d, 'a'), join(d, 'a', 'loop'));
    expect(fail(() => loadChartSync(d))).toMatch(/symbolic link loop/);
  });
  it('refuses files over the per-file limit', () => {
    const d = mk({ 'Chart.yaml': CHART, 'big.txt': 'x'.repeat(100) });
    expect(fail(() => loadChartSync(d, { maxFileBytes: 50 }))).toBe(
      'chart file "big.txt" is larger than the maximum file size 50',
    );
  });
  it('lists CRDs of the chart and its subcharts with helm file names', () => {
    const c = loadChartFromFiles([
      { path: 'Chart.yaml', data: CHART },
      { path: 'crds/a.yaml', data: 'a' },
      { path: 'crds/b.JSON', data: 'b' },
      { path: 'crds/notes.txt', data: 'n' },
      { path: 'charts/sub/Chart.yaml', data: 'apiVersion: v2\nname: sub\nversion: 1.0.0\n' },
      { path: 'charts/sub/crds/c.yml', data: 'c' },
    ]);
    expect(crdObjects(c).map((x) => x.filename)).toEqual([
      'arc/crds/a.yaml',
      'arc/crds/b.JSON',
      'arc/charts/sub/crds/c.yml',
    ]);
  });
});

describe('archive edge cases', () => {
  // As Go's gzip and archive/tar readers read them (checked against helm 4.1.4 and 3.17.2 at every cut of a
  // packaged chart): helm stops at the end-of-archive blocks and never reads the gzip trailer.
  const packed = () =>
    tarGz([{ name: 'arc/Chart.yaml', data: 'apiVersion: v2\nname: arc\nversion: 1.0.0\n' }]) as Uint8Array;
  it('loads an archive cut after its end-of-archive blocks', () => {
    const whole = packed();
    expect(readArchive(whole.subarray(0, whole.length - 4)).map((f) => f.name)).toEqual(['Chart.yaml']);
  });
  it('fails with unexpected EOF where a header or a file is cut short', () => {
    const whole = packed();
    expect(() => readArchive(whole.subarray(0, 30))).toThrow(/^unexpected EOF$/);
    expect(() => readArchive(gzipSync(Buffer.from('hi\n')))).toThrow(/^unexpected EOF$/);
    expect(() => readArchive(Buffer.from('garbage\n'))).toThrow(/^unexpected EOF$/);
    expect(() => readArchive(Buffer.from('not a gzip stream at all'))).toThrow(/^gzip: invalid header$/);
  });

  it('reports a gzip stream that is not a tar archive', () => {
    expect(() => readArchive(gzipSync(Buffer.from('hello, not a tar archive'.repeat(40))))).toThrow(
      'archive/tar: invalid tar header',
    );
  });
});
