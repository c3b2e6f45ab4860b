// values.schema.json validation for a chart and its subcharts, with helm's error messages.
//
//   validateSchemas(chart, values, { dialect })   throws SchemaValidationError when values do not conform
//
// The messages come from walkers that follow each helm's library (schema-helm4.ts, schema-helm3.ts). For
// schemas made only of the keywords they evaluate (nearly all chart schemas) the walkers also decide validity,
// which costs a walk over the values; anything else (unevaluated*, $dynamicRef, $id-based or remote refs, ...)
// is decided by ajv (2020-12, 2019-09 or draft-07 by `$schema`, as helm 4's santhosh-tekuri/jsonschema picks;
// draft-07 with formats for helm 3's gojsonschema), loaded only then: compiling costs hundreds of
// milliseconds, more than a whole helm run. Schemas whose keyword values look malformed are checked against
// their metaschema with ajv for helm 4's message.
// Each chart is checked against its own section of the values (a subchart against values.<name>), parent
// first, then its subcharts depth first, as helm's ValidateAgainstSchema does.

import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { urlParseProblem } from '../funcs/urls.ts';
import { isStackOverflow } from '../template/convert.ts';
import { type GoMap, toJS, type Value } from '../template/value.ts';
import type { Dialect } from '../values/strvals.ts';
import { SchemaValidationError } from './errors.ts';
import type { Chart } from './model.ts';
import { type Draft, draftOf, goRegexProblem, looksMalformed, unresolvedRef, walkersSupport } from './schema-common.ts';
import { HELM3_FORMATS, HELM4_FORMATS } from './schema-formats.ts';
import { helm3Messages, helm3SchemaProblem } from './schema-helm3.ts';
import { helm4Messages } from './schema-helm4.ts';
import { type Json, parseSchemaJSON, RawNumber, SchemaSyntaxError, toPlain, toValue } from './schema-json.ts';

export interface SchemaOptions {
  readonly dialect?: Dialect;
}

const HEADER = "values don't meet the specifications of the schema(s) in the following chart(s):\n";

/** Validates the coalesced values against every schema of the chart tree; throws helm's message. */
export function validateSchemas(chart: Chart, values: GoMap, options: SchemaOptions = {}): void {
  const dialect = options.dialect ?? 'helm4';
  const text = checkChart(chart, values, dialect);
  if (text !== '') throw new SchemaValidationError(HEADER + text, 'values.schema.json');
}

/**
 * helm's ValidateAgainstSingleSchema (lint's check of values.yaml): the error text for values checked against one
 * schema, or undefined when they conform.
 */
export function validateAgainstSingleSchema(
  schema: Uint8Array,
  values: GoMap,
  options: SchemaOptions = {},
): string | undefined {
  return checkOne(schema, values, options.dialect ?? 'helm4');
}

function checkChart(chart: Chart, values: GoMap, dialect: Dialect): string {
  let out = '';
  if (chart.schema !== undefined) {
    const err = checkOne(chart.schema, values, dialect);
    if (err !== undefined) out += `${chart.name}:\n${err}`;
  }
  for (const sub of chart.dependencies) {
    const raw = values.get(sub.name);
    if (raw === undefined || raw === null) continue;
    if (!(raw instanceof Map)) {
      if (dialect === 'helm4') {
        out += `${sub.name}:\ninvalid type for values: expected object (map), got ${goTypeName(raw)}\n`;
      }
      continue;
    }
    out += checkChart(sub, raw, dialect);
  }
  return out;
}

function goTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'int64';
}

interface Compiled {
  readonly schema: Json;
  readonly draft: Draft;
  /** ajv's validator, for schemas the walkers cannot decide alone. */
  readonly validate?: ValidateFunction;
  /** A problem with the schema itself, printed instead of validation errors. */
  readonly problem?: string;
}

const decoder = new TextDecoder();
const compiled = new Map<string, Compiled>();

/** The error text for one chart's schema (ending as helm's does), or undefined when the values conform. */
function checkOne(schemaBytes: Uint8Array, values: GoMap, dialect: Dialect): string | undefined {
  try {
    return checkOneUnguarded(schemaBytes, values, dialect);
  } catch (e) {
    // A `$ref` cycle the walkers do not catch themselves (helm 3's library, or ajv's code) recurses until the
    // stack ends: helm 3 itself dies of it. Say what it is, without a RangeError.
    if (isStackOverflow(e)) {
      return `- ${dialect === 'helm3' ? '(root):' : "at '':"} the schema's $ref chain leads back to itself (reference cycle)\n`;
    }
    throw e;
  }
}

