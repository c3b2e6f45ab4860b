// helm 4's schema messages: santhosh-tekuri/jsonschema v6 as helm prints its ValidationError.
//
// The library evaluates a schema keyword by keyword and returns, per schema and instance location, either one
// error or a group ("validation failed") of several; helm prints the root's causes as
//   - at '/a': got number, want string
//   - at '/b': 'anyOf' failed
//     - at '/b': got number, want string
// This walker follows that evaluation order: type, const, enum and format stop a schema at the first failure;
// then object, array, string and number keywords; then not, allOf, anyOf, oneOf, if/then/else. Numbers in
// messages go through golang.org/x/text's English printer (`1,000`, `1×10⁰⁶`).
// Where helm iterates Go maps (properties of an instance) the order is random; bosun uses the values' order.

import { formatFloat, quote as goQuote } from '../template/strconv.ts';
import type { GoMap, Value } from '../template/value.ts';
import {
  type Draft,
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
  typeMatches,
  typesOf,
  valueEqual,
} from './schema-common.ts';
import { type RefJump, Scopes } from './schema-cycle.ts';
import { type Json, RawNumber } from './schema-json.ts';

interface VErr {
  readonly loc: readonly string[];
  readonly msg: string;
  causes?: VErr[];
  /** A reference error, printed only through its causes when it has one. */
  readonly ref?: boolean;
}

const GROUP = 'validation failed';
/** Where helm's library says the values schema lives. */
const VALUES_SCHEMA_URL = 'file:///values.schema.json';

export interface Helm4Options {
  readonly draft: Draft;
  /** Other schema documents by URL (metaschemas), for `$ref`s that leave the root document. */
  readonly registry?: ReadonlyMap<string, Schema>;
  /** The URL of the root document (to resolve relative `$ref`s against); `$dynamicRef`s resolve to it. */
  readonly rootURL?: string;
  /** Whether `format` is asserted (drafts up to 7). */
  readonly assertFormat: boolean;
  readonly checkFormat: (format: string, value: string) => string | undefined;
}

/** The lines helm 4 prints for a failed validation (without the trailing newline), or undefined if valid. */
export function helm4Messages(root: Schema, values: Value, options: Helm4Options): string | undefined {
  const w = new Walker(root, options);
  const err = w.validate(root, values, []);
  if (!err) return undefined;
  const causes = err.msg === GROUP && !err.ref && err.causes ? err.causes : [err];
  let out = '';
  for (const c of causes) out += display(c, 1);
  return out.slice(1);
}

function display(e: VErr, indent: number): string {
  let out = '';
  let next = indent;
  if (!(e.ref && e.causes?.length === 1)) {
    out += `\n${'  '.repeat(indent - 1)}- at ${quote(pointer(e.loc))}: ${e.msg}`;
    next = indent + 1;
  }
  for (const c of e.causes ?? []) out += display(c, next);
  return out;
}

