// A line-by-line composer for plainly simple block YAML (values files, Chart.yaml, manifests, fromYaml's `{}`): the
// node tree composeFirstDocument would build, from one sticky RegExp per line instead of the scanner's tokens, the
// parser's events and the composer's calls (about 10K interpreted instructions per token while the code is cold).
//
// It reads the lines manifest-fast.ts reads (`key: value`, `- item`, `- key: value`, nested block maps and
// sequences by indentation, indentless sequences, quoted scalars without escapes, comments), plus one-line flow
// sequences of simple items, `{ }`, and a bare value as the whole document. Block scalars and plain scalars
// continued on deeper lines are handed to the scanner's own scanBlockScalar/scanPlainScalar. In that subset go-yaml
// v2 cannot fail. Anything else (anchors, aliases, tags, other flow content, multi-line quoted scalars, complex
// keys, directives, document markers, tabs, CR, control characters, an indentation matching no open block)
// declines: the caller then composes the whole text the careful way, so values, key order, node lines and error
// messages stay exactly as before.

import { N, type Node } from './compose.ts';
import { LINE, UNSAFE } from './manifest-fast.ts';
import { CharReader } from './scan-reader.ts';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scan-scalars.ts';
import { STYLE } from './tokens.ts';

const SPACES = / */y;

