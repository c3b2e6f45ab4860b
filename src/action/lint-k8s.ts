// What helm lint checks in each rendered manifest (and CRD file), with Kubernetes' own rules and messages:
// apimachinery's YAMLOrJSONDecoder reading the documents into helm's k8sYamlStruct stub (apiVersion, kind,
// metadata.name/namespace), the name rules of validation.NameIsDNSSubdomain and friends, and the deprecation
// table of client-go's scheme (lint-deprecations.ts).

import { formatFloat32G } from '../chart/metadata.ts';
import { GoCodecError, parseJSON, parseYamlInts, yamlReaderDocuments } from '../goyaml/index.ts';
import { byteAt, jsonKind, quoteChar } from '../goyaml/json-decode.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { quote } from '../template/fmt.ts';
import { byteLength } from '../template/gostring.ts';
import { GoInt, type GoMap, type Value } from '../template/value.ts';
import { DEPRECATED_HELM3, DEPRECATED_HELM4 } from './lint-deprecations.ts';

/** helm's k8sYamlStruct. */
export interface K8sStub {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

/** One decoded document: a stub, null (an empty document), or the decode error's text. */
export type Decoded = { stub: K8sStub | null } | { error: string };

// ---- decoding -----------------------------------------------------------------------------------------

/** Folded-name field lookup as encoding/json does it: the exact name wins, else a case-insensitive match. */
function fieldOf(m: GoMap, name: string): Value {
  let out: Value;
  let exact = false;
  // encoding/json visits keys in the JSON text's order: sorted, as the YAML→JSON step writes maps.
  for (const k of [...m.keys()].sort()) {
    if (k === name) {
      out = m.get(k);
      exact = true;
    } else if (!exact && k.toLowerCase() === name.toLowerCase()) out = m.get(k);
  }
  return out;
}

class StubError extends Error {}

/** A scalar bound for a string field. YAML (sigs.k8s.io/yaml) turns numbers and booleans into text; JSON does not. */
function stringField(v: Value, field: string, struct: string, fromYaml: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (fromYaml) {
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v instanceof GoInt) return v.value.toString();
    if (typeof v === 'number') return formatFloat32G(v);
  }
  throw new StubError(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${field} of type string`);
}

function toStub(v: Value, dialect: HelmDialect, fromYaml: boolean): K8sStub | null {
  const type = dialect === 'helm4' ? 'k8sYamlStruct' : 'K8sYamlStruct';
  if (v === null || v === undefined) return null;
  if (!(v instanceof Map)) {
    throw new StubError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type rules.${type}`);
  }
  const stub: K8sStub = {
    apiVersion: stringField(fieldOf(v, 'apiVersion'), 'apiVersion', type, fromYaml),
    kind: stringField(fieldOf(v, 'Kind'), 'Kind', type, fromYaml),
    name: '',
    namespace: '',
  };
  const md = fieldOf(v, 'Metadata');
  if (md !== null && md !== undefined) {
    if (!(md instanceof Map)) {
      throw new StubError(
        `json: cannot unmarshal ${jsonKind(md)} into Go struct field ${type}.Metadata of type rules.k8sYamlMetadata`,
      );
    }
    stub.namespace = stringField(fieldOf(md, 'Namespace'), 'Metadata.Namespace', type, fromYaml);
    stub.name = stringField(fieldOf(md, 'Name'), 'Metadata.Name', type, fromYaml);
  }
  return stub;
}

function decodeYamlChunk(chunk: string, dialect: HelmDialect): Decoded {
  let v: Value;
  try {
    v = parseYamlInts(chunk);
  } catch (e) {
    if (e instanceof GoCodecError) return { error: e.message };
    throw e;
  }
  try {
    return { stub: toStub(v, dialect, true) };
  } catch (e) {
    if (e instanceof StubError) return { error: `error unmarshaling JSON: while decoding JSON: ${e.message}` };
    throw e;
  }
}

function* yamlDocuments(text: string, dialect: HelmDialect): Generator<Decoded> {
  let chunks: string[];
  try {
    chunks = yamlReaderDocuments(text);
  } catch (e) {
    if (e instanceof GoCodecError) {
      yield { error: e.message.replace(/^error reading yaml document: /, '') };
      return;
    }
    throw e;
  }
  for (const c of chunks) yield decodeYamlChunk(c, dialect);
}

