// Subcharts carrying identical template files share one parse per render; errors must still name each file.
// Expected texts are what helm 4.1.4 and 3.17.2 printed for this chart (`helm template rel top`).
import { describe, expect, it } from 'vitest';
import { templateChart } from '../../src/action/template.ts';
import { loadChartFromFiles } from '../../src/chart/loader.ts';
import { fixedEnv } from '../../src/funcs/env.ts';

const CM =
  '{{- define "shared.k" }}{{ .Values.x.k }}{{ end }}\nkind: ConfigMap\nname: {{ .Chart.Name }}\nk: {{ include "shared.k" . }}\n';

function chart(values: string, template = CM) {
  return loadChartFromFiles([
    {
      path: 'Chart.yaml',
      data: 'apiVersion: v2\nname: top\nversion: 0.1.0\ndependencies:\n- name: sub1\n  version: 0.1.0\n- name: sub2\n  version: 0.1.0\n',
    },
    { path: 'values.yaml', data: values },
    { path: 'charts/sub1/Chart.yaml', data: 'apiVersion: v2\nname: sub1\nversion: 0.1.0\n' },
    { path: 'charts/sub1/templates/cm.yaml', data: template },
    { path: 'charts/sub2/Chart.yaml', data: 'apiVersion: v2\nname: sub2\nversion: 0.1.0\n' },
    { path: 'charts/sub2/templates/cm.yaml', data: template },
  ]);
}

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('identical templates in several subcharts', () => {
  it('render each with its own chart', () => {
    const out = templateChart({
      chart: chart('sub1:\n  x:\n    k: one\nsub2:\n  x:\n    k: two\n'),
      releaseName: 'rel',
      env: fixedEnv(),
    }).output;
    expect(out).toBe(
      '---\n# Source: top/charts/sub1/templates/cm.yaml\nkind: ConfigMap\nname: sub1\nk: one\n---\n# Source: top/charts/sub2/templates/cm.yaml\nkind: ConfigMap\nname: sub2\nk: two\n',
    );
  });
  it('name the failing file and the file of the define that won', () => {
    const c = chart('sub1:\n  x: text\nsub2:\n  x:\n    k: fine\n');
    expect(errorOf(() => templateChart({ chart: c, releaseName: 'rel', env: fixedEnv() }))).toBe(
      'top/charts/sub1/templates/cm.yaml:4:6\n  executing "top/charts/sub1/templates/cm.yaml" at <include "shared.k" .>:\n    error calling include:\ntop/charts/sub1/templates/cm.yaml:1:34\n  executing "shared.k" at <.Values.x.k>:\n    can\'t evaluate field k in type interface {}',
    );
    expect(errorOf(() => templateChart({ chart: c, releaseName: 'rel', env: fixedEnv(), dialect: 'helm3' }))).toBe(
      'template: top/charts/sub1/templates/cm.yaml:4:6: executing "top/charts/sub1/templates/cm.yaml" at <include "shared.k" .>: error calling include: template: top/charts/sub1/templates/cm.yaml:1:34: executing "shared.k" at <.Values.x.k>: can\'t evaluate field k in type interface {}',
    );
  });
  it('name the failing file for an error outside any define', () => {
    const c = chart('sub1:\n  x: text\nsub2:\n  x:\n    k: fine\n', 'kind: ConfigMap\nname: x\nk: {{ .Values.x.k }}\n');
    expect(errorOf(() => templateChart({ chart: c, releaseName: 'rel', env: fixedEnv(), dialect: 'helm3' }))).toBe(
      'template: top/charts/sub1/templates/cm.yaml:3:13: executing "top/charts/sub1/templates/cm.yaml" at <.Values.x.k>: can\'t evaluate field k in type interface {}',
    );
  });
});
