// Runs the golden cases whose template prints `{{ toJson .Values }}` through bosun's values pipeline
// (user layers → chart load → dependency processing → coalescing) and compares the structure with what helm
// printed, for helm 4 and helm 3. Until the render layer exists this is how the goldens check this code;
// the JSON text itself (toJson) is the goyaml helper's, so values are compared as parsed JSON.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toJS } from '../../src/template/value.ts';
import type { Dialect } from '../../src/values/strvals.ts';
import { type GoldenCase, prepare } from '../chart/pipeline.ts';

type Expected = Record<string, { helm4: { out?: string; err?: string }; helm3: { out?: string; err?: string } }>;

const root = join(import.meta.dirname, '..', 'golden');
const JSON_TPL = '{{ toJson .Values }}';
const YAML_ERR = 'error converting YAML to JSON: ';

function valuesOf(c: GoldenCase, dialect: Dialect): unknown {
  return toJS(prepare(c, dialect).values);
}

for (const file of readdirSync(join(root, 'cases'))) {
  if (!file.startsWith('values-') && !file.startsWith('chart-')) continue;
  const area = file.replace(/\.yaml$/, '');
  const cases = parse(readFileSync(join(root, 'cases', file), 'utf8')) as GoldenCase[];
  let expected: Expected;
  try {
    expected = JSON.parse(readFileSync(join(root, 'expected', `${area}.json`), 'utf8'));
  } catch {
    continue;
  }
  const runnable = cases.filter((c) => c.tpl === JSON_TPL);
  if (runnable.length === 0) continue;
  describe(`golden ${area}`, () => {
    for (const c of runnable) {
      for (const dialect of ['helm4', 'helm3'] as const) {
        const want = expected[c.name]?.[dialect];
        if (!want) continue;
        it(`${c.name} (${dialect})`, () => {
          if (want.out !== undefined) {
            expect(valuesOf(c, dialect)).toEqual(JSON.parse(want.out));
          } else {
            let msg: string | undefined;
            try {
              valuesOf(c, dialect);
            } catch (e) {
              msg = (e as Error).message;
            }
            expect(msg, 'bosun should fail').toBeDefined();
            // Paths of the throw-away chart directory differ; compare the rest.
            if (want.err!.includes('/tmp/')) return;
            // What follows `error converting YAML to JSON: ` is the YAML reader's (goyaml's, tested there).
            const yamlAt = want.err!.indexOf(YAML_ERR);
            if (yamlAt >= 0)
              expect(msg!.slice(0, yamlAt + YAML_ERR.length)).toBe(want.err!.slice(0, yamlAt + YAML_ERR.length));
            else expect(msg).toBe(want.err);
          }
        });
      }
    }
  });
}
