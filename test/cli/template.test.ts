// `bosun template` through the real CLI entry on whole charts, against what helm printed for the same command
// lines (test/golden/charts.yaml, recorded by scripts/gen-chart-goldens.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const cases = parse(readFileSync(join(root, 'test/golden/charts.yaml'), 'utf8')) as {
  name: string;
  args: string[];
  stdin?: string;
  /** A case recorded from one helm only (where the other behaves differently on purpose). */
  only?: 'helm4' | 'helm3';
  /** Environment variables for the command (HELM_PLUGINS, ...). */
  env?: Record<string, string>;
}[];
const expected = JSON.parse(readFileSync(join(root, 'test/golden/charts.expected.json'), 'utf8')) as Record<
  string,
  Record<'helm4' | 'helm3', { code: number; out: string; err: string }>
>;

function bosun(args: string[], env: Record<string, string> = {}, input = '') {
  return spawnSync(process.execPath, [join(root, 'bin/bosun.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, ...env },
  });
}

// The `Error:` text; helm 3 with --debug follows it with a log line and Go stack trace, which bosun does not print.
const fromError = (s: string) => {
  const e = s.slice(s.indexOf('Error: '));
  const trace = e.indexOf('\nhelm.go:');
  return trace < 0 ? e : `${e.slice(0, trace)}\n`;
};
// The generator records the checkout's absolute path as <ROOT>.
const portable = (s: string) => s.replaceAll(root, '<ROOT>');

describe('bosun commands (CLI) against helm', () => {
  for (const c of cases) {
    for (const dialect of c.only ? [c.only] : (['helm4', 'helm3'] as const)) {
      it(`${c.name} (${dialect})`, () => {
        const want = expected[c.name][dialect];
        const r = bosun(c.args, { ...(dialect === 'helm3' ? { BOSUN_HELM_COMPAT: '3' } : {}), ...c.env }, c.stdin);
        expect(r.status, r.stderr).toBe(want.code);
        expect(portable(r.stdout)).toBe(want.out);
        // helm 4 also logs errors through slog before `Error:`; the `Error:` text itself must match.
        if (want.code !== 0) expect(portable(fromError(r.stderr))).toBe(fromError(want.err));
      });
    }
  }
});

describe('bosun CLI errors', () => {
  it('prints helm-style errors without a stack trace', () => {
    // As helm: a missing path that does not start with `.` or `/` names a chart repository.
    const r = bosun(['template', 'rel', 'charts/nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Error: repo charts not found\n');
    expect(bosun(['template', 'rel', './charts/nope']).stderr).toBe('Error: path "./charts/nope" not found\n');
  });
  it('rejects unknown flags and commands', () => {
    expect(bosun(['template', '--nope']).stderr).toBe('Error: unknown flag: --nope\n');
    expect(bosun(['frobnicate']).status).toBe(1);
  });
});
