// The head of a rendered manifest (apiVersion, kind, metadata.name, metadata.annotations) read as helm reads it:
// sigs.k8s.io/yaml parses the document with go-yaml v2 (YAML 1.1 scalars), turns it into JSON, coercing plain
// numbers and booleans to strings where the target field is a string, and encoding/json fills SimpleHead (field
// names match case-insensitively). So `helm.sh/hook-weight: 0x10` is the string "16" and `helm.sh/hook: yes`
// is "true".

import { type Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Scalar } from 'yaml';
import { ManifestParseError } from './errors.ts';
import { compareBytes } from './gojson.ts';
import type { HelmCompat } from './kind-order.ts';

export interface SimpleHead {
  apiVersion: string;
  kind: string;
  metadata?: { name: string; annotations: Record<string, string> | null };
}

class HeadError extends Error {}

type Scalarish = null | boolean | bigint | number | string;

const YAML_OPTIONS = { schema: 'failsafe', merge: true, uniqueKeys: false, prettyErrors: false } as const;

/** Reads a document's head; throws ManifestParseError with helm's message for what helm cannot read. */
export function parseHead(doc: string, path: string, compat: HelmCompat = 'helm4'): SimpleHead {
  const docs = parseAllDocuments(doc, YAML_OPTIONS);
  const d = Array.isArray(docs) ? docs[0] : undefined;
  const head: SimpleHead = { apiVersion: '', kind: '' };
  if (!d) return head;
  if (d.errors.length > 0) {
    const e = d.errors[0];
    const line = lineAt(doc, e.pos[0]);
    const msg = e.message.split('\n')[0];
    throw new ManifestParseError(path, `error converting YAML to JSON: yaml: line ${line}: ${msg}`);
  }
  try {
    checkKeys(d.contents, d, new Set());
    fillHead(head, d.contents, d, compat);
  } catch (e) {
    if (e instanceof HeadError) throw new ManifestParseError(path, e.message);
    throw e;
  }
  return head;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function deref(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

// go-yaml v2's resolution of a scalar: plain scalars by YAML 1.1 rules, quoted ones are strings.
function scalarValue(s: Scalar): Scalarish {
  const text = typeof s.value === 'string' ? s.value : String(s.value ?? '');
  const tag = s.tag;
  if (tag && tag !== 'tag:yaml.org,2002:int' && tag !== 'tag:yaml.org,2002:float' && tag !== 'tag:yaml.org,2002:bool') {
    return tag === 'tag:yaml.org,2002:null' ? resolvePlain(text) : text;
  }
  if (!tag && s.type !== 'PLAIN') return text;
  return resolvePlain(text);
}

const BOOLS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map(
    (k) => [k, true] as [string, boolean],
  ),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (k) => [k, false] as [string, boolean],
  ),
]);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS = new Map<string, number>([
  ...['.nan', '.NaN', '.NAN'].map((k) => [k, Number.NaN] as [string, number]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((k) => [k, Number.POSITIVE_INFINITY] as [string, number]),
  ...['-.inf', '-.Inf', '-.INF'].map((k) => [k, Number.NEGATIVE_INFINITY] as [string, number]),
]);
const GO_INT = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TRAILING_ZEROS = /0+$/;
const TIMESTAMP_START = /^[0-9]{4}-/;
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** go-yaml v2's resolve() of an untagged plain scalar (timestamps stay strings, as v2 decodes them). */
export function resolvePlain(s: string): Scalarish {
  if (NULLS.has(s)) return null;
  const c = s.charCodeAt(0);
  const isDigit = c >= 48 && c <= 57;
  const isSign = c === 43 || c === 45;
  const b = BOOLS.get(s);
  if (b !== undefined) return b;
  const f = SPECIAL_FLOATS.get(s);
  if (f !== undefined) return f;
  if (c === 46 /* . */) {
    if (YAML_FLOAT.test(s)) return Number(s);
    return s;
  }
  if (!isDigit && !isSign) return s;
  if (TIMESTAMP_START.test(s)) return s;
  const plain = s.includes('_') ? s.replaceAll('_', '') : s;
  const m = GO_INT.exec(plain);
  if (m) {
    const digits = m[2]
      ? `0x${m[2]}`
      : m[3]
        ? `0o${m[3]}`
        : m[4]
          ? `0b${m[4]}`
          : m[5] !== undefined
            ? `0o${m[5] || '0'}`
            : m[6];
    const n = m[1] === '-' ? -BigInt(digits) : BigInt(digits);
    if (n >= -INT64_MAX - 1n && n <= INT64_MAX) return n;
    if (m[1] === '' && n <= UINT64_MAX) return n;
  }
  if (YAML_FLOAT.test(plain)) {
    const x = Number(plain);
    if (Number.isFinite(x)) return x;
  }
  return s;
}

/** Go's strconv.FormatFloat(x, 'g', -1, 32), which sigs.k8s.io/yaml uses to turn a float into a string. */
export function formatFloat32G(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const f = Math.fround(x);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let exp = '';
  for (let p = 1; p <= 9; p++) {
    exp = Math.abs(f).toExponential(p - 1);
    if (Math.fround(Number(exp)) === Math.abs(f)) break;
  }
  const [mant, e] = exp.split('e');
  const digits = mant.replace('.', '').replace(TRAILING_ZEROS, '') || '0';
  const e10 = Number(e);
  const sign = f < 0 ? '-' : '';
  if (e10 < -4 || e10 >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const ae = Math.abs(e10);
    return `${sign}${digits[0]}${frac}e${e10 < 0 ? '-' : '+'}${ae < 10 ? `0${ae}` : ae}`;
  }
  if (e10 < 0) return `${sign}0.${'0'.repeat(-e10 - 1)}${digits}`;
  const intLen = e10 + 1;
  if (digits.length <= intLen) return sign + digits + '0'.repeat(intLen - digits.length);
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

function scalarToString(v: Scalarish): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloat32G(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v ?? '';
}

function goValueForMessage(v: Scalarish): string {
  if (v === null) return '<nil>';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function keyString(node: unknown, value: unknown, doc: Document): string {
  const k = deref(node, doc);
  if (!isScalar(k)) throw new HeadError('error converting YAML to JSON: yaml: invalid map key');
  const v = scalarValue(k);
  if (v === null) {
    const val = deref(value, doc);
    const shown = isScalar(val) ? goValueForMessage(scalarValue(val)) : '...';
    throw new HeadError(
      `error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ${shown}`,
    );
  }
  return scalarToString(v);
}

function isMergeKey(k: unknown): boolean {
  return isScalar(k) && (typeof k.value === 'symbol' || (k.type === 'PLAIN' && k.value === '<<'));
}

// Every mapping key must become a JSON key, anywhere in the document: helm fails on the whole file otherwise.
function checkKeys(node: unknown, doc: Document, seen: Set<unknown>): void {
  const n = deref(node, doc);
  if (isMap(n)) {
    if (seen.has(n)) return;
    seen.add(n);
    for (const p of n.items) {
      if (!isMergeKey(p.key)) keyString(p.key, p.value, doc);
      checkKeys(p.value, doc, seen);
    }
  } else if (isSeq(n)) {
    if (seen.has(n)) return;
    seen.add(n);
    for (const x of n.items) checkKeys(x, doc, seen);
  }
}

/** A mapping's entries as go-yaml v2 builds its map: merge keys insert the merged entries in place. */
function entries(node: unknown, doc: Document, out = new Map<string, unknown>()): Map<string, unknown> {
  const n = deref(node, doc);
  if (!isMap(n)) return out;
  for (const p of n.items) {
    if (!isPair(p)) continue;
    if (isMergeKey(p.key)) {
      const src = deref(p.value, doc);
      if (isSeq(src)) for (const x of src.items) entries(x, doc, out);
      else entries(src, doc, out);
      continue;
    }
    out.set(keyString(p.key, p.value, doc), p.value);
  }
  return out;
}

function jsonKind(node: unknown): string | undefined {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  return undefined;
}

// JSON keys are sorted (Go marshals a map); for each, encoding/json takes the field of that exact name or else
// of a case-insensitive match; a later key overwrites an earlier one.
function fieldsOf(m: Map<string, unknown>, names: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const k of [...m.keys()].sort(compareBytes)) {
    const name = names.includes(k) ? k : names.find((n) => n.toLowerCase() === k.toLowerCase());
    if (name !== undefined) out.set(name, m.get(k));
  }
  return out;
}

function stringField(node: unknown, doc: Document, field: string): string {
  const n = deref(node, doc);
  const kind = jsonKind(n);
  if (kind)
    throw new HeadError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go struct field ${field} of type string`,
    );
  return isScalar(n) ? scalarToString(scalarValue(n)) : '';
}

const METADATA_TYPE =
  'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

function scalarJsonKind(n: unknown): string {
  if (!isScalar(n)) return 'object';
  const v = scalarValue(n);
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || typeof v === 'number') return 'number';
  return 'string';
}

function fillHead(head: SimpleHead, node: unknown, doc: Document, compat: HelmCompat): void {
  const n = deref(node, doc);
  if (n === null || n === undefined || (isScalar(n) && scalarValue(n) === null)) return;
  const typeName = compat === 'helm3' ? 'releaseutil.SimpleHead' : 'util.SimpleHead';
  if (!isMap(n)) {
    const kind = isSeq(n) ? 'array' : scalarJsonKind(n);
    throw new HeadError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type ${typeName}`,
    );
  }
  const top = fieldsOf(entries(n, doc), ['apiVersion', 'kind', 'metadata']);
  if (top.has('apiVersion')) head.apiVersion = stringField(top.get('apiVersion'), doc, 'SimpleHead.apiVersion');
  if (top.has('kind')) head.kind = stringField(top.get('kind'), doc, 'SimpleHead.kind');
  if (!top.has('metadata')) return;
  const meta = deref(top.get('metadata'), doc);
  if (meta === null || (isScalar(meta) && scalarValue(meta) === null)) return;
  if (!isMap(meta)) {
    const kind = isSeq(meta) ? 'array' : scalarJsonKind(meta);
    throw new HeadError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go struct field SimpleHead.metadata of type ${METADATA_TYPE}`,
    );
  }
  const mf = fieldsOf(entries(meta, doc), ['name', 'annotations']);
  const md: NonNullable<SimpleHead['metadata']> = { name: '', annotations: null };
  head.metadata = md;
  if (mf.has('name')) md.name = stringField(mf.get('name'), doc, '.metadata.name');
  if (!mf.has('annotations')) return;
  const ann = deref(mf.get('annotations'), doc);
  if (ann === null || (isScalar(ann) && scalarValue(ann) === null)) return;
  if (!isMap(ann)) {
    const kind = isSeq(ann) ? 'array' : scalarJsonKind(ann);
    throw new HeadError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go struct field .metadata.annotations of type map[string]string`,
    );
  }
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of entries(ann, doc)) out[k] = stringField(v, doc, '.metadata.annotations');
  md.annotations = out;
}
