// The comparison that scripts/parse-diff.mjs bundles: `base-parser` and `new-parser` are the template parsers of
// two revisions. Prints the differences and exits 1 when there are any.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseTemplates as baseParse } from 'base-parser';
import { parseTemplates as newParse } from 'new-parser';
import { fixedEnv } from '../../src/funcs/env.ts';
import { helmFuncMap } from '../../src/funcs/index.ts';
import { builtins } from '../../src/template/builtins.ts';

const [corpus, mutationsArg, seedArg] = process.argv.slice(2);
const mutations = Number(mutationsArg);
let rng = Number(seedArg) >>> 0 || 1;

// Helm's function names; the second set also makes `break` a function (the lexer then reads it as a name).
const names = new Set([
  ...helmFuncMap(fixedEnv(), 'helm4').keys(),
  ...builtins('helm4').keys(),
  'include',
  'tpl',
  'required',
  'fail',
  'lookup',
]);
const namesBreak = new Set([...names, 'break']);

function serialize(x) {
  return JSON.stringify(x, (_k, v) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Map) return { map: [...v] };
    return v;
  });
}

/** Everything a parse yields: trees (nodes with positions), defines and the functions asked; or the error. */
function run(parse, name, text, fns, commentNewlines) {
  const asked = [];
  const defines = [];
  const hasFunction = (n) => {
    if (!asked.includes(n)) asked.push(n);
    return fns.has(n);
  };
  try {
    const trees = parse(name, text, hasFunction, commentNewlines, defines);
    const out = [...trees].map(([k, t]) => [k, t.name, t.parseName, t.text === text, t.root]);
    return serialize({ trees: out, asked, defines });
  } catch (e) {
    // A failed parse is thrown away whole, with the functions it asked about.
    return serialize({ error: [e.name, e.message, e.templateName, e.line, e.detail], defines });
  }
}

function rand(n) {
  rng ^= rng << 13;
  rng ^= rng >>> 17;
  rng ^= rng << 5;
  rng >>>= 0;
  return rng % n;
}

const INSERTS = [
  '{{',
  '}}',
  '{{-',
  '-}}',
  '{{- ',
  ' -}}',
  '"',
  "'",
  '`',
  '(',
  ')',
  '-',
  ' ',
  '\n',
  '$',
  '.',
  '|',
  ':=',
  '=',
  ',',
  'end',
  'else',
  'if ',
  'with ',
  'range ',
  'define ',
  'template ',
  'block ',
  'break',
  'continue',
  'nil',
  'true',
  '1',
  '0x1',
  '1.5',
  '-1',
  '\\',
  '/*',
  '*/',
  '{{/* c */}}',
  '$x',
  '.Values',
  'nosuchfn',
  '\t',
  '}',
  '{',
  'é',
  '😀',
  ')(',
  '"\\n"',
  '$x := 1',
  ' else if ',
  ' else with ',
  '. ',
];
const TOKENISH = /\{\{-?|-?\}\}|["'`()|$]|\b(?:end|else|if|with|range|define|template)\b/g;

/** One to three edits, mostly near actions: deletions, insertions and replacements of template syntax. */
function mutate(s) {
  const k = 1 + rand(3);
  for (let i = 0; i < k; i++) {
    let at = rand(s.length + 1);
    const d = s.indexOf('{{', at);
    if (d >= 0 && rand(3) > 0) at = Math.min(s.length, d + rand(40));
    const op = rand(4);
    if (op === 0) s = s.slice(0, at) + s.slice(at + 1 + rand(3));
    else if (op === 1) s = s.slice(0, at) + INSERTS[rand(INSERTS.length)] + s.slice(at);
    else if (op === 2) {
      TOKENISH.lastIndex = at;
      const m = TOKENISH.exec(s);
      if (m) s = s.slice(0, m.index) + s.slice(m.index + m[0].length);
    } else s = s.slice(0, at) + INSERTS[rand(INSERTS.length)] + s.slice(at + 1 + rand(2));
  }
  return s;
}

const files = execFileSync('find', [corpus, '-path', '*/templates/*', '-type', 'f'], { maxBuffer: 1 << 30 })
  .toString()
  .trim()
  .split('\n');
let parses = 0;
let errors = 0;
let diffs = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const name = f.slice(corpus.length + 1);
  const variants = [['file', text]];
  for (let i = 0; i < mutations; i++) variants.push([`mutation ${i}`, mutate(text)]);
  // Excerpts: in a big file, an edit far from its start hides behind the first error.
  for (let i = 0; i < mutations; i++) {
    const a = rand(text.length);
    variants.push([`excerpt ${i}`, mutate(text.slice(a, a + 1 + rand(400)))]);
  }
  for (const [kind, t] of variants) {
    for (const [fns, commentNewlines] of [
      [names, true],
      [namesBreak, false],
    ]) {
      parses++;
      const a = run(baseParse, name, t, fns, commentNewlines);
      const b = run(newParse, name, t, fns, commentNewlines);
      if (a.startsWith('{"error"')) errors++;
      if (a === b) continue;
      diffs++;
      if (diffs > 5) continue;
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(`DIFF ${name} (${kind})`);
      console.log(`  base: ${a.slice(Math.max(0, i - 200), i + 200)}`);
      console.log(`  new:  ${b.slice(Math.max(0, i - 200), i + 200)}`);
      if (kind !== 'file') console.log(`  text: ${JSON.stringify(t).slice(0, 2000)}`);
    }
  }
}
console.log(`${files.length} files, ${parses} parses (${errors} errors), ${diffs} differences`);
process.exit(diffs === 0 ? 0 : 1);