function checkOneUnguarded(schemaBytes: Uint8Array, values: GoMap, dialect: Dialect): string | undefined {
  const c = compileBytes(schemaBytes, dialect);
  if (c.problem !== undefined) return c.problem;
  if (c.validate?.(toJS(values))) return undefined;
  if (dialect === 'helm3') {
    const lines = helm3Messages(c.schema, values, { checkFormat: (f, v) => helm3FormatProblem(f, v) === undefined });
    return lines ?? (c.validate ? fallback(c.validate.errors ?? [], dialect) : undefined);
  }
  const lines = helm4Messages(c.schema, values, {
    draft: c.draft,
    assertFormat: c.draft <= 7,
    checkFormat: helm4FormatProblem,
  });
  if (lines !== undefined) return `${lines}\n`;
  return c.validate ? `${fallback(c.validate.errors ?? [], dialect)}\n` : undefined;
}

/**
 * Each schema file's compilation by its bytes (which the loader never changes): a loaded chart rendered again
 * neither decodes its schema nor hashes the text to find it in `compiled`.
 */
const compiledByBytes = new WeakMap<Uint8Array, Map<Dialect, Compiled>>();

function compileBytes(bytes: Uint8Array, dialect: Dialect): Compiled {
  let byDialect = compiledByBytes.get(bytes);
  if (byDialect === undefined) compiledByBytes.set(bytes, (byDialect = new Map()));
  let c = byDialect.get(dialect);
  if (c === undefined) byDialect.set(dialect, (c = compile(decoder.decode(bytes), dialect)));
  return c;
}

function compile(text: string, dialect: Dialect): Compiled {
  const key = `${dialect}\u0000${text}`;
  let c = compiled.get(key);
  if (c === undefined) {
    c = compileUncached(text, dialect);
    if (compiled.size > 64) compiled.clear();
    compiled.set(key, c);
  }
  return c;
}

function compileUncached(text: string, dialect: Dialect): Compiled {
  let schema: Json;
  try {
    schema = parseSchemaJSON(text);
  } catch (e) {
    if (e instanceof SchemaSyntaxError) return { schema: null, draft: 2020, problem: e.message };
    throw e;
  }
  const draft = draftOf(schema);
  if (dialect === 'helm3') {
    const problem = helm3SchemaProblem(schema);
    if (problem !== undefined) return { schema, draft, problem };
  } else if (!(schema instanceof Map) && typeof schema !== 'boolean') {
    const meta = draft === 2020 ? 'https://json-schema.org/draft/2020-12/schema' : metaURL(draft);
    return {
      schema,
      draft,
      problem: `"file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with '${meta}#'\n- at '': got ${jsonKind(schema)}, want boolean or object`,
    };
  }
  const malformed = dialect === 'helm4' && looksMalformed(schema);
  const supported = walkersSupport(schema);
  if (!malformed && supported) return { schema, draft };
  const plain = toPlain(schema);
  if (plain !== null && typeof plain === 'object' && !Array.isArray(plain)) {
    // ajv knows drafts 7, 2019-09 and 2020-12 by their own classes; the declaration itself is not needed.
    delete (plain as Record<string, unknown>).$schema;
  }
  const ajv = newAjv(dialect === 'helm3' ? 7 : draft, dialect);
  if (malformed) {
    const problem = metaschemaProblem(ajv, draft, schema, plain, true);
    if (problem !== undefined) return { schema, draft, problem };
    if (supported) return { schema, draft };
  }
  const missing = unresolvedRef(schema, dialect);
  if (missing !== undefined) {
    // helm 4 checks the schema against its metaschema before it resolves references.
    const invalid = dialect === 'helm4' && !malformed ? metaschemaProblem(ajv, draft, schema, plain) : undefined;
    return { schema, draft, problem: invalid ?? missing };
  }
  try {
    return { schema, draft, validate: ajv.compile(plain as object) };
  } catch (e) {
    return { schema, draft, problem: (e as Error).message };
  }
}

const META_PARTS: Partial<Record<Draft, string[]>> = {
  2020: ['core', 'applicator', 'unevaluated', 'validation', 'meta-data', 'format-annotation', 'content'],
  2019: ['core', 'applicator', 'validation', 'meta-data', 'format', 'content'],
};

/**
 * helm 4 compiles a schema only if it is valid against its draft's metaschema. ajv decides; the message is
 * the metaschema walked over the schema, as santhosh-tekuri/jsonschema reports it.
 */
