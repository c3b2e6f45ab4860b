// A cheap reading of a rendered manifest for the sorter's SimpleHead: one sticky RegExp per line instead of the
// scanner, parser, composer and decoder. It accepts only a plainly simple subset of block YAML in which go-yaml v2
// cannot fail (`key: scalar`, `- item`, nested block maps and sequences by indentation, `{}`/`[]`, block scalars,
// comments) and returns undefined for anything else, so the caller falls back to the full parser. It returns a
// skeleton of the document holding only what SimpleHead reads (apiVersion, kind, metadata.name/namespace/annotations,
// keys matched case-insensitively); every other value is checked (keys are strings, floats finite) and dropped.

import { GoInt, type GoMap, goInt, type Value } from '../template/value.ts';
import { hintOf, R, resolve } from './resolve.ts';

// Characters go-yaml reads as printable and not as line breaks, minus tab, CR and surrogates (kept simple).
export const UNSAFE = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

// One content line from its first non-space character: an optional `- `, an optional simple key and `:`, an
// optional value (plain scalar, quoted scalar without escapes, `{}`, `[]` or a block scalar header), an optional
// comment. Plain scalars start with no indicator and hold no `: ` and no ` #`.
export const LINE =
  /(?:(-) +)?(?:([A-Za-z0-9_][A-Za-z0-9_./-]*|"[^"\\\n]*"|'(?:[^'\n]|'')*') *:(?=[ \n]|$) *)?((?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=\S))(?:[^\s:]|:(?=\S)| +(?=[^\s#]))*|"[^"\\\n]*"|'(?:[^'\n]|'')*'|\{\}|\[\]|[|>][-+]?)?(?: +#[^\n]*| *)(?:\n|$)/y;

const SPACES = / */y;

// Collection kinds.
const MAP = 0;
const SEQ = 1;

/** What SimpleHead reads at a depth: 0 the root map, 1 metadata, 2 annotations; -1 nothing. */
type Level = -1 | 0 | 1 | 2;

interface Open {
  indent: number;
  kind: number;
  /** A sequence at the same indentation as its key: it ends at the next key of that map. */
  indentless: boolean;
  /** The skeleton map receiving this map's entries, for levels 0-2. */
  into: GoMap | null;
  level: Level;
}

const FAIL = Symbol('fail');

/** go-yaml v2 plus sigs.k8s.io/yaml's value for an untagged plain scalar; FAIL for a non-finite float. */
function plainValue(s: string): Value | typeof FAIL {
  if (hintOf(s) === 0) return s;
  const r = resolve('', s);
  switch (r.kind) {
    case R.NULL:
      return null;
    case R.BOOL:
      return r.value as boolean;
    case R.INT:
      return goInt(r.value as number | bigint);
    case R.UINT:
      return new GoInt(r.value as bigint, 'uint64');
    case R.FLOAT:
      return Number.isFinite(r.value as number) ? (r.value as number) : FAIL;
    case R.TIMESTAMP:
      return s;
    case R.STR:
      return r.value as string;
  }
  return FAIL;
}

/** A key's string, or undefined where the decoder would convert or reject it. */
function keyText(k: string): string | undefined {
  // go-yaml gives up on a simple key 1024 characters before its `:`.
  if (k.length > 1000) return undefined;
  const c = k.charCodeAt(0);
  if (c === 34) return k.slice(1, -1);
  if (c === 39) return k.slice(1, -1).replaceAll("''", "'");
  if (hintOf(k) === 0) return k;
  const r = resolve('', k);
  return r.kind === R.STR || r.kind === R.TIMESTAMP ? k : undefined;
}

/** A value's Value, FAIL where the fast path must give up (non-finite floats, block scalars, flow). */
function scalarValue(v: string): Value | typeof FAIL {
  const c = v.charCodeAt(0);
  if (c === 34) return v.slice(1, -1);
  if (c === 39) return v.slice(1, -1).replaceAll("''", "'");
  if (c === 123 || c === 91 || c === 124 || c === 62) return FAIL;
  return plainValue(v);
}

function fieldLevel(level: Level, lower: string): boolean {
  if (level === 0) return lower === 'apiversion' || lower === 'kind' || lower === 'metadata';
  if (level === 1) return lower === 'name' || lower === 'namespace' || lower === 'annotations';
  return level === 2;
}

/**
 * The SimpleHead-relevant skeleton of a plainly simple manifest (a map), or undefined when the document needs the
 * full parser. Never wrong where it answers: anything unusual declines.
 */
