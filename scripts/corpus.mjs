#!/usr/bin/env node
// Runs the shared real-world corpus (../shared/corpus/compare.mjs) against the bosun CLI.
//   npm run corpus [-- --oracle helm3] [-- --filter RE] [-- --time]
// With --ci, the identical-case count must not fall below .ci/corpus-baseline (a ratchet: raise it as bosun
// improves, so a regression fails CI while the corpus is not yet at 100%; 6 cases of kube-prometheus-stack
// cannot pass: the corpus lacks that chart's subcharts, and helm itself now fails on it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const compare = resolve(root, '../shared/corpus/compare.mjs');
if (!existsSync(compare)) {
  console.error(`corpus: ${compare} not found (the shared corpus sits beside the project root)`);
  process.exit(2);
}
const args = process.argv.slice(2);
const ci = args.includes('--ci');
const pass = args.filter((a) => a !== '--ci');
// Against helm 3's outputs, bosun runs in its helm 3.17 compatibility mode.
const oracle = pass[pass.indexOf('--oracle') + 1];
const compat = pass.includes('--oracle') && oracle === 'helm3' ? ' --helm-compat 3' : '';
const r = spawnSync(process.execPath, [compare, '--cmd', `${join(root, 'bin/bosun')}${compat}`, ...pass], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
if (!ci) process.exit(r.status ?? 1);
const m = /identical (\d+)\/(\d+) cases/.exec(r.stdout);
const got = m ? Number(m[1]) : 0;
// .ci/corpus-baseline: one `<oracle> <count>` line per oracle.
const lines = readFileSync(join(root, '.ci/corpus-baseline'), 'utf8').trim().split('\n');
const entry = lines.map((l) => l.trim().split(/\s+/)).find(([name]) => name === (oracle && compat ? 'helm3' : 'helm4'));
const baseline = entry ? Number(entry[1]) : 0;
console.log(`corpus ratchet: ${got} identical, baseline ${baseline}`);
process.exit(got >= baseline ? 0 : 1);
