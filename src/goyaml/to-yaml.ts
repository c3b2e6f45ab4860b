// sigs.k8s.io/yaml.Marshal, which Helm's toYaml is: encoding/json first, then go-yaml v2 reads that JSON back
// (numbers re-typed by v2's rules: `1e+21` a float, `12345678901234567000` a uint64) and writes it as YAML.
// The JSON text is never built: each value takes the shape the round trip would give it.

import { compareStrings } from '../template/gostring.ts';
import { GoInt, GoStruct, typeOf, type Value } from '../template/value.ts';
import { Emitter, SCALAR_DOUBLE, SCALAR_LITERAL, SCALAR_PLAIN, type YNode } from './emitter.ts';
import { GoCodecError } from './errors.ts';
import { formatFloatG, formatJsonFloat } from './gofloat.ts';
import { quoteJSON } from './json-encode.ts';
import { isNilCollection } from './nil.ts';
import { isBase60Float, R, resolve } from './resolve.ts';

const NULL_NODE: YNode = { kind: 'scalar', value: 'null', style: SCALAR_PLAIN };
const TRUE_NODE: YNode = { kind: 'scalar', value: 'true', style: SCALAR_PLAIN };
const FALSE_NODE: YNode = { kind: 'scalar', value: 'false', style: SCALAR_PLAIN };

// Strings that v2 would read back as something else need quotes; most strings start with a letter that cannot
// begin a number, boolean or null, and skip the check.
const MAYBE_TYPED = /^[-+.~0-9yYnNtTfFoO]|^$/;

/** go-yaml v2's encoder.stringv: the scalar style it asks the emitter for. */
export function stringNode(s: string): YNode {
  let canUsePlain = true;
  if (MAYBE_TYPED.test(s)) canUsePlain = resolve('', s).kind === R.STR && !isBase60Float(s);
  let style: number;
  if (s.indexOf('\n') >= 0) style = SCALAR_LITERAL;
  else if (canUsePlain) style = SCALAR_PLAIN;
  else style = SCALAR_DOUBLE;
  return { kind: 'scalar', value: s, style };
}

/** A JSON number's text as go-yaml v2 re-types and re-prints it. */
function numberNode(text: string): YNode {
  const r = resolve('', text);
  let out: string;
  if (r.kind === R.FLOAT) out = formatFloatG(r.value as number);
  else out = String(r.value);
  return { kind: 'scalar', value: out, style: SCALAR_PLAIN };
}

// ---- go-yaml v2's map key order (sorter.go) for string keys ----------------------------------------------------

// Made on first use (V8 parses a Unicode-class RegExp when it creates it): most keys are ASCII.
let letter: RegExp | undefined;
let digit: RegExp | undefined;

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  letter ??= /\p{L}/u;
  return letter.test(String.fromCodePoint(c));
}

function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 48 && c <= 57;
  digit ??= /\p{Nd}/u;
  return digit.test(String.fromCodePoint(c));
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

const SURROGATE = /[\ud800-\udfff]/;

/** keyList.Less of go-yaml: letters after other characters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string, v3 = false): boolean {
  // Code units are runes unless a string holds astral characters; only then build rune arrays.
  if (SURROGATE.test(a) || SURROGATE.test(b)) return runesLess(runes(a), runes(b), v3);
  return runesLess(a, b, v3);
}

type Runes = string | number[];

function at(r: Runes, i: number): number {
  return typeof r === 'string' ? r.charCodeAt(i) : r[i];
}

function runesLess(ar: Runes, br: Runes, v3: boolean): boolean {
  let digits = false;
  const n = Math.min(ar.length, br.length);
  for (let i = 0; i < n; i++) {
    const ac = at(ar, i);
    const bc = at(br, i);
    if (ac === bc) {
      digits = isDigit(ac);
      continue;
    }
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return v3 && digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ac === 48 || bc === 48) {
      for (let j = i - 1; j >= 0 && isDigit(at(ar, j)); j--) {
        if (at(ar, j) !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(at(ar, ai)); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(at(ar, ai) - 48));
    let bi = i;
    for (; bi < br.length && isDigit(at(br, bi)); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(at(br, bi) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac < bc;
  }
  return ar.length < br.length;
}

/** Sorts map keys as go-yaml orders them. */
export function sortYamlKeys(keys: string[], v3 = false): string[] {
  // Keys of ASCII letters and of the characters below `A` other than digits (`.`, `/`, `-`, ...) compare as
  // their code units do: a non-letter before a letter, no digit runs. The common case, sorted natively.
  let plain = true;
  for (let i = 0; i < keys.length && plain; i++) plain = CODE_UNIT_ORDER.test(keys[i]);
  if (plain) return keys.sort();
  return keys.sort((x, y) => (x === y ? 0 : yamlKeyLess(x, y, v3) ? -1 : 1));
}

const CODE_UNIT_ORDER = /^[\x00-\x2f\x3a-\x40A-Za-z]*$/;

// ---- the JSON round trip ----------------------------------------------------------------------------------------