function metaschemaProblem(ajv: Ajv, draft: Draft, schema: Json, plain: unknown, formats = false): string | undefined {
  if (draft === 4 || draft === 6) return undefined;
  let valid: boolean;
  try {
    valid = ajv.validateSchema(plain as object) as boolean;
  } catch {
    return undefined;
  }
  // ajv leaves the metaschema's formats alone; a pattern that Go's regexp rejects (`formats`: looksMalformed saw
  // something) is found by the walk below, which asserts the `regex` format as helm 4's library does.
  if (valid && !formats) return undefined;
  const url = metaURL(draft);
  const registry = new Map<string, Json>();
  const add = (u: string) => {
    const s = ajv.getSchema(u)?.schema;
    if (s !== undefined) registry.set(u, fromPlain(s));
  };
  add(url);
  for (const part of META_PARTS[draft] ?? []) add(url.replace(/schema$/, `meta/${part}`));
  const root = registry.get(url);
  if (root === undefined) return undefined;
  const lines = helm4Messages(root, toValue(schema), {
    draft,
    assertFormat: true,
    checkFormat: metaFormatProblem,
    registry,
    rootURL: url,
  });
  if (lines === undefined) return undefined;
  return `"file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with '${url}#'\n${lines}`;
}

/** The metaschema formats helm 4's library asserts that bosun checks as Go does: `pattern`s, and `$ref`/`$id`. */
function metaFormatProblem(format: string, value: string): string | undefined {
  if (format === 'regex') return goRegexProblem(value);
  if (format === 'uri-reference') return urlParseProblem(value);
  return undefined;
}

function fromPlain(v: unknown): Json {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return new RawNumber(v, String(v));
  if (Array.isArray(v)) return v.map(fromPlain);
  const m = new Map<string, Json>();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, fromPlain(x));
  return m;
}

function metaURL(draft: Draft): string {
  switch (draft) {
    case 4:
      return 'http://json-schema.org/draft-04/schema';
    case 6:
      return 'http://json-schema.org/draft-06/schema';
    case 7:
      return 'http://json-schema.org/draft-07/schema';
    case 2019:
      return 'https://json-schema.org/draft/2019-09/schema';
    default:
      return 'https://json-schema.org/draft/2020-12/schema';
  }
}

function jsonKind(j: Json): string {
  if (j === null) return 'null';
  if (Array.isArray(j)) return 'array';
  if (typeof j === 'string') return 'string';
  return 'number';
}

const requireLazily = createRequire(import.meta.url);
type AjvClass = new (options: object) => Ajv;
let ajvModules: { Ajv: AjvClass; Ajv2019: AjvClass; Ajv2020: AjvClass } | undefined;

/** ajv, loaded on first use (its module alone takes longer to load than most renders). */
function loadAjv(): { Ajv: AjvClass; Ajv2019: AjvClass; Ajv2020: AjvClass } {
  ajvModules ??= {
    Ajv: (requireLazily('ajv') as { Ajv: AjvClass }).Ajv,
    Ajv2019: (requireLazily('ajv/dist/2019') as { Ajv2019: AjvClass }).Ajv2019,
    Ajv2020: (requireLazily('ajv/dist/2020') as { Ajv2020: AjvClass }).Ajv2020,
  };
  return ajvModules;
}

function newAjv(draft: Draft, dialect: Dialect): Ajv {
  const m = loadAjv();
  const opts = { strict: false, allErrors: true, logger: false as const, validateSchema: false, unicodeRegExp: true };
  if (draft >= 2020) return new m.Ajv2020({ ...opts, validateFormats: false });
  if (draft === 2019) return new m.Ajv2019({ ...opts, validateFormats: false });
  const ajv = new m.Ajv({ ...opts, validateFormats: true });
  const problem = dialect === 'helm4' ? helm4FormatProblem : helm3FormatProblem;
  // Formats neither table knows pass (ajv ignores a format it has not been given).
  for (const name of Object.keys(dialect === 'helm4' ? HELM4_FORMATS : HELM3_FORMATS)) {
    ajv.addFormat(name, (s: string) => problem(name, s) === undefined);
  }
  return ajv;
}

/** helm 4's format check: its library's own rules (HELM4_FORMATS); any other format passes, as there. */
function helm4FormatProblem(format: string, value: string): string | undefined {
  return HELM4_FORMATS[format]?.(value);
}

/** helm 3's format check: gojsonschema's checkers; formats it does not know pass. */
function helm3FormatProblem(format: string, value: string): string | undefined {
  return HELM3_FORMATS[format]?.(value);
}

/** ajv's errors in helm's frame, for anything the walkers do not know. */
function fallback(errors: readonly ErrorObject[], dialect: Dialect): string {
  if (dialect === 'helm3') {
    return errors
      .map((e) => `- ${e.instancePath === '' ? '(root)' : e.instancePath.slice(1).replace(/\//g, '.')}: ${e.message}\n`)
      .join('');
  }
  return errors.map((e) => `- at '${e.instancePath}': ${e.message}`).join('\n');
}
