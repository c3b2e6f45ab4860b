#!/usr/bin/env node
// Builds bosun: the library as an ES module (dist/index.js, dependencies external as usual for a library), and
// the CLI as one CommonJS file with every dependency inside (dist/cli.cjs) plus a V8 code cache for it
// (dist/cli.cache). Start-up time is part of bosun's speed budget: bin/bosun.js compiles the CLI from the cache,
// which skips parsing most of the bundle, and a single file avoids resolving hundreds of modules.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

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
  outdir: 'dist',
  format: 'esm',
  packages: 'external',
});

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  // ESM sources use import.meta.url (createRequire); in the CommonJS bundle it is this file's URL.
  define: { 'import.meta.url': '__bosunImportMetaUrl' },
  banner: { js: 'const __bosunImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// Warm the code cache on a representative run; bin/bosun.js writes dist/cli.cache when asked to.
execFileSync(process.execPath, ['bin/bosun.js', 'template', 'demo', 'charts/demo'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, BOSUN_CODE_CACHE: 'write' },
});