class JSONToYAML {
  node(v: Value): YNode {
    if (v === null || v === undefined) return NULL_NODE;
    switch (typeof v) {
      case 'string':
        return stringNode(lossless(v));
      case 'boolean':
        return v ? TRUE_NODE : FALSE_NODE;
      case 'number':
        if (!Number.isFinite(v)) {
          throw new GoCodecError(`error marshaling into JSON: json: unsupported value: ${formatFloatG(v)}`);
        }
        return numberNode(formatJsonFloat(v));
    }
    if (v instanceof GoInt) return numberNode(v.value.toString());
    if (v instanceof Uint8Array)
      return stringNode(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'));
    if (isNilCollection(v)) return NULL_NODE;
    if (Array.isArray(v)) return { kind: 'seq', items: v.map((x) => this.node(x)) };
    if (v instanceof Map) {
      const keys = sortYamlKeys([...v.keys()]);
      const pairs: [YNode, YNode][] = [];
      for (const k of keys) {
        // JSON strings are valid UTF-8; go-yaml reads a JSON key as a simple key, so one longer than 1024
        // characters as JSON wrote it cannot be read back.
        if (k.length > 200 && [...quoteJSON(k)].length > 1024) {
          throw new GoCodecError("yaml: did not find expected ',' or '}'");
        }
        // A raw NEL is a line break to go-yaml, and a JSON key spread over two lines is no longer a key.
        if (k.indexOf('\u0085') >= 0) throw new NelKeyError();
        pairs.push([stringNode(lossless(k)), this.node(v.get(k))]);
      }
      return { kind: 'map', pairs };
    }
    if (v instanceof GoStruct) {
      if (v.jsonValue) return this.node(v.jsonValue());
      const m = new Map<string, Value>();
      for (const f of v.fieldNames()) {
        const x = v.field(f);
        if (typeof x !== 'symbol') m.set(f, x);
      }
      return this.node(m);
    }
    throw new GoCodecError(`error marshaling into JSON: json: unsupported type: ${typeOf(v)}`);
  }
}

// Characters encoding/json leaves raw that go-yaml's reader then refuses, failing the whole conversion.
const YAML_CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
const NEEDS_ROUND_TRIP = /[\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

/**
 * A string as it comes back from its JSON form read by go-yaml: lone surrogates became U+FFFD (JSON), a raw NEL
 * is a line break inside a double-quoted YAML scalar and folds like one, and C1 controls, DEL, U+FFFE and U+FFFF
 * are refused by go-yaml's reader.
 */
function lossless(s: string): string {
  if (!NEEDS_ROUND_TRIP.test(s)) return s;
  if (YAML_CONTROL.test(s)) throw new GoCodecError('yaml: control characters are not allowed');
  if (/[\ud800-\udfff]/.test(s)) {
    s = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }
  return s.indexOf('\u0085') >= 0 ? foldNel(s) : s;
}

/** go-yaml's folding of a double-quoted scalar whose only raw breaks are NELs and only raw blanks spaces. */
function foldNel(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  for (;;) {
    const from = i;
    while (i < n && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 0x85) i++;
    out += s.slice(from, i);
    if (i === n) return out;
    let whitespaces = '';
    let leadingBlanks = false;
    let trailingBreaks = '';
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 32) {
        if (!leadingBlanks) whitespaces += ' ';
      } else if (c === 0x85) {
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBlanks = true;
        } else {
          trailingBreaks += '\n';
        }
      } else {
        break;
      }
    }
    out += leadingBlanks ? (trailingBreaks === '' ? ' ' : trailingBreaks) : whitespaces;
  }
}

class NelKeyError extends Error {}

function countNel(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\u0085'); i >= 0; i = s.indexOf('\u0085', i + 1)) n++;
  return n;
}

/** The line (as go-yaml counts, NELs being breaks) of the first JSON key holding a NEL, in JSON order. */
function nelKeyLine(v: Value, seen: { lines: number }): boolean {
  if (typeof v === 'string') seen.lines += countNel(v);
  else if (Array.isArray(v)) {
    for (const x of v) if (nelKeyLine(x, seen)) return true;
  } else if (v instanceof Map) {
    for (const k of [...v.keys()].sort(compareStrings)) {
      const n = countNel(k);
      seen.lines += n;
      if (n > 0) return true;
      if (nelKeyLine(v.get(k), seen)) return true;
    }
  } else if (v instanceof GoStruct && v.jsonValue) {
    return nelKeyLine(v.jsonValue(), seen);
  }
  return false;
}

/**
 * sigs.k8s.io/yaml.Marshal(v): the YAML text, ending in a newline. Throws GoCodecError with its error text
 * (`error marshaling into JSON: json: unsupported value: NaN`).
 */
export function marshalYaml(v: Value): string {
  let root: YNode;
  try {
    root = new JSONToYAML().node(v);
  } catch (e) {
    if (!(e instanceof NelKeyError)) throw e;
    const seen = { lines: 0 };
    nelKeyLine(v, seen);
    throw new GoCodecError(`yaml: line ${seen.lines}: did not find expected ',' or '}'`);
  }
  return new Emitter({ indent: 2, width: 80, indentlessSequences: true }).document(root);
}
