// The functions a template can call in bosun are exactly helm's: Sprig v3.3.0 without env/expandenv, helm's
// extras and the per-render functions (names read from the sources by scripts/gen-funcmap-names.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedEnv } from '../../src/funcs/env.ts';
import { funcMapFor } from '../../src/render/funcmap.ts';
import { bindHelmFuncs } from '../../src/render/helm-funcs.ts';

const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../golden/funcmap-names.json'), 'utf8')) as Record<
  'helm4' | 'helm3',
  string[]
>;

describe('function map names', () => {
  for (const dialect of ['helm4', 'helm3'] as const) {
    it(`bosun's map is helm ${dialect === 'helm4' ? '4.1.4' : '3.17.2'}'s`, () => {
      const { funcs } = bindHelmFuncs(funcMapFor(dialect, fixedEnv()), {});
      const names = [...funcs.keys()].sort();
      expect(names).toEqual(golden[dialect]);
    });
  }
  it('helm 4 added mustToYaml; neither has env or expandenv', () => {
    expect(golden.helm4.filter((n) => !golden.helm3.includes(n))).toEqual(['mustToYaml']);
    for (const names of Object.values(golden))
      expect(names.filter((n) => n === 'env' || n === 'expandenv')).toEqual([]);
  });
});
