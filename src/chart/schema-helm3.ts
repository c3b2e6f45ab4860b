// helm 3's schema messages: xeipuuv/gojsonschema (draft 4–7, hybrid) as helm 3 prints its result errors:
//   - (root): b is required
//   - a.x: Invalid type. Expected: integer, given: string
// The walker follows gojsonschema's order and its scoring: of the failed anyOf/oneOf branches only the one
// with the best score (checks passed minus twice the errors) reports its errors. Where gojsonschema iterates
// Go maps (schema properties, instance keys) the order is random; bosun uses document order.

import { urlParseProblem } from '../funcs/urls.ts';
import { marshalJSON } from '../goyaml/json-encode.ts';
import { formatFloat } from '../template/strconv.ts';
import type { GoMap, Value } from '../template/value.ts';
import {
  entries,
  goRegexProblem,
  isInteger,
  isObj,
  jsonEqual,
  jsonType,
  kw,
  num,
  numberOf,
  resolveRef,
  runeCount,
  type Schema,
  schemaRegex,
  typesOf,
  valueEqual,
} from './schema-common.ts';
import { type Json, RawNumber, toValue } from './schema-json.ts';

interface GErr {
  readonly field: string;
  readonly desc: string;
}

class Result {
  errors: GErr[] = [];
  score = 0;
  get valid(): boolean {
    return this.errors.length === 0;
  }
  add(ctx: readonly string[], desc: string): void {
    this.errors.push({ field: fieldOf(ctx), desc });
    this.score -= 2;
  }
  merge(o: Result): void {
    this.errors.push(...o.errors);
    this.score += o.score;
  }
}

function fieldOf(ctx: readonly string[]): string {
  return ctx.length === 0 ? '(root)' : ctx.join('.');
}

export interface Helm3Options {
  readonly checkFormat: (format: string, value: string) => boolean;
}

/** The `- field: description` lines helm 3 prints (each ending in a newline), or undefined if valid. */
export function helm3Messages(root: Schema, values: Value, options: Helm3Options): string | undefined {
  const r = new Result();
  new Walker(root, options).recurse(root, values, r, []);
  if (r.valid) return undefined;
  return r.errors.map((e) => `- ${e.field}: ${e.desc}\n`).join('');
}

/**
 * gojsonschema's checks while loading a schema (the common ones, in its order): its error text, or undefined.
 * Keyword shapes: `x must be of a/an y`; unknown type names; multipleOf above zero; patterns that compile.
 */
export function helm3SchemaProblem(root: Schema): string | undefined {
  if (!(root instanceof Map) && typeof root !== 'boolean') return 'schema is invalid';
  return checkSchema(root);
}

const TYPE_NAMES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];
const isNum = (j: Json | undefined) => j instanceof RawNumber;
const isInt = (j: Json | undefined) => j instanceof RawNumber && Number.isInteger(j.value);
const mustBe = (x: string, y: string) => `${x} must be of ${/^[aeiou]/.test(y) ? 'an' : 'a'} ${y}`;

