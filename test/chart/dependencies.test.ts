import { describe, expect, it } from 'vitest';
import {
  checkDependencies,
  checkKubeVersion,
  isCompatibleRange,
  MissingDependenciesError,
  processDependencies,
} from '../../src/chart/dependencies.ts';
import { loadChartFromFiles } from '../../src/chart/loader.ts';
import { toJS } from '../../src/template/value.ts';
import { coalesceValues } from '../../src/values/coalesce.ts';
import { m } from '../values/helpers.ts';

const sub = (name: string, version = '1.0.0', extra = '') => [
  { path: `charts/${name}/Chart.yaml`, data: `apiVersion: v2\nname: ${name}\nversion: ${version}\n${extra}` },
  { path: `charts/${name}/values.yaml`, data: `marker: ${name}\n` },
];

function chart(deps: string, ...files: { path: string; data: string }[]) {
  return loadChartFromFiles([
    { path: 'Chart.yaml', data: `apiVersion: v2\nname: top\nversion: 1.0.0\ndependencies:\n${deps}` },
    ...files,
  ]);
}

describe('processDependencies', () => {
  it('copies aliased subcharts under their alias names, with their own subcharts re-parented', () => {
    const c = chart(
      '- name: sub\n  version: 1.x\n  alias: a1\n- name: sub\n  version: 1.x\n  alias: a2\n',
      ...sub('sub', '1.0.0'),
      { path: 'charts/sub/charts/deep/Chart.yaml', data: 'apiVersion: v2\nname: deep\nversion: 1.0.0\n' },
    );
    const p = processDependencies(c, new Map());
    expect(p.dependencies.map((d) => d.name)).toEqual(['a1', 'a2']);
    expect(p.dependencies[0]).not.toBe(p.dependencies[1]);
    expect(p.dependencies[1].dependencies[0].chartFullPath()).toBe('top/charts/a2/charts/deep');
    expect(p.metadata.dependencies?.map((d) => d?.name)).toEqual(['a1', 'a2']);
  });
  it('leaves the loaded chart as it was', () => {
    const c = chart('- name: sub\n  version: 1.x\n  condition: sub.on\n  import-values: [x]\n', ...sub('sub'));
    processDependencies(c, m({ sub: { on: false } }));
    expect(c.dependencies.map((d) => d.name)).toEqual(['sub']);
    expect(c.metadata.dependencies?.[0]?.enabled).toBe(false);
    expect(c.metadata.dependencies?.[0]?.importValues).toEqual(['x']);
    expect(c.values.size).toBe(0);
  });
  it('rewrites import-values to child/parent maps and merges imports below the chart values', () => {
    const c = chart(
      '- name: sub\n  version: 1.x\n  import-values: [data]\n',
      { path: 'charts/sub/Chart.yaml', data: 'apiVersion: v2\nname: sub\nversion: 1.0.0\n' },
      { path: 'charts/sub/values.yaml', data: 'exports:\n  data:\n    k: sub\n    j: sub\n' },
      { path: 'values.yaml', data: 'k: top\n' },
    );
    const p = processDependencies(c, new Map());
    expect(toJS(p.metadata.dependencies?.[0]?.importValues as never)).toEqual([{ child: 'exports.data', parent: '.' }]);
    expect(toJS(coalesceValues(p, new Map()))).toMatchObject({ k: 'top', j: 'sub' });
  });
  it('checks version ranges as helm does (false on anything that does not parse)', () => {
    expect(isCompatibleRange('1.x', '1.2.3')).toBe(true);
    expect(isCompatibleRange('~1.2.0', '1.3.0')).toBe(false);
    expect(isCompatibleRange('', '1.0.0')).toBe(false);
    expect(isCompatibleRange('>=1.0.0', 'not-a-version')).toBe(false);
    expect(isCompatibleRange('1.0.0-0 - 1.5', '1.0.0-rc.1')).toBe(true);
    expect(isCompatibleRange('1.0.0-0 - 1.5', '1.0.0-rc.1', 'helm3')).toBe(false);
  });
});

describe('checks', () => {
  it('lists dependencies missing from charts/ with the message of each helm', () => {
    const c = chart('- name: sub\n  version: 1.x\n- name: gone\n  alias: x\n', ...sub('sub'));
    expect(() => checkDependencies(c)).toThrow(MissingDependenciesError);
    expect(() => checkDependencies(c)).toThrow(/^an error occurred .* missing in charts\/ directory: gone$/);
    expect(() => checkDependencies(c, 'helm3')).toThrow(/^An error occurred/);
  });
  it('checks kubeVersion against the target version', () => {
    const c = loadChartFromFiles([
      { path: 'Chart.yaml', data: 'apiVersion: v2\nname: k\nversion: 1.0.0\nkubeVersion: ">=1.30.0"\n' },
    ]);
    expect(() => checkKubeVersion(c, 'v1.31.0')).not.toThrow();
    expect(() => checkKubeVersion(c, 'v1.25.3')).toThrow(
      'chart requires kubeVersion: >=1.30.0 which is incompatible with Kubernetes v1.25.3',
    );
  });
});
