#!/usr/bin/env node
// In-process rendering of the shared corpus through dist/ (run `npm run build` first), with a seeded environment
// so that every render prints the same bytes: a speed figure that needs no helm, and a guard for speed work.
//   node scripts/bench-render.mjs [--filter RE] [--runs N] [--helm-compat 3] [--save FILE | --check FILE]
// (BOSUN_DIST=path/to/index.js measures another build.)
// Prints per case the median render time (chart loaded once, outside the timing) and in total the sum of
// medians, the time to load every chart, and the process's peak memory. --save writes a digest of each case's
// output (or error); --check compares against such a file and exits 1 on any difference. Asserts no times.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.BOSUN_CORPUS || resolve(root, '../shared/corpus');
const arg = (k, d) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const filter = new RegExp(arg('--filter', '.'));
const runs = Number(arg('--runs', '3'));
const compat = arg('--helm-compat', '');
const save = arg('--save', '');
const check = arg('--check', '');
const quiet = process.argv.includes('--quiet');
const lib = await import(pathToFileURL(process.env.BOSUN_DIST || join(root, 'dist/index.js')).href);
const index = JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8'));

const fix = (argv) => argv.map((a) => (a.startsWith('charts/') ? join(corpus, a) : a));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;

function renderOnce(req) {
  try {
    return lib.templateChart({ ...req, env: lib.fixedEnv(1) }).output;
  } catch (e) {
    return `ERROR ${e?.name}: ${e?.message}`;
  }
}

// Keys from node:crypto (genCA, genPrivateKey, ...) are random whatever the seed: where two renders differ, the
// digest is of the output with long base64 runs blanked out.
const blank = (out) => out.replace(/[A-Za-z0-9+/=]{60,}/g, '~');
const digest = (out) => createHash('sha256').update(out).digest('hex').slice(0, 16);
const digests = {};
let total = 0;
let loadTotal = 0;
const cpu0 = process.cpuUsage();
for (const c of index.cases) {
  if (!filter.test(c.case)) continue;
  const argv = fix(c.argv).slice(1);
  if (compat) argv.push('--helm-compat', compat);
  const req = lib.parseTemplateArgs(argv);
  const t0 = now();
  try {
    req.chart = lib.loadChartSync(req.chart);
  } catch {
    // templateChart reports the loader's error itself.
  }
  loadTotal += now() - t0;
  const out = renderOnce(req); // warm-up, and the output checked
  let stable = true;
  const ts = [];
  for (let i = 0; i < Math.max(runs, 1); i++) {
    const t = now();
    const again = renderOnce(req);
    ts.push(now() - t);
    stable &&= again === out;
  }
  digests[c.case] = stable ? digest(out) : `~${digest(blank(out))}`;
  const m = median(ts);
  total += m;
  if (!quiet) console.log(`${c.case.padEnd(64)} ${m.toFixed(2).padStart(8)} ms`);
}
const cpu = process.cpuUsage(cpu0);
console.log(`render total (sum of medians): ${total.toFixed(1)} ms over ${Object.keys(digests).length} cases`);
console.log(
  `chart loading total: ${loadTotal.toFixed(1)} ms; process cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
);
console.log(`peak rss: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (save) writeFileSync(save, `${JSON.stringify(digests, null, 1)}\n`);
if (check) {
  const want = JSON.parse(readFileSync(check, 'utf8'));
  const bad = Object.keys(digests).filter((k) => want[k] !== undefined && want[k] !== digests[k]);
  for (const k of bad) console.log(`CHANGED ${k}`);
  console.log(bad.length ? `${bad.length} cases changed` : 'outputs identical to the saved digests');
  if (bad.length) process.exit(1);
}
