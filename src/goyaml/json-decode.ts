// encoding/json's Unmarshal into interface{} (numbers float64, objects maps), map[string]interface{} or
// []interface{}, with Go's error texts. Like Go, the whole input is checked for syntax first, so a syntax error
// anywhere wins over a type error.

import { quote } from '../template/strconv.ts';
import type { GoMap, Value } from '../template/value.ts';
import { GoCodecError } from './errors.ts';
import { nilMap, nilSlice } from './nil.ts';

/**
 * A number out of float64's range. Go keeps decoding and returns this error with the rest decoded (the number
 * itself left nil); `partial` is that result.
 */
export class JSONRangeError extends GoCodecError {
  constructor(
    message: string,
    readonly partial: Value,
  ) {
    super(message);
  }
}

/** Go's quoteChar: how encoding/json's scanner names an offending byte (`'x'`, `'\n'`, `'\''`). */
export function quoteChar(c: number): string {
  if (c === 39) return "'\\''";
  if (c === 34) return `'"'`;
  return `'${quote(String.fromCharCode(c)).slice(1, -1)}'`;
}

class JSONSyntaxError extends GoCodecError {}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The first UTF-8 byte of the character at i, which is what Go's byte-wise scanner reports. */
export function byteAt(s: string, i: number): number {
  const c = s.codePointAt(i)!;
  if (c < 0x80) return c;
  if (c < 0x800) return 0xc0 | (c >> 6);
  if (c < 0x10000) return 0xe0 | (c >> 12);
  return 0xf0 | (c >> 18);
}

class Reader {
  pos = 0;
  constructor(private readonly s: string) {}

  /**
   * A syntax error at pos. At the end of the input Go's scanner feeds a space: inside a literal, number or escape
   * that space is the offending character; elsewhere the input just ended too soon.
   */
  private fail(context: string): never {
    if (this.pos >= this.s.length) {
      if (!/^in (literal|numeric|exponent|string escape|\\u)|^after decimal/.test(context)) {
        throw new JSONSyntaxError('unexpected end of JSON input');
      }
      throw new JSONSyntaxError(`invalid character ' ' ${context}`);
    }
    throw new JSONSyntaxError(`invalid character ${quoteChar(byteAt(this.s, this.pos))} ${context}`);
  }

  private skipSpace(): void {
    while (this.pos < this.s.length && isSpace(this.s.charCodeAt(this.pos))) this.pos++;
  }

  document(): Value {
    this.skipSpace();
    const v = this.value();
    this.skipSpace();
    if (this.pos < this.s.length) this.fail('after top-level value');
    return v;
  }

  private value(): Value {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    switch (c) {
      case 123:
        return this.object();
      case 91:
        return this.array();
      case 34:
        return this.string();
      case 116:
        this.literal('true');
        return true;
      case 102:
        this.literal('false');
        return false;
      case 110:
        this.literal('null');
        return null;
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    this.fail('looking for beginning of value');
  }

  private literal(word: string): void {
    for (let i = 1; i < word.length; i++) {
      this.pos++;
      if (this.s.charCodeAt(this.pos) !== word.charCodeAt(i)) {
        this.fail(`in literal ${word} (expecting ${quoteChar(word.charCodeAt(i))})`);
      }
    }
    this.pos++;
  }

  private digits(): number {
    const from = this.pos;
    while (this.pos < this.s.length) {
      const c = this.s.charCodeAt(this.pos);
      if (c < 48 || c > 57) break;
      this.pos++;
    }
    return this.pos - from;
  }

  private number(): number | null {
    const s = this.s;
    const start = this.pos;
    if (s.charCodeAt(this.pos) === 45) {
      this.pos++;
      const c = s.charCodeAt(this.pos);
      if (!(c >= 48 && c <= 57)) this.fail('in numeric literal');
    }
    if (s.charCodeAt(this.pos) === 48) this.pos++;
    else this.digits();
    if (s.charCodeAt(this.pos) === 46) {
      this.pos++;
      if (this.digits() === 0) this.fail('after decimal point in numeric literal');
    }
    const e = s.charCodeAt(this.pos);
    if (e === 101 || e === 69) {
      this.pos++;
      const sign = s.charCodeAt(this.pos);
      if (sign === 43 || sign === 45) this.pos++;
      if (this.digits() === 0) this.fail('in exponent of numeric literal');
    }
    const text = s.slice(start, this.pos);
    const f = Number(text);
    if (!Number.isFinite(f)) {
      // Syntax is fine; decoding fails after the whole input was checked.
      this.rangeError ??= `json: cannot unmarshal number ${text} into Go value of type float64`;
      return null;
    }
    return f;
  }

  rangeError: string | undefined;

  private string(): string {
    const s = this.s;
    this.pos++;
    let out = '';
    let start = this.pos;
    for (;;) {
      if (this.pos >= s.length) this.fail('');
      const c = s.charCodeAt(this.pos);
      if (c === 34) {
        out += s.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('in string literal');
      if (c !== 92) {
        this.pos++;
        continue;
      }
      out += s.slice(start, this.pos);
      this.pos++;
      const e = s.charCodeAt(this.pos);
      switch (e) {
        case 34:
        case 92:
        case 47:
          out += String.fromCharCode(e);
          break;
        case 98:
          out += '\b';
          break;
        case 102:
          out += '\f';
          break;
        case 110:
          out += '\n';
          break;
        case 114:
          out += '\r';
          break;
        case 116:
          out += '\t';
          break;
        case 117: {
          const u = this.hex4();
          if (u >= 0xd800 && u <= 0xdbff) {
            // A high surrogate needs a \u low surrogate after it; alone it becomes U+FFFD.
            if (s.charCodeAt(this.pos + 1) === 92 && s.charCodeAt(this.pos + 2) === 117) {
              const save = this.pos;
              this.pos += 2;
              const v = this.hex4();
              if (v >= 0xdc00 && v <= 0xdfff) {
                out += String.fromCharCode(u, v);
                break;
              }
              this.pos = save;
            }
            out += '\ufffd';
          } else if (u >= 0xdc00 && u <= 0xdfff) {
            out += '\ufffd';
          } else {
            out += String.fromCharCode(u);
          }
          break;
        }
        default:
          this.fail('in string escape code');
      }
      this.pos++;
      start = this.pos;
    }
  }

  /** Reads the 4 hex digits after `\u` (pos at the `u`); leaves pos on the last digit. */
  private hex4(): number {
    let v = 0;
    for (let i = 0; i < 4; i++) {
      this.pos++;
      const c = this.s.charCodeAt(this.pos);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      else this.fail('in \\u hexadecimal character escape');
      v = v * 16 + d;
    }
    return v;
  }

  private object(): GoMap {
    const m: GoMap = new Map();
    this.pos++;
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) === 125) {
      this.pos++;
      return m;
    }
    for (;;) {
      if (this.s.charCodeAt(this.pos) !== 34) this.fail('looking for beginning of object key string');
      const k = this.string();
      this.skipSpace();
      if (this.s.charCodeAt(this.pos) !== 58) this.fail('after object key');
      this.pos++;
      this.skipSpace();
      m.set(k, this.value());
      this.skipSpace();
      const c = this.s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 125) {
        this.pos++;
        return m;
      }
      this.fail('after object key:value pair');
    }
  }

  private array(): Value[] {
    const a: Value[] = [];
    this.pos++;
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) === 93) {
      this.pos++;
      return a;
    }
    for (;;) {
      a.push(this.value());
      this.skipSpace();
      const c = this.s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 93) {
        this.pos++;
        return a;
      }
      this.fail('after array element');
    }
  }
}

