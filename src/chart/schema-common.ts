// Shared pieces of the two schema-message walkers: reading schema keywords, resolving local $refs, and the
// JSON view of Go values (types, equality, lengths).

import { RegexSyntaxError, translateRegex } from '../funcs/regex-syntax.ts';
import { urlParseProblem } from '../funcs/urls.ts';
import { GoInt, type GoMap, type Value } from '../template/value.ts';
import { type Json, type JsonObject, RawNumber } from './schema-json.ts';

export type Schema = Json;

/** JSON Schema drafts, by year where they have one. */
export type Draft = 4 | 6 | 7 | 2019 | 2020;

/** The draft a root schema declares (`$schema`); helm 4's compiler defaults to 2020-12. */
export function draftOf(root: Schema): Draft {
  const s = root instanceof Map ? root.get('$schema') : undefined;
  if (typeof s !== 'string') return 2020;
  const u = s.replace(/^https?:\/\//, '').replace(/#$/, '');
  switch (u) {
    case 'json-schema.org/draft-04/schema':
      return 4;
    case 'json-schema.org/draft-06/schema':
      return 6;
    case 'json-schema.org/draft-07/schema':
      return 7;
    case 'json-schema.org/draft/2019-09/schema':
      return 2019;
    default:
      return 2020;
  }
}

export function kw(s: Schema, name: string): Json | undefined {
  return s instanceof Map ? s.get(name) : undefined;
}

export function isObj(j: Json | undefined): j is JsonObject {
  return j instanceof Map;
}

export function num(j: Json | undefined): number | undefined {
  return j instanceof RawNumber ? j.value : undefined;
}

/**
 * The decoded JSON pointer after a local `$ref`'s `#`; undefined for a malformed escape (the metaschema check
 * reports that one as uri-reference).
 */
function fragmentOf(ref: string): string | undefined {
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
}

/** Resolves a local `$ref` (`#`, `#/definitions/x`, `#/$defs/x`); undefined when it is not local. */
export function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  const ptr = fragmentOf(ref);
  if (ptr === undefined) return undefined;
  if (ptr === '') return root;
  if (!ptr.startsWith('/')) return undefined;
  let cur: Json | undefined = root;
  for (const raw of ptr.slice(1).split('/')) {
    const tok = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur instanceof Map) cur = cur.get(tok);
    else if (Array.isArray(cur)) cur = cur[Number(tok)];
    else return undefined;
  }
  return cur;
}

// ---- instances ----------------------------------------------------------------------------------------

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonType(v: Value): JsonType {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || v instanceof GoInt) return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

export function numberOf(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof GoInt) return Number(v.value);
  return undefined;
}

export function isInteger(v: Value): boolean {
  if (v instanceof GoInt) return true;
  return typeof v === 'number' && Number.isInteger(v);
}

/** Whether a value has one of the schema's types (an integral number counts as integer). */
export function typeMatches(types: string[], v: Value): boolean {
  const t = jsonType(v);
  if (types.includes(t)) return true;
  return t === 'number' && types.includes('integer') && isInteger(v);
}

export function typesOf(s: Schema): string[] | undefined {
  const t = kw(s, 'type');
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return undefined;
}

/** JSON equality of an instance value and a schema value (numbers by value). */
export function jsonEqual(v: Value, j: Json): boolean {
  if (j === null) return v === null || v === undefined;
  if (j instanceof RawNumber) {
    const n = numberOf(v);
    return n !== undefined && n === j.value;
  }
  if (typeof j === 'boolean' || typeof j === 'string') return v === j;
  if (Array.isArray(j)) {
    return Array.isArray(v) && v.length === j.length && v.every((x, i) => jsonEqual(x, j[i]));
  }
  if (!(v instanceof Map) || v.size !== j.size) return false;
  for (const [k, x] of j) if (!v.has(k) || !jsonEqual(v.get(k) as Value, x)) return false;
  return true;
}

/** JSON equality of two instance values. */
export function valueEqual(a: Value, b: Value): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  const na = numberOf(a);
  if (na !== undefined) return numberOf(b) === na;
  if (typeof a !== 'object') return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => valueEqual(x, b[i]));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, x] of a) if (!b.has(k) || !valueEqual(x, b.get(k) as Value)) return false;
    return true;
  }
  return false;
}

export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function entries(v: Value): [string, Value][] {
  return [...(v as GoMap)];
}

const patternCache = new Map<string, RegExp | null>();

/** A schema `pattern` as a JS regular expression (unanchored search); null if it does not compile. */
export function schemaRegex(p: string): RegExp | null {
  let re = patternCache.get(p);
  if (re === undefined) {
    try {
      re = new RegExp(p, 'u');
    } catch {
      try {
        re = new RegExp(p);
      } catch {
        re = null;
      }
    }
    patternCache.set(p, re);
  }
  return re;
}

