// Loads the CLI bundle through V8's code cache (see scripts/build.mjs): compiling 1.8 MB of JavaScript from
// scratch costs ~30 ms of a budget in which helm finishes a small chart. When the cache is missing or was made by
// another Node version, the bundle compiles normally and a fresh cache is written for the next run (best effort:
// an installed package may be read-only). CommonJS, like the bundle: an ES module entry would have Node start
// its ES module loader, which reads files asynchronously and costs milliseconds that a CLI should not spend.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

// bin/bosun (the launcher) moved NODE_EXTRA_CA_CERTS aside so that Node would not load it at start-up; the
// processes bosun starts get it back.
if (process.env.BOSUN_NODE_EXTRA_CA_CERTS !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = process.env.BOSUN_NODE_EXTRA_CA_CERTS;
  delete process.env.BOSUN_NODE_EXTRA_CA_CERTS;
}

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'cli.cjs');
// V8 rejects a code cache made under other flags (NODE_OPTIONS=--max-old-space-size=..., --cpu-prof): each set
// of flags gets a cache of its own, so that such runs neither recompile every time nor overwrite the cache that
// the build made for plain runs.
const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
const cacheFile = join(dist, flags === '' ? 'cli.cache' : `cli.${fnv1a(flags)}.cache`);

let source;
try {
  // The build guarantees an ASCII bundle, and latin1 decodes it several times faster than UTF-8.
  source = readFileSync(file, 'latin1');
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
// The bundle is one function expression taking CommonJS's parameters (see scripts/build.mjs).
const script = new Script(source, { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {}
  });
}
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dist);

/** FNV-1a, 32 bits, in hex: a file name for a set of flags (node:crypto would cost more than it saves here). */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