// The fast path: V8's JSON.parse runs at native speed from the first call, where the character-by-character Reader
// is interpreted bytecode (schemas are 100 KB). Both follow RFC 8259's grammar, so JSON.parse accepts exactly the
// texts Go's scanner accepts; what differs is left to the Reader: any syntax error (for Go's message), numbers
// that could overflow float64 (Go's range error), \u escapes of surrogates (Go turns lone ones into U+FFFD), and
// keys that look like array indices (JS objects list them first, which would change the Map's order).
const RISKY_TEXT = /[0-9]{200}|[eE][-+]?[0-9]{3}|\\u[dD][89a-fA-F]/;

/** JSON.parse's object turned into Go values, or undefined when a key forbids the fast path. */
function fromNative(x: unknown): Value | undefined {
  if (x === null || typeof x !== 'object') return x as Value;
  if (Array.isArray(x)) {
    const a: Value[] = new Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = fromNative(x[i]);
      if (v === undefined) return undefined;
      a[i] = v;
    }
    return a;
  }
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o);
  const m: GoMap = new Map();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const c = k.charCodeAt(0);
    if (c >= 48 && c <= 57) return undefined;
    const v = fromNative(o[k]);
    if (v === undefined) return undefined;
    m.set(k, v);
  }
  return m;
}

/** The document through JSON.parse, or undefined when only the Reader can give Go's result. */
function nativeParse(text: string): Value | undefined {
  if (RISKY_TEXT.test(text)) return undefined;
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return undefined;
  }
  return fromNative(x);
}

/** How encoding/json names a decoded value's JSON kind in `cannot unmarshal X into ...` errors. */
export function jsonKind(v: Value): string {
  if (v instanceof Map) return 'object';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

export interface ParseJSONOptions {
  /** interface{} (default), map[string]interface{} or []interface{}. */
  target?: 'any' | 'map' | 'slice';
}

/**
 * json.Unmarshal of text. Errors are GoCodecErrors with Go's messages (`unexpected end of JSON input`,
 * `invalid character '}' looking for beginning of object key string`, `json: cannot unmarshal array into Go value
 * of type map[string]interface {}`). For `map` and `slice` targets, JSON null gives a nil map or slice (nil.ts).
 * A number beyond float64 throws JSONRangeError carrying the rest of the document.
 */
export function parseJSON(text: string, options?: ParseJSONOptions): Value {
  let v = nativeParse(text);
  let rangeError: string | undefined;
  if (v === undefined) {
    const r = new Reader(text);
    v = r.document();
    rangeError = r.rangeError;
  }
  const target = options?.target ?? 'any';
  // A top-level number out of range decoded as null, but it is still a number to the type check.
  const topNumber = v === null && /^[\t\n\r ]*[-0-9]/.test(text);
  if (target !== 'any' && (v !== null || topNumber)) {
    const ok = target === 'map' ? v instanceof Map : Array.isArray(v);
    if (!ok) {
      const type = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
      throw new GoCodecError(
        `json: cannot unmarshal ${topNumber ? 'number' : jsonKind(v)} into Go value of type ${type}`,
      );
    }
  }
  if (rangeError) throw new JSONRangeError(rangeError, v);
  if (v === null && target !== 'any') return target === 'map' ? nilMap() : nilSlice();
  return v;
}
