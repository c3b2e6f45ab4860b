#!/usr/bin/env node
// Regenerates test/golden/dependency.expected.json: what real helm 4.1.4 and 3.17.2 print and leave behind for
// the dependency command lines in test/golden/dependency.yaml (see test/golden/dependency-harness.mjs).
//   node scripts/gen-dependency-goldens.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCase } from '../test/golden/dependency-harness.mjs';

const root = new URL('..', import.meta.url).pathname;
const oracleDir = process.env.BOSUN_ORACLE_DIR || join(process.env.HOME, '.cache/bosun-oracle');
const cases = parse(readFileSync(join(root, 'test/golden/dependency.yaml'), 'utf8'));
const out = {};
for (const c of cases) {
  out[c.name] = {};
  for (const helm of ['helm4', 'helm3']) out[c.name][helm] = runCase([join(oracleDir, helm)], c);
}
writeFileSync(join(root, 'test/golden/dependency.expected.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${cases.length} dependency cases from helm`);