// An item of a one-line flow sequence: a plain scalar without `:`, `#`, `?` or flow indicators, or a quoted
// scalar without escapes.
const FLOW_ITEM = String.raw`(?:[^\s\-?:,[\]{}#&*!|>'"%@\`][^\s:,?[\]{}#]*(?: +[^\s:,?[\]{}#]+)*|"[^"\\\n]*"|'(?:[^'\n]|'')*')`;
// A one-line double-quoted scalar, escapes allowed (they are decoded by the scanner's own routine).
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\n]|\\[^\n])*"`;
// LINE, with a lone `-` (its item on the lines below), escapes in double-quoted keys and values, one-line flow
// sequences of such items where it reads only `[]`, and `{ }` with blanks.
const FAST_LINE = new RegExp(
  [
    ['(?:(-) +)?', String.raw`(?:(-)(?: +|(?=\n|$)))?`],
    [String.raw`"[^"\\\n]*"`, DOUBLE_QUOTED],
    [String.raw`|\{\}|\[\]|`, String.raw`|\{ *\}|\[ *(?:${FLOW_ITEM} *(?:, *${FLOW_ITEM} *)*(?:, *)?)?\]|`],
  ].reduce((source, [from, to]) => {
    if (!source.includes(from)) throw new Error(`compose-fast: LINE changed shape (no ${from})`);
    return source.replaceAll(from, to);
  }, LINE.source),
  'y',
);
// The items of a flow sequence matched by FAST_LINE, in order.
const FLOW_ITEMS = /"[^"\\\n]*"|'(?:[^'\n]|'')*'|[^\s,[\]]+(?: +[^\s,[\]]+)*/g;
// `---` or `...` and a blank: a document marker where it starts a line, not a plain scalar.
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?: |$)/;
// What may follow a plain scalar the scanner ended inside a line: blanks and a comment.
const REST = / *(?:#[^\n]*)?(?:\n|$)/y;

interface Open {
  /** Column of the collection's keys or dashes. */
  indent: number;
  node: Node;
  seq: boolean;
  /** A sequence at the column of its parent's keys: it ends at the next key of that map. */
  indentless: boolean;
}

function newNode(kind: number, line: number, value: string, implicit: boolean, style: number): Node {
  return { kind, line, tag: '', value, implicit, style, children: [], alias: null };
}

/** Thrown where the text turns out not to be plainly simple after all; composeFast then declines. */
const DECLINE = { decline: true };

/** A scalar node for the text of a key or value matched by FAST_LINE (plain, or quoted on one line). */
function scalarNode(text: string, line: number): Node {
  const c = text.charCodeAt(0);
  if (c === 34) {
    const inner = text.slice(1, -1);
    return newNode(N.SCALAR, line, inner.includes('\\') ? unescapeDouble(text) : inner, false, STYLE.DOUBLE);
  }
  if (c === 39) return newNode(N.SCALAR, line, text.slice(1, -1).replaceAll("''", "'"), false, STYLE.SINGLE);
  return newNode(N.SCALAR, line, text, true, STYLE.PLAIN);
}

/** A one-line double-quoted scalar with escapes, decoded by the scanner; an escape it rejects declines. */
function unescapeDouble(quoted: string): string {
  const r = new CharReader(quoted);
  let value: string;
  try {
    value = scanFlowScalar(r, false).value;
  } catch {
    throw DECLINE; // the careful path reports the error where the text has it
  }
  if (r.pos !== quoted.length) throw DECLINE;
  return value;
}

/** The node of a value matched by FAST_LINE other than a block scalar: `{}`, a one-line flow sequence, a scalar. */
function valueNode(val: string, line: number): Node {
  const c = val.charCodeAt(0);
  if (c === 123) return newNode(N.MAPPING, line, '', true, 0);
  if (c !== 91) return scalarNode(val, line);
  const seq = newNode(N.SEQUENCE, line, '', true, 0);
  FLOW_ITEMS.lastIndex = 1;
  for (let f = FLOW_ITEMS.exec(val); f !== null; f = FLOW_ITEMS.exec(val)) seq.children.push(scalarNode(f[0], line));
  return seq;
}

/**
 * The document node of text as composeFirstDocument returns it, null for a document without content, or
 * undefined when the text is not plainly simple (then only the full composer gives the right answer or error).
 */
export function composeFast(text: string): Node | null | undefined {
  try {
    return composeLines(text);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

function composeLines(text: string): Node | null | undefined {
  if (UNSAFE.test(text)) return undefined;
  const n = text.length;
  const stack: Open[] = [];
  let doc: Node | null = null;
  // A `key:` (or a `-`) without a value: the map (or sequence) whose value it awaits, the key's (or dash's)
  // column and line.
  let pendMap: Node | null = null;
  let pendCol = -1;
  let pendLine = 0;
  let pendSeq = false;
  let reader: CharReader | null = null;
  // The plain scalar ending the previous content line (a deeper line continues it): its node, where it starts,
  // the indentation of its block.
  let plain: Node | null = null;
  let plainFrom = 0;
  let plainIndent = 0;
  let pos = 0;
  let line = 0;
  while (pos < n) {
    SPACES.lastIndex = pos;
    SPACES.test(text);
    const at = SPACES.lastIndex;
    const indent = at - pos;
    const c = at < n ? text.charCodeAt(at) : 10;
    if (c === 10 || c === 35) {
      // Blank or comment line (a comment ends a plain scalar).
      if (c === 35) plain = null;
      const nl = text.indexOf('\n', at);
      pos = nl < 0 ? n : nl + 1;
      line++;
      continue;
    }
    if (plain !== null && indent > plainIndent) {
      // A multi-line plain scalar: the scanner's own reading from its start, with the line's block indentation.
      if (reader === null) reader = new CharReader(text);
      const lineStart = text.lastIndexOf('\n', plainFrom - 1) + 1;
      reader.pos = plainFrom;
      reader.index = plainFrom;
      reader.column = plainFrom - lineStart;
      reader.line = plain.line;
      let value: string;
      try {
        value = scanPlainScalar(reader, plainIndent, 0).token.value;
      } catch {
        return undefined;
      }
      // The scanner must have read on to this line at least.
      if (reader.pos <= at) return undefined;
      plain.value = value;
      plain = null;
      // Go on at the line where it ended: from its start when only indentation precedes the end, else after a
      // comment ending the line; a `:` there would make the scalar a key (an error), which only the scanner tells.
      const end = reader.pos;
      const from = text.lastIndexOf('\n', end - 1) + 1;
      SPACES.lastIndex = from;
      SPACES.test(text);
      if (SPACES.lastIndex >= end) {
        pos = from;
        line = reader.line;
        continue;
      }
      REST.lastIndex = end;
      if (!REST.test(text)) return undefined;
      pos = REST.lastIndex;
      line = reader.line + 1;
      continue;
    }
    plain = null;
    FAST_LINE.lastIndex = at;
    const m = FAST_LINE.exec(text);
    if (m === null) return undefined;
    pos = FAST_LINE.lastIndex;
    const dash = m[1] !== undefined;
    const key = m[2];
    const val = m[3];
    if (key === undefined && !dash) {
      // A bare value: the whole document (`{}`, `null`: fromYaml's usual input), or on a deeper line the value of
      // a `key:` (toYaml's `{}` under nindent), or a plain scalar's first line.
      if (val === undefined || DOCUMENT_MARKER.test(val)) return undefined;
      const v0 = val.charCodeAt(0);
      if (v0 === 124 || v0 === 62) return undefined;
      const node = valueNode(val, line);
      if (doc === null) {
        doc = newNode(N.DOCUMENT, line, '', false, 0);
        doc.children.push(node);
        plainIndent = -1;
      } else if (pendMap !== null && indent > pendCol) {
        pendMap.children.push(node);
        pendMap = null;
        plainIndent = pendCol;
      } else {
        return undefined;
      }
      if (node.kind === N.SCALAR && node.style === STYLE.PLAIN) {
        plain = node;
        plainFrom = at;
      }
      line++;
      continue;
    }

    // The collection this line belongs to.
    let top: Open | undefined;
    if (doc === null) {
      top = { indent, node: newNode(dash ? N.SEQUENCE : N.MAPPING, line, '', true, 0), seq: dash, indentless: false };
      doc = newNode(N.DOCUMENT, line, '', false, 0);
      doc.children.push(top.node);
      stack.push(top);
    } else if (pendMap !== null && (indent > pendCol || (indent === pendCol && dash && !pendSeq))) {
      // The pending key's value is a nested collection.
      const node = newNode(dash ? N.SEQUENCE : N.MAPPING, line, '', true, 0);
      pendMap.children.push(node);
      top = { indent, node, seq: dash, indentless: indent === pendCol };
      stack.push(top);
      if (stack.length > 1000) return undefined;
    } else {
      if (pendMap !== null) pendMap.children.push(newNode(N.SCALAR, pendLine, '', true, STYLE.PLAIN));
      top = stack[stack.length - 1];
      while (top !== undefined && (top.indent > indent || (top.indentless && top.indent === indent && !dash))) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      if (top === undefined || top.indent !== indent || top.seq !== dash) return undefined;
    }
    pendMap = null;

    // Where the key starts in the line, after the dash; where the value may start (only spaces and `:` between).
    const keyAt = key === undefined ? 0 : dash ? m[0].indexOf(key, 1) : 0;
    const valFrom = at + (key === undefined ? 1 : keyAt + key.length);
    // A `- key: value` item opens a map at the key's column.
    let map = top;
    if (dash && key !== undefined) {
      const node = newNode(N.MAPPING, line, '', true, 0);
      top.node.children.push(node);
      map = { indent: indent + keyAt, node, seq: false, indentless: false };
      stack.push(map);
    }
    if (key !== undefined) {
      // go-yaml gives up on a simple key 1024 characters before its `:`.
      if (key.length > 1000) return undefined;
      map.node.children.push(scalarNode(key, line));
    }

    if (val === undefined) {
      // A `key:` or a lone `-`: the value, if any, is on the lines below (a dash at the key's column included).
      pendMap = map.node;
      pendCol = map.indent;
      pendLine = line;
      pendSeq = key === undefined;
      line++;
      continue;
    }
    const v0 = val.charCodeAt(0);
    if (v0 === 124 || v0 === 62) {
      // A block scalar: the scanner's own reading, from its indicator, under the innermost block's indentation.
      if (reader === null) reader = new CharReader(text);
      // Only spaces and `:` lie between the key (or dash) and the indicator.
      const from = text.indexOf(val, valFrom);
      const lineStart = text.lastIndexOf('\n', from - 1) + 1;
      reader.pos = from;
      reader.index = from;
      reader.column = from - lineStart;
      reader.line = line;
      let token: ReturnType<typeof scanBlockScalar>;
      try {
        token = scanBlockScalar(reader, v0 === 124, map.indent);
      } catch {
        return undefined;
      }
      map.node.children.push(newNode(N.SCALAR, line, token.value, false, token.style));
      // Go on from the start of the line where the scalar ended (always a later line).
      if (reader.pos < n && reader.line <= line) return undefined;
      pos = reader.pos >= n ? n : text.lastIndexOf('\n', reader.pos - 1) + 1;
      line = reader.line;
      continue;
    }
    const node = valueNode(val, line);
    map.node.children.push(node);
    if (node.kind === N.SCALAR && node.style === STYLE.PLAIN) {
      plain = node;
      plainFrom = text.indexOf(val, valFrom);
      plainIndent = map.indent;
    }
    line++;
  }
  if (pendMap !== null) pendMap.children.push(newNode(N.SCALAR, pendLine, '', true, STYLE.PLAIN));
  return doc;
}