function checkSchema(s: Json): string | undefined {
  if (!(s instanceof Map)) return undefined;
  // gojsonschema reads `$ref` first, with Go's url.Parse.
  const ref = s.get('$ref');
  if (typeof ref === 'string') {
    const bad = urlParseProblem(ref);
    if (bad !== undefined) return bad;
  }
  const t = s.get('type');
  const seen: string[] = [];
  for (const name of typeof t === 'string' ? [t] : Array.isArray(t) ? t : []) {
    if (typeof name !== 'string') continue;
    if (!TYPE_NAMES.includes(name)) {
      return `has a primitive type that is NOT VALID -- given: /${name}/ Expected valid values are:[${TYPE_NAMES.join(' ')}]`;
    }
    // gojsonschema adds the names one by one and refuses one it has.
    if (seen.includes(name)) return `${name} type is duplicated`;
    seen.push(name);
  }
  for (const key of ['definitions', '$defs', 'properties', 'patternProperties']) {
    const m = s.get(key);
    if (m instanceof Map)
      for (const [k, sub] of m) {
        // gojsonschema compiles each patternProperties key (Go's regexp) before it reads the key's schema.
        if (key === 'patternProperties' && goRegexProblem(k) !== undefined) return `Invalid regex pattern '${k}'`;
        const p = checkSchema(sub);
        if (p) return p;
      }
  }
  for (const key of ['additionalProperties', 'items', 'additionalItems']) {
    const sub = s.get(key);
    for (const x of Array.isArray(sub) ? sub : sub === undefined ? [] : [sub]) {
      const p = checkSchema(x);
      if (p) return p;
    }
  }
  if (s.has('multipleOf')) {
    if (!isNum(s.get('multipleOf'))) return 'Invalid type. Expected: number, given: multipleOf';
    if ((s.get('multipleOf') as RawNumber).value <= 0) return 'multipleOf must be strictly greater than 0';
  }
  for (const key of ['minimum', 'maximum']) if (s.has(key) && !isNum(s.get(key))) return mustBe(key, 'number');
  for (const key of ['minLength', 'maxLength']) if (s.has(key) && !isInt(s.get(key))) return mustBe(key, 'integer');
  if (s.has('pattern')) {
    const p = s.get('pattern');
    if (typeof p !== 'string') return mustBe('pattern', 'string');
    if (schemaRegex(p) === null) return 'pattern must be a valid regex';
  }
  for (const key of ['minProperties', 'maxProperties'])
    if (s.has(key) && !isInt(s.get(key))) return mustBe(key, 'integer');
  if (s.has('required')) {
    const r = s.get('required');
    if (!Array.isArray(r)) return mustBe('required', 'array');
    if (r.some((x) => typeof x !== 'string')) return 'required items must be string';
    if (r.some((x, i) => r.indexOf(x) < i)) return 'required items must be unique';
  }
  for (const key of ['minItems', 'maxItems']) if (s.has(key) && !isInt(s.get(key))) return mustBe(key, 'integer');
  if (s.has('uniqueItems') && typeof s.get('uniqueItems') !== 'boolean') return mustBe('uniqueItems', 'boolean');
  if (s.has('enum') && !Array.isArray(s.get('enum'))) return mustBe('enum', 'array');
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const l = s.get(key);
    if (l === undefined) continue;
    if (!Array.isArray(l)) return mustBe(key === 'allOf' ? 'anyOf' : key, 'array');
    for (const x of l) {
      const p = checkSchema(x);
      if (p) return p;
    }
  }
  if (s.has('not')) {
    const n = s.get('not');
    if (!(n instanceof Map) && typeof n !== 'boolean') return mustBe('not', 'object');
    const p = checkSchema(n as Json);
    if (p) return p;
  }
  return undefined;
}

/** encoding/json of a schema value, numbers as float64 (gojsonschema's marshalWithoutNumber). */
function marshal(j: Json): string {
  return marshalJSON(toValue(j));
}

/** How gojsonschema prints a *big.Float limit: %v, shortest 'g'. */
function big(n: number): string {
  return formatFloat(n, 'g', -1, 64);
}

class Walker {
  constructor(
    private readonly root: Schema,
    private readonly o: Helm3Options,
  ) {}

  private sub(s: Schema, v: Value, ctx: string[]): Result {
    const r = new Result();
    this.recurse(s, v, r, ctx);
    return r;
  }

