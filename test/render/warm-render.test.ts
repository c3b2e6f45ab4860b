// Rendering one loaded chart many times (the library's warm path) reuses work cached on the chart: decoded file
// texts, parsed trees, compiled schemas. None of it may show: each render of the loaded chart must print exactly
// what a render of a freshly loaded chart prints, whatever the values, flags and order of earlier renders.
import { describe, expect, it } from 'vitest';
import { type TemplateRequest, templateChart } from '../../src/action/template.ts';
import { loadChartFromFiles, loadChartSync } from '../../src/chart/loader.ts';
import type { Chart } from '../../src/chart/model.ts';
import { fixedEnv } from '../../src/funcs/env.ts';

const FILES = [
  {
    path: 'Chart.yaml',
    data: 'apiVersion: v2\nname: top\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 0.1.0\n  condition: sub.enabled\n',
  },
  {
    path: 'values.yaml',
    data: 'name: one\nitems: [a, b]\nmsg: "hi {{ .Values.name }}"\nport: 80\nsub:\n  enabled: true\n  x: 1\nglobal:\n  g: top\n',
  },
  {
    path: 'values.schema.json',
    data: '{"type":"object","properties":{"port":{"type":"integer","minimum":1},"name":{"type":"string"}}}',
  },
  { path: 'crds/crd.yaml', data: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n' },
  { path: 'files/a.txt', data: 'line1\nline2\n' },
  { path: 'files/b.conf', data: 'k: v\n' },
  {
    path: 'templates/_helpers.tpl',
    data: '{{- define "top.name" }}{{ .Values.name }}-{{ .Release.Name }}{{ end }}\n{{- define "shared" }}top{{ end }}\n',
  },
  {
    path: 'templates/cm.yaml',
    data: [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ include "top.name" . }}',
      '  namespace: {{ .Release.Namespace }}',
      'data:',
      '  msg: {{ tpl .Values.msg . | quote }}',
      '  shared: {{ include "shared" . }}',
      '  port: {{ .Values.port | quote }}',
      '  kube: {{ .Capabilities.KubeVersion.Version }}',
      '  has: {{ .Capabilities.APIVersions.Has "example.com/v1" | quote }}',
      '  upgrade: {{ .Release.IsUpgrade | quote }}',
      '  file: {{ .Files.Get "files/a.txt" | quote }}',
      '  lines: {{ .Files.Lines "files/a.txt" | join "," | quote }}',
      '  {{- range $i, $v := .Values.items }}',
      '  item{{ $i }}: {{ tpl (printf "{{ upper %q }}" $v) $ }}',
      '  {{- end }}',
      '  conf: |',
      '{{ (.Files.Glob "files/*.conf").AsConfig | indent 4 }}',
    ].join('\n'),
  },
  {
    path: 'templates/hook.yaml',
    data: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-test\n  annotations:\n    helm.sh/hook: test\n',
  },
  { path: 'charts/sub/Chart.yaml', data: 'apiVersion: v2\nname: sub\nversion: 0.1.0\n' },
  { path: 'charts/sub/values.yaml', data: 'x: 0\ny: sub\n' },
  { path: 'charts/sub/templates/_helpers.tpl', data: '{{- define "shared" }}sub{{ end }}\n' },
  {
    path: 'charts/sub/templates/cm.yaml',
    data: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub-{{ .Values.x }}\ndata:\n  g: {{ .Values.global.g }}\n  y: {{ .Values.y }}\n  shared: {{ include "shared" . }}\n',
  },
];

const load = (): Chart => loadChartFromFiles(FILES);

// Variants of one command, each changing what the templates see.
const VARIANTS: Array<Omit<TemplateRequest, 'chart' | 'env'>> = [
  { releaseName: 'a' },
  { releaseName: 'b', namespace: 'prod', values: { values: ['name=two', 'items={x,y,z}', 'sub.x=7'] } },
  { releaseName: 'a', values: { values: ['sub.enabled=false', 'global.g=other'] } },
  { releaseName: 'a', kubeVersion: '1.29.3', apiVersions: ['example.com/v1'] },
  { releaseName: 'a', isUpgrade: true, includeCrds: true },
  { releaseName: 'a', values: { literalValues: ['msg={{ .Release.Name }}/{{ .Values.port }}'], values: ['port=99'] } },
  { releaseName: 'a', dialect: 'helm3', values: { stringValues: ['name=81'] } },
  { releaseName: 'a', values: { stringValues: ['port=81'] }, skipSchemaValidation: true },
  { releaseName: 'a', skipTests: true, values: { values: ['sub.y=changed'] } },
  // A define inside tpl text lives in tpl's clone only: later renders see the file's own.
  {
    releaseName: 'c',
    values: { literalValues: ['msg={{ define "top.name" }}tpl{{ end }}{{ include "top.name" . }}'] },
  },
];

// One environment for every render, as the CLI and library users have: caches keyed on its function map hit.
const env = fixedEnv();

function outcome(chart: Chart, v: Omit<TemplateRequest, 'chart' | 'env'>): string {
  try {
    return templateChart({ ...v, chart, env }).output;
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('rendering a loaded chart again', () => {
  const fresh = VARIANTS.map((v) => outcome(load(), v));

  it('gives what a fresh load gives, in any order', () => {
    const chart = load();
    for (const order of [VARIANTS.keys(), [...VARIANTS.keys()].reverse()]) {
      for (const i of order) expect(outcome(chart, VARIANTS[i]), `variant ${i}`).toBe(fresh[i]);
    }
  });

  it('gives what a fresh load gives after a failed render', () => {
    const chart = load();
    expect(outcome(chart, VARIANTS[0])).toBe(fresh[0]);
    // Fails the schema, then a template's tpl: neither leaves anything behind.
    expect(outcome(chart, { values: { values: ['port=0'] } })).toMatch(/^error: .*minimum/s);
    expect(outcome(chart, { values: { values: ['port=0'] }, dialect: 'helm3' })).toMatch(/^error: .*1/s);
    expect(outcome(chart, { values: { literalValues: ['msg={{ nope }}'] } })).toMatch(/^error: .*nope/s);
    for (const i of VARIANTS.keys()) expect(outcome(chart, VARIANTS[i]), `variant ${i}`).toBe(fresh[i]);
  });

  it('the variants render and differ from each other (the comparison could fail)', () => {
    for (const out of fresh) expect(out).toMatch(/^---\n# Source: /);
    expect(new Set(fresh).size).toBe(fresh.length);
  });

  it('holds for the demo chart', () => {
    for (const dir of ['charts/demo']) {
      const variants: Array<Omit<TemplateRequest, 'chart' | 'env'>> = [
        { releaseName: 'a' },
        { releaseName: 'b', values: { values: ['replicaCount=5', 'config.features={x}'] }, kubeVersion: '1.30.0' },
        { releaseName: 'a', dialect: 'helm3', apiVersions: ['example.com/v1'] },
      ];
      const chart = loadChartSync(dir);
      for (const v of [...variants, ...variants]) expect(outcome(chart, v)).toBe(outcome(loadChartSync(dir), v));
    }
  });
});
