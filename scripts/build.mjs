#!/usr/bin/env node
// Builds bosun: the library as an ES module (dist/index.js, dependencies external as usual for a library), and
// the CLI as one CommonJS file with every dependency inside (dist/cli.cjs) plus a V8 code cache for it
// (dist/cli.cache). Start-up time is part of bosun's speed budget: bin/bosun.cjs compiles the CLI from the cache,
// which skips parsing most of the bundle, and a single file avoids resolving hundreds of modules.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Built beside dist/ and swapped in at the end, so that CLI runs going on meanwhile (a corpus run while the test
// suite rebuilds) keep a complete dist/ rather than failing with "bosun is not built".
const out = `dist.build-${process.pid}`;
rmSync(out, { recursive: true, force: true });
// The library's type declarations (dist/types, package.json's "types") take tsc ~15 s; the test suite's build
// skips them (--no-types) and keeps the ones a previous build made.
const types = !process.argv.includes('--no-types');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: out,
  format: 'esm',
  packages: 'external',
});

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${out}/cli.cjs`,
  format: 'cjs',
  // ESM sources use import.meta.url (createRequire); in the CommonJS bundle it is this file's URL.
  define: { 'import.meta.url': '__bosunImportMetaUrl' },
  // The file is one function expression that bin/bosun.cjs compiles as it is (with Node's CommonJS parameters),
  // so that the 1.8 MB source is not copied into a wrapper string on every start.
  banner: {
    js: '(function (exports, require, module, __filename, __dirname) {"use strict";\nconst __bosunImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  footer: { js: '\n})' },
});

// bin/bosun.cjs reads the bundle as latin1, which decodes several times faster than UTF-8 but only agrees with it
// on ASCII. esbuild escapes non-ASCII characters in code; a few remain in dependencies' doc comments.
const cli = readFileSync(`${out}/cli.cjs`, 'utf8');
const ascii = cli.replace(/^(\s*\*.*)$/gm, (line) => line.replace(/[^\x00-\x7f]/g, '?'));
const stray = /[^\x00-\x7f]/.exec(ascii);
if (stray) {
  const line = ascii.slice(0, stray.index).split('\n').length;
  throw new Error(`dist/cli.cjs:${line}: non-ASCII character outside a doc comment; bin/bosun.cjs reads latin1`);
}
writeFileSync(`${out}/cli.cjs`, ascii);

if (types) {
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--declarationDir', `${out}/types`],
    {
      stdio: 'inherit',
    },
  );
}

const old = `dist.old-${process.pid}`;
try {
  renameSync('dist', old);
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
}
if (!types && existsSync(`${old}/types`)) renameSync(`${old}/types`, `${out}/types`);
renameSync(out, 'dist');
rmSync(old, { recursive: true, force: true });

// Warm the code cache on a representative run; bin/bosun.cjs writes dist/cli.cache when asked to.
execFileSync(process.execPath, ['bin/bosun.cjs', 'template', 'demo', 'charts/demo'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, BOSUN_CODE_CACHE: 'write' },
});