  recurse(s: Schema, v: Value, r: Result, ctx: string[]): void {
    if (s === true) return;
    if (s === false) {
      r.add(ctx, 'False always fails validation');
      return;
    }
    if (!isObj(s)) return;
    const ref = kw(s, '$ref');
    if (typeof ref === 'string') {
      const target = resolveRef(this.root, ref);
      if (target !== undefined) {
        this.recurse(target, v, r, ctx);
        return;
      }
    }
    const types = typesOf(s);
    const typesText = types === undefined ? '' : types.length > 1 ? `[${types.join(',')}]` : (types[0] ?? '');
    const typed = types !== undefined && types.length > 0;
    const t = jsonType(v);
    if (t === 'null') {
      if (typed && !types.includes('null')) {
        r.add(ctx, `Invalid type. Expected: ${typesText}, given: null`);
        return;
      }
      this.schemaKeywords(s, v, r, ctx);
      this.common(s, v, r, ctx);
    } else if (t === 'number') {
      const int = isInteger(v);
      const ok = types?.includes('number') || (int && types?.includes('integer'));
      if (typed && !ok) {
        r.add(ctx, `Invalid type. Expected: ${typesText}, given: ${int ? 'integer' : 'number'}`);
        return;
      }
      this.schemaKeywords(s, v, r, ctx);
      this.number(s, v, r, ctx);
      this.common(s, v, r, ctx);
    } else {
      const given = t;
      if (typed && !types.includes(given)) {
        r.add(ctx, `Invalid type. Expected: ${typesText}, given: ${given}`);
        return;
      }
      this.schemaKeywords(s, v, r, ctx);
      if (t === 'array') {
        this.array(s, v as Value[], r, ctx);
        this.common(s, v, r, ctx);
      } else if (t === 'object') {
        this.object(s, v, r, ctx);
        this.common(s, v, r, ctx);
        const props = kw(s, 'properties');
        if (isObj(props)) {
          const obj = v as GoMap;
          for (const [name, ps] of props)
            if (obj.has(name)) this.recurse(ps, obj.get(name) as Value, r, [...ctx, name]);
        }
      } else {
        this.common(s, v, r, ctx);
        if (t === 'string') this.string(s, v as string, r, ctx);
      }
    }
    r.score++;
  }

  private schemaKeywords(s: Map<string, Json>, v: Value, r: Result, ctx: string[]): void {
    const anyOf = kw(s, 'anyOf');
    if (Array.isArray(anyOf) && anyOf.length > 0) {
      let ok = false;
      let best: Result | undefined;
      for (const x of anyOf) {
        const sr = this.sub(x, v, ctx);
        if (sr.valid) {
          ok = true;
          break;
        }
        if (!best || sr.score > best.score) best = sr;
      }
      if (!ok) {
        r.add(ctx, 'Must validate at least one schema (anyOf)');
        if (best) r.merge(best);
      }
    }
    const oneOf = kw(s, 'oneOf');
    if (Array.isArray(oneOf) && oneOf.length > 0) {
      let n = 0;
      let best: Result | undefined;
      for (const x of oneOf) {
        const sr = this.sub(x, v, ctx);
        if (sr.valid) n++;
        else if (n === 0 && (!best || sr.score > best.score)) best = sr;
      }
      if (n !== 1) {
        r.add(ctx, 'Must validate one and only one schema (oneOf)');
        if (n === 0 && best) r.merge(best);
      }
    }
    const allOf = kw(s, 'allOf');
    if (Array.isArray(allOf) && allOf.length > 0) {
      let n = 0;
      for (const x of allOf) {
        const sr = this.sub(x, v, ctx);
        if (sr.valid) n++;
        r.merge(sr);
      }
      if (n !== allOf.length) r.add(ctx, 'Must validate all the schemas (allOf)');
    }
    const not = kw(s, 'not');
    if (not !== undefined && this.sub(not, v, ctx).valid) r.add(ctx, 'Must not validate the schema (not)');
    const deps = kw(s, 'dependencies');
    if (isObj(deps) && v instanceof Map) {
      for (const [key] of v) {
        const dep = deps.get(key);
        if (dep === undefined) continue;
        if (Array.isArray(dep)) {
          for (const d of dep) if (typeof d === 'string' && !v.has(d)) r.add(ctx, `Has a dependency on ${d}`);
        } else {
          this.recurse(dep, v, r, ctx);
        }
      }
    }
    const iff = kw(s, 'if');
    if (iff !== undefined) {
      const ifValid = this.sub(iff, v, ctx).valid;
      const then = kw(s, 'then');
      const els = kw(s, 'else');
      if (then !== undefined && ifValid) {
        const sr = this.sub(then, v, ctx);
        if (!sr.valid) {
          r.add(ctx, 'Must validate "then" as "if" was valid');
          r.merge(sr);
        }
      }
      if (els !== undefined && !ifValid) {
        const sr = this.sub(els, v, ctx);
        if (!sr.valid) {
          r.add(ctx, 'Must validate "else" as "if" was not valid');
          r.merge(sr);
        }
      }
    }
    r.score++;
  }

