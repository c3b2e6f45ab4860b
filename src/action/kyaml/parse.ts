// YAML documents into go-yaml v3 nodes (what kio.ParseAll decodes), through the `yaml` package: values and
// styles as written, anchors, aliases, explicit tags, and comments placed as v3 places them where the two
// models agree (a comment before a key is the key's head comment, one after a value on its line is the
// value's line comment, comments closing a collection are its foot comment).
import {
  Alias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseAllDocuments,
  Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { DOUBLE_QUOTED, FLOW, FOLDED, LITERAL, SINGLE_QUOTED, TAGGED, type YNode } from './node.ts';

export class KyamlParseError extends Error {
  override name = 'KyamlParseError';
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function comment(c: string | null | undefined): string {
  if (!c) return '';
  return c
    .split('\n')
    .map((l) => (l === '' ? '' : `#${l}`))
    .join('\n');
}

function base(kind: YNode['kind']): YNode {
  return { kind, style: 0, tag: '', value: '', anchor: '', content: [], head: '', line: '', foot: '' };
}

/** Offsets and text of the source being converted, to place comments by their columns. */
let source = '';

function lineStart(offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The comment block right above the node starting at `offset` (contiguous comment lines at the node's column),
 * or undefined. v3 makes such a block the node's head comment even when the `yaml` package has given it to
 * the previous sibling's collection (a compact sequence ends at the same column).
 */
function commentAbove(offset: number): string | undefined {
  const start = lineStart(offset);
  const column = offset - start;
  const lines: string[] = [];
  let end = start - 1;
  while (end > 0) {
    const ls = lineStart(end);
    const line = source.slice(ls, end);
    const m = /^( *)#(.*)$/.exec(line);
    if (!m || m[1].length !== column) break;
    lines.unshift(m[2]);
    end = ls - 1;
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** Moves a trailing comment of `prev` (the `yaml` package's attribution) to `next` when it sits above `next`. */
function moveTrailing(prev: Node | null | undefined, next: Node | null | undefined): void {
  if (!prev || !next || !(isMap(prev) || isSeq(prev))) return;
  const coll = prev as YAMLMap | YAMLSeq;
  const range = (next as { range?: [number, number, number] }).range;
  if (!coll.comment || !range) return;
  const above = commentAbove(range[0]);
  if (above === undefined || above !== coll.comment) return;
  const n = next as { commentBefore?: string | null };
  n.commentBefore = n.commentBefore ? `${above}\n${n.commentBefore}` : above;
  coll.comment = null;
}

/** `yaml` keeps a clipped block scalar's final line break even when the text ends without one; libyaml does not. */
function clipAtEnd(s: Scalar, value: string): string {
  const range = (s as { range?: [number, number, number] }).range;
  if (!range || !value.endsWith('\n')) return value;
  if (source[range[1] - 1] === '\n') return value;
  const header = /^[|>][0-9]?[-+]?[0-9]?/.exec(source.slice(range[0]))?.[0] ?? '';
  return header.includes('+') || header.includes('-') ? value : value.slice(0, -1);
}

function convert(n: Node | null | undefined): YNode {
  if (n === null || n === undefined) return base('scalar');
  let out: YNode;
  if (n instanceof Alias) {
    out = base('alias');
    out.value = n.source;
  } else if (isScalar(n)) {
    out = base('scalar');
    const s = n as Scalar;
    out.value = s.value === null || s.value === undefined ? '' : String(s.value);
    if (s.type === Scalar.BLOCK_LITERAL || s.type === Scalar.BLOCK_FOLDED) out.value = clipAtEnd(s, out.value);
    switch (s.type) {
      case Scalar.QUOTE_DOUBLE:
        out.style |= DOUBLE_QUOTED;
        break;
      case Scalar.QUOTE_SINGLE:
        out.style |= SINGLE_QUOTED;
        break;
      case Scalar.BLOCK_LITERAL:
        out.style |= LITERAL;
        break;
      case Scalar.BLOCK_FOLDED:
        out.style |= FOLDED;
        break;
    }
    out.line = comment(s.comment);
  } else if (isMap(n)) {
    out = base('mapping');
    const m = n as YAMLMap;
    if (m.flow) out.style |= FLOW;
    const pairs = m.items as Pair[];
    for (let i = 0; i + 1 < pairs.length; i++) moveTrailing(pairs[i].value as Node, pairs[i + 1].key as Node);
    for (const item of pairs) {
      const k = convert(item.key as Node);
      const v = convert(item.value as Node);
      out.content.push(k, v);
    }
    out.foot = comment(m.comment);
  } else if (isSeq(n)) {
    out = base('sequence');
    const q = n as YAMLSeq;
    if (q.flow) out.style |= FLOW;
    for (let i = 0; i + 1 < q.items.length; i++) moveTrailing(q.items[i] as Node, q.items[i + 1] as Node);
    for (const item of q.items) out.content.push(convert(item as Node));
    out.foot = comment(q.comment);
  } else {
    out = base('scalar');
  }
  const meta = n as { anchor?: string; tag?: string; commentBefore?: string | null };
  if (meta.anchor) out.anchor = meta.anchor;
  if (meta.tag && !(n instanceof Alias)) {
    out.tag = shortTag(meta.tag);
    out.style |= TAGGED;
  }
  out.head = comment(meta.commentBefore);
  return out;
}

/** The documents of a text that v3's Decoder would read one by one (kio splits them first). */
export function parseDocument(text: string): YNode | undefined {
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, strict: false, prettyErrors: false });
  if (!Array.isArray(docs)) return undefined;
  if (docs.length === 0) return undefined;
  const d = docs[0];
  if (d.errors.length > 0) throw new KyamlParseError(d.errors[0].message);
  source = text;
  const doc = base('document');
  doc.head = comment(d.commentBefore);
  doc.foot = comment(d.comment);
  if (d.contents !== null && d.contents !== undefined) doc.content.push(convert(d.contents as Node));
  return doc;
}
