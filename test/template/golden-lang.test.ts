// Runs the `lang-*` golden cases (test/golden/cases, outputs recorded from helm 4 and helm 3) through the engine,
// with a minimal stand-in for Helm's render layer: values parsed as YAML and numbers as float64, `--set` integers
// as int64, missingkey=zero, `<no value>` removed, Helm's `parse error at (...)` rewriting, and the few Sprig and
// Helm functions the cases use, declared with their Go signatures. The real render layer supersedes this.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatValue } from '../../src/template/fmt.ts';
import { TemplateExecError, TemplateParseError, TemplateSet } from '../../src/template/index.ts';
import { type FuncMap, fromJS, GoInt, type GoMap, goFunc, goInt64, T, type Value } from '../../src/template/value.ts';

/** The line harness-shared.mjs appends to every case's template (helm then prints the rendered file raw). */
const SENTINEL = '\n%BOSUN-GOLDEN-END%';

interface Case {
  name: string;
  tpl: string;
  values?: string;
  set?: string[];
  files?: Record<string, string>;
}
type Outcome = { out: string } | { err: string };

// Helm's function map replaces the builtin `slice` with Sprig's: these cases await the Sprig functions and the
// real render layer (the lead's golden runner checks them).
const SPRIG_CASES = new Set([
  'slice-list',
  'slice-string',
  'slice-reversed',
  'slice-3-string',
  'slice-3-list',
  'slice-number',
  'slice-too-many',
  'slice-out-of-range',
]);

const root = join(import.meta.dirname, '../golden');
const areas = readdirSync(join(root, 'cases'))
  .filter((f) => f.startsWith('lang-') && f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5));

/** Sprig's `empty`. */
function empty(v: Value): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string' || Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v === 0;
  if (v instanceof GoInt) return v.value === 0n;
  return false;
}

function standInFuncs(getSet: () => TemplateSet): FuncMap {
  const fns = [
    goFunc('upper', [T.string], (s) => (s as string).toUpperCase()),
    goFunc('repeat', [T.int, T.string], (n, s) => (s as string).repeat(Number((n as GoInt).value))),
    goFunc('include', [T.string, T.any], (name, data) => getSet().execute(name as string, data)),
    goFunc('default', [T.any], (d, ...given) => (given.length === 0 || empty(given[0]) ? d : given[0]), T.any),
    goFunc('ternary', [T.any, T.any, T.bool], (a, b, c) => (c ? a : b)),
    goFunc('toString', [T.any], (v) => (typeof v === 'string' ? v : formatValue(v))),
  ];
  return new Map(fns.map((f) => [f.name, f]));
}

/** Helm's cleanupParseError: keeps the location and the last `: `-separated part of Go's message. */
function helmParseError(e: TemplateParseError): string {
  const tokens = e.message.split(': ');
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

function squash(s: string): string {
  return s.replace(/template: /g, '').replace(/[\s:]+/g, '');
}

function render(c: Case, dialect: 'helm4' | 'helm3'): { out?: string; err?: Error } {
  let set: TemplateSet | undefined;
  set = new TemplateSet(
    standInFuncs(() => set as TemplateSet),
    { missingKey: 'zero', dialect },
  );
  const values = (fromJS(c.values ? (parseYaml(c.values, { version: '1.1' }) ?? {}) : {}) ?? new Map()) as GoMap;
  for (const s of c.set ?? []) {
    const [k, v] = s.split('=');
    values.set(k, /^-?[1-9]\d*$|^0$/.test(v) ? goInt64(BigInt(v)) : v);
  }
  const dot: GoMap = new Map<string, Value>([
    ['Values', values],
    [
      'Release',
      new Map<string, Value>([
        ['Name', 'rel'],
        ['Namespace', 'default'],
      ]),
    ],
    [
      'Chart',
      new Map<string, Value>([
        ['Name', 't'],
        ['Version', '0.1.0'],
      ]),
    ],
    [
      'Template',
      new Map<string, Value>([
        ['Name', 't/templates/t.yaml'],
        ['BasePath', 't/templates'],
      ]),
    ],
  ]);
  try {
    for (const [path, text] of Object.entries(c.files ?? {})) set.parse(`t/${path}`, text);
    set.parse('t/templates/t.yaml', c.tpl + SENTINEL);
    let out = set.execute('t/templates/t.yaml', dot).replaceAll('<no value>', '');
    out = out.slice(0, out.lastIndexOf(SENTINEL.slice(1)));
    return { out };
  } catch (e) {
    if (e instanceof TemplateParseError || e instanceof TemplateExecError) return { err: e };
    throw e;
  }
}

function check(c: Case, dialect: 'helm4' | 'helm3', want: Outcome): void {
  const got = render(c, dialect);
  if ('out' in want) {
    expect(got.err?.message, `${c.name} (${dialect}) failed`).toBeUndefined();
    expect(got.out, `${c.name} (${dialect})`).toBe(want.out);
    return;
  }
  expect(got.err, `${c.name} (${dialect}) should fail with: ${want.err}`).toBeDefined();
  const err = got.err as Error;
  if (err instanceof TemplateParseError) {
    expect(helmParseError(err), `${c.name} (${dialect})`).toBe(want.err);
  } else if (dialect === 'helm3' || want.err.startsWith('template: ')) {
    expect(err.message, `${c.name} (${dialect})`).toBe(want.err);
  } else {
    // helm 4 re-lays Go's message over several lines; the words are the same.
    expect(squash(err.message), `${c.name} (${dialect})`).toBe(squash(want.err));
  }
}

for (const area of areas) {
  const cases = parseYaml(readFileSync(join(root, 'cases', `${area}.yaml`), 'utf8')) as Case[];
  const expected = JSON.parse(readFileSync(join(root, 'expected', `${area}.json`), 'utf8')) as Record<
    string,
    Record<'helm4' | 'helm3', Outcome>
  >;
  describe(area, () => {
    for (const c of cases.filter((x) => !SPRIG_CASES.has(x.name))) {
      it(c.name, () => {
        const e = expected[c.name];
        expect(e, `no expected output for ${c.name}`).toBeDefined();
        check(c, 'helm4', e.helm4);
        check(c, 'helm3', e.helm3);
      });
    }
  });
}
