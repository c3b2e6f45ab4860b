// Reading YAML the way Helm does: sigs.k8s.io/yaml.Unmarshal, i.e. go-yaml v2 (first document only), conversion
// to JSON-compatible data, encoding/json round trip (every number becomes a float64), decoding into the target.

import { isSpaceRune } from '../template/gostring.ts';
import type { GoMap, Value } from '../template/value.ts';
import { composeFirstDocument } from './compose.ts';
import { Decoder, firstNonFinite } from './decode.ts';
import { GoCodecError } from './errors.ts';
import { jsonKind } from './json-decode.ts';

export interface ParseYamlOptions {
  /**
   * The Go value Helm decodes into: `any` (interface{}), `map` (map[string]interface{}) or `slice`
   * ([]interface{}). A document of another shape fails with encoding/json's type error.
   */
  target?: 'any' | 'map' | 'slice';
  /** The Go type named in that error (default `map[string]interface {}` or `[]interface {}`). */
  typeName?: string;
}

/**
 * go-yaml v2 plus sigs.k8s.io/yaml's key conversion, without the final JSON encoding: returns the value and
 * whether it holds a NaN or infinity (which the encoding would refuse). Throws (unwrapped) YAML errors.
 */
export function decodeYamlDocument(text: string, intsAsFloat: boolean): { value: Value; nonFinite: boolean } {
  const d = new Decoder(intsAsFloat);
  let value: Value = null;
  const root = composeFirstDocument(text);
  if (root) value = d.decode(root);
  if (d.keyError !== undefined) throw new GoCodecError(d.keyError);
  return { value, nonFinite: d.nonFinite };
}

/** go-yaml v2 plus sigs.k8s.io/yaml's conversion; throws the text YAMLToJSON would return. */
function yamlToJSONValue(text: string, intsAsFloat: boolean): Value {
  const { value, nonFinite } = decodeYamlDocument(text, intsAsFloat);
  if (nonFinite) {
    const e = firstNonFinite(value);
    if (e) throw new GoCodecError(e);
  }
  return value;
}

/** Adds sigs.k8s.io/yaml's `error converting YAML to JSON: ` to codec errors. */
export function wrapConvert(e: unknown): never {
  if (e instanceof GoCodecError) throw new GoCodecError(`error converting YAML to JSON: ${e.message}`);
  throw e;
}

/**
 * sigs.k8s.io/yaml.Unmarshal of text into a Go value: numbers are float64 (`number`), maps are `Map`s with string
 * keys, timestamps are strings. Errors are GoCodecErrors with Helm's texts, e.g. `error converting YAML to JSON:
 * yaml: line 3: mapping values are not allowed in this context`.
 *
 * With target `map`, an empty document gives an empty map (sigs.k8s.io/yaml leaves the target untouched).
 */
export function parseYaml(text: string, options?: ParseYamlOptions): Value {
  let v: Value;
  try {
    v = yamlToJSONValue(text, true);
  } catch (e) {
    wrapConvert(e);
  }
  const target = options?.target ?? 'any';
  if (target === 'any') return v;
  if (v === null) return target === 'map' ? new Map() : [];
  if (target === 'map' ? v instanceof Map : Array.isArray(v)) return v;
  const type = options?.typeName ?? (target === 'map' ? 'map[string]interface {}' : '[]interface {}');
  throw new GoCodecError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${type}`,
  );
}

/**
 * Like parseYaml with target `any`, but integers stay Go integers (`GoInt` of kind `int`, or `uint64` beyond
 * int64), as go-yaml v2 decodes them before any JSON round trip.
 */
export function parseYamlInts(text: string): Value {
  try {
    return yamlToJSONValue(text, false);
  } catch (e) {
    wrapConvert(e);
  }
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceRune(s.charCodeAt(a))) a++;
  while (b > a && isSpaceRune(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * The values-file reader of helm 4 (chart loader's LoadValues): documents split at lines starting with `---`
 * (k8s.io/apimachinery's YAMLReader, which rejects anything but a comment after the marker), each read into a map
 * and merged, maps deeply. With `helm: 3`, helm 3's reader: the first document only.
 * Throws the error text after `cannot load values.yaml: `.
 */
export function parseValues(text: string, options?: { helm?: 3 | 4 }): GoMap {
  if (options?.helm === 3) return parseYaml(text, { target: 'map' }) as GoMap;
  let values: GoMap = new Map();
  for (const doc of yamlReaderDocuments(text)) {
    let m: GoMap;
    try {
      m = parseYaml(doc, { target: 'map' }) as GoMap;
    } catch (e) {
      if (e instanceof GoCodecError) throw new GoCodecError(`cannot unmarshal yaml document: ${e.message}`);
      throw e;
    }
    values = mergeMaps(values, m);
  }
  return values;
}

function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = new Map(a);
  for (const [k, v] of b) {
    const prev = out.get(k);
    if (v instanceof Map && prev instanceof Map) out.set(k, mergeMaps(prev, v));
    else out.set(k, v);
  }
  return out;
}

const SEPARATOR_LINE = /^---/m;

/** k8s.io/apimachinery's YAMLReader: documents of a stream, split at `---` lines; CRLF read as LF. */
export function yamlReaderDocuments(text: string): string[] {
  // Without separators or carriage returns the stream is one document: the text, its last line ended.
  if (!text.includes('\r') && !SEPARATOR_LINE.test(text)) {
    if (text === '') return [];
    return [text.endsWith('\n') ? text : `${text}\n`];
  }
  const docs: string[] = [];
  let buf = '';
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    let next: number;
    if (end < 0) {
      end = n;
      next = n;
    } else {
      next = end + 1;
    }
    // bufio.Reader.ReadLine drops the line ending, CRLF included; the reader adds back "\n".
    let line = text.slice(pos, end);
    if (end < n && line.endsWith('\r')) line = line.slice(0, -1);
    line += '\n';
    pos = next;
    if (line.startsWith('---')) {
      const rest = goTrimSpace(line.slice(3));
      if (rest !== '' && rest[0] !== '#') {
        throw new GoCodecError(`error reading yaml document: invalid Yaml document separator: ${rest}`);
      }
      if (buf !== '') {
        docs.push(buf);
        buf = '';
        continue;
      }
    }
    buf += line;
  }
  if (buf !== '') docs.push(buf);
  return docs;
}