/**
 * Documents of a manifest as YAMLOrJSONDecoder reads them: a text starting with `{` is read as a stream of JSON
 * values, falling back to YAML when the first or second value fails (the JSON error is reported if YAML fails
 * too); anything else as YAML documents. Decoding stops at the first error.
 */
export function* decodeManifest(text: string, dialect: HelmDialect): Generator<Decoded> {
  if (!/^[\s]*\{/u.test(text.slice(0, 4096))) {
    yield* yamlDocuments(text, dialect);
    return;
  }
  let pos = 0;
  let count = 0;
  for (;;) {
    const r = scanJSONValue(text, pos);
    if (r === 'eof') return;
    if ('end' in r) {
      let stub: K8sStub | null;
      try {
        stub = toStub(parseJSON(text.slice(r.start, r.end)), dialect, false);
      } catch (e) {
        if (!(e instanceof StubError)) throw e;
        if (count > 1) {
          yield { error: e.message };
          return;
        }
        yield* fallback(text, pos, e.message, dialect);
        return;
      }
      count++;
      pos = r.end;
      yield { stub };
      continue;
    }
    const firstErr = `json: offset ${r.offset}: ${r.error}`;
    if (count > 1) {
      yield { error: r.error };
      return;
    }
    yield* fallback(text, pos, firstErr, dialect);
    return;
  }
}

/** YAML from where JSON stopped (after white space up to the first newline); JSON's error wins on failure. */
function* fallback(text: string, pos: number, firstErr: string, dialect: HelmDialect): Generator<Decoded> {
  let p = pos;
  while (p < text.length && /\s/u.test(text[p])) {
    p++;
    if (text[p - 1] === '\n') break;
  }
  for (const d of yamlDocuments(text.slice(p), dialect)) {
    if ('error' in d) {
      yield { error: firstErr };
      return;
    }
    yield d;
  }
}

type Scan = 'eof' | { start: number; end: number } | { error: string; offset: number };

/** Go's json scanner over one value from pos: its extent, or the syntax error and its byte offset. */
function scanJSONValue(s: string, pos: number): Scan {
  let i = pos;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  ws();
  if (i >= s.length) return 'eof';
  const start = i;
  // Go counts the bytes read up to and including the offending one (its first UTF-8 byte), or all at the end.
  const offset = () => byteLength(s.slice(pos, i)) + (i < s.length ? 1 : 0);
  class Fail {
    constructor(readonly msg: string) {}
  }
  const bad = (ctx: string): never => {
    // At the end Go's scanner is fed a space; otherwise it names the character's first UTF-8 byte.
    throw new Fail(`invalid character ${i < s.length ? quoteChar(byteAt(s, i)) : "' '"} ${ctx}`);
  };
  const value = (): void => {
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        if (i >= s.length) throw new Fail('unexpected end of JSON input');
        if (s[i] !== '"') bad('looking for beginning of object key string');
        str();
        ws();
        if (i >= s.length) throw new Fail('unexpected end of JSON input');
        if (s[i] !== ':') bad('after object key');
        i++;
        ws();
        value();
        ws();
        if (i >= s.length) throw new Fail('unexpected end of JSON input');
        if (s[i] === ',') {
          i++;
          ws();
          continue;
        }
        if (s[i] === '}') {
          i++;
          return;
        }
        bad('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (i >= s.length) throw new Fail('unexpected end of JSON input');
        if (s[i] === ',') {
          i++;
          ws();
          continue;
        }
        if (s[i] === ']') {
          i++;
          return;
        }
        bad('after array element');
      }
    }
    if (i >= s.length) throw new Fail('unexpected end of JSON input');
    if (c === '"') {
      str();
      return;
    }
    for (const w of ['true', 'false', 'null']) {
      if (c === w[0]) {
        for (let k = 1; k < w.length; k++) {
          i++;
          if (i >= s.length) throw new Fail('unexpected end of JSON input');
          if (s[i] !== w[k]) bad(`in literal ${w} (expecting ${quoteChar(w.charCodeAt(k))})`);
        }
        i++;
        return;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
    if (c === '-' || (c >= '0' && c <= '9')) {
      if (!m) {
        i++;
        bad('in numeric literal');
      }
      i += (m as RegExpExecArray)[0].length;
      return;
    }
    bad('looking for beginning of value');
  };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') i++;
      else if (s[i] < ' ') bad('in string literal');
      i++;
    }
    if (i >= s.length) throw new Fail('unexpected end of JSON input');
    i++;
  };
  try {
    value();
  } catch (e) {
    if (e instanceof Fail) return { error: e.msg, offset: offset() };
    throw e;
  }
  return { start, end: i };
}

