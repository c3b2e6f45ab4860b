// `bosun dependency list|update|build` and `template --dependency-update` through the CLI, step by step in a
// copy of the fixtures, against what helm printed and left in the chart for the same steps
// (test/golden/dependency.yaml, recorded by scripts/gen-dependency-goldens.mjs).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dependencyUpdate } from '../../src/action/dependency.ts';
// @ts-expect-error: plain JS module shared with the golden generator
import { runCase } from '../golden/dependency-harness.mjs';

const root = join(import.meta.dirname, '../..');
type Step = { code: number; out: string; err: string; state: Record<string, unknown> };
const cases = parse(readFileSync(join(root, 'test/golden/dependency.yaml'), 'utf8')) as {
  name: string;
  chart: string;
  copy: string[];
  steps: string[][];
}[];
const expected = JSON.parse(readFileSync(join(root, 'test/golden/dependency.expected.json'), 'utf8')) as Record<
  string,
  Record<'helm4' | 'helm3', Step[]>
>;

describe('bosun dependency (CLI) against helm', () => {
  for (const c of cases) {
    for (const dialect of ['helm4', 'helm3'] as const) {
      it(`${c.name} (${dialect})`, () => {
        const got = runCase([process.execPath, join(root, 'bin/bosun.js')], c, {
          BOSUN_HELM_COMPAT: dialect === 'helm3' ? '3' : '4',
        }) as Step[];
        const want = expected[c.name][dialect];
        got.forEach((step, i) => {
          const where = `step ${i}: ${c.steps[i].join(' ')}`;
          expect(step.code, `${where}\n${step.err}`).toBe(want[i].code);
          expect(step.out, where).toBe(want[i].out);
          expect(step.err, where).toBe(want[i].err);
          expect(step.state, where).toEqual(want[i].state);
        });
      });
    }
  }
});

describe('remote repositories', () => {
  it('are refused before anything is written, naming the repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bosun-remote-'));
    try {
      mkdirSync(join(dir, 'c'));
      writeFileSync(
        join(dir, 'c', 'Chart.yaml'),
        'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 1.x\n  repository: https://charts.example.com\n',
      );
      expect(() => dependencyUpdate(join(dir, 'c'))).toThrow(
        'dependency "redis" comes from the repository "https://charts.example.com": bosun resolves dependencies from local file:// repositories and charts/ only',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
