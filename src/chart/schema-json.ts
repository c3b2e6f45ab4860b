// values.schema.json as both schema validators read it: JSON with numbers kept as written (json.Number), since
// helm 4's messages print enum numbers verbatim (`2.50`, `1e3`). Syntax errors read as Go's json.Decoder
// reports them (helm 4's jsonschema.UnmarshalJSON): `EOF`, `unexpected EOF`, `invalid character ...`.

import { GoCodecError } from '../goyaml/index.ts';
import { parseJSON } from '../goyaml/json-decode.ts';

/** A JSON number with its source text. */
export class RawNumber {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

/** A JSON value with RawNumbers; objects keep their key order. */
export type Json = null | boolean | string | RawNumber | Json[] | JsonObject;
export type JsonObject = Map<string, Json>;

export class SchemaSyntaxError extends Error {
  override name = 'SchemaSyntaxError';
}

/** Parses schema text; throws SchemaSyntaxError with json.Decoder's message. */
export function parseSchemaJSON(text: string): Json {
  try {
    parseJSON(text);
  } catch (e) {
    if (!(e instanceof GoCodecError)) throw e;
    const m = e.message;
    if (m === 'unexpected end of JSON input') {
      throw new SchemaSyntaxError(text.trim() === '' ? 'EOF' : 'unexpected EOF');
    }
    if (m.includes('after top-level value')) throw new SchemaSyntaxError('invalid character after top-level value');
    throw new SchemaSyntaxError(m);
  }
  return new RawReader(text).value();
}

/** A plain JS value for ajv. */
export function toPlain(j: Json): unknown {
  if (j instanceof RawNumber) return j.value;
  if (Array.isArray(j)) return j.map(toPlain);
  if (j instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of j)
      Object.defineProperty(o, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return j;
}

/** A reader for text already known to be valid JSON. */
class RawReader {
  private pos = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  value(): Json {
    this.ws();
    const s = this.s;
    const c = s[this.pos];
    if (c === '{') {
      this.pos++;
      const m: JsonObject = new Map();
      this.ws();
      if (s[this.pos] === '}') {
        this.pos++;
        return m;
      }
      for (;;) {
        this.ws();
        const k = this.string();
        this.ws();
        this.pos++; // :
        m.set(k, this.value());
        this.ws();
        if (s[this.pos++] === '}') return m;
      }
    }
    if (c === '[') {
      this.pos++;
      const a: Json[] = [];
      this.ws();
      if (s[this.pos] === ']') {
        this.pos++;
        return a;
      }
      for (;;) {
        a.push(this.value());
        this.ws();
        if (s[this.pos++] === ']') return a;
      }
    }
    if (c === '"') return this.string();
    if (s.startsWith('true', this.pos)) {
      this.pos += 4;
      return true;
    }
    if (s.startsWith('false', this.pos)) {
      this.pos += 5;
      return false;
    }
    if (s.startsWith('null', this.pos)) {
      this.pos += 4;
      return null;
    }
    const start = this.pos;
    while (this.pos < s.length && /[-+.eE0-9]/.test(s[this.pos])) this.pos++;
    const text = s.slice(start, this.pos);
    return new RawNumber(Number(text), text);
  }

  private string(): string {
    const s = this.s;
    const start = this.pos;
    this.pos++;
    while (s[this.pos] !== '"') this.pos += s[this.pos] === '\\' ? 2 : 1;
    this.pos++;
    return JSON.parse(s.slice(start, this.pos)) as string;
  }
}
