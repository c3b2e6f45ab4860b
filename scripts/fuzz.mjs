#!/usr/bin/env node
// Differential fuzzing against the real helm: a generator (scripts/fuzz/<name>.mjs) makes random cases in the
// golden suite's format (test/golden/harness-shared.mjs); each becomes a throw-away chart that helm and bosun
// both render with `template rel <chart> --debug`, and every case whose output, error message or exit status
// differs is printed (and written with --out) ready to become a golden case. Findings are fixed test-first: the
// case goes into test/golden/cases/<area>.yaml and `npm run goldens -- <area>` records helm's answer. A case with
// `whole: true` is a chart of valid manifests whose whole stdout is compared (kind order, hooks, flags); it
// becomes a test/golden/charts.yaml entry, recorded by `npm run goldens:charts`.
//   node scripts/fuzz.mjs <generator> [--n 200] [--seed 1] [--oracle helm4|helm3] [--jobs 2] [--out FILE] [--stats]
// A generator module exports `generate(rng, n)`, returning n cases; `rng` is seeded, so a seed replays a run.
// Needs the helm binaries from ../shared/oracle/get-helm.sh and a built bosun (`npm run build`).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { buildArgs, chartFiles, errorMessage, extractRendered } from '../test/golden/harness-shared.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const oracleDir = process.env.BOSUN_ORACLE_DIR || join(process.env.HOME, '.cache/bosun-oracle');
const argv = process.argv.slice(2);
const opt = (k, d) => {
  const i = argv.indexOf(k);
  return i >= 0 ? argv[i + 1] : d;
};
const genName = argv[0];
if (genName === undefined || genName.startsWith('--')) {
  console.error('usage: node scripts/fuzz.mjs <generator> [--n N] [--seed S] [--oracle helm4|helm3] [--jobs J]');
  process.exit(2);
}
const n = Number(opt('--n', '200'));
const seed = Number(opt('--seed', '1'));
const oracle = opt('--oracle', 'helm4');
const jobs = Number(opt('--jobs', '2'));
const outFile = opt('--out', undefined);
const stats = argv.includes('--stats');
const genPath = genName.includes('/') ? resolve(genName) : join(root, 'scripts/fuzz', `${genName}.mjs`);
// A generator may also export `normalize(text)`, applied to both sides' output and error before comparing, for
// what helm itself prints in a random order.
const { generate, normalize = (t) => t } = await import(pathToFileURL(genPath).href);

/** mulberry32: small, seedable, good enough to spread cases. */
function makeRng(s) {
  let a = s >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (k) => Math.floor(next() * k),
    bool: (p = 0.5) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

function run(bin, args) {
  return new Promise((res) => {
    const env = { ...process.env, HELM_DEBUG: '', KUBECONFIG: '/nonexistent' };
    delete env.NODE_EXTRA_CA_CERTS;
    const p = spawn(bin, args, { env });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => res({ code, out, err }));
  });
}

// Go prints pointers (`.Capabilities` inside a printed scope) at addresses that change from run to run.
const maskPointers = (s) => s.replace(/0[xX][cC][0-9a-fA-F]{9}/g, '0xc<pointer>');

/** What a run printed, reduced to what the golden suite compares: the rendered t.yaml, or the error message. */
function outcome(r, dir) {
  const rendered = extractRendered(r.out);
  if (rendered !== undefined) return { out: maskPointers(rendered) };
  const msg = errorMessage(r.err);
  return { err: maskPointers((msg ?? `(no error line; exit ${r.code})\n${r.err}`).replaceAll(dir, '$CHART')) };
}

/** A whole run: all of stdout when it succeeds, else the error message. */
function wholeOutcome(r, dir) {
  if (r.code === 0) return { out: maskPointers(r.out.replaceAll(dir, '$CHART')) };
  return {
    err: maskPointers((errorMessage(r.err) ?? `(no error line; exit ${r.code})\n${r.err}`).replaceAll(dir, '$CHART')),
  };
}

const cases = generate(makeRng(seed), n);
const tmp = mkdtempSync(join(tmpdir(), 'bosun-fuzz-'));
const bosunArgs = oracle === 'helm3' ? ['--helm-compat', '3'] : [];
const diffs = [];
let next = 0;
let done = 0;
let helmFailed = 0;
const errorKinds = new Map();
const worker = async () => {
  while (next < cases.length) {
    const i = next++;
    const c = { name: `fuzz-${seed}-${i}`, ...cases[i] };
    const dir = join(tmp, c.name);
    // A `whole` case is a chart of valid manifests: its t.yaml has no sentinel, and all of stdout is compared
    // (kind order, hooks, `# Source:` lines, flags such as --show-only).
    const files = chartFiles(c);
    if (c.whole) files['templates/t.yaml'] = c.tpl;
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const args = ['template', 'rel', dir, ...(c.whole ? [] : ['--debug']), ...buildArgs(c, dir)];
    const [h, b] = await Promise.all([
      run(join(oracleDir, oracle), args),
      run(join(root, 'bin/bosun'), [...args, ...bosunArgs]),
    ]);
    const want = c.whole ? wholeOutcome(h, dir) : outcome(h, dir);
    const got = c.whole ? wholeOutcome(b, dir) : outcome(b, dir);
    if (want.err !== undefined) {
      helmFailed++;
      const kind = want.err.replace(/\d+/g, 'N').slice(0, 160);
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    }
    const same = (a, b) => (a === undefined ? b === undefined : b !== undefined && normalize(a) === normalize(b));
    if (!same(want.out, got.out) || !same(want.err, got.err)) diffs.push({ case: c, helm: want, bosun: got });
    if (++done % 50 === 0) process.stderr.write(`${done}/${cases.length}, ${diffs.length} differ\n`);
  }
};
try {
  await Promise.all(Array.from({ length: jobs }, worker));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const clip = (s) => (s.length > 600 ? `${s.slice(0, 600)}…` : s);
for (const d of diffs) {
  console.log(`--- ${d.case.name}\n${stringify([d.case]).trimEnd()}`);
  console.log(`helm:  ${JSON.stringify(clip(d.helm.out ?? `ERROR ${d.helm.err}`))}`);
  console.log(`bosun: ${JSON.stringify(clip(d.bosun.out ?? `ERROR ${d.bosun.err}`))}`);
}
if (outFile) writeFileSync(outFile, stringify(diffs));
// --stats: how helm's failures spread, to tune a generator that fails too often to test much else.
if (stats) for (const [k, c] of [...errorKinds].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${c}\t${k}`);
console.log(
  `${genName} seed ${seed}: ${cases.length} cases (${helmFailed} failing in helm), ${diffs.length} differ from ${oracle}`,
);
process.exit(diffs.length === 0 ? 0 : 1);
