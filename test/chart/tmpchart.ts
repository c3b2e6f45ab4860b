// Writes a golden case's chart into a temporary directory and loads it as helm would (from a directory).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type LoadOptions, loadChartSync } from '../../src/chart/loader.ts';
import type { Chart } from '../../src/chart/model.ts';

export function withChartDir<T>(files: Record<string, string>, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'bosun-chart-test-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadFromDir(files: Record<string, string>, options: LoadOptions = {}): Chart {
  return withChartDir(files, (dir) => loadChartSync(dir, options));
}
