#!/usr/bin/env node
// Compares helm 4's post-render round trip (annotate, kyaml/go-yaml v3 rewrite, split) with bosun's on the
// real-world corpus: every deterministic case rendered by both with the pass-through plugin `cat` from
// test/fixtures/post-render/plugins. Differences are written to /tmp/bosun-post-render/<case>.{helm,bosun}.
//   node scripts/post-render-corpus.mjs [case-substring]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const corpus = join(root, '../shared/corpus');
const helm = join(process.env.BOSUN_ORACLE_DIR || join(process.env.HOME, '.cache/bosun-oracle'), 'helm4');
const env = { ...process.env, HELM_PLUGINS: join(root, 'test/fixtures/post-render/plugins') };
const out = '/tmp/bosun-post-render';
mkdirSync(out, { recursive: true });
const index = JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8'));
let same = 0;
const differ = [];
for (const c of index.cases) {
  if (!c.helm4.deterministic || c.helm4.code !== 0 || (process.argv[2] && !c.case.includes(process.argv[2]))) continue;
  const argv = [...c.argv, '--post-renderer', 'cat'];
  const opts = { cwd: corpus, env, encoding: 'utf8', maxBuffer: 1 << 28 };
  const h = spawnSync(helm, argv, opts);
  const b = spawnSync(process.execPath, [join(root, 'bin/bosun.js'), ...argv], opts);
  if (h.stdout === b.stdout && h.status === b.status) same++;
  else {
    differ.push(c.case);
    writeFileSync(join(out, `${c.case}.helm`), h.stdout + h.stderr);
    writeFileSync(join(out, `${c.case}.bosun`), b.stdout + b.stderr);
  }
}
console.log(`${same} identical, ${differ.length} different${differ.length ? `:\n${differ.join('\n')}` : ''}`);
