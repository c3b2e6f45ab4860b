// values.schema.json as both schema validators read it: JSON with numbers kept as written (json.Number), since
// helm 4's messages print enum numbers verbatim (`2.50`, `1e3`). Syntax errors read as Go's json.Decoder
// reports them (helm 4's jsonschema.UnmarshalJSON): `EOF`, `unexpected EOF`, `invalid character ...`.

import { GoCodecError } from '../goyaml/index.ts';
import { parseJSON } from '../goyaml/json-decode.ts';
import type { GoMap, Value } from '../template/value.ts';

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
  // The native parser checks the syntax at full speed from the first call; Go's decoder (for its message) is
  // only needed when that check fails. Both accept exactly the JSON grammar.
  if (!nativeAccepts(text)) {
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
  }
  return new RawReader(text).value();
}

function nativeAccepts(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The Go value (float64 numbers, maps) encoding/json gives the schema document. */
export function toValue(j: Json): Value {
  if (j instanceof RawNumber) return j.value;
  if (Array.isArray(j)) return j.map(toValue);
  if (j instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of j) m.set(k, toValue(x));
    return m;
  }
  return j;
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

const WS = /[ \t\n\r]*/y;
const NUMBER = /[-+.eE0-9]*/y;

/**
 * A reader for text already known to be valid JSON. Runs of white space, numbers and strings without escapes
 * are each skipped with one native call (regex or indexOf), not a loop per character.
 */
class RawReader {
  private pos = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    const c = this.s.charCodeAt(this.pos);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      WS.lastIndex = this.pos;
      WS.test(this.s);
      this.pos = WS.lastIndex;
    }
  }

  value(): Json {
    this.ws();
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === 0x7b /* { */) {
      this.pos++;
      const m: JsonObject = new Map();
      this.ws();
      if (s.charCodeAt(this.pos) === 0x7d /* } */) {
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
        if (s.charCodeAt(this.pos++) === 0x7d) return m;
      }
    }
    if (c === 0x5b /* [ */) {
      this.pos++;
      const a: Json[] = [];
      this.ws();
      if (s.charCodeAt(this.pos) === 0x5d /* ] */) {
        this.pos++;
        return a;
      }
      for (;;) {
        a.push(this.value());
        this.ws();
        if (s.charCodeAt(this.pos++) === 0x5d) return a;
      }
    }
    if (c === 0x22 /* " */) return this.string();
    if (c === 0x74 /* t */) {
      this.pos += 4;
      return true;
    }
    if (c === 0x66 /* f */) {
      this.pos += 5;
      return false;
    }
    if (c === 0x6e /* n */) {
      this.pos += 4;
      return null;
    }
    const start = this.pos;
    NUMBER.lastIndex = start;
    NUMBER.test(s);
    this.pos = NUMBER.lastIndex;
    const text = s.slice(start, this.pos);
    return new RawNumber(Number(text), text);
  }

  private string(): string {
    const s = this.s;
    const start = this.pos;
    const close = s.indexOf('"', start + 1);
    const body = s.slice(start + 1, close);
    if (!body.includes('\\')) {
      this.pos = close + 1;
      return body;
    }
    this.pos = start + 1;
    while (s.charCodeAt(this.pos) !== 0x22) this.pos += s.charCodeAt(this.pos) === 0x5c ? 2 : 1;
    this.pos++;
    return JSON.parse(s.slice(start, this.pos)) as string;
  }
}
