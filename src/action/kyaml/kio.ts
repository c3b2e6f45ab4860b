// The parts of sigs.k8s.io/kustomize/kyaml (v0.21) helm 4 uses around its post-renderer: kio.ParseAll (documents
// split at `---` lines, empty ones dropped, a lone List unwrapped into its items), kio.StringAll (documents
// written back by go-yaml v3 with empty annotations and metadata cleared), and the annotation filters.
import { GoCodecError, parseYaml } from '../../goyaml/index.ts';
import { copyNode, encodeDocuments, mappingNode, SINGLE_QUOTED, scalarNode, type YNode } from './node.ts';
import { KyamlParseError, parseDocument } from './parse.ts';

export class KioError extends Error {
  override name = 'KioError';
}

/** The resource node inside a document node. */
function root(doc: YNode): YNode | undefined {
  return doc.kind === 'document' ? doc.content[0] : doc;
}

function field(m: YNode | undefined, name: string): YNode | undefined {
  if (m?.kind !== 'mapping') return undefined;
  for (let i = 0; i + 1 < m.content.length; i += 2) if (m.content[i].value === name) return m.content[i + 1];
  return undefined;
}

function isNullNode(n: YNode | undefined): boolean {
  if (!n) return true;
  return n.kind === 'scalar' && n.tag === '' && !(n.style & 6) && ['', '~', 'null', 'Null', 'NULL'].includes(n.value);
}

/** FieldClearer{Name, IfEmpty}: removes the field (only if its value has no content, with ifEmpty). */
function clearField(m: YNode | undefined, name: string, ifEmpty = false): void {
  if (m?.kind !== 'mapping') return;
  for (let i = 0; i + 1 < m.content.length; i += 2) {
    if (m.content[i].value !== name) continue;
    if (ifEmpty && m.content[i + 1].content.length > 0) return;
    m.content.splice(i, 2);
    return;
  }
}

/** ClearEmptyAnnotations: drops metadata.annotations, then metadata, when empty. */
export function clearEmptyAnnotations(doc: YNode): void {
  const r = root(doc);
  clearField(field(r, 'metadata'), 'annotations', true);
  clearField(r, 'metadata', true);
}

function getOrCreate(m: YNode, name: string): YNode {
  const existing = field(m, name);
  if (existing && !isNullNode(existing)) return existing;
  const created = mappingNode();
  if (existing) {
    for (let i = 0; i + 1 < m.content.length; i += 2) if (m.content[i].value === name) m.content[i + 1] = created;
  } else m.content.push(scalarNode(name), created);
  return created;
}

/** SetAnnotation(key, value): single-quoted, metadata.annotations created at the end when missing. */
export function setAnnotation(doc: YNode, key: string, value: string): void {
  const r = root(doc);
  if (r?.kind !== 'mapping') throw new KioError(`wrong node kind: expected MappingNode but got ${kindName(r)}`);
  clearEmptyAnnotations(doc);
  const annotations = getOrCreate(getOrCreate(r, 'metadata'), 'annotations');
  const v = scalarNode(value, SINGLE_QUOTED);
  for (let i = 0; i + 1 < annotations.content.length; i += 2) {
    if (annotations.content[i].value === key) {
      annotations.content[i + 1] = v;
      return;
    }
  }
  annotations.content.push(scalarNode(key), v);
}

/** ClearAnnotation(key). */
export function clearAnnotation(doc: YNode, key: string): void {
  clearField(field(field(root(doc), 'metadata'), 'annotations'), key);
}

/** The metadata.annotations of a resource (GetMeta's), or throws kyaml's missing-metadata error. */
export function annotations(doc: YNode): Map<string, string> {
  const r = root(doc);
  const out = new Map<string, string>();
  const has = (n: YNode | undefined) =>
    n !== undefined && !(n.kind === 'scalar' && isNullNode(n)) && !isEmptyCollection(n);
  let missing = !(has(field(r, 'apiVersion')) || has(field(r, 'kind')));
  const md = field(r, 'metadata');
  if (has(md)) {
    for (const k of ['name', 'namespace', 'labels']) if (has(field(md, k))) missing = false;
    const ann = field(md, 'annotations');
    if (has(ann) && ann?.kind === 'mapping') {
      missing = false;
      for (let i = 0; i + 1 < ann.content.length; i += 2) out.set(ann.content[i].value, ann.content[i + 1].value);
    }
  }
  if (missing) throw new KioError('missing Resource metadata');
  return out;
}

function isEmptyCollection(n: YNode): boolean {
  return (n.kind === 'mapping' || n.kind === 'sequence') && n.content.length === 0;
}

function kindName(n: YNode | undefined): string {
  if (!n) return '';
  return {
    document: 'DocumentNode',
    sequence: 'SequenceNode',
    mapping: 'MappingNode',
    scalar: 'ScalarNode',
    alias: 'AliasNode',
  }[n.kind];
}

/** kio's splitDocuments: at every line starting with `---`, which may only be followed by a comment. */
function splitDocuments(s: string): string[] {
  const docs: string[] = [];
  const re = /\n---.*\n/g;
  let prev = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const rest = m[0].slice(4).trim();
    if (rest.length > 0 && rest[0] !== '#') throw new KioError(`invalid document separator: ${m[0].trim()}`);
    docs.push(s.slice(prev, m.index));
    prev = m.index + m[0].length;
  }
  docs.push(s.slice(prev));
  return docs;
}

function decode(text: string): YNode | undefined {
  try {
    return parseDocument(text);
  } catch (e) {
    if (!(e instanceof KyamlParseError)) throw e;
    // go-yaml's own wording, where bosun's go-yaml reading fails too.
    try {
      parseYaml(text);
    } catch (g) {
      if (g instanceof GoCodecError) {
        throw new KioError(`MalformedYAMLError: ${g.message.replace(/^error converting YAML to JSON: /, '')}`);
      }
    }
    throw new KioError(`MalformedYAMLError: ${e.message}`);
  }
}

/** kio.ParseAll(text): the resources of a stream. */
export function parseAll(text: string): YNode[] {
  const values = splitDocuments(text.replaceAll('\r\n', '\n'));
  const out: YNode[] = [];
  values.forEach((v, i) => {
    const chunk = i !== values.length - 1 ? `${v}\n` : v;
    const doc = decode(chunk);
    if (!doc || doc.content.length === 0) return;
    const r = root(doc);
    if (isNullNode(r) && r?.kind === 'scalar' && r.tag === '') return;
    const kind = field(r, 'kind')?.value ?? '';
    if (values.length === 1 && (kind === 'List' || kind === 'ResourceList')) {
      const items = field(r, 'items');
      if (items || field(r, 'functionConfig')) {
        for (const item of items?.content ?? []) out.push({ ...doc, head: '', foot: '', content: [item] });
        return;
      }
    }
    out.push(doc);
  });
  return out;
}

/** kio.StringAll(resources): each written by a fresh v3 encoder pass, `---` between documents. */
export function stringAll(docs: readonly YNode[]): string {
  const copies = docs.map(copyNode);
  for (const d of copies) clearEmptyAnnotations(d);
  return encodeDocuments(copies);
}