export function fastManifestSkeleton(doc: string): GoMap | undefined {
  if (UNSAFE.test(doc)) return undefined;
  const root: GoMap = new Map();
  const stack: Open[] = [];
  // The key (or root) whose value may still open a nested collection: its column, and where a value would go.
  let pendCol = -1; // -1: none; the root is pending before the first line
  let pendRoot = true;
  let pendInto: GoMap | null = null;
  let pendKey = '';
  let pendLevel: Level = -1;
  const n = doc.length;
  let pos = 0;
  while (pos < n) {
    SPACES.lastIndex = pos;
    SPACES.exec(doc);
    const at = SPACES.lastIndex;
    const indent = at - pos;
    const c = at < n ? doc.charCodeAt(at) : 10;
    if (c === 10 || c === 35) {
      // Blank or comment line.
      const nl = doc.indexOf('\n', at);
      pos = nl < 0 ? n : nl + 1;
      continue;
    }
    LINE.lastIndex = at;
    const m = LINE.exec(doc);
    if (m === null) return undefined;
    pos = LINE.lastIndex;
    const dash = m[1] !== undefined;
    const key = m[2];
    const val = m[3];
    if (!dash && key === undefined) return undefined; // a bare scalar
    if (dash && key === undefined && val === undefined) return undefined;

    // Find the collection this line belongs to.
    let top: Open | undefined;
    if (pendRoot) {
      if (dash) return undefined; // only a map root has a head
      top = { indent, kind: MAP, indentless: false, into: root, level: 0 };
      stack.push(top);
      pendRoot = false;
    } else if (pendCol >= 0 && (indent > pendCol || (indent === pendCol && dash))) {
      // The pending key's value is a nested collection.
      let into: GoMap | null = null;
      let level: Level = -1;
      if (pendInto !== null && fieldLevel(pendLevel, pendKey.toLowerCase())) {
        const lower = pendKey.toLowerCase();
        if (dash || pendLevel === 2 || (pendLevel === 0 ? lower !== 'metadata' : lower !== 'annotations')) {
          return undefined;
        }
        into = new Map();
        level = (pendLevel + 1) as Level;
        pendInto.set(pendKey, into);
      }
      top = { indent, kind: dash ? SEQ : MAP, indentless: indent === pendCol, into, level };
      stack.push(top);
      if (stack.length > 100) return undefined;
    } else {
      top = stack[stack.length - 1];
      while (top !== undefined && (top.indent > indent || (top.indentless && top.indent === indent && !dash))) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      if (top === undefined || top.indent !== indent || (top.kind === SEQ) !== dash) return undefined;
    }
    pendCol = -1;

    // A `- key: value` item opens a map at the key's column.
    let map: Open = top;
    if (dash && key !== undefined) {
      map = { indent: indent + m[0].indexOf(key, 1), kind: MAP, indentless: false, into: null, level: -1 };
      stack.push(map);
    }

    let into: GoMap | null = null;
    let text = '';
    let level: Level = -1;
    if (key !== undefined) {
      const k = keyText(key);
      if (k === undefined) return undefined;
      if (map.into !== null && fieldLevel(map.level, k.toLowerCase())) {
        into = map.into;
        text = k;
        level = map.level;
      }
    }

    if (val === undefined) {
      // `key:` alone: null unless the next line opens a collection.
      if (into !== null) into.set(text, null);
      pendCol = map.indent;
      pendInto = into;
      pendKey = text;
      pendLevel = level;
      continue;
    }
    const v0 = val.charCodeAt(0);
    if (v0 === 124 || v0 === 62) {
      if (into !== null) return undefined;
      // A block scalar: its content is every following line more indented than its first non-blank line,
      // which must be deeper than the key's (or dash's) column.
      const owner = key !== undefined ? map.indent : indent;
      let contentIndent = -1;
      let blankMax = 0;
      while (pos < n) {
        SPACES.lastIndex = pos;
        SPACES.exec(doc);
        const e = SPACES.lastIndex;
        const sp = e - pos;
        if (e >= n || doc.charCodeAt(e) === 10) {
          if (contentIndent < 0 && sp > blankMax) blankMax = sp;
          pos = e >= n ? n : e + 1;
          continue;
        }
        if (contentIndent < 0) {
          if (sp <= owner || blankMax > sp) return undefined;
          contentIndent = sp;
        } else if (sp < contentIndent) {
          break;
        }
        const nl = doc.indexOf('\n', e);
        pos = nl < 0 ? n : nl + 1;
      }
      if (contentIndent < 0) return undefined;
      continue;
    }
    if (v0 === 123 || v0 === 91) {
      // `{}` or `[]`.
      if (into !== null) {
        const lower = text.toLowerCase();
        const nests = level === 0 ? lower === 'metadata' : level === 1 && lower === 'annotations';
        if (!nests || v0 === 91) return undefined;
        into.set(text, new Map());
      }
      continue;
    }
    const v = scalarValue(val);
    if (v === FAIL) return undefined;
    if (into !== null) into.set(text, v);
  }
  if (pendRoot) return undefined;
  return root;
}
