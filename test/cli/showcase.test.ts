// charts/showcase must call every function of helm's map (test/golden/funcmap-names.json, read from helm's and
// Sprig's sources) and Go's template builtins; its rendering is checked against helm in test/golden/charts.yaml.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dir = join(root, 'charts/showcase/templates');
const text = readdirSync(dir)
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');
// Identifiers in actions: what follows `{{`, `(`, `|`, `:=` or `=`.
const called = new Set([...text.matchAll(/(?:[({|]|:?=)\s*-?\s*([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
const names = JSON.parse(readFileSync(join(root, 'test/golden/funcmap-names.json'), 'utf8')) as Record<
  string,
  string[]
>;
const BUILTINS = [
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'printf',
  'println',
  'html',
  'js',
  'urlquery',
  'call',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
];
const KEYWORDS = ['if', 'else', 'range', 'break', 'continue', 'with', 'define', 'template', 'block', 'end'];

describe('charts/showcase', () => {
  it("calls every function of helm 4.1.4's map", () => {
    expect(names.helm4.filter((n) => !called.has(n))).toEqual([]);
  });
  it('uses every builtin and every action keyword', () => {
    expect([...BUILTINS, ...KEYWORDS].filter((n) => !called.has(n))).toEqual([]);
  });
});
