#!/usr/bin/env node
// Micro-benchmark of the template engine: parse and execute a helper-heavy template the way Helm renders a big
// chart (many `include` calls, ranges over values, `tpl`-style clones). Prints timings; asserts nothing.
//   node scripts/bench-template.mjs [iterations]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'bosun-bench-'));
const out = join(dir, 'engine.mjs');
await build({
  stdin: {
    contents: "export * from './src/template/index.ts'; export * from './src/template/value.ts';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { TemplateSet, goFunc, T, fromJS } = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });

const iterations = Number(process.argv[2] ?? 2000);

const helpers = `
{{- define "chart.name" -}}{{ default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "chart.fullname" -}}
{{- if .Values.fullnameOverride }}{{ .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}{{ .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}{{ printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}{{ end }}{{ end }}{{ end }}
{{- define "chart.labels" -}}
app.kubernetes.io/name: {{ include "chart.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end }}`;

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
      {{- range $i, $c := .Values.containers }}
        - name: {{ $c.name }}
          image: "{{ $c.image }}:{{ $c.tag | default "latest" }}"
          {{- if $c.env }}
          env:
          {{- range $k, $v := $c.env }}
            - name: {{ $k }}
              value: {{ $v | quote }}
          {{- end }}
          {{- end }}
          {{- if and $c.port (gt $c.port 0.0) }}
          ports:
            - containerPort: {{ $c.port }}
          {{- end }}
      {{- end }}
`;

let set;
const funcs = new Map(
  [
    goFunc('include', [T.string, T.any], (name, data) => set.execute(name, data)),
    goFunc('default', [T.any], (d, ...g) => (g.length === 0 || g[0] == null || g[0] === '' ? d : g[0]), T.any),
    goFunc('trunc', [T.int, T.string], (n, s) => s.slice(0, Number(n.value))),
    goFunc('trimSuffix', [T.string, T.string], (suf, s) => (s.endsWith(suf) ? s.slice(0, -suf.length) : s)),
    goFunc('contains', [T.string, T.string], (sub, s) => s.includes(sub)),
    goFunc('quote', [], (...a) => a.map((x) => JSON.stringify(String(x))).join(' '), T.any),
    goFunc('nindent', [T.int, T.string], (n, s) => `\n${s.replace(/^/gm, ' '.repeat(Number(n.value)))}`),
  ].map((f) => [f.name, f]),
);

const values = {
  replicas: 3,
  labels: { team: 'a', tier: 'web', env: 'prod' },
  containers: Array.from({ length: 5 }, (_, i) => ({
    name: `c${i}`,
    image: `repo/img${i}`,
    tag: i % 2 ? `v${i}` : null,
    port: 8000 + i,
    env: { A: 'x', B: 'y', C: String(i) },
  })),
};
const dot = fromJS({ Values: values, Release: { Name: 'rel', Namespace: 'ns' }, Chart: { Name: 'web' } });

function time(label, n, fn) {
  fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - t0);
  console.log(`${label.padEnd(34)} ${(ns / n / 1000).toFixed(1).padStart(8)} µs/op  (${n} ops)`);
}

time('parse helpers + manifest', iterations, () => {
  set = new TemplateSet(funcs);
  set.parse('t/templates/_helpers.tpl', helpers);
  set.parse('t/templates/deployment.yaml', manifest);
});
set = new TemplateSet(funcs);
set.parse('t/templates/_helpers.tpl', helpers);
set.parse('t/templates/deployment.yaml', manifest);
time('execute manifest', iterations, () => set.execute('t/templates/deployment.yaml', dot));
const parent = set;
time('clone + parse + execute (tpl)', iterations, () => {
  const c = parent.clone(new Map());
  c.parse('t/templates/deployment.yaml', '{{ .Values.replicas }}-{{ include "chart.name" . }}');
  c.execute('t/templates/deployment.yaml', dot);
});
