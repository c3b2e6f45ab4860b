#!/usr/bin/env node
// Bundles the CLI and the library with esbuild. The CLI is split into chunks so that each command loads only
// the modules it needs: start-up time is part of bosun's speed budget.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  minifySyntax: true,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});
