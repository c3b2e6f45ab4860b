#!/usr/bin/env node
// Runs the shared real-world corpus (../shared/corpus/compare.mjs) against the bosun CLI.
//   npm run corpus [-- --oracle helm3] [-- --filter RE] [-- --time]
// With --ci, the identical-case count must not fall below .ci/corpus-baseline (a ratchet: raise it as bosun
// improves, so a regression fails CI while the corpus is not yet at 100%).
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
const r = spawnSync(
  process.execPath,
  [compare, '--cmd', `${process.execPath} ${join(root, 'bin/bosun.js')}`, ...pass],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  },
);
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
if (!ci) process.exit(r.status ?? 1);
const m = /identical (\d+)\/(\d+) cases/.exec(r.stdout);
const got = m ? Number(m[1]) : 0;
const baseline = Number(readFileSync(join(root, '.ci/corpus-baseline'), 'utf8').trim());
console.log(`corpus ratchet: ${got} identical, baseline ${baseline}`);
process.exit(got >= baseline ? 0 : 1);
