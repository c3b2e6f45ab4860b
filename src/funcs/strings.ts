// Sprig's string functions (strings.go and the inline ones of functions.go). Go strings are bytes: trunc and
// substr count bytes, and their out-of-range panics are Go's runtime errors.

import { formatValue } from '../template/fmt.ts';
import { quote } from '../template/strconv.ts';
import { GoError, type GoFunc, type GoInt, goFunc, stringMap, stringSlice, T, type Value } from '../template/value.ts';
import {
  byteLength,
  byteSlice,
  goRepeat,
  goSplit,
  goTitle,
  goToLower,
  goToUpper,
  goTrim,
  goTrimSpace,
  sliceBoundsMessage,
} from './gostrings.ts';
import { toLowerWords, toPascalCase } from './strings-case.ts';
import { abbreviateFull, deleteWhiteSpace, initials, swapCase, uncapitalize, wrapCustom } from './strings-goutils.ts';
import { strslice, strval } from './strval.ts';

const num = (v: Value) => Number((v as GoInt).value);
const str = (v: Value) => v as string;

function trunc(c: Value, sv: Value): Value {
  const n = num(c);
  const s = str(sv);
  const len = byteLength(s);
  if (n < 0 && len + n > 0) return byteSlice(s, len + n);
  if (n >= 0 && len > n) return byteSlice(s, 0, n);
  return s;
}

function substr(startv: Value, endv: Value, sv: Value): Value {
  const start = num(startv);
  const end = num(endv);
  const s = str(sv);
  const len = byteLength(s);
  if (start < 0) {
    if (end < 0 || end > len) throw new GoError(sliceBoundsMessage(null, end, len));
    return byteSlice(s, 0, end);
  }
  if (end < 0 || end > len) {
    if (start > len) throw new GoError(sliceBoundsMessage(start, null, len));
    return byteSlice(s, start);
  }
  if (start > end) throw new GoError(sliceBoundsMessage(start, end, len));
  return byteSlice(s, start, end);
}

function indent(spaces: Value, v: Value): string {
  const pad = goRepeat(' ', (spaces as GoInt).value);
  return pad + str(v).replaceAll('\n', `\n${pad}`);
}

function splitMap(parts: string[]): Value {
  const m = new Map<string, string>();
  for (let i = 0; i < parts.length; i++) m.set(`_${i}`, parts[i]);
  return stringMap(m);
}

function quoteAll(...vs: Value[]): Value {
  const out: string[] = [];
  for (const v of vs) if (v !== null && v !== undefined) out.push(quote(strval(v)));
  return out.join(' ');
}

function squoteAll(...vs: Value[]): Value {
  const out: string[] = [];
  for (const v of vs) if (v !== null && v !== undefined) out.push(`'${formatValue(v)}'`);
  return out.join(' ');
}

function cat(...vs: Value[]): Value {
  const out: string[] = [];
  for (const v of vs) if (v !== null && v !== undefined) out.push(formatValue(v));
  return out.join(' ');
}

