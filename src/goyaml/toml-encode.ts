// BurntSushi/toml's Encoder (encode.go) over Go values, as Helm's toToml runs it: plain keys first, then tables
// and arrays of tables, each group sorted; nested table headers indented two spaces per level; maps inside arrays
// inline; nil values skipped. Floats are printed with %g in v1.6 (helm 4) and %f in v1.4 (helm 3).

import { compareStrings } from '../template/gostring.ts';
import { GoInt, GoStruct, type Value } from '../template/value.ts';
import { GoCodecError } from './errors.ts';
import { formatFloatF, formatFloatG } from './gofloat.ts';
import { GoTime } from './gotime.ts';
import { isNilCollection } from './nil.ts';

export interface MarshalTOMLOptions {
  /** BurntSushi/toml version: 1.6 (helm 4.1, the default) or 1.4 (helm 3.17). */
  version?: '1.6' | '1.4';
}

const T_NIL = 0;
const T_BOOL = 1;
const T_INT = 2;
const T_FLOAT = 3;
const T_STRING = 4;
const T_DATETIME = 5;
const T_ARRAY = 6;
const T_HASH = 7;
const T_ARRAY_HASH = 8;

function fail(msg: string): never {
  throw new GoCodecError(msg);
}

function structMap(s: GoStruct): Map<string, Value> {
  const m = new Map<string, Value>();
  for (const f of s.fieldNames()) {
    const v = s.field(f);
    if (typeof v !== 'symbol') m.set(f, v);
  }
  return m;
}

function tomlType(v: Value): number {
  if (v === null || v === undefined || isNilCollection(v)) return T_NIL;
  switch (typeof v) {
    case 'boolean':
      return T_BOOL;
    case 'number':
      return T_FLOAT;
    case 'string':
      return T_STRING;
  }
  if (v instanceof GoInt) return T_INT;
  if (v instanceof GoTime) return T_DATETIME;
  if (v instanceof Uint8Array) return v.length > 0 ? T_ARRAY : T_ARRAY;
  if (Array.isArray(v)) return isTableArray(v) ? T_ARRAY_HASH : T_ARRAY;
  if (v instanceof Map || v instanceof GoStruct) return T_HASH;
  return fail('unsupported type: func');
}

function isTableArray(arr: Value[]): boolean {
  if (arr.length === 0) return false;
  let ret = true;
  for (const x of arr) {
    const t = tomlType(x);
    if (t === T_NIL) fail('toml: cannot encode array with nil element');
    if (t !== T_HASH) ret = false;
  }
  return ret;
}

const isTable = (t: number) => t === T_HASH || t === T_ARRAY_HASH;

/** The replacements of BurntSushi's dblQuotedReplacer. */
function quote(s: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 12) out += '\\f';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\u00' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

const BARE = /^[A-Za-z0-9_-]+$/;

function keyPiece(k: string): string {
  if (k === '') return '""';
  return BARE.test(k) ? k : quote(k);
}

class TOMLWriter {
  out = '';
  private written = false;
  constructor(private readonly floatFormat: '1.6' | '1.4') {}

  private write(s: string): void {
    this.out += s;
    this.written = true;
  }

  private newline(): void {
    if (this.written) this.write('\n');
  }

  private indent(key: string[]): string {
    return '  '.repeat(key.length - 1);
  }

  encode(key: string[], v: Value): void {
    if (v === null || v === undefined || isNilCollection(v)) return;
    if (v instanceof GoTime) {
      this.keyValue(key, v, false);
      return;
    }
    if (Array.isArray(v) || v instanceof Uint8Array) {
      if (Array.isArray(v) && isTableArray(v)) this.arrayOfTables(key, v);
      else this.keyValue(key, v, false);
      return;
    }
    if (v instanceof Map) {
      this.table(key, v);
      return;
    }
    if (v instanceof GoStruct) {
      this.table(key, structMap(v));
      return;
    }
    if (typeof v === 'object' && !(v instanceof GoInt)) fail(`unsupported type for key '${key.join('.')}': func`);
    this.keyValue(key, v, false);
  }

  private element(v: Value): void {
    if (v instanceof GoTime) {
      this.write(v.tomlText());
      return;
    }
    switch (typeof v) {
      case 'string':
        this.write(quote(v));
        return;
      case 'boolean':
        this.write(v ? 'true' : 'false');
        return;
      case 'number': {
        if (Number.isNaN(v)) this.write('nan');
        else if (!Number.isFinite(v)) this.write(v < 0 ? '-inf' : 'inf');
        else if (this.floatFormat === '1.6') {
          const s = formatFloatG(v);
          this.write(s.includes('e') || s.includes('.') ? s : s + '.0');
        } else {
          const s = formatFloatF(v);
          this.write(s.includes('.') ? s : s + '.0');
        }
        return;
      }
    }
    if (v instanceof GoInt) {
      this.write(v.value.toString());
      return;
    }
    if (v instanceof Uint8Array) {
      this.write('[' + Array.from(v).join(', ') + ']');
      return;
    }
    if (Array.isArray(v)) {
      this.write('[');
      for (let i = 0; i < v.length; i++) {
        this.element(v[i]);
        if (i !== v.length - 1) this.write(', ');
      }
      this.write(']');
      return;
    }
    if (v instanceof Map) {
      this.map([], v, true);
      return;
    }
    if (v instanceof GoStruct) {
      this.map([], structMap(v), true);
      return;
    }
    fail('unexpected type: func');
  }

  private keyValue(key: string[], v: Value, inline: boolean): void {
    if (key.length === 0) {
      this.element(v);
      return;
    }
    this.write(`${this.indent(key)}${keyPiece(key[key.length - 1])} = `);
    this.element(v);
    if (!inline) this.newline();
  }

  private arrayOfTables(key: string[], v: Value[]): void {
    if (key.length === 0) fail('toml: top-level values must be Go maps or structs');
    for (const t of v) {
      if (t === null || t === undefined) continue;
      this.newline();
      this.write(`${this.indent(key)}[[${key.map(keyPiece).join('.')}]]`);
      this.newline();
      this.map(key, t instanceof GoStruct ? structMap(t) : (t as Map<string, Value>), false);
    }
  }

  private table(key: string[], m: Map<string, Value>): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.write(`${this.indent(key)}[${key.map(keyPiece).join('.')}]`);
      this.newline();
    }
    this.map(key, m, false);
  }

  private map(key: string[], m: Map<string, Value>, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const [k, x] of m) (isTable(tomlType(x)) ? sub : direct).push(k);
    const writeKeys = (keys: string[], trailComma: boolean) => {
      keys.sort(compareStrings);
      for (let i = 0; i < keys.length; i++) {
        const x = m.get(keys[i]);
        if (x === null || x === undefined || isNilCollection(x)) continue;
        if (inline) {
          this.keyValue([keys[i]], x, true);
          if (trailComma || i !== keys.length - 1) this.write(', ');
        } else {
          this.encode([...key, keys[i]], x);
        }
      }
    };
    if (inline) this.write('{');
    writeKeys(direct, sub.length > 0);
    writeKeys(sub, false);
    if (inline) this.write('}');
  }
}

/**
 * BurntSushi/toml's Encoder.Encode(v). Throws GoCodecError with its error text (Helm's toToml returns that text
 * as its result).
 */
export function marshalTOML(v: Value, options?: MarshalTOMLOptions): string {
  const w = new TOMLWriter(options?.version ?? '1.6');
  w.encode([], v);
  return w.out;
}
