// What Helm's manifest sorter reads of each rendered document: releaseutil.SplitManifests, then
// sigs.k8s.io/yaml.Unmarshal into SimpleHead {apiVersion, kind, metadata {name, annotations}}. The target type
// matters: numbers and booleans bound for its string fields become strings, keys match case-insensitively, and a
// value of the wrong shape fails with encoding/json's message.

import { compareStrings } from '../template/gostring.ts';
import { GoInt, type GoMap, type Value } from '../template/value.ts';
import { firstNonFinite } from './decode.ts';
import { GoCodecError } from './errors.ts';
import { formatFloatG } from './gofloat.ts';
import { jsonKind } from './json-decode.ts';
import { fastManifestSkeleton } from './manifest-fast.ts';
import { decodeYamlDocument, goTrimSpace, wrapConvert } from './read.ts';

export interface ManifestHead {
  apiVersion: string;
  kind: string;
  /** Absent when the document has no (or a null) `metadata`. */
  metadata?: {
    name: string;
    namespace: string;
    /** Absent when there is no (or a null) `annotations` map. */
    annotations?: Map<string, string>;
  };
}

// The split regexp of releaseutil: `(?:^|\s*\n)---\s*`, where \s is Go's ASCII class [\t\n\f\r ].
const SEP = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

/** releaseutil.SplitManifests: the documents of a rendered file, trimmed, empty ones dropped, in order. */
export function splitManifests(text: string): string[] {
  const out: string[] = [];
  for (const d of goTrimSpace(text).split(SEP)) {
    if (d === '') continue;
    out.push(goTrimSpace(d));
  }
  return out;
}

function typeError(kind: string, where: string, type: string): GoCodecError {
  return new GoCodecError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into ${where} of type ${type}`,
  );
}

/** sigs.k8s.io/yaml's conversion of a scalar headed for a Go string field; undefined for null. */
function stringField(v: Value, where: string): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'number') return formatFloatG(v, 32);
  throw typeError(jsonKind(v), `Go struct field ${where}`, 'string');
}

/** Keys of m matching name case-insensitively, in the order encoding/json meets them (sorted). */
function fieldValues(m: GoMap, name: string): Value[] {
  const hits: string[] = [];
  for (const k of m.keys()) if (k.length === name.length && k.toLowerCase() === name) hits.push(k);
  if (hits.length > 1) hits.sort(compareStrings);
  return hits.map((k) => m.get(k));
}

const METADATA_TYPE =
  'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

/**
 * Reads the head of one manifest as Helm's sorter does, failing where it fails. The error text follows
 * `YAML parse error on <file>: `. `helm: 3` names the type as helm 3 does (`releaseutil.SimpleHead`).
 */
export function readManifestHead(doc: string, options?: { helm?: 3 | 4 }): ManifestHead {
  let v: Value | undefined = fastManifestSkeleton(doc);
  if (v === undefined) v = fullValue(doc);
  return headOf(v, options);
}

function fullValue(doc: string): Value {
  let v: Value = null;
  try {
    const r = decodeYamlDocument(doc, false);
    v = r.value;
    // Numbers bound for string fields are converted before JSON encoding, so only the others can fail it.
    const e = r.nonFinite ? firstNonFinite(withoutStringFields(v)) : undefined;
    if (e) throw new GoCodecError(e);
  } catch (e) {
    wrapConvert(e);
  }
  return v;
}

function headOf(v: Value, options?: { helm?: 3 | 4 }): ManifestHead {
  const head: ManifestHead = { apiVersion: '', kind: '' };
  if (v === null) return head;
  if (!(v instanceof Map)) {
    const type = options?.helm === 3 ? 'releaseutil.SimpleHead' : 'util.SimpleHead';
    throw typeError(jsonKind(v), 'Go value', type);
  }
  for (const x of fieldValues(v, 'apiversion'))
    head.apiVersion = stringField(x, 'SimpleHead.apiVersion') ?? head.apiVersion;
  for (const x of fieldValues(v, 'kind')) head.kind = stringField(x, 'SimpleHead.kind') ?? head.kind;
  for (const md of fieldValues(v, 'metadata')) {
    if (md === null) {
      head.metadata = undefined;
      continue;
    }
    if (!(md instanceof Map)) throw typeError(jsonKind(md), 'Go struct field SimpleHead.metadata', METADATA_TYPE);
    const meta = head.metadata ?? { name: '', namespace: '' };
    head.metadata = meta;
    for (const x of fieldValues(md, 'name')) meta.name = stringField(x, '.metadata.name') ?? meta.name;
    // SimpleHead has no namespace; read it leniently for callers that want it.
    for (const x of fieldValues(md, 'namespace')) {
      if (typeof x === 'string') meta.namespace = x;
    }
    for (const a of fieldValues(md, 'annotations')) {
      if (a === null) {
        meta.annotations = undefined;
        continue;
      }
      if (!(a instanceof Map)) {
        throw typeError(jsonKind(a), 'Go struct field .metadata.annotations', 'map[string]string');
      }
      const ann = meta.annotations ?? new Map<string, string>();
      meta.annotations = ann;
      for (const k of [...a.keys()].sort(compareStrings)) {
        const s = stringField(a.get(k), '.metadata.annotations');
        // A null value stores the zero string.
        ann.set(k, s ?? '');
      }
    }
  }
  return head;
}

/** A shallow copy of a manifest without the scalars SimpleHead reads as strings. */
function withoutStringFields(v: Value): Value {
  if (!(v instanceof Map)) return v;
  const out: GoMap = new Map();
  for (const [k, x] of v) {
    const f = k.toLowerCase();
    if ((f === 'apiversion' || f === 'kind') && typeof x === 'number') continue;
    if (f === 'metadata' && x instanceof Map) {
      const md: GoMap = new Map();
      for (const [mk, mx] of x) {
        const g = mk.toLowerCase();
        if (g === 'name' && typeof mx === 'number') continue;
        if (g === 'annotations' && mx instanceof Map) {
          md.set(mk, new Map([...mx].filter(([, av]) => typeof av !== 'number')));
          continue;
        }
        md.set(mk, mx);
      }
      out.set(k, md);
      continue;
    }
    out.set(k, x);
  }
  return out;
}
