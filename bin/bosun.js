#!/usr/bin/env node
// Loads the CLI bundle through V8's code cache (see scripts/build.mjs): compiling 1.5 MB of JavaScript from
// scratch costs ~30 ms of a budget in which helm finishes a small chart. When the cache is missing or was made by
// another Node version, the bundle compiles normally and a fresh cache is written for the next run (best effort:
// an installed package may be read-only).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const file = join(dist, 'cli.cjs');
const cacheFile = join(dist, 'cli.cache');

let source;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write('Error: bosun is not built: run `npm install` (or `npm run build`) in its folder\n');
  process.exit(1);
}
let cachedData;
if (process.env.BOSUN_CODE_CACHE !== 'write') {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: file,
  cachedData,
});
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {}
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dist);
