// test/golden/known-differences.yaml, for the test files that run golden cases: why bosun knowingly differs from
// helm on a case (under one helm only, when the entry says `only`), or undefined.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Entry {
  case: string;
  why: string;
  only?: 'helm4' | 'helm3';
}

const entries = new Map(
  (parse(readFileSync(join(import.meta.dirname, 'known-differences.yaml'), 'utf8')) as Entry[]).map((k) => [
    k.case,
    k,
  ]),
);

export function knownDifference(area: string, name: string, dialect: 'helm4' | 'helm3'): string | undefined {
  const e = entries.get(`${area}/${name}`);
  return e === undefined || (e.only !== undefined && e.only !== dialect) ? undefined : e.why;
}
