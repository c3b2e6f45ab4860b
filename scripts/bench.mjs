#!/usr/bin/env node
// bosun's speed, as a ratio to helm's measured in the same run on the shared real-world corpus.
//   npm run bench [-- --filter REGEX] [-- --runs N]
// Prints, per case and in total: the CLI time of `bosun template` and of `helm template` (median of N runs,
// alternating the two so that machine load hits both alike), the in-process render time of the same case
// through the library API (warm, median), and peak memory (maximum resident set) of both CLIs.
// Needs the helm binaries from ../shared/oracle/get-helm.sh.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus');
const oracleDir = process.env.BOSUN_ORACLE_DIR || join(process.env.HOME, '.cache/bosun-oracle');
const helm = join(oracleDir, 'helm4');
const arg = (k, d) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const filter = new RegExp(arg('--filter', '.'));
const runs = Number(arg('--runs', '3'));
if (!existsSync(helm)) {
  console.error(`bench: ${helm} not found; run ../shared/oracle/get-helm.sh first`);
  process.exit(2);
}
const index = JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8'));
const lib = await import(pathToFileURL(join(root, 'dist/index.js')).href);

const fix = (argv) => argv.map((a) => (a.startsWith('charts/') ? join(corpus, a) : a));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(bin, argv) {
  // GNU time reports the child's peak RSS (KiB) on stderr's last line.
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', bin, ...argv], { maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const lines = r.stderr.toString().trim().split('\n');
  return { ms, kb: Number(lines[lines.length - 1]) || 0, ok: r.status === 0 };
}

// Start-up alone: what a command costs before it does any work, against node's own start and helm's.
const startup = (bin, argv) => {
  const ms = [];
  for (let i = 0; i < Math.max(5, runs * 2); i++) ms.push(timed(bin, argv).ms);
  return median(ms);
};
const nodeStart = startup(process.execPath, ['-e', '0']);
const bosunStart = startup(join(root, 'bin/bosun'), ['version']);
const helmStart = startup(helm, ['version']);
const startupLine = `start-up: node -e 0 ${nodeStart.toFixed(0)} ms, bosun version ${bosunStart.toFixed(0)} ms, helm version ${helmStart.toFixed(0)} ms`;
console.log(startupLine);

const rows = [];
for (const c of index.cases) {
  if (!filter.test(c.case)) continue;
  const argv = fix(c.argv);
  const bosunMs = [];
  const helmMs = [];
  let bosunKb = 0;
  let helmKb = 0;
  let ok = true;
  for (let i = 0; i < runs; i++) {
    const b = timed(join(root, 'bin/bosun'), argv); // the command users run (see bin/bosun)
    const h = timed(helm, argv);
    ok &&= b.ok;
    bosunMs.push(b.ms);
    helmMs.push(h.ms);
    bosunKb = Math.max(bosunKb, b.kb);
    helmKb = Math.max(helmKb, h.kb);
  }
  // In process: parse argv as the CLI would, load the chart once, then render repeatedly in this process.
  let inproc = Number.NaN;
  try {
    const req = lib.parseTemplateArgs(argv.slice(1));
    req.chart = lib.loadChartSync(req.chart);
    lib.templateChart(req); // warm-up
    const ts = [];
    for (let i = 0; i < Math.max(3, runs); i++) {
      const t = process.hrtime.bigint();
      lib.templateChart(req);
      ts.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    inproc = median(ts);
  } catch {
    ok = false;
  }
  rows.push({ case: c.case, bosun: median(bosunMs), helm: median(helmMs), inproc, bosunKb, helmKb, ok });
  const r = rows[rows.length - 1];
  console.log(
    `${r.case.padEnd(60)} cli ${r.bosun.toFixed(0).padStart(5)} ms / helm ${r.helm.toFixed(0).padStart(5)} ms = ${(r.bosun / r.helm).toFixed(2)}  in-process ${r.inproc.toFixed(1).padStart(6)} ms (${(r.helm / r.inproc).toFixed(0)}x)  rss ${(r.bosunKb / 1024).toFixed(0)}/${(r.helmKb / 1024).toFixed(0)} MiB${r.ok ? '' : '  (bosun failed)'}`,
  );
}
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
const big = rows.filter((r) => r.helm >= 200);
const bigWorst = big.length ? Math.max(...big.map((r) => r.bosun / r.helm)) : Number.NaN;
const inprocRatios = rows.filter((r) => Number.isFinite(r.inproc)).map((r) => r.helm / r.inproc);
const inprocRatio = median(inprocRatios);
const lighter = rows.filter((r) => r.bosunKb < r.helmKb).length;
console.log('');
console.log(
  `machine: ${cpus()[0]?.model ?? '?'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 10)}${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS set)' : ''}`,
);
console.log(startupLine); // again with the summary
console.log(`cases: ${rows.length} (${rows.filter((r) => !r.ok).length} where bosun failed)`);
console.log(
  `CLI total: bosun ${sum('bosun').toFixed(0)} ms, helm ${sum('helm').toFixed(0)} ms, ratio ${(sum('bosun') / sum('helm')).toFixed(2)}`,
);
console.log(`charts taking helm >= 200 ms: ${big.length}, worst ratio ${bigWorst.toFixed(2)}`);
console.log(
  `in-process render: median ${inprocRatio.toFixed(1)}x faster than helm's CLI per chart, slowest ${Math.min(...inprocRatios).toFixed(1)}x`,
);
console.log(
  `peak memory: bosun max ${(Math.max(...rows.map((r) => r.bosunKb)) / 1024).toFixed(0)} MiB, helm max ${(Math.max(...rows.map((r) => r.helmKb)) / 1024).toFixed(0)} MiB; bosun lighter in ${lighter}/${rows.length} cases`,
);
