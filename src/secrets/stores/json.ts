// The JSON store (and the binary store, which wraps a file as `{"data": "..."}`). JSON is parsed by hand to keep
// key order (a JS object reorders integer-like keys) and Go's int/float distinction, and written as Go's
// encoding/json writes it (HTML-safe escapes, json.Indent layout).

import { SopsFormatError } from '../errors.ts';
import { formatRfc3339Nano, inInt64 } from '../gotext.ts';
import type { Plain } from '../metadata.ts';
import { Comment, Leaf, type MapEntry, SopsList, SopsMap, SopsTime, type TreeValue } from '../tree.ts';

const LITERALS: [string, boolean | null][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

class JsonParser {
  private i = 0;
  constructor(private readonly s: string) {}

  fail(what: string): never {
    throw new SopsFormatError(`invalid JSON at offset ${this.i}: ${what}`);
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  document(): SopsMap {
    this.ws();
    if (this.s[this.i] !== '{') {
      this.fail(
        'SOPS only supports JSON files with a top-level object; wrap the value in an object, e.g. {"data": ...}',
      );
    }
    const v = this.value() as SopsMap;
    this.ws();
    return v;
  }

  value(): TreeValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return new Leaf(this.string());
    for (const [word, v] of LITERALS) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return new Leaf(v);
      }
    }
    return new Leaf(this.number());
  }

  private object(): SopsMap {
    const m = new SopsMap();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return m;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected an object key');
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.fail("expected ':'");
      m.items.push({ key, value: this.value() });
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return m;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
  }

  private array(): SopsList {
    const l = new SopsList();
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return l;
    }
    for (;;) {
      l.items.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return l;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
  }

  private string(): string {
    const s = this.s;
    let out = '';
    let start = ++this.i;
    for (;;) {
      if (this.i >= s.length) this.fail('unterminated string');
      const c = s.charCodeAt(this.i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('control character in string');
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += s.slice(start, this.i);
      const e = s[this.i + 1];
      this.i += 2;
      if (e === 'u') {
        const hex = s.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.i += 4;
      } else {
        const m = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e ?? ''];
        if (m === undefined) this.fail('bad escape');
        out += m;
      }
      start = this.i;
    }
    out += s.slice(start, this.i);
    this.i++;
    return out;
  }

  private number(): bigint | number {
    const m = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) this.fail('unexpected character');
    this.i += r[0].length;
    // sops decodes with UseNumber: an int64 stays an int, anything else becomes a float64.
    if (!r[1] && !r[2]) {
      const v = BigInt(r[0]);
      if (inInt64(v)) return v;
    }
    return Number(r[0]);
  }
}

/** Parses a JSON document into a tree; returns it with the `sops` metadata taken out. */
export function loadJson(text: string): { docs: SopsMap[]; metadata: Plain | undefined } {
  const p = new JsonParser(text);
  const root = p.document();
  let metadata: Plain | undefined;
  const at = root.items.findIndex((it) => !(it instanceof Comment) && it.key === 'sops');
  if (at >= 0) {
    metadata = treeToPlain((root.items[at] as MapEntry).value);
    root.items.splice(at, 1);
  }
  return { docs: [root], metadata };
}

/** Plain data of a tree value (for metadata). */
export function treeToPlain(v: TreeValue): Plain {
  if (v instanceof SopsMap) {
    const out: { [k: string]: Plain } = {};
    for (const it of v.items) if (!(it instanceof Comment)) out[it.key] = treeToPlain(it.value);
    return out;
  }
  if (v instanceof SopsList)
    return v.items.filter((x) => !(x instanceof Comment)).map((x) => treeToPlain(x as TreeValue));
  const s = v.value;
  if (s instanceof SopsTime) return formatRfc3339Nano(s.time);
  if (s instanceof Uint8Array) return Buffer.from(s).toString('base64');
  return s;
}

const HEX = '0123456789abcdef';

/** Go's encoding/json string encoding (HTML-safe). */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x0a) esc = '\\n';
    else if (c === 0x0d) esc = '\\r';
    else if (c === 0x09) esc = '\\t';
    else if (c === 0x08) esc = '\\b';
    else if (c === 0x0c) esc = '\\f';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      esc = `\\u${c < 0x100 ? '00' : ''}${c >= 0x100 ? c.toString(16) : HEX[c >> 4] + HEX[c & 15]}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 in Go: written as U+FFFD.
      const pair = c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return `${out + s.slice(start)}"`;
}

/** Go's JSON text of a float64 (encoding/json: %f, or %e outside [1e-6, 1e21), exponent without padding). */
function goJsonFloat(v: number): string {
  if (!Number.isFinite(v)) throw new SopsFormatError(`JSON cannot hold the float value ${v}`);
  return String(v); // JS uses exactly Go's thresholds and shortest digits
}

function scalarJson(v: Leaf['value']): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return goJsonFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Uint8Array) return `"${Buffer.from(v).toString('base64')}"`;
  return goJsonString(formatRfc3339Nano(v.time));
}

function plainToTree(p: Plain): TreeValue {
  if (Array.isArray(p)) return new SopsList(p.map(plainToTree));
  if (p !== null && typeof p === 'object') {
    return new SopsMap(Object.entries(p).map(([key, v]) => ({ key, value: plainToTree(v) })));
  }
  return new Leaf(p as Leaf['value']);
}

/** Writes a tree as Go's json.Indent would lay it out (tab indentation unless `indent` spaces are asked for). */
export function emitJson(doc: TreeValue, metadata: Plain | undefined, indent?: number): string {
  const unit = indent !== undefined && indent >= 0 ? ' '.repeat(indent) : '\t';
  const parts: string[] = [];
  const write = (v: TreeValue, depth: number) => {
    if (v instanceof Leaf) {
      parts.push(scalarJson(v.value));
      return;
    }
    const isMapping = v instanceof SopsMap;
    const items = v.items.filter((x) => !(x instanceof Comment)) as Array<MapEntry | TreeValue>;
    const extra = isMapping && depth === 0 && metadata !== undefined ? 1 : 0;
    if (items.length + extra === 0) {
      parts.push(isMapping ? '{}' : '[]');
      return;
    }
    parts.push(isMapping ? '{' : '[');
    const pad = `\n${unit.repeat(depth + 1)}`;
    items.forEach((it, n) => {
      parts.push(n ? `,${pad}` : pad);
      if (isMapping) {
        parts.push(`${goJsonString((it as MapEntry).key)}: `);
        write((it as MapEntry).value, depth + 1);
      } else write(it as TreeValue, depth + 1);
    });
    if (extra) {
      parts.push(items.length ? `,${pad}` : pad, '"sops": ');
      write(plainToTree(metadata as Plain), depth + 1);
    }
    parts.push(`\n${unit.repeat(depth)}${isMapping ? '}' : ']'}`);
  };
  write(doc, 0);
  return `${parts.join('')}\n`;
}
