#!/usr/bin/env node
// Regenerates the golden outputs in test/golden/expected/ from the real helm binaries.
//   npm run goldens [-- AREA ...]         (default: every test/golden/cases/*.yaml)
// Each case becomes a throw-away chart `t` whose templates/t.yaml is the case's template followed by a line that
// is never valid YAML (SENTINEL). helm then fails to sort the manifest and, with --debug, prints the rendered
// file verbatim: that is the engine's exact output, whatever the template prints. A template error instead
// prints `Error: ...`, which is recorded as the expected failure.
// The helm binaries come from ../shared/oracle/get-helm.sh ($BOSUN_ORACLE_DIR, default ~/.cache/bosun-oracle).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildArgs, chartFiles, errorMessage, extractRendered } from '../test/golden/harness-shared.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const oracleDir = process.env.BOSUN_ORACLE_DIR || join(process.env.HOME, '.cache/bosun-oracle');
const casesDir = join(root, 'test/golden/cases');
const outDir = join(root, 'test/golden/expected');
const want = process.argv.slice(2);
const areas = readdirSync(casesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => basename(f, '.yaml'))
  .filter((a) => want.length === 0 || want.includes(a));

function run(bin, args) {
  return new Promise((res) => {
    const p = spawn(bin, args, { env: { ...process.env, HELM_DEBUG: '', KUBECONFIG: '/nonexistent' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => res({ code, out, err }));
  });
}

async function oracle(helm, c, dir) {
  const r = await run(join(oracleDir, helm), ['template', 'rel', dir, '--debug', ...buildArgs(c, dir)]);
  const rendered = extractRendered(r.out);
  if (rendered !== undefined) return { out: rendered };
  const err = errorMessage(r.err);
  if (err === undefined) throw new Error(`${c.name}: helm printed neither output nor an error:\n${r.out}\n${r.err}`);
  return { err };
}

let total = 0;
const queue = [];
for (const area of areas) {
  const cases = parse(readFileSync(join(casesDir, `${area}.yaml`), 'utf8')) ?? [];
  const names = new Set();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`${area}: duplicate case name ${c.name}`);
    names.add(c.name);
  }
  queue.push({ area, cases });
}
const tmp = mkdtempSync(join(tmpdir(), 'bosun-goldens-'));
try {
  for (const { area, cases } of queue) {
    const expected = {};
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        const dir = join(tmp, area, c.name);
        for (const [path, text] of Object.entries(chartFiles(c))) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), text);
        }
        const e = {};
        for (const helm of ['helm4', 'helm3']) e[helm] = await oracle(helm, c, dir);
        expected[c.name] = e;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const sorted = Object.fromEntries(cases.map((c) => [c.name, expected[c.name]]));
    writeFileSync(join(outDir, `${area}.json`), `${JSON.stringify(sorted, null, 1)}\n`);
    total += cases.length;
    console.log(`${area}: ${cases.length} cases`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${total} cases from helm`);