  private common(s: Map<string, Json>, v: Value, r: Result, ctx: string[]): void {
    const field = fieldOf(ctx);
    if (s.has('const')) {
      const c = s.get('const')!;
      if (!jsonEqual(v, c)) r.add(ctx, `${field} does not match: ${marshal(c)}`);
    }
    const en = kw(s, 'enum');
    if (Array.isArray(en) && en.length > 0 && !en.some((x) => jsonEqual(v, x))) {
      r.add(ctx, `${field} must be one of the following: ${en.map(marshal).join(', ')}`);
    }
    const fmt = kw(s, 'format');
    if (typeof fmt === 'string' && typeof v === 'string' && !this.o.checkFormat(fmt, v)) {
      r.add(ctx, `Does not match format '${fmt}'`);
    }
    r.score++;
  }

  private array(s: Map<string, Json>, arr: Value[], r: Result, ctx: string[]): void {
    const items = kw(s, 'items');
    if (items !== undefined && !Array.isArray(items)) {
      for (let i = 0; i < arr.length; i++) r.merge(this.sub(items, arr[i], [...ctx, String(i)]));
    } else if (Array.isArray(items) && items.length > 0) {
      const n = Math.min(items.length, arr.length);
      for (let i = 0; i < n; i++) r.merge(this.sub(items[i], arr[i], [...ctx, String(i)]));
      if (items.length < arr.length) {
        const addl = kw(s, 'additionalItems');
        if (addl === false) r.add(ctx, 'No additional items allowed on array');
        else if (addl !== undefined && addl !== true) {
          for (let i = items.length; i < arr.length; i++) r.merge(this.sub(addl, arr[i], [...ctx, String(i)]));
        }
      }
    }
    const minI = num(kw(s, 'minItems'));
    if (minI !== undefined && arr.length < minI) r.add(ctx, `Array must have at least ${minI} items`);
    const maxI = num(kw(s, 'maxItems'));
    if (maxI !== undefined && arr.length > maxI) r.add(ctx, `Array must have at most ${maxI} items`);
    if (kw(s, 'uniqueItems') === true) {
      const seen: { v: Value; i: number }[] = [];
      for (let j = 0; j < arr.length; j++) {
        const prev = seen.find((x) => valueEqual(x.v, arr[j]));
        if (prev) {
          r.add(ctx, `array items[${prev.i},${j}] must be unique`);
          prev.i = j;
        } else {
          seen.push({ v: arr[j], i: j });
        }
      }
    }
    const contains = kw(s, 'contains');
    if (contains !== undefined) {
      let ok = false;
      let best: Result | undefined;
      for (let i = 0; i < arr.length; i++) {
        const sr = this.sub(contains, arr[i], [...ctx, String(i)]);
        if (sr.valid) {
          ok = true;
          break;
        }
        if (!best || sr.score > best.score) best = sr;
      }
      if (!ok) {
        r.add(ctx, 'At least one of the items must match');
        if (best) r.merge(best);
      }
    }
    r.score++;
  }