function pointer(loc: readonly string[]): string {
  let s = '';
  for (const t of loc) s += `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return s;
}

/** santhosh's quote: Go's %q with `\"` unescaped and `'` escaped, in single quotes. */
export function quote(s: string): string {
  return `'${goQuote(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** santhosh's display(): strings quoted, numbers as written, nil as <nil>. */
function displayJson(j: Json): string {
  if (typeof j === 'string') return quote(j);
  if (j instanceof RawNumber) return j.text;
  if (j === null) return '<nil>';
  if (typeof j === 'boolean') return String(j);
  return 'value';
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function group3(intPart: string): string {
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += ',';
    out += intPart[i];
  }
  return out;
}

/** golang.org/x/text's English rendering of %d. */
export function xInt(n: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  return (n < 0 ? '-' : '') + group3(s);
}

/** golang.org/x/text's English rendering of %v for a float64: grouped digits, or `1.5×10⁰⁶`. */
export function xFloat(f: number): string {
  const g = formatFloat(f, 'g', -1, 64);
  const neg = g.startsWith('-');
  const body = neg ? g.slice(1) : g;
  const e = body.indexOf('e');
  if (e >= 0) {
    const mant = body.slice(0, e);
    const exp = body.slice(e + 1);
    const sign = exp[0] === '-' ? '⁻' : '';
    const digits = exp.replace(/^[-+]/, '');
    let sup = '';
    for (const d of digits) sup += SUPERSCRIPT[Number(d)];
    return `${neg ? '-' : ''}${mant}×10${sign}${sup}`;
  }
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  return `${neg ? '-' : ''}${group3(int)}${dot < 0 ? '' : body.slice(dot)}`;
}

class Walker {
  /** The URL of the document being walked ('' for the values schema). */
  private base: string;
  /** The schemas being evaluated, to stop at reference cycles as the library does. */
  private readonly scopes: Scopes;
  /** The `$ref` (or dynamic reference) through which the next validate() is entered. */
  private jump: RefJump | undefined;

  constructor(
    private readonly root: Schema,
    private readonly o: Helm4Options,
  ) {
    this.base = o.rootURL ?? '';
    this.scopes = new Scopes(o.rootURL || VALUES_SCHEMA_URL);
  }

  /** A `$ref` target and the document URL it lives in. */
  private resolve(ref: string): { schema: Schema; base: string; url: string } | undefined {
    const hash = ref.indexOf('#');
    const urlPart = hash < 0 ? ref : ref.slice(0, hash);
    const frag = hash < 0 ? '#' : ref.slice(hash);
    let base = this.base;
    let doc: Schema | undefined = base === (this.o.rootURL ?? '') ? this.root : this.o.registry?.get(base);
    if (urlPart !== '') {
      try {
        base = new URL(urlPart, base || 'file:///values.schema.json').href;
      } catch {
        return undefined;
      }
      doc = this.o.registry?.get(base);
    }
    if (doc === undefined) return undefined;
    const target = resolveRef(doc, frag);
    return target === undefined ? undefined : { schema: target, base, url: `${base || VALUES_SCHEMA_URL}${frag}` };
  }

  validate(s: Schema, v: Value, loc: string[]): VErr | undefined {
    const jump = this.jump;
    this.jump = undefined;
    if (s === true) return undefined;
    if (s === false) return { loc, msg: 'false schema' };
    if (!isObj(s)) return undefined;
    const cycle = this.scopes.enter(s, v, loc, jump);
    if (cycle !== undefined) return { loc, msg: cycle };
    try {
      return this.evaluate(s, v, loc);
    } finally {
      this.scopes.leave();
    }
  }

  private evaluate(s: Map<string, Json>, v: Value, loc: string[]): VErr | undefined {
    const errors: VErr[] = [];
    const add = (e: VErr | undefined) => {
      if (e) errors.push(e);
    };

    const types = typesOf(s);
    if (types && types.length > 0 && !typeMatches(types, v)) {
      const order = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];
      const want = order.filter((t) => types.includes(t)).join(' or ');
      return { loc, msg: `got ${jsonType(v)}, want ${want}` };
    }
    const c = kw(s, 'const');
    if (c !== undefined && s.has('const') && !jsonEqual(v, c)) {
      return { loc, msg: c instanceof Map || Array.isArray(c) ? "'const' failed" : `value must be ${displayJson(c)}` };
    }
    const en = kw(s, 'enum');
    if (Array.isArray(en) && !en.some((x) => jsonEqual(v, x))) {
      const primitive = en.every((x) => !(x instanceof Map || Array.isArray(x)));
      let msg: string;
      if (!primitive) msg = "'enum' failed";
      else if (en.length === 1) msg = `value must be ${displayJson(en[0])}`;
      else msg = `value must be one of ${en.map(displayJson).join(', ')}`;
      return { loc, msg };
    }
    const fmt = kw(s, 'format');
    if (this.o.assertFormat && typeof fmt === 'string' && typeof v === 'string') {
      const why = this.o.checkFormat(fmt, v);
      if (why !== undefined) return { loc, msg: `${quote(v)} is not valid ${fmt}: ${why}` };
    }
    const ref = kw(s, '$ref');
    if (typeof ref === 'string') {
      const target = this.resolve(ref);
      if (target !== undefined) {
        this.jump = { keyword: '$ref', url: target.url };
        const e = this.refError(target.schema, target.base, v, loc);
        if (this.o.draft < 2019) return e;
        add(e);
      }
    }

    const t = jsonType(v);
    if (t === 'object') this.object(s, v, loc, add);
    else if (t === 'array') this.array(s, v as Value[], loc, add);
    else if (t === 'string') this.string(s, v as string, loc, add);
    else if (t === 'number') this.number(s, v, loc, add);

    if (this.o.draft >= 2019) {
      // $recursiveRef / $dynamicRef: bosun only meets them in metaschemas, whose anchor is the root document.
      const dynKeyword = s.has('$dynamicRef') ? '$dynamicRef' : '$recursiveRef';
      const dyn = kw(s, dynKeyword);
      if (typeof dyn === 'string' && this.o.rootURL) {
        this.jump = { keyword: dynKeyword, url: `${this.o.rootURL}#` };
        add(this.refError(this.root, this.o.rootURL, v, loc));
      }
    }

    this.conditions(s, v, loc, add);

    if (errors.length === 0) return undefined;
    if (errors.length === 1) return errors[0];
    return { loc, msg: GROUP, causes: errors };
  }

  private refError(target: Schema, base: string, v: Value, loc: string[]): VErr | undefined {
    const saved = this.base;
    this.base = base;
    const e = this.validate(target, v, loc);
    this.base = saved;
    if (!e) return undefined;
    const causes = e.msg === GROUP && !e.ref && e.causes ? e.causes : [e];
    return { loc, msg: GROUP, causes, ref: true };
  }

  private object(s: Map<string, Json>, v: Value, loc: string[], add: (e: VErr | undefined) => void): void {
    // The instance map itself answers key look-ups and is walked with forEach (no entry arrays: this runs over
    // every object of the values while the code is cold).
    const obj = v as GoMap;
    const keys = obj;
    const minP = num(kw(s, 'minProperties'));
    if (minP !== undefined && obj.size < minP)
      add({ loc, msg: `minProperties: got ${xInt(obj.size)}, want ${xInt(minP)}` });
    const maxP = num(kw(s, 'maxProperties'));
    if (maxP !== undefined && obj.size > maxP)
      add({ loc, msg: `maxProperties: got ${xInt(obj.size)}, want ${xInt(maxP)}` });
    const req = kw(s, 'required');
    if (Array.isArray(req)) {
      const missing = req.filter((r): r is string => typeof r === 'string' && !keys.has(r));
      if (missing.length === 1) add({ loc, msg: `missing property ${quote(missing[0])}` });
      else if (missing.length > 1) add({ loc, msg: `missing properties ${missing.map(quote).join(', ')}` });
    }
    const deps = kw(s, 'dependencies');
    if (isObj(deps) && this.o.draft < 2020) {
      for (const [p, dep] of deps) {
        if (!keys.has(p)) continue;
        if (Array.isArray(dep)) {
          const missing = dep.filter((r): r is string => typeof r === 'string' && !keys.has(r));
          if (missing.length > 0)
            add({ loc, msg: `properties ${missing.map(quote).join(', ')} required, if ${quote(p)} exists` });
        } else {
          add(this.validate(dep, v, loc));
        }
      }
    }
    const props = kw(s, 'properties');
    const patterns = kw(s, 'patternProperties');
    const additional = kw(s, 'additionalProperties');
    const notAllowed: string[] = [];
    if (obj.size > 0 && (isObj(props) || isObj(patterns) || additional !== undefined)) {
      obj.forEach((pv, name) => {
        let evaluated = false;
        if (isObj(props)) {
          const ps = props.get(name);
          if (ps !== undefined) {
            evaluated = true;
            add(this.validate(ps, pv, [...loc, name]));
          }
        }
        if (isObj(patterns)) {
          for (const [re, ps] of patterns) {
            if (schemaRegex(re)?.test(name)) {
              evaluated = true;
              add(this.validate(ps, pv, [...loc, name]));
            }
          }
        }
        if (!evaluated && additional !== undefined) {
          if (additional === false) notAllowed.push(name);
          else if (additional !== true) add(this.validate(additional, pv, [...loc, name]));
        }
      });
    }
    if (notAllowed.length > 0)
      add({ loc, msg: `additional properties ${notAllowed.map(quote).join(', ')} not allowed` });
    if (this.o.draft === 4) return;
    const names = kw(s, 'propertyNames');
    if (names !== undefined) {
      // santhosh-tekuri/jsonschema validates a property name as an instance of its own: helm 4 reports it, and
      // what it breaks, at '' however deep the object is.
      for (const [name] of obj) {
        const e = this.validate(names, name, []);
        if (e) {
          const causes = e.msg === GROUP && e.causes ? e.causes : [e];
          add({ loc: [], msg: `invalid propertyName ${quote(name)}`, causes });
        }
      }
    }
    if (this.o.draft === 6 || this.o.draft === 7) return;
    const depSchemas = kw(s, 'dependentSchemas');
    if (isObj(depSchemas)) for (const [p, ds] of depSchemas) if (keys.has(p)) add(this.validate(ds, v, loc));
    const depReq = kw(s, 'dependentRequired');
    if (isObj(depReq)) {
      for (const [p, reqd] of depReq) {
        if (!keys.has(p) || !Array.isArray(reqd)) continue;
        const missing = reqd.filter((r): r is string => typeof r === 'string' && !keys.has(r));
        if (missing.length > 0)
          add({ loc, msg: `properties ${missing.map(quote).join(', ')} required, if ${quote(p)} exists` });
      }
    }
  }

  private array(s: Map<string, Json>, arr: Value[], loc: string[], add: (e: VErr | undefined) => void): void {
    const minI = num(kw(s, 'minItems'));
    if (minI !== undefined && arr.length < minI)
      add({ loc, msg: `minItems: got ${xInt(arr.length)}, want ${xInt(minI)}` });
    const maxI = num(kw(s, 'maxItems'));
    if (maxI !== undefined && arr.length > maxI)
      add({ loc, msg: `maxItems: got ${xInt(arr.length)}, want ${xInt(maxI)}` });
    if (kw(s, 'uniqueItems') === true && arr.length > 1) {
      outer: for (let i = 0; i < arr.length; i++) {
        for (let j = i + 1; j < arr.length; j++) {
          if (valueEqual(arr[i], arr[j])) {
            add({ loc, msg: `items at ${i} and ${j} are equal` });
            break outer;
          }
        }
      }
    }
    const items = kw(s, 'items');
    if (this.o.draft < 2020) {
      let evaluated = 0;
      if (Array.isArray(items)) {
        const n = Math.min(arr.length, items.length);
        for (let i = 0; i < n; i++) add(this.validate(items[i], arr[i], [...loc, String(i)]));
        evaluated = n;
      } else if (items !== undefined) {
        for (let i = 0; i < arr.length; i++) add(this.validate(items, arr[i], [...loc, String(i)]));
        evaluated = arr.length;
      }
      const addl = kw(s, 'additionalItems');
      if (addl === false && evaluated !== arr.length) {
        add({ loc, msg: `last ${xInt(arr.length - evaluated)} additionalItem(s) not allowed` });
      } else if (addl !== undefined && addl !== true && addl !== false) {
        for (let i = evaluated; i < arr.length; i++) add(this.validate(addl, arr[i], [...loc, String(i - evaluated)]));
      }
    } else {
      const prefix = kw(s, 'prefixItems');
      const n = Array.isArray(prefix) ? Math.min(prefix.length, arr.length) : 0;
      for (let i = 0; i < n; i++) add(this.validate((prefix as Json[])[i], arr[i], [...loc, String(i)]));
      if (items !== undefined && !Array.isArray(items)) {
        for (let i = n; i < arr.length; i++) add(this.validate(items, arr[i], [...loc, String(i - n)]));
      }
    }
    const contains = kw(s, 'contains');
    if (contains !== undefined && !arr.some((x, i) => !this.validate(contains, x, [...loc, String(i)]))) {
      add({ loc, msg: "no items match 'contains' schema" });
    }
  }

  private string(s: Map<string, Json>, str: string, loc: string[], add: (e: VErr | undefined) => void): void {
    const minL = num(kw(s, 'minLength'));
    const maxL = num(kw(s, 'maxLength'));
    if (minL !== undefined || maxL !== undefined) {
      const n = runeCount(str);
      if (minL !== undefined && n < minL) add({ loc, msg: `minLength: got ${xInt(n)}, want ${xInt(minL)}` });
      if (maxL !== undefined && n > maxL) add({ loc, msg: `maxLength: got ${xInt(n)}, want ${xInt(maxL)}` });
    }
    const p = kw(s, 'pattern');
    if (typeof p === 'string') {
      const re = schemaRegex(p);
      if (re && !re.test(str)) add({ loc, msg: `${quote(str)} does not match pattern ${quote(p)}` });
    }
  }

  private number(s: Map<string, Json>, v: Value, loc: string[], add: (e: VErr | undefined) => void): void {
    const n = numberOf(v)!;
    const min = num(kw(s, 'minimum'));
    const max = num(kw(s, 'maximum'));
    let exMin = num(kw(s, 'exclusiveMinimum'));
    let exMax = num(kw(s, 'exclusiveMaximum'));
    // Draft 4's boolean exclusiveMinimum/Maximum turn minimum/maximum exclusive.
    const boolMin = kw(s, 'exclusiveMinimum') === true;
    const boolMax = kw(s, 'exclusiveMaximum') === true;
    if (min !== undefined && (boolMin ? n <= min : n < min)) {
      if (boolMin) exMin = min;
      else add({ loc, msg: `minimum: got ${xFloat(n)}, want ${xFloat(min)}` });
    }
    if (max !== undefined && (boolMax ? n >= max : n > max)) {
      if (boolMax) exMax = max;
      else add({ loc, msg: `maximum: got ${xFloat(n)}, want ${xFloat(max)}` });
    }
    if (exMin !== undefined && n <= exMin)
      add({ loc, msg: `exclusiveMinimum: got ${xFloat(n)}, want ${xFloat(exMin)}` });
    if (exMax !== undefined && n >= exMax)
      add({ loc, msg: `exclusiveMaximum: got ${xFloat(n)}, want ${xFloat(exMax)}` });
    const mult = num(kw(s, 'multipleOf'));
    if (mult !== undefined && !Number.isInteger(n / mult)) {
      add({ loc, msg: `multipleOf: got ${xFloat(n)}, want ${xFloat(mult)}` });
    }
  }

  private conditions(s: Map<string, Json>, v: Value, loc: string[], add: (e: VErr | undefined) => void): void {
    const not = kw(s, 'not');
    if (not !== undefined && !this.validate(not, v, loc)) add({ loc, msg: "'not' failed" });
    const allOf = kw(s, 'allOf');
    if (Array.isArray(allOf) && allOf.length > 0) {
      const errs = allOf.map((x) => this.validate(x, v, loc)).filter((e): e is VErr => e !== undefined);
      if (errs.length > 0) add({ loc, msg: "'allOf' failed", causes: errs });
    }
    const anyOf = kw(s, 'anyOf');
    if (Array.isArray(anyOf) && anyOf.length > 0) {
      const errs: VErr[] = [];
      let matched = false;
      for (const x of anyOf) {
        const e = this.validate(x, v, loc);
        if (!e) {
          matched = true;
          break;
        }
        errs.push(e);
      }
      if (!matched) add({ loc, msg: "'anyOf' failed", causes: errs });
    }
    const oneOf = kw(s, 'oneOf');
    if (Array.isArray(oneOf) && oneOf.length > 0) {
      let matched = -1;
      const errs: VErr[] = [];
      for (let i = 0; i < oneOf.length; i++) {
        const e = this.validate(oneOf[i], v, loc);
        if (e) {
          if (matched === -1) errs.push(e);
        } else if (matched === -1) {
          matched = i;
        } else {
          add({ loc, msg: `'oneOf' failed, subschemas ${matched}, ${i} matched` });
          break;
        }
      }
      if (matched === -1) add({ loc, msg: "'oneOf' failed, none matched", causes: errs });
    }
    const iff = kw(s, 'if');
    if (iff !== undefined && this.o.draft >= 7) {
      if (!this.validate(iff, v, loc)) {
        const then = kw(s, 'then');
        if (then !== undefined) add(this.validate(then, v, loc));
      } else {
        const els = kw(s, 'else');
        if (els !== undefined) add(this.validate(els, v, loc));
      }
    }
  }
}
