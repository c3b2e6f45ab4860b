#!/usr/bin/env node
// Differential check of the template parser: the parser of git revision BASE against the working tree's, on every
// template file of the corpus and on fuzzed mutations of each (and of excerpts). Compares the trees (every node
// with its position), tree names, defines and functions asked, or the error (class, message, file, line, detail).
// Run it after any change to src/template/{lexer,parser,parse-fast,literal,ast}.ts.
//   node scripts/parse-diff.mjs --base REV [--corpus DIR] [--mutations N] [--seed N]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const base = arg('--base', 'HEAD');
const corpus = resolve(arg('--corpus', resolve(root, '../shared/corpus/charts')));
const tmp = mkdtempSync(join(tmpdir(), 'bosun-parse-diff-'));
try {
  const tarFile = join(tmp, 'src.tar');
  execFileSync('git', ['-C', root, 'archive', '-o', tarFile, base, 'src']);
  execFileSync('tar', ['-x', '-C', tmp, '-f', tarFile]);
  const out = join(tmp, 'harness.mjs');
  await build({
    entryPoints: [join(root, 'scripts/parse-diff/harness.mjs')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
    alias: {
      'base-parser': join(tmp, 'src/template/parser.ts'),
      'new-parser': join(root, 'src/template/parser.ts'),
    },
  });
  const r = spawnSync(process.execPath, [out, corpus, arg('--mutations', '3'), arg('--seed', '12345')], {
    stdio: 'inherit',
  });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
