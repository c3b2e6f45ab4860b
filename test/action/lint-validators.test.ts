// bosun's copies of govalidator's checks against what helm lint accepted for the same strings
// (test/golden/lint-validators.json, recorded by scripts/gen-lint-validators.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEmail, isRequestURL, isURL } from '../../src/action/lint-validators.ts';

type Table = Record<string, Record<'helm4' | 'helm3', boolean>>;
const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../golden/lint-validators.json'), 'utf8')) as Record<
  'email' | 'url' | 'source' | 'icon',
  Table
>;

const checks = { email: isEmail, url: isURL, source: isRequestURL, icon: isRequestURL } as const;

describe('lint validators agree with helm', () => {
  for (const [kind, table] of Object.entries(golden) as [keyof typeof checks, Table][]) {
    for (const [input, want] of Object.entries(table)) {
      it(`${kind} ${JSON.stringify(input)}`, () => {
        expect(checks[kind](input)).toBe(want.helm4);
        expect(want.helm3).toBe(want.helm4);
      });
    }
  }
});
