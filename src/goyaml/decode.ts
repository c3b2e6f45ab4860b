// go-yaml v2's decoding of a node tree into interface{} (decode.go), fused with sigs.k8s.io/yaml's conversion of
// the result into something JSON can hold (convertToJSONableObject): map keys become strings on the way.
//
// v2 semantics kept here: merge keys overwrite keys set before them and earlier merge sources win over later ones;
// duplicate keys keep the last value; timestamps stay strings; `!!binary` is decoded; aliases are expanded afresh, with v2's limits.

import { compareStrings } from '../template/gostring.ts';
import { GoInt, type GoMap, goInt, type Value } from '../template/value.ts';
import { N, type Node } from './compose.ts';
import { yamlFail } from './errors.ts';
import { formatFloatG } from './gofloat.ts';
import { goSyntax, type KeyOrigins } from './gosyntax.ts';
import { BINARY_TAG, hintOf, MERGE_TAG, R, resolve } from './resolve.ts';

const ALIAS_RATIO_LOW = 400000;
const ALIAS_RATIO_HIGH = 4000000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW));
}

function isMerge(n: Node): boolean {
  return n.kind === N.SCALAR && n.value === '<<' && (n.implicit || n.tag === MERGE_TAG);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBinary(text: string): string {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0 || !BASE64.test(s)) throw yamlFail('!!binary value contains invalid base64 data');
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.from(s, 'base64'));
}

export interface DecodeResult {
  value: Value;
  /** The first key sigs.k8s.io/yaml cannot turn into a string, as its error text. */
  keyError: string | undefined;
  /** Whether a NaN or infinity was decoded (JSON conversion then fails). */
  nonFinite: boolean;
}

