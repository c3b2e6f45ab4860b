#!/usr/bin/env node
// Regenerates test/golden/charts.expected.json: what real helm prints for the whole-chart command lines in
// test/golden/charts.yaml (run from the project root). The CLI test runs bosun on the same lines.
//   npm run goldens:charts
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const oracleDir = process.env.BOSUN_ORACLE_DIR || join(process.env.HOME, '.cache/bosun-oracle');
const cases = parse(readFileSync(join(root, 'test/golden/charts.yaml'), 'utf8'));
const out = {};
// Absolute paths of the checkout (helm lint names the chart directory) are recorded as <ROOT>.
const portable = (s) => s.replaceAll(root, '<ROOT>');
for (const c of cases) {
  out[c.name] = {};
  for (const helm of c.only ? [c.only] : ['helm4', 'helm3']) {
    const r = spawnSync(join(oracleDir, helm), c.args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, KUBECONFIG: '/nonexistent', HELM_DEBUG: '', ...(c.env ?? {}) },
      input: c.stdin ?? '',
    });
    out[c.name][helm] = { code: r.status, out: portable(r.stdout), err: portable(r.stderr) };
  }
}
writeFileSync(join(root, 'test/golden/charts.expected.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${cases.length} chart cases from helm`);