// Standard keywords the walkers do not evaluate. A schema using one of them (or a $ref that leaves the
// document) is checked with ajv; unknown keywords only annotate (UI hints such as bitnami's `form`), as in
// both libraries.
const NOT_WALKED = new Set([
  'unevaluatedProperties',
  'unevaluatedItems',
  'minContains',
  'maxContains',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
  '$anchor',
  '$id',
  'id',
]);
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', 'definitions', '$defs'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = [
  'additionalProperties',
  'propertyNames',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
];

/** Every key whose value walkersSupport descends into. */
const SUBSCHEMA_KEYS = new Set([...SUBSCHEMA_MAPS, ...SUBSCHEMA_LISTS, ...SUBSCHEMAS, 'items', 'dependencies']);

/** Whether the walkers can decide validity on their own (only known keywords and local, resolvable $refs). */
export function walkersSupport(root: Schema): boolean {
  // Loops over each map with forEach and over fixed key lists by index: this runs once per render over the whole
  // schema while the code is still cold, where for-of over Map entries costs an array per key.
  let supported = true;
  // How many keys of the current schema hold subschemas: most schemas are leaves ({type, description,
  // default}), and for those the lookups of every subschema keyword below are skipped.
  let subKeys = 0;
  const keyword = (v: Json, k: string): void => {
    if (NOT_WALKED.has(k)) supported = false;
    else if (k === '$ref' && (typeof v !== 'string' || resolveRef(root, v) === undefined)) supported = false;
    else if (SUBSCHEMA_KEYS.has(k)) subKeys++;
  };
  const sub = (x: Json): void => {
    if (supported && !ok(x)) supported = false;
  };
  const dep = (x: Json): void => {
    if (supported && !Array.isArray(x) && !ok(x)) supported = false;
  };
  const ok = (s: Json | undefined): boolean => {
    if (s === undefined || typeof s === 'boolean') return true;
    if (!(s instanceof Map)) return false;
    subKeys = 0;
    s.forEach(keyword);
    if (!supported) return false;
    if (subKeys === 0) return true;
    for (let i = 0; i < SUBSCHEMA_MAPS.length; i++) {
      const m = s.get(SUBSCHEMA_MAPS[i]);
      if (m instanceof Map) m.forEach(sub);
    }
    for (let i = 0; i < SUBSCHEMA_LISTS.length; i++) {
      const l = s.get(SUBSCHEMA_LISTS[i]);
      if (Array.isArray(l)) for (let j = 0; j < l.length; j++) sub(l[j]);
    }
    for (let i = 0; i < SUBSCHEMAS.length; i++) sub(s.get(SUBSCHEMAS[i]) as Json);
    const items = s.get('items');
    if (Array.isArray(items)) {
      for (let j = 0; j < items.length; j++) sub(items[j]);
    } else if (items !== undefined) sub(items);
    const deps = s.get('dependencies');
    if (deps instanceof Map) deps.forEach(dep);
    return supported;
  };
  return ok(root);
}

/** Whether any key of the schema holds subschemas (keys() yields plain strings: no entry arrays). */
function hasSubschemaKey(s: Map<string, Json>): boolean {
  for (const k of s.keys()) if (SUBSCHEMA_KEYS.has(k)) return true;
  return false;
}

const TYPE_NAMES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const COUNT_KEYWORDS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'multipleOf'];

/** Whether a list of strings repeats one (what `uniqueItems` rejects; other items count as distinct here). */
function hasRepeats(xs: readonly Json[]): boolean {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x === 'string' && xs.indexOf(x) < i) return true;
  }
  return false;
}

function isTypeName(n: Json): boolean {
  return typeof n === 'string' && TYPE_NAMES.has(n);
}

/**
 * Why Go's regexp.Compile rejects a pattern, or undefined when it compiles. helm 4's metaschema check asserts the
 * `regex` format of `pattern` and `patternProperties` keys with Go's regexp, so a JavaScript RegExp will not do.
 */
