// The YAML store. Files are read with the `yaml` package's Document API and written back through the same
// Documents, so key order, comments and layout survive; only the scalars sops encrypts (and the comments) change.
// Scalars are typed as go-yaml v3 types them, which is what sops's MAC hashes.

import {
  Document,
  isAlias,
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
import { SopsFormatError } from '../errors.ts';
import { formatRfc3339Nano } from '../gotext.ts';
import type { Plain, PlainMap } from '../metadata.ts';
import {
  Comment,
  Leaf,
  type MapEntry,
  SopsList,
  SopsMap,
  type Scalar as SopsScalar,
  SopsTime,
  type TreeValue,
} from '../tree.ts';
import { MERGE, needsQuotes, resolvePlain, resolveTagged } from './yaml-scalar.ts';

const METADATA_KEY = 'sops';
const DEFAULT_INDENT = 4;

/** One comment field of a node (`commentBefore` or `comment`), split into lines; each line is one sops comment. */
class CommentField {
  readonly lines: string[];
  readonly comments: (Comment | undefined)[] = [];
  constructor(
    readonly node: { commentBefore?: string | null; comment?: string | null },
    readonly field: 'commentBefore' | 'comment',
  ) {
    this.lines = (node[field] ?? '').split('\n');
  }
  writeBack(): void {
    this.node[this.field] = this.lines.map((l, i) => this.comments[i]?.value ?? l).join('\n');
  }
}

/** A YAML file loaded for sops: its Documents and the tree built over them. */
export class YamlSource {
  readonly fields: CommentField[] = [];
  /** Branch paths of comments, for trying the placements sops may have chosen. */
  readonly commentPaths = new Map<Comment, string[][]>();
  /** Leaf values as loaded: leaves left unchanged keep their node (and its style) untouched. */
  readonly loaded = new WeakMap<Leaf, SopsScalar>();
  constructor(readonly documents: Document.Parsed[]) {}
}

export interface YamlLoaded {
  readonly docs: SopsMap[];
  readonly metadata: Plain | undefined;
  readonly source: YamlSource;
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** The value go-yaml v3 decodes a scalar node to. */
function scalarValue(node: Scalar): SopsScalar | typeof MERGE {
  const src = typeof (node as Scalar.Parsed).source === 'string' ? (node as Scalar.Parsed).source : String(node.value);
  const tag = node.tag ? shortTag(node.tag) : '';
  const quoted = node.type !== undefined && node.type !== Scalar.PLAIN;
  if (tag && tag !== '!') {
    const v = resolveTagged(tag, src);
    return v === undefined ? src : v;
  }
  if (quoted || tag === '!') return src;
  return resolvePlain(src);
}

/** The branch paths at the end of a value: where sops may have put a comment that follows it. */
function tailPaths(v: TreeValue, path: string[]): string[][] {
  if (v instanceof Leaf) return [];
  const out = [path];
  for (let i = v.items.length - 1; i >= 0; i--) {
    const it = v.items[i];
    if (it instanceof Comment) continue;
    if (v instanceof SopsMap) out.push(...tailPaths((it as MapEntry).value, [...path, (it as MapEntry).key]));
    else out.push(...tailPaths(it as TreeValue, path));
    break;
  }
  return out;
}

class Builder {
  constructor(
    private readonly source: YamlSource,
    private readonly doc: Document.Parsed,
  ) {}

  private comments(
    node: { commentBefore?: string | null; comment?: string | null },
    field: 'commentBefore' | 'comment',
    inline: boolean,
    out: Array<Comment | MapEntry | TreeValue>,
    extra?: string[][],
  ): void {
    if (!node[field]) return;
    const f = new CommentField(node, field);
    this.source.fields.push(f);
    f.lines.forEach((line, i) => {
      if (line === '') return; // sops skips blank comment lines
      const c = new Comment(line, inline, f);
      f.comments[i] = c;
      if (extra?.length) this.source.commentPaths.set(c, extra);
      out.push(c);
    });
  }

  private deref(node: unknown): unknown {
    if (!isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (!target) throw new SopsFormatError(`YAML alias *${node.source} has no anchor`);
    const copy = (target as Node).clone() as Node & { anchor?: string };
    copy.anchor = undefined;
    return copy;
  }

  value(raw: unknown, path: string[]): TreeValue {
    const node = this.deref(raw);
    if (node === null || node === undefined) return new Leaf(null);
    if (isMap(node)) return this.map(node, path, true);
    if (isSeq(node)) return this.seq(node, path);
    if (isScalar(node)) {
      const v = scalarValue(node);
      const leaf = new Leaf(v === MERGE ? '<<' : v, node);
      this.source.loaded.set(leaf, leaf.value);
      return leaf;
    }
    throw new SopsFormatError('unsupported YAML node');
  }

  map(m: YAMLMap, path: string[], ownComments: boolean): SopsMap {
    const out = new SopsMap();
    if (ownComments) this.comments(m, 'commentBefore', false, out.items);
    let prev: MapEntry | undefined;
    for (let i = 0; i < m.items.length; i++) {
      const pair = m.items[i] as Pair<unknown, unknown>;
      const extra = prev ? tailPaths(prev.value, [...path, prev.key]) : undefined;
      const keyNode = this.deref(pair.key);
      if (keyNode !== pair.key) pair.key = keyNode;
      let key: unknown = keyNode;
      if (isScalar(keyNode)) {
        this.comments(keyNode, 'commentBefore', false, out.items, extra);
        this.comments(keyNode, 'comment', false, out.items, extra);
        const k = scalarValue(keyNode);
        key = k === MERGE ? '<<' : k;
      }
      if (typeof key !== 'string') {
        throw new SopsFormatError(
          `YAML key ${isScalar(keyNode) ? `'${String(keyNode.value)}'` : '(a collection)'} at ` +
            `'${path.join('.') || '(root)'}' is not a string; sops supports string keys only`,
        );
      }
      const valueNode = this.deref(pair.value);
      if (valueNode !== pair.value) pair.value = valueNode as Node;
      if (isScalar(valueNode)) {
        this.comments(valueNode, 'commentBefore', false, out.items, extra);
        this.comments(valueNode, 'comment', true, out.items);
      }
      prev = { key, value: this.value(valueNode, [...path, key]) };
      out.items.push(prev);
    }
    if (ownComments) this.comments(m, 'comment', false, out.items, prev && tailPaths(prev.value, [...path, prev.key]));
    return out;
  }

  seq(s: YAMLSeq, path: string[]): SopsList {
    const out = new SopsList();
    this.comments(s, 'commentBefore', false, out.items);
    for (let i = 0; i < s.items.length; i++) {
      const item = this.deref(s.items[i]);
      if (item !== s.items[i]) s.items[i] = item;
      if (isScalar(item)) {
        this.comments(item, 'commentBefore', false, out.items);
        this.comments(item, 'comment', true, out.items);
      }
      out.items.push(this.value(item, path));
    }
    this.comments(s, 'comment', false, out.items);
    return out;
  }

  document(): SopsMap {
    const contents = this.doc.contents;
    const pre: Array<Comment | MapEntry | TreeValue> = [];
    this.comments(this.doc, 'commentBefore', false, pre);
    let root: SopsMap;
    if (contents === null || (isScalar(contents) && contents.value === null)) root = new SopsMap();
    else if (isMap(contents)) root = this.map(contents, [], true);
    else if (isSeq(contents)) throw new SopsFormatError('YAML documents that are sequences are not supported');
    else throw new SopsFormatError('YAML documents that are values are not supported');
    root.items.unshift(...(pre as Comment[]));
    this.comments(this.doc, 'comment', false, root.items);
    return root;
  }
}

/** Converts a YAML node to plain data (for the metadata block). */
function toPlainNode(node: unknown): Plain {
  if (isMap(node)) {
    const out: PlainMap = {};
    for (const p of node.items) out[String(toPlainNode(p.key))] = toPlainNode(p.value);
    return out;
  }
  if (isSeq(node)) return node.items.map(toPlainNode);
  if (isScalar(node)) {
    const v = scalarValue(node);
    if (v === MERGE) return '<<';
    if (v instanceof SopsTime) return (node as Scalar.Parsed).source ?? formatRfc3339Nano(v.time);
    if (v instanceof Uint8Array) return Buffer.from(v).toString();
    return v;
  }
  return null;
}

/** Parses a YAML file (all its documents) and takes out the `sops` metadata of the first. */
export function loadYaml(text: string): YamlLoaded {
  const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const d of documents) {
    if (d.errors.length > 0) throw new SopsFormatError(`invalid YAML: ${d.errors[0].message}`);
  }
  const source = new YamlSource(documents);
  let metadata: Plain | undefined;
  const docs = documents.map((d, i) => {
    if (isMap(d.contents)) {
      const at = d.contents.items.findIndex((p) => isScalar(p.key) && p.key.value === METADATA_KEY);
      if (at >= 0) {
        if (i === 0) metadata = toPlainNode(d.contents.items[at].value);
        d.contents.items.splice(at, 1);
      }
    }
    return new Builder(source, d).document();
  });
  return { docs, metadata, source };
}

/** Sets a scalar node to a value, in the style go-yaml v3 would write it. */
function setScalar(node: Scalar, v: SopsScalar): void {
  node.tag = undefined;
  node.format = undefined;
  node.minFractionDigits = undefined;
  if (typeof v === 'string' || v instanceof Uint8Array || v instanceof SopsTime) {
    const s = typeof v === 'string' ? v : v instanceof SopsTime ? formatRfc3339Nano(v.time) : Buffer.from(v).toString();
    node.value = s;
    if (v instanceof SopsTime) node.type = Scalar.PLAIN;
    else if (s.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    else node.type = needsQuotes(s) ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
    return;
  }
  node.type = Scalar.PLAIN;
  node.value = typeof v === 'bigint' && Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

/** A metadata block as YAML nodes: multi-line strings (the wrapped keys) as literal blocks. */
function metadataNode(doc: Document, md: PlainMap): Node {
  const node = doc.createNode(md) as Node;
  const style = (n: unknown) => {
    if (isMap(n)) for (const p of n.items) style(p.value);
    else if (isSeq(n)) for (const i of n.items) style(i);
    else if (isScalar(n) && typeof n.value === 'string') setScalar(n, n.value);
  };
  style(node);
  return node;
}

export interface YamlEmitOptions {
  readonly indent?: number;
}

function stringify(documents: Document[], opts: YamlEmitOptions): string {
  const indent = opts.indent && opts.indent > 0 ? opts.indent : DEFAULT_INDENT;
  return documents
    .map((d, i) => {
      const s = d.toString({ indent, indentSeq: true, lineWidth: 0, minContentWidth: 0 });
      return i > 0 && !s.startsWith('---') ? `---\n${s}` : s;
    })
    .join('');
}

/** Writes the (encrypted or decrypted) tree back into its Documents, with `metadata` added when given. */
export function emitYamlSource(loaded: YamlLoaded, metadata: PlainMap | undefined, opts: YamlEmitOptions = {}): string {
  const setLeaves = (v: TreeValue) => {
    if (v instanceof Leaf) {
      const changed = loaded.source.loaded.get(v) !== v.value;
      if (v.ref instanceof Scalar && v.value !== null && changed) setScalar(v.ref, v.value);
    } else for (const it of v.items) if (!(it instanceof Comment)) setLeaves('key' in it ? it.value : it);
  };
  for (const d of loaded.docs) setLeaves(d);
  for (const f of loaded.source.fields) f.writeBack();
  const documents = loaded.source.documents;
  if (metadata) {
    for (const d of documents) {
      if (!isMap(d.contents)) d.contents = d.createNode({}) as never;
      (d.contents as YAMLMap).add(d.createPair(METADATA_KEY, metadataNode(d, metadata)));
    }
  }
  return stringify(documents, opts);
}

function buildNode(doc: Document, v: TreeValue): Node {
  if (v instanceof Leaf) {
    const s = new Scalar<unknown>(null);
    if (v.value !== null) setScalar(s, v.value);
    return s;
  }
  const isMapping = v instanceof SopsMap;
  const coll = doc.createNode(isMapping ? {} : []) as YAMLMap | YAMLSeq;
  let pending: string[] = [];
  for (const it of v.items) {
    if (it instanceof Comment) {
      pending.push(it.value);
      continue;
    }
    const entry = isMapping ? (it as MapEntry) : undefined;
    const child = buildNode(doc, entry ? entry.value : (it as TreeValue));
    const holder = entry ? new Scalar(entry.key) : child;
    if (pending.length) holder.commentBefore = pending.join('\n');
    pending = [];
    if (entry) (coll as YAMLMap).add(doc.createPair(holder, child));
    else (coll as YAMLSeq).add(child);
  }
  if (pending.length) coll.comment = pending.join('\n');
  return coll;
}

/** Writes a tree that came from another format as YAML. */
export function emitYamlTree(docs: readonly SopsMap[], metadata: PlainMap | undefined, opts: YamlEmitOptions = {}) {
  const documents = docs.map((m) => {
    const d = new Document();
    d.contents = buildNode(d, m) as never;
    if (metadata) (d.contents as unknown as YAMLMap).add(d.createPair(METADATA_KEY, metadataNode(d, metadata)));
    return d;
  });
  return stringify(documents, opts);
}

/** A single value (map, list or scalar) as a YAML document. */
export function emitYamlValue(v: TreeValue, opts: YamlEmitOptions = {}): string {
  const d = new Document();
  d.contents = buildNode(d, v) as never;
  return stringify([d], opts);
}