// ---- names ------------------------------------------------------------------------------------------

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`);
const SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN}$`);
const DNS1035_RE = new RegExp(`^${DNS1035_LABEL}$`);

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += ' or ';
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 253) errs.push('must be no more than 253 characters');
  if (!SUBDOMAIN_RE.test(v)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN,
        'example.com',
      ),
    );
  }
  return errs;
}

function isDNS1123Label(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_RE.test(v)) {
    if (SUBDOMAIN_RE.test(v)) errs.push('must not contain dots');
    else {
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL,
          'my-name',
          '123-abc',
        ),
      );
    }
  }
  return errs;
}

function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 63) errs.push('must be no more than 63 characters');
  if (!DNS1035_RE.test(v)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL,
        'my-name',
        'abc-123',
      ),
    );
  }
  return errs;
}

function isValidPathSegmentName(name: string): string[] {
  for (const n of ['.', '..']) if (name === n) return [`may not be '${n}'`];
  const errs: string[] = [];
  for (const c of ['/', '%']) if (name.includes(c)) errs.push(`may not contain '${c}'`);
  return errs;
}

function nameRule(kind: string): (name: string) => string[] {
  switch (kind.toLowerCase()) {
    case 'service':
      return isDNS1035Label;
    case 'namespace':
      return isDNS1123Label;
    case 'certificatesigningrequest':
      return () => [];
    case 'role':
    case 'clusterrole':
    case 'rolebinding':
    case 'clusterrolebinding':
      return isValidPathSegmentName;
    default:
      return isDNS1123Subdomain;
  }
}

/** helm's validateMetadataName: the warning text, or undefined. */
export function metadataNameProblem(stub: K8sStub): string | undefined {
  const msgs = nameRule(stub.kind)(stub.name);
  if (msgs.length === 0) return undefined;
  // field.ErrorList.ToAggregate drops duplicate texts; one error prints bare, several in brackets.
  const errs = [...new Set(msgs.map((m) => `metadata.name: Invalid value: ${quote(stub.name)}: ${m}`))];
  const agg = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  return `object name does not conform to Kubernetes naming requirements: ${quote(stub.name)}: ${agg}`;
}

// ---- deprecations ---------------------------------------------------------------------------------------

/** `group/version`, as schema.ParseGroupVersion reads an apiVersion (undefined when it does not parse). */
function groupVersion(apiVersion: string): string | undefined {
  if (apiVersion === '' || apiVersion === '/') return '';
  const parts = apiVersion.split('/');
  if (parts.length === 1) return apiVersion;
  if (parts.length === 2) return parts[0] === '' ? parts[1] : apiVersion;
  return undefined;
}

/** helm's validateNoDeprecations: the warning text for a deprecated kind at this Kubernetes version. */
export function deprecationProblem(
  stub: K8sStub,
  kube: { major: number; minor: number },
  dialect: HelmDialect,
): string | undefined {
  if (stub.apiVersion === '' || stub.kind === '') return undefined;
  const gv = groupVersion(stub.apiVersion);
  if (gv === undefined) return undefined;
  const table = dialect === 'helm4' ? DEPRECATED_HELM4 : DEPRECATED_HELM3;
  const entry = table[`${gv} ${stub.kind}`];
  if (!entry) return undefined;
  const [dMaj, dMin, rMaj, rMin, replacement] = entry;
  const deprecated =
    (kube.major === 0 && kube.minor === 0) || !(dMaj > kube.major || (dMaj === kube.major && dMin > kube.minor));
  if (!deprecated) return undefined;
  let msg = `${gv} ${stub.kind} is deprecated in v${dMaj}.${dMin}+`;
  if (rMaj !== 0 || rMin !== 0) msg += `, unavailable in v${rMaj}.${rMin}+`;
  if (replacement) msg += `; use ${replacement}`;
  return msg;
}