export class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<Node>();
  keyError: string | undefined;
  /** Nesting depth of keyError: sigs.k8s.io/yaml checks a map's keys before converting its values. */
  private keyErrorDepth = Number.POSITIVE_INFINITY;
  private depth = 0;
  /**
   * Entries that Go's map has and the decoded map does not (keys with no string form; keys whose string form
   * another key took), kept to print maps as Go would in error texts.
   */
  private readonly dropped = new WeakMap<GoMap, [Value, Value][]>();
  /** The bool, int and float keys of maps, before they became strings: error texts print them so. */
  private readonly originalKeys = new WeakMap<GoMap, Map<string, Value>>();
  private readonly keyOrigins: KeyOrigins = {
    dropped: (m) => this.dropped.get(m),
    original: (m) => this.originalKeys.get(m),
  };
  nonFinite = false;

  /** intsAsFloat: numbers as float64, as they come back from sigs.k8s.io/yaml's JSON round trip. */
  constructor(private readonly intsAsFloat: boolean) {}

  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      throw yamlFail('document contains excessive aliasing');
    }
  }

  private enterAlias(n: Node): void {
    if (this.expanding.has(n)) throw yamlFail(`anchor '${n.value}' value contains itself`);
    this.expanding.add(n);
    this.aliasDepth++;
  }

  private leaveAlias(n: Node): void {
    this.aliasDepth--;
    this.expanding.delete(n);
  }

  decode(n: Node, asKey = false): Value {
    this.count();
    switch (n.kind) {
      case N.DOCUMENT:
        return n.children.length === 1 ? this.decode(n.children[0], asKey) : null;
      case N.ALIAS: {
        this.enterAlias(n);
        const v = this.decode(n.alias!, asKey);
        this.leaveAlias(n);
        return v;
      }
    }
    switch (n.kind) {
      case N.SCALAR:
        return this.scalar(n, asKey);
      case N.MAPPING: {
        const m: GoMap = new Map();
        this.depth++;
        this.mappingInto(n, m);
        this.depth--;
        return m;
      }
      default: {
        const out: Value[] = new Array(n.children.length);
        this.depth++;
        for (let i = 0; i < n.children.length; i++) out[i] = this.decode(n.children[i]);
        this.depth--;
        return out;
      }
    }
  }

  private scalar(n: Node, asKey: boolean): Value {
    // Untagged: quoted scalars, and plain ones whose first character rules out every other type, are strings.
    if (n.tag === '' && (!n.implicit || hintOf(n.value) === 0)) return n.value;
    const r = resolve(n.tag, n.value);
    switch (r.kind) {
      case R.NULL:
        return null;
      case R.BOOL:
        return r.value as boolean;
      case R.INT:
        if (this.intsAsFloat && !asKey) return Number(r.value);
        return goInt(r.value as number | bigint);
      case R.UINT:
        if (this.intsAsFloat && !asKey) return Number(r.value);
        return new GoInt(r.value as bigint, 'uint64');
      case R.FLOAT: {
        const f = r.value as number;
        if (!asKey && !Number.isFinite(f)) this.nonFinite = true;
        return f;
      }
      case R.TIMESTAMP:
        return n.value;
      case R.OTHER:
        return r.tag === BINARY_TAG ? decodeBinary(n.value) : n.value;
      default:
        return r.value as string;
    }
  }

  /** Decodes a mapping node's pairs into out (a new map, or the target of a merge). */
  private mappingInto(n: Node, out: GoMap): void {
    const c = n.children;
    for (let i = 0; i < c.length; i += 2) {
      if (isMerge(c[i])) {
        this.merge(c[i + 1], out);
        continue;
      }
      const k = this.decode(c[i], true);
      if (k instanceof Map || Array.isArray(k)) throw yamlFail(`invalid map key: ${goSyntax(k, this.keyOrigins)}`);
      const v = this.decode(c[i + 1]);
      const key = this.keyString(k, v);
      if (key === undefined) {
        this.drop(out, k, v);
        continue;
      }
      if (out.has(key)) {
        // Two YAML keys with one string form (1 and "1") are two entries of Go's map until the conversion
        // makes them one: the earlier still shows in error texts.
        const original = this.originalKeys.get(out);
        const earlier = original?.get(key) ?? key;
        if (!sameKey(earlier, k)) this.drop(out, earlier, out.get(key));
        original?.delete(key);
      }
      out.set(key, v);
      if (typeof k !== 'string') {
        const original = this.originalKeys.get(out);
        if (original) original.set(key, k);
        else this.originalKeys.set(out, new Map([[key, k]]));
      }
    }
  }

  private drop(out: GoMap, k: Value, v: Value): void {
    const d = this.dropped.get(out);
    if (d) d.push([k, v]);
    else this.dropped.set(out, [[k, v]]);
  }

  /** Decodes a node into an existing map, as v2 does for merge sources. */
  private decodeInto(n: Node, out: GoMap): void {
    this.count();
    if (n.kind === N.ALIAS) {
      this.enterAlias(n);
      this.decodeInto(n.alias!, out);
      this.leaveAlias(n);
      return;
    }
    this.mappingInto(n, out);
  }

  private merge(n: Node, out: GoMap): void {
    const fail = () => yamlFail('map merge requires map or sequence of maps as the value');
    switch (n.kind) {
      case N.MAPPING:
        this.decodeInto(n, out);
        return;
      case N.ALIAS:
        if (n.alias && n.alias.kind !== N.MAPPING) throw fail();
        this.decodeInto(n, out);
        return;
      case N.SEQUENCE:
        // Earlier sources take precedence, so apply them last.
        for (let i = n.children.length - 1; i >= 0; i--) {
          const ni = n.children[i];
          if (ni.kind === N.ALIAS) {
            if (ni.alias && ni.alias.kind !== N.MAPPING) throw fail();
          } else if (ni.kind !== N.MAPPING) {
            throw fail();
          }
          this.decodeInto(ni, out);
        }
        return;
      default:
        throw fail();
    }
  }

  /** sigs.k8s.io/yaml's key conversion: ints in decimal, floats as float32 %g, bools as words. */
  private keyString(k: Value, v: Value): string | undefined {
    if (typeof k === 'string') return k;
    if (typeof k === 'boolean') return k ? 'true' : 'false';
    if (typeof k === 'number') {
      const s = formatFloatG(k, 32);
      return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
    }
    if (k instanceof GoInt && k.kind === 'int') return k.value.toString();
    // A repeated key keeps its last value in the Go map, so the last offender at a depth is the one reported.
    if (this.depth <= this.keyErrorDepth) {
      const type = k === null ? '%!s(<nil>)' : 'uint64';
      this.keyError = `unsupported map key of type: ${type}, key: ${goSyntax(k)}, value: ${goSyntax(v, this.keyOrigins)}`;
      this.keyErrorDepth = this.depth;
    }
    return undefined;
  }
}

/** Whether two decoded keys are one key of Go's map[interface{}]interface{}: same type, same value (NaN is none). */
function sameKey(a: Value, b: Value): boolean {
  if (a instanceof GoInt) return b instanceof GoInt && a.kind === b.kind && a.value === b.value;
  return a === b;
}

/** The error encoding/json reports for the first NaN or infinity in JSON order (map keys sorted). */
export function firstNonFinite(v: Value): string | undefined {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return undefined;
    return `json: unsupported value: ${formatFloatG(v)}`;
  }
  if (Array.isArray(v)) {
    for (const x of v) {
      const e = firstNonFinite(x);
      if (e) return e;
    }
  } else if (v instanceof Map) {
    for (const k of [...v.keys()].sort(compareStrings)) {
      const e = firstNonFinite(v.get(k));
      if (e) return e;
    }
  }
  return undefined;
}