export function goRegexProblem(pattern: string): string | undefined {
  try {
    translateRegex(pattern);
    return undefined;
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
}

/**
 * A quick look for keyword values of the wrong shape, which the metaschema would reject (helm 4 then fails
 * before validating). When this finds something, the metaschema itself is consulted for the exact message.
 */
export function looksMalformed(root: Schema): boolean {
  let found = false;
  const sub = (x: Json): void => {
    if (!found && bad(x)) found = true;
  };
  const bad = (s: Json | undefined): boolean => {
    if (s === undefined || typeof s === 'boolean') return false;
    if (!(s instanceof Map)) return true;
    const t = s.get('type');
    if (t !== undefined) {
      if (Array.isArray(t)) {
        // The metaschemas want a non-empty list of distinct type names.
        if (t.length === 0 || hasRepeats(t)) return true;
        for (let i = 0; i < t.length; i++) if (!isTypeName(t[i])) return true;
      } else if (!isTypeName(t)) return true;
    }
    // multipleOf must be above zero (exclusiveMinimum 0 in every draft's metaschema).
    const mo = s.get('multipleOf');
    if (mo instanceof RawNumber && !(mo.value > 0)) return true;
    for (let i = 0; i < COUNT_KEYWORDS.length; i++) {
      const v = s.get(COUNT_KEYWORDS[i]);
      if (v !== undefined && !(v instanceof RawNumber && Number.isInteger(v.value) && v.value >= 0)) return true;
    }
    for (let i = 0; i < NUMBER_KEYWORDS.length; i++) {
      const v = s.get(NUMBER_KEYWORDS[i]);
      if (v !== undefined && !(v instanceof RawNumber)) return true;
    }
    const req = s.get('required');
    if (req !== undefined) {
      if (!Array.isArray(req) || hasRepeats(req)) return true;
      for (let i = 0; i < req.length; i++) if (typeof req[i] !== 'string') return true;
    }
    if (s.has('pattern')) {
      const p = s.get('pattern');
      if (typeof p !== 'string' || goRegexProblem(p) !== undefined) return true;
    }
    const ref = s.get('$ref');
    if (typeof ref === 'string' && urlParseProblem(ref) !== undefined) return true;
    const pp = s.get('patternProperties');
    if (pp instanceof Map) for (const k of pp.keys()) if (goRegexProblem(k) !== undefined) return true;
    if (s.has('enum') && !Array.isArray(s.get('enum'))) return true;
    if (s.has('uniqueItems') && typeof s.get('uniqueItems') !== 'boolean') return true;
    // A leaf schema has nothing more to look at: skip the subschema lookups below.
    if (!hasSubschemaKey(s)) return false;
    for (let i = 0; i < SUBSCHEMA_MAPS.length; i++) {
      const m = s.get(SUBSCHEMA_MAPS[i]);
      if (m === undefined) continue;
      if (!(m instanceof Map)) return true;
      m.forEach(sub);
      if (found) return true;
    }
    for (let i = 0; i < SUBSCHEMA_LISTS.length; i++) {
      const l = s.get(SUBSCHEMA_LISTS[i]);
      if (l === undefined) continue;
      if (!Array.isArray(l)) return true;
      for (let j = 0; j < l.length; j++) if (bad(l[j])) return true;
    }
    for (let i = 0; i < SUBSCHEMAS.length; i++) if (bad(s.get(SUBSCHEMAS[i]))) return true;
    const items = s.get('items');
    if (Array.isArray(items)) {
      for (let j = 0; j < items.length; j++) if (bad(items[j])) return true;
      return false;
    }
    return bad(items);
  };
  return bad(root);
}

/**
 * The first `$ref` within the document (`#/...`) that points at nothing, in each helm's words: helm 4's
 * santhosh-tekuri/jsonschema refuses to compile the schema (`json-pointer in "file:///values.schema.json#/x" not
 * found`), helm 3's gojsonschema names the first token it cannot follow (`Object has no key 'x'`).
 */
export function unresolvedRef(root: Schema, dialect: 'helm3' | 'helm4'): string | undefined {
  const follow = (ref: string): string | undefined => {
    const ptr = fragmentOf(ref);
    if (ptr === undefined || !ptr.startsWith('/')) return undefined;
    let cur: Json | undefined = root;
    for (const raw of ptr.slice(1).split('/')) {
      const tok = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (cur instanceof Map) {
        if (!cur.has(tok)) return `Object has no key '${tok}'`;
        cur = cur.get(tok);
      } else if (Array.isArray(cur)) {
        const i = Number(tok);
        if (!/^\d+$/.test(tok) || i >= cur.length) return `Out of bound array[0,${cur.length}] index '${tok}'`;
        cur = cur[i];
      } else return `Invalid token reference '${tok}'`;
    }
    return undefined;
  };
  const walk = (s: Json | undefined): string | undefined => {
    if (Array.isArray(s)) {
      for (const x of s) {
        const p = walk(x);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    if (!(s instanceof Map)) return undefined;
    const ref = s.get('$ref');
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const why = follow(ref);
      if (why !== undefined)
        return dialect === 'helm4' ? `json-pointer in "file:///values.schema.json${ref}" not found` : why;
    }
    for (const [k, x] of s) {
      // Values, not schemas: a `$ref` inside them is data.
      if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') continue;
      const p = walk(x);
      if (p !== undefined) return p;
    }
    return undefined;
  };
  return walk(root);
}