export function stringFuncs(): GoFunc[] {
  const s1 = (f: (s: string) => Value) => (s: Value) => f(str(s));
  // Sprig swaps Go's argument order so that the subject comes last in a pipeline: `"$x" | trimPrefix "$"`.
  const s2 = (f: (a: string, b: string) => Value) => (a: Value, b: Value) => f(str(a), str(b));
  return [
    goFunc('hello', [], () => 'Hello!'),
    goFunc('abbrev', [T.int, T.string], (w, s) => (num(w) < 4 ? s : abbreviateFull(str(s), 0, num(w)))),
    goFunc('abbrevboth', [T.int, T.int, T.string], (l, r, s) => {
      const left = num(l);
      const right = num(r);
      if (right < 4 || (left > 0 && right < 7)) return s;
      return abbreviateFull(str(s), left, right);
    }),
    goFunc('trunc', [T.int, T.string], trunc),
    goFunc('trim', [T.string], s1(goTrimSpace)),
    goFunc('upper', [T.string], s1(goToUpper)),
    goFunc('lower', [T.string], s1(goToLower)),
    goFunc('title', [T.string], s1(goTitle)),
    goFunc('untitle', [T.string], s1(uncapitalize)),
    goFunc('substr', [T.int, T.int, T.string], substr),
    goFunc('repeat', [T.int, T.string], (n, s) => goRepeat(str(s), (n as GoInt).value)),
    goFunc(
      'trimall',
      [T.string, T.string],
      s2((a, b) => goTrim(b, a)),
    ),
    goFunc(
      'trimAll',
      [T.string, T.string],
      s2((a, b) => goTrim(b, a)),
    ),
    goFunc(
      'trimSuffix',
      [T.string, T.string],
      s2((a, b) => (a !== '' && b.endsWith(a) ? b.slice(0, -a.length) : b)),
    ),
    goFunc(
      'trimPrefix',
      [T.string, T.string],
      s2((a, b) => (b.startsWith(a) ? b.slice(a.length) : b)),
    ),
    goFunc('nospace', [T.string], s1(deleteWhiteSpace)),
    goFunc('initials', [T.string], s1(initials)),
    goFunc('swapcase', [T.string], s1(swapCase)),
    goFunc(
      'snakecase',
      [T.string],
      s1((s) => toLowerWords(s, 0x5f)),
    ),
    goFunc('camelcase', [T.string], s1(toPascalCase)),
    goFunc(
      'kebabcase',
      [T.string],
      s1((s) => toLowerWords(s, 0x2d)),
    ),
    goFunc('wrap', [T.int, T.string], (l, s) => wrapCustom(str(s), num(l), '', false)),
    goFunc('wrapWith', [T.int, T.string, T.string], (l, sep, s) => wrapCustom(str(s), num(l), str(sep), true)),
    goFunc(
      'contains',
      [T.string, T.string],
      s2((a, b) => b.includes(a)),
    ),
    goFunc(
      'hasPrefix',
      [T.string, T.string],
      s2((a, b) => b.startsWith(a)),
    ),
    goFunc(
      'hasSuffix',
      [T.string, T.string],
      s2((a, b) => b.endsWith(a)),
    ),
    goFunc('quote', [], quoteAll, T.any),
    goFunc('squote', [], squoteAll, T.any),
    goFunc('cat', [], cat, T.any),
    goFunc('indent', [T.int, T.string], indent),
    goFunc('nindent', [T.int, T.string], (n, v) => `\n${indent(n, v)}`),
    goFunc('replace', [T.string, T.string, T.string], (o, n, s) => goReplaceAll(str(s), str(o), str(n))),
    goFunc('plural', [T.string, T.string, T.int], (one, many, c) => ((c as GoInt).value === 1n ? one : many)),
    goFunc('toString', [T.any], (v) => strval(v)),
    goFunc('toStrings', [T.any], (v) => stringSlice(strslice(v).slice())),
    goFunc('join', [T.string, T.any], (sep, v) => strslice(v).join(str(sep))),
    goFunc(
      'splitList',
      [T.string, T.string],
      s2((sep, s) => stringSlice(goSplit(s, sep))),
    ),
    goFunc(
      'split',
      [T.string, T.string],
      s2((sep, s) => splitMap(goSplit(s, sep))),
    ),
    goFunc('splitn', [T.string, T.int, T.string], (sep, n, s) => splitMap(goSplit(str(s), str(sep), num(n)))),
  ];
}

/** strings.Replace(s, old, new, -1): an empty `old` inserts `new` around every rune. */
export function goReplaceAll(s: string, old: string, repl: string): string {
  if (old !== '') return s.replaceAll(old, repl);
  let out = repl;
  for (const ch of s) out += ch + repl;
  return out;
}
