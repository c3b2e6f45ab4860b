// Every golden case (test/golden/cases/*.yaml, expected output recorded from helm 4.1.4 and 3.17.2 by
// scripts/gen-goldens.mjs) rendered through bosun's whole template pipeline: values layers, chart loading,
// dependency processing, coalescing, the engine and Helm's functions. helm fails to sort the case's output (its
// last line is never valid YAML) and prints the rendered file; bosun fails the same way and keeps the rendered
// files on the error, which is what we compare. A case that helm fails must fail in bosun too, naming the same
// template and line (or, for errors outside templates, with the same message).

import { readdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templateChart } from '../../src/action/template.ts';
import { withChartDir } from '../chart/tmpchart.ts';
import { TEMPLATE_FLAGS, INSTALL_FLAGS, VALUES_FLAGS } from '../../src/cli/common-flags.ts';
import { GLOBAL_FLAGS } from '../../src/cli/command.ts';
import { Flags, parseFlags } from '../../src/cli/flags.ts';
import { requestFromFlags } from '../../src/cli/template-args.ts';
import { fixedEnv } from '../../src/funcs/env.ts';
import { ManifestError } from '../../src/render/manifests.ts';
import { debugDump } from '../../src/cli/template.ts';
import { knownDifference } from './known.ts';
// @ts-expect-error: plain JS module shared with the golden generator
import { buildArgs, chartFiles, errorLocation, extractRendered } from './harness-shared.mjs';

interface GoldenCase {
  name: string;
  tpl: string;
  values?: string;
  files?: Record<string, string>;
  chart?: string;
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setLiteral?: string[];
  args?: string[];
}
type Outcome = { out: string; err?: undefined } | { err: string; out?: undefined };
type Expected = Record<string, { helm4: Outcome; helm3: Outcome }>;

const CHART_DIR = '/golden-chart';
const FLAGS = [...TEMPLATE_FLAGS, ...INSTALL_FLAGS, ...VALUES_FLAGS, ...GLOBAL_FLAGS];
const root = import.meta.dirname;

// Deterministic randomness, a clock in the goldens' era, and a resolver that knows what every host knows.
const GOLDEN_ENV = {
  ...fixedEnv(1, 1_795_000_000_000_000_000n),
  lookupHost: (host: string) => (isIP(host) ? [host] : host === 'localhost' ? ['127.0.0.1'] : []),
};

/**
 * Renders a case with bosun, from a chart directory as helm did (so .helmignore applies); the same outcome shape
 * as the recorded helm output.
 */
export function renderCase(c: GoldenCase, dialect: 'helm4' | 'helm3'): Outcome {
  return withChartDir(chartFiles(c) as Record<string, string>, (dir) => {
    const flags = new Flags(parseFlags(buildArgs(c, dir) as string[], FLAGS));
    const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: dir };
    let stdout: string;
    try {
      stdout = templateChart({
        ...requestFromFlags(flags, io, dialect),
        chart: dir,
        releaseName: 'rel',
        env: GOLDEN_ENV,
      }).output;
    } catch (e) {
      if (!(e instanceof ManifestError && e.files)) return { err: (e as Error).message.replaceAll(dir, CHART_DIR) };
      // What `bosun template --debug` prints when a manifest does not parse: every rendered file.
      stdout = debugDump(e.files);
    }
    // The same extraction the generator applies to helm's stdout.
    const out = extractRendered(stdout) as string | undefined;
    return out === undefined ? { err: `no rendered t.yaml in bosun's output:\n${stdout}` } : { out };
  });
}

const areas = readdirSync(join(root, 'cases'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5));

for (const area of areas) {
  const cases = parse(readFileSync(join(root, 'cases', `${area}.yaml`), 'utf8')) as GoldenCase[];
  const expected = JSON.parse(readFileSync(join(root, 'expected', `${area}.json`), 'utf8')) as Expected;
  describe(`golden ${area}`, () => {
    for (const c of cases) {
      for (const dialect of ['helm4', 'helm3'] as const) {
        const want = expected[c.name]?.[dialect];
        const why = knownDifference(area, c.name, dialect);
        const test = why === undefined ? it : it.fails;
        test(`${c.name} (${dialect})${why === undefined ? '' : ' [known difference]'}`, () => {
          expect(want, `no recorded helm output for ${c.name}: run npm run goldens -- ${area}`).toBeDefined();
          const got = renderCase(c, dialect);
          if (want.out !== undefined) {
            expect(got.err, 'bosun failed where helm rendered').toBeUndefined();
            expect(got.out).toBe(want.out);
            return;
          }
          expect(got.err, `helm fails with: ${want.err}`).toBeDefined();
          const where = errorLocation(want.err);
          if (where) expect(errorLocation(got.err) ?? got.err).toBe(where);
          // The generator keeps what helm printed up to the end of the message, trailing white space trimmed.
          else expect(normalizePaths(got.err!).trimEnd()).toBe(normalizePaths(want.err));
        });
      }
    }
  });
}

// The generator's charts live in throw-away directories; paths in messages differ, the rest must not.
function normalizePaths(msg: string): string {
  return msg.replace(/\/tmp\/bosun-goldens-[^/]+\/[^/]+\/[^/\s]+/g, CHART_DIR);
}