  private object(s: Map<string, Json>, v: Value, r: Result, ctx: string[]): void {
    const obj = entries(v);
    const keys = new Set(obj.map(([k]) => k));
    const minP = num(kw(s, 'minProperties'));
    if (minP !== undefined && obj.length < minP) r.add(ctx, `Must have at least ${minP} properties`);
    const maxP = num(kw(s, 'maxProperties'));
    if (maxP !== undefined && obj.length > maxP) r.add(ctx, `Must have at most ${maxP} properties`);
    const req = kw(s, 'required');
    if (Array.isArray(req)) {
      for (const p of req) {
        if (typeof p !== 'string') continue;
        if (keys.has(p)) r.score++;
        else r.add(ctx, `${p} is required`);
      }
    }
    const props = kw(s, 'properties');
    const patterns = kw(s, 'patternProperties');
    const additional = kw(s, 'additionalProperties');
    for (const [name, pv] of obj) {
      const found = isObj(props) && props.has(name);
      let matched = false;
      if (isObj(patterns)) {
        for (const [re, ps] of patterns) {
          if (schemaRegex(re)?.test(name)) {
            matched = true;
            r.merge(this.sub(ps, pv, [...ctx, name]));
          }
        }
        if (matched) r.score++;
      }
      if (!found && !matched) {
        if (additional === false) r.add(ctx, `Additional property ${name} is not allowed`);
        else if (additional !== undefined && additional !== true) r.merge(this.sub(additional, pv, [...ctx, name]));
      }
    }
    const names = kw(s, 'propertyNames');
    if (names !== undefined) {
      for (const [name] of obj) {
        const sr = this.sub(names, name, ctx);
        if (!sr.valid) {
          r.add(ctx, `Property name of "${name}" does not match`);
          r.merge(sr);
        }
      }
    }
    r.score++;
  }

  private string(s: Map<string, Json>, str: string, r: Result, ctx: string[]): void {
    const minL = num(kw(s, 'minLength'));
    const maxL = num(kw(s, 'maxLength'));
    const n = minL !== undefined || maxL !== undefined ? runeCount(str) : 0;
    if (minL !== undefined && n < minL) r.add(ctx, `String length must be greater than or equal to ${minL}`);
    if (maxL !== undefined && n > maxL) r.add(ctx, `String length must be less than or equal to ${maxL}`);
    const p = kw(s, 'pattern');
    if (typeof p === 'string') {
      const re = schemaRegex(p);
      if (re && !re.test(str)) r.add(ctx, `Does not match pattern '${p}'`);
    }
    r.score++;
  }

  private number(s: Map<string, Json>, v: Value, r: Result, ctx: string[]): void {
    const n = numberOf(v)!;
    const mult = num(kw(s, 'multipleOf'));
    if (mult !== undefined && !Number.isInteger(n / mult)) r.add(ctx, `Must be a multiple of ${big(mult)}`);
    let max = num(kw(s, 'maximum'));
    let exMax = num(kw(s, 'exclusiveMaximum'));
    if (kw(s, 'exclusiveMaximum') === true && max !== undefined) {
      exMax = max;
      max = undefined;
    }
    let min = num(kw(s, 'minimum'));
    let exMin = num(kw(s, 'exclusiveMinimum'));
    if (kw(s, 'exclusiveMinimum') === true && min !== undefined) {
      exMin = min;
      min = undefined;
    }
    if (max !== undefined && n > max) r.add(ctx, `Must be less than or equal to ${big(max)}`);
    if (exMax !== undefined && n >= exMax) r.add(ctx, `Must be less than ${big(exMax)}`);
    if (min !== undefined && n < min) r.add(ctx, `Must be greater than or equal to ${big(min)}`);
    if (exMin !== undefined && n <= exMin) r.add(ctx, `Must be greater than ${big(exMin)}`);
    r.score++;
  }
}
