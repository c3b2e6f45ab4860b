// encoding/json's Marshal, MarshalIndent and Encoder (SetEscapeHTML) for Go values: map keys sorted by bytes,
// float64 in Go's shortest form, []byte as base64, HTML characters escaped unless told otherwise.

import { compareStrings } from '../template/gostring.ts';
import { type GoFunc, GoInt, GoStruct, typeOf, type Value } from '../template/value.ts';
import { GoCodecError } from './errors.ts';
import { formatFloatG, formatJsonFloat } from './gofloat.ts';
import { isNilCollection } from './nil.ts';

export interface MarshalJSONOptions {
  /** Escape `<`, `>`, `&` as \u003c... (json.Marshal: yes; an Encoder with SetEscapeHTML(false): no). */
  escapeHTML?: boolean;
  /** MarshalIndent's prefix and indent; no indentation when indent and prefix are both empty or absent. */
  prefix?: string;
  indent?: string;
}

const HEX = '0123456789abcdef';
// Characters that need escaping in a JSON string, with and without HTML escaping; U+2028/9 always.
const NEEDS_ESCAPE_HTML = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\u2028\u2029\ud800-\udfff]/;

/** A Go string as encoding/json writes it. */
export function quoteJSON(s: string, escapeHTML = true): string {
  if (!(escapeHTML ? NEEDS_ESCAPE_HTML : NEEDS_ESCAPE).test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 8:
          esc = '\\b';
          break;
        case 12:
          esc = '\\f';
          break;
        case 10:
          esc = '\\n';
          break;
        case 13:
          esc = '\\r';
          break;
        case 9:
          esc = '\\t';
          break;
        default:
          esc = '\\u00' + HEX[c >> 4] + HEX[c & 15];
      }
    } else if (c === 34) esc = '\\"';
    else if (c === 92) esc = '\\\\';
    else if (escapeHTML && (c === 60 || c === 62 || c === 38)) esc = '\\u00' + HEX[c >> 4] + HEX[c & 15];
    else if (c === 0x2028 || c === 0x2029) esc = c === 0x2028 ? '\\u2028' : '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one character; a lone surrogate is invalid UTF-8 to Go.
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc === undefined) continue;
    out += s.slice(start, i) + esc;
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

function structValue(s: GoStruct): Value {
  if (s.jsonValue) return s.jsonValue();
  const m = new Map<string, Value>();
  for (const f of s.fieldNames()) {
    const v = s.field(f);
    if (typeof v !== 'symbol') m.set(f, v);
  }
  return m;
}

class JSONWriter {
  out = '';
  constructor(
    private readonly escapeHTML: boolean,
    private readonly prefix: string,
    private readonly indent: string,
  ) {}

  private newline(depth: number): void {
    this.out += '\n' + this.prefix + this.indent.repeat(depth);
  }

  write(v: Value, depth: number): void {
    if (v === null || v === undefined) {
      this.out += 'null';
      return;
    }
    switch (typeof v) {
      case 'string':
        this.out += quoteJSON(v, this.escapeHTML);
        return;
      case 'boolean':
        this.out += v ? 'true' : 'false';
        return;
      case 'number':
        if (!Number.isFinite(v)) throw new GoCodecError(`json: unsupported value: ${formatFloatG(v)}`);
        this.out += formatJsonFloat(v);
        return;
    }
    if (v instanceof GoInt) {
      this.out += v.value.toString();
      return;
    }
    if (v instanceof Uint8Array) {
      this.out += '"' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') + '"';
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        this.out += isNilCollection(v) ? 'null' : '[]';
        return;
      }
      this.out += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.out += ',';
        if (this.indent !== '' || this.prefix !== '') this.newline(depth + 1);
        this.write(v[i], depth + 1);
      }
      if (this.indent !== '' || this.prefix !== '') this.newline(depth);
      this.out += ']';
      return;
    }
    if (v instanceof Map) {
      this.writeMap(v, depth, true);
      return;
    }
    if (v instanceof GoStruct) {
      // Struct fields are written in declaration order, which is the order of the Map jsonValue gives.
      const sv = structValue(v);
      if (sv instanceof Map) this.writeMap(sv, depth, false);
      else this.write(sv, depth);
      return;
    }
    throw new GoCodecError(`json: unsupported type: ${typeOf(v as GoFunc)}`);
  }

  private writeMap(v: Map<string, Value>, depth: number, sorted: boolean): void {
    if (v.size === 0) {
      this.out += isNilCollection(v) ? 'null' : '{}';
      return;
    }
    const keys = sorted ? [...v.keys()].sort(compareStrings) : [...v.keys()];
    const pretty = this.indent !== '' || this.prefix !== '';
    this.out += '{';
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) this.out += ',';
      if (pretty) this.newline(depth + 1);
      this.out += quoteJSON(keys[i], this.escapeHTML) + (pretty ? ': ' : ':');
      this.write(v.get(keys[i]), depth + 1);
    }
    if (pretty) this.newline(depth);
    this.out += '}';
  }
}

/** json.Marshal (or MarshalIndent with prefix/indent, or an Encoder without its trailing newline). */
export function marshalJSON(v: Value, options?: MarshalJSONOptions): string {
  const w = new JSONWriter(options?.escapeHTML ?? true, options?.prefix ?? '', options?.indent ?? '');
  w.write(v, 0);
  return w.out;
}
