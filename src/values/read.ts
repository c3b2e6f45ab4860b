// Reading a values file (a chart's values.yaml or a user's `-f` file) into a map, as helm does.
//
// helm 4 (loader.LoadValues) splits the text into YAML documents the way apimachinery's YAMLReader does (a line
// that is `---` followed only by blanks separates them), reads each and merges them in order with mergeMaps.
// helm 3 reads the text as a single document (go-yaml v2 then decodes only the first one).
// Each document must be a map (or empty); anything else fails as encoding/json fails to fill a map.

import { type GoMap, isMap, type Value } from '../template/value.ts';
import type { Dialect } from './strvals.ts';
import { parseYaml } from './yaml.ts';

/** A values file that does not read; the message is the text after helm's `failed to parse <file>: `. */
export class ValuesFileError extends Error {
  override name = 'ValuesFileError';
}

/** Reads values text into a map. Throws ValuesFileError with helm's wording for the dialect. */
export function readValues(text: string, dialect: Dialect = 'helm4'): GoMap {
  if (dialect === 'helm3') return readDocument(text, '');
  let values: GoMap = new Map();
  for (const doc of splitDocuments(text)) {
    values = mergeMaps(values, readDocument(doc, 'cannot unmarshal yaml document: '));
  }
  return values;
}

function readDocument(text: string, prefix: string): GoMap {
  let v: Value;
  try {
    v = parseYaml(text);
  } catch (e) {
    throw new ValuesFileError(prefix + (e as Error).message, { cause: e });
  }
  if (v === null || v === undefined) return new Map();
  if (isMap(v)) return v;
  throw new ValuesFileError(
    `${prefix}error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`,
  );
}

function jsonKind(v: Value): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    default:
      return 'number';
  }
}

const SEPARATOR = /^---[ \t\v\f\r\u0085\u00a0]*$/;

/**
 * apimachinery's YAMLReader: documents are separated by `---` lines; leading separators and empty documents
 * are skipped. Lines are re-terminated with `\n` (ReadLine drops `\r\n`).
 */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  if (!text.includes('---')) {
    if (text.length > 0) docs.push(text);
    return docs;
  }
  let buf = '';
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.startsWith('---') && SEPARATOR.test(line)) {
      if (buf.length !== 0) {
        docs.push(buf);
        buf = '';
      }
      continue;
    }
    buf += `${line}\n`;
  }
  if (buf.length !== 0) docs.push(buf);
  return docs;
}

/**
 * helm's loader.MergeMaps: a new map holding a's entries, then b's; where both hold maps they merge
 * recursively, otherwise b's value replaces a's.
 */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = new Map(a);
  for (const [k, v] of b) {
    if (v instanceof Map) {
      const av = out.get(k);
      if (av instanceof Map) {
        out.set(k, mergeMaps(av, v));
        continue;
      }
    }
    out.set(k, v);
  }
  return out;
}
