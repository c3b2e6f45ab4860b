// The whole-chart command lines of test/golden/charts.yaml (recorded from helm by scripts/gen-chart-goldens.mjs),
// run through bosun's real CLI entry. Each test file registers the cases of its command, so that vitest can run
// the files side by side.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

export const root = join(import.meta.dirname, '../..');

interface GoldenCase {
  name: string;
  args: string[];
  stdin?: string;
  /** A case recorded from one helm only (where the other behaves differently on purpose). */
  only?: 'helm4' | 'helm3';
  /** Environment variables for the command (HELM_PLUGINS, TZ, ...). */
  env?: Record<string, string>;
}

const cases = parse(readFileSync(join(root, 'test/golden/charts.yaml'), 'utf8')) as GoldenCase[];
const expected = JSON.parse(readFileSync(join(root, 'test/golden/charts.expected.json'), 'utf8')) as Record<
  string,
  Record<'helm4' | 'helm3', { code: number; out: string; err: string }>
>;

export function bosun(args: string[], env: Record<string, string> = {}, input = '') {
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

/** Registers the golden cases whose command (first argument) passes `select`. */
export function goldenCases(title: string, select: (c: GoldenCase) => boolean): void {
  describe(title, () => {
    for (const c of cases.filter(select)) {
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
}

/** Whether a case runs this command (`inspect` is `show`). */
export const command =
  (...names: string[]) =>
  (c: GoldenCase) =>
    names.includes(c.args[0]);
