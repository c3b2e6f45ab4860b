#!/usr/bin/env node
// Regenerates test/golden/funcmap-names.json: the names of every function a helm template can call, read from
// the sources — Sprig v3.3.0's functions.go (genericMap, which TxtFuncMap copies), minus env and expandenv, plus
// helm's extras in pkg/engine/funcs.go and the functions pkg/engine/engine.go binds per render — for helm 4.1.4
// and 3.17.2. Git mirrors of helm/helm and Masterminds/sprig are read (default /work/.mirror).
//   node scripts/gen-funcmap-names.mjs [mirror-dir]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const mirror = process.argv[2] || '/work/.mirror';
const show = (repo, ref, path) =>
  execFileSync('git', ['-C', join(mirror, repo, 'repo'), 'show', `${ref}:${path}`], { encoding: 'utf8' });

/** Keys of a Go map literal starting at `opener`, at one indentation level deeper than the opener's line. */
function literalKeys(text, opener) {
  const start = text.indexOf(opener);
  if (start < 0) throw new Error(`no ${opener}`);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const indent = /^\t*/.exec(text.slice(lineStart))[0];
  const end = text.indexOf(`\n${indent}}`, start);
  const body = text.slice(start, end);
  // Entries start a line at one level deeper; a line may hold several (`"append": push, "push": push,`).
  const lineRe = new RegExp(`^${indent}\\t"[^\\n]*`, 'gm');
  const keys = [];
  for (const [line] of body.matchAll(lineRe)) for (const m of line.matchAll(/"([A-Za-z0-9_]+)":/g)) keys.push(m[1]);
  return keys;
}

function names(helmTag) {
  const sprig = literalKeys(
    show('Masterminds+sprig', 'v3.3.0', 'functions.go'),
    'var genericMap = map[string]interface{}{',
  );
  const set = new Set(sprig);
  set.delete('env');
  set.delete('expandenv');
  for (const k of literalKeys(show('helm+helm', helmTag, 'pkg/engine/funcs.go'), 'extra := template.FuncMap{'))
    set.add(k);
  const engine = show('helm+helm', helmTag, 'pkg/engine/engine.go');
  for (const m of engine.matchAll(/funcMap\["([A-Za-z0-9_]+)"\] =/g)) set.add(m[1]);
  return [...set].sort();
}

const out = { helm4: names('v4.1.4'), helm3: names('v3.17.2') };
writeFileSync(new URL('../test/golden/funcmap-names.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.helm4.length} helm 4 and ${out.helm3.length} helm 3 function names`);
