// The `--set` family's grammar (helm's pkg/strvals): `a.b=1,c[0].d={x,y},e\.f=g`.
//
// One parser serves five flags, differing in how a value's text becomes a value:
//   typed    --set          true/false/null (any case), int64 for decimal integers not starting with 0, else string
//   string   --set-string   always the string
//   file     --set-file     the contents of the file the text names (a string)
//   json     --set-json     a JSON value (json.Decoder semantics: one value, the rest left for the next key)
//   literal  --set-literal  the whole rest of the line, verbatim; keys take no `\` escapes and `,` is not special
//
// The parser mirrors helm's control flow closely because its corner cases are observable: errors are returned
// rather than thrown (EOF ends parsing quietly), a failed Go type assertion becomes helm's
// `unable to parse key: interface conversion: ...`, and a list is stored even when its item fails with EOF.
// helm 4 treats an error that wraps EOF (`error parsing index: EOF`, from `a[0`) as the end of input; helm 3 does not.

import { isSpaceRune } from '../template/gostring.ts';
import { quoteRune } from '../template/strconv.ts';
import { numErrorText, parseGoInt, scanGoInt } from '../template/strconv-parse.ts';
import { type GoMap, type GoSlice, goInt64, typeOf, type Value } from '../template/value.ts';
import { goQuote } from './goquote.ts';
import { decodeJSONPrefix } from './json-prefix.ts';

export type StrvalsMode = 'typed' | 'string' | 'file' | 'json' | 'literal';
export type Dialect = 'helm4' | 'helm3';

/** The maximum list index `a[i]` may use, and the maximum depth of dotted names (helm's MaxIndex, MaxNestedNameLevel). */
export const MAX_INDEX = 65536;
export const MAX_NESTED_NAME_LEVEL = 30;

/** A `--set` expression helm refuses; the message is strvals' own, without the flag's prefix. */
export class StrvalsError extends Error {
  override name = 'StrvalsError';
  constructor(
    message: string,
    /** Whether the error wraps io.EOF (helm 4's errors.Is then treats it as the end of input). */
    readonly wrapsEOF = false,
  ) {
    super(message);
  }
}

/** Reads a `--set-file` path; returns the file's contents or throws an Error whose message is Go's. */
export type FileReader = (path: string) => string;

export interface StrvalsOptions {
  readonly mode: StrvalsMode;
  readonly dialect?: Dialect;
  readonly readFile?: FileReader;
}

/** Parses one flag value into `dest` (mutating it, as helm's ParseInto does). Throws StrvalsError. */
export function parseStrvalsInto(text: string, dest: GoMap, options: StrvalsOptions): void {
  const p = new Parser(text, options);
  for (;;) {
    const err = p.key(dest, 0);
    if (err === null) continue;
    if (err === EOF) return;
    if (err.wrapsEOF && p.dialect === 'helm4') return;
    throw err;
  }
}

/** Parses one flag value into a new map (helm's strvals.Parse and friends). */
export function parseStrvals(text: string, options: StrvalsOptions): GoMap {
  const m: GoMap = new Map();
  parseStrvalsInto(text, m, options);
  return m;
}

// Go's io.EOF and strvals.ErrNotList, as sentinel results.
const EOF = Symbol('EOF');
const NOT_LIST = Symbol('ErrNotList');
type Err = StrvalsError | typeof EOF | null;

/** A failed type assertion (a Go panic), recovered by the nearest `key` frame. */
class Panic {
  constructor(readonly message: string) {}
}

function assertList(v: Value): GoSlice {
  if (Array.isArray(v)) return v;
  throw new Panic(`interface conversion: interface {} is ${goTypeName(v)}, not []interface {}`);
}

function assertMap(v: Value): GoMap {
  if (v instanceof Map) return v;
  throw new Panic(`interface conversion: interface {} is ${goTypeName(v)}, not map[string]interface {}`);
}

function goTypeName(v: Value): string {
  return v === null || v === undefined ? 'nil' : typeOf(v);
}

function wrap(prefix: string, err: StrvalsError | typeof EOF): StrvalsError {
  if (err === EOF) return new StrvalsError(`${prefix}: EOF`, true);
  return new StrvalsError(`${prefix}: ${err.message}`, err.wrapsEOF);
}

const C_EQ = 0x3d;
const C_LBRACK = 0x5b;
const C_RBRACK = 0x5d;
const C_COMMA = 0x2c;
const C_DOT = 0x2e;
const C_LBRACE = 0x7b;
const C_RBRACE = 0x7d;
const C_BACKSLASH = 0x5c;
const NONE = -1;

const KEY_STOP = (c: number) => c === C_EQ || c === C_LBRACK || c === C_COMMA || c === C_DOT;
const LITERAL_KEY_STOP = (c: number) => c === C_EQ || c === C_LBRACK || c === C_DOT;
const ITEM_STOP = (c: number) => c === C_LBRACK || c === C_DOT || c === C_EQ;
const INDEX_STOP = (c: number) => c === C_RBRACK;
const VALUE_STOP = (c: number) => c === C_COMMA;
const LIST_STOP = (c: number) => c === C_COMMA || c === C_RBRACE;

class Parser {
  private pos = 0;
  private lastWidth = 0;
  readonly dialect: Dialect;
  private readonly mode: StrvalsMode;
  private readonly readFile: FileReader | undefined;
  // Results of the last runesUntil: the text read and the stop rune (NONE at end of input).
  private text = '';
  private last = NONE;

  constructor(
    private readonly s: string,
    options: StrvalsOptions,
  ) {
    this.mode = options.mode;
    this.dialect = options.dialect ?? 'helm4';
    this.readFile = options.readFile;
  }

  private readRune(): number {
    if (this.pos >= this.s.length) {
      this.lastWidth = 0;
      return NONE;
    }
    const c = this.s.codePointAt(this.pos)!;
    this.lastWidth = c > 0xffff ? 2 : 1;
    this.pos += this.lastWidth;
    return c;
  }

  private unreadRune(): void {
    this.pos -= this.lastWidth;
    this.lastWidth = 0;
  }

  /** Reads up to a stop rune (consumed) or the end; `\x` takes x literally except in literal mode. */
  private runesUntil(stop: (c: number) => boolean): boolean {
    const s = this.s;
    const escapes = this.mode !== 'literal';
    let out = '';
    let from = this.pos;
    for (let i = this.pos; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (stop(c)) {
        this.text = out + s.slice(from, i);
        this.last = c;
        this.pos = i + 1;
        return true;
      }
      if (c === C_BACKSLASH && escapes) {
        out += s.slice(from, i);
        if (i + 1 >= s.length) {
          this.text = out;
          this.last = NONE;
          this.pos = s.length;
          return false;
        }
        // Take the next rune whole (a surrogate pair is one rune).
        const n = s.codePointAt(i + 1)!;
        const w = n > 0xffff ? 2 : 1;
        out += s.slice(i + 1, i + 1 + w);
        i += w;
        from = i + 1;
      }
    }
    this.text = out + s.slice(from);
    this.last = NONE;
    this.pos = s.length;
    return false;
  }

  /** The value a text becomes (helm's `reader`); throws StrvalsError for an unreadable --set-file. */
  private read(text: string): Value {
    switch (this.mode) {
      case 'typed':
        return typedVal(text);
      case 'file': {
        if (!this.readFile) throw new StrvalsError('--set-file needs a file reader');
        return this.readFile(text);
      }
      default:
        return text;
    }
  }

  private readValue(text: string): { v: Value; err: StrvalsError | null } {
    try {
      return { v: this.read(text), err: null };
    } catch (e) {
      if (e instanceof StrvalsError) return { v: null, err: e };
      return { v: null, err: new StrvalsError((e as Error).message) };
    }
  }

  key(data: GoMap, level: number): Err {
    try {
      return this.keyBody(data, level);
    } catch (e) {
      if (e instanceof Panic) return new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyBody(data: GoMap, level: number): Err {
    const literal = this.mode === 'literal';
    if (!this.runesUntil(literal ? LITERAL_KEY_STOP : KEY_STOP)) {
      if (this.text.length === 0) return EOF;
      return new StrvalsError(`key ${goQuote(this.text)} has no value`);
    }
    const k = this.text;
    switch (this.last) {
      case C_LBRACK: {
        const idx = this.keyIndex();
        if (typeof idx !== 'number') return wrap('error parsing index', idx);
        let list: GoSlice = [];
        if (data.has(k)) list = assertList(data.get(k));
        const r = this.listItem(list, idx, level);
        set(data, k, r.list);
        return r.err;
      }
      case C_EQ:
        if (this.mode === 'json') return this.jsonValue((v) => set(data, k, v));
        if (literal) {
          set(data, k, this.s.slice(this.pos));
          this.pos = this.s.length;
          return null;
        }
        return this.valueInto(data, k);
      case C_COMMA:
        set(data, k, '');
        return new StrvalsError(`key ${goQuote(k)} has no value (cannot end with ,)`);
      default: {
        // '.': a nested map
        level++;
        if (level > MAX_NESTED_NAME_LEVEL) {
          return new StrvalsError(
            `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
          );
        }
        let inner: GoMap = new Map();
        if (data.has(k)) inner = assertMap(data.get(k));
        const e = this.key(inner, level);
        if (e === null && inner.size === 0) return new StrvalsError(`key map ${goQuote(k)} has no value`);
        if (inner.size !== 0) set(data, k, inner);
        return e;
      }
    }
  }

  /** `k=` followed by `{a,b}` or a scalar. */
  private valueInto(data: GoMap, k: string): Err {
    const vl = this.valList();
    if (vl.err === null) {
      set(data, k, vl.list);
      return null;
    }
    if (vl.err === EOF) {
      set(data, k, '');
      return EOF;
    }
    if (vl.err === NOT_LIST) {
      this.runesUntil(VALUE_STOP);
      const r = this.readValue(this.text);
      set(data, k, r.v);
      return r.err;
    }
    return vl.err;
  }

  /** `--set-json`: an empty value is null; otherwise one JSON value, then optional blanks and a comma. */
  private jsonValue(store: (v: Value) => Err | undefined): Err {
    if (this.emptyVal()) return store(null) ?? null;
    let decoded: { value: Value; end: number };
    try {
      decoded = decodeJSONPrefix(this.s, this.pos);
    } catch (e) {
      return new StrvalsError((e as Error).message);
    }
    const err = store(decoded.value);
    if (err) return err;
    this.pos = decoded.end;
    this.emptyVal();
    return null;
  }

  /** Consumes blanks up to a comma or the end (true: the value is empty); stops before anything else. */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.readRune();
      if (r === NONE || r === C_COMMA) return true;
      if (!isSpaceRune(r)) {
        this.unreadRune();
        return false;
      }
    }
  }

  private keyIndex(): number | StrvalsError | typeof EOF {
    if (!this.runesUntil(INDEX_STOP)) return EOF;
    return atoi(this.text);
  }

  private valList(): { list: GoSlice; err: StrvalsError | typeof EOF | typeof NOT_LIST | null } {
    const r = this.readRune();
    if (r === NONE) return { list: [], err: EOF };
    if (r !== C_LBRACE) {
      this.unreadRune();
      return { list: [], err: NOT_LIST };
    }
    const list: GoSlice = [];
    for (;;) {
      if (!this.runesUntil(LIST_STOP)) return { list, err: new StrvalsError("list must terminate with '}'") };
      const text = this.text;
      if (this.last === C_RBRACE) {
        const next = this.readRune();
        if (next !== NONE && next !== C_COMMA) this.unreadRune();
        const v = this.readValue(text);
        list.push(v.v);
        return { list, err: v.err };
      }
      const v = this.readValue(text);
      if (v.err) return { list, err: v.err };
      list.push(v.v);
    }
  }

  private listItem(list: GoSlice, i: number, level: number): { list: GoSlice; err: Err } {
    if (i < 0) return { list, err: new StrvalsError(`negative ${i} index not allowed`) };
    const found = this.runesUntil(ITEM_STOP);
    if (this.text.length > 0) {
      // k is a []rune in helm, which %q prints as a list of quoted runes: ['x' 'y'].
      const runes = [...this.text].map((r) => quoteRune(r.codePointAt(0)!)).join(' ');
      return { list, err: new StrvalsError(`unexpected data at end of array index: [${runes}]`) };
    }
    if (!found) return { list, err: EOF };
    switch (this.last) {
      case C_EQ: {
        if (this.mode === 'json') {
          let out = list;
          const err = this.jsonValue((v) => {
            const r = setIndex(list, i, v);
            out = r.list;
            return r.err ?? undefined;
          });
          return { list: out, err };
        }
        if (this.mode === 'literal') {
          const rest = this.s.slice(this.pos);
          this.pos = this.s.length;
          return setIndex(list, i, rest);
        }
        const vl = this.valList();
        if (vl.err === null) return setIndex(list, i, vl.list);
        if (vl.err === EOF) return setIndex(list, i, '');
        if (vl.err === NOT_LIST) {
          this.runesUntil(VALUE_STOP);
          const r = this.readValue(this.text);
          if (r.err) return { list, err: r.err };
          return setIndex(list, i, r.v);
        }
        return { list, err: vl.err };
      }
      case C_LBRACK: {
        const next = this.keyIndex();
        if (typeof next !== 'number') return { list, err: wrap('error parsing index', next) };
        let current: GoSlice = [];
        if (list.length > i && list[i] !== null && list[i] !== undefined) current = assertList(list[i]);
        const r = this.listItem(current, next, level);
        if (r.err) return { list, err: r.err };
        return setIndex(list, i, r.list);
      }
      default: {
        // '.': a map inside the list
        let inner: GoMap = new Map();
        if (list.length > i) {
          const existing = list[i];
          if (existing instanceof Map) inner = existing;
          else list[i] = inner;
        }
        const e = this.key(inner, level);
        if (e) return { list, err: e };
        return setIndex(list, i, inner);
      }
    }
  }
}

function set(data: GoMap, key: string, v: Value): undefined {
  if (key.length > 0) data.set(key, v);
  return undefined;
}

function setIndex(list: GoSlice, index: number, v: Value): { list: GoSlice; err: StrvalsError | null } {
  if (index < 0) return { list, err: new StrvalsError(`negative ${index} index not allowed`) };
  if (index > MAX_INDEX) {
    return {
      list,
      err: new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`),
    };
  }
  while (list.length <= index) list.push(null);
  list[index] = v;
  return { list, err: null };
}

/** Go's strconv.Atoi on a 64-bit platform, with its error texts. */
function atoi(s: string): number | StrvalsError {
  const { value, err } = scanGoInt(s, 10);
  if (err !== undefined) return new StrvalsError(numErrorText('Atoi', s, err));
  // Indices beyond MAX_INDEX are refused later; keep the sign and magnitude for the message.
  return Number(value);
}

/** Go's strings.EqualFold against an ASCII lower-case word (ſ folds to s, K to k). */
function equalFold(s: string, word: string): boolean {
  if (s.length !== word.length) return false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (c === 0x17f) c = 0x73;
    else if (c === 0x212a) c = 0x6b;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** `--set`'s typing of a scalar. */
export function typedVal(s: string): Value {
  if (equalFold(s, 'true')) return true;
  if (equalFold(s, 'false')) return false;
  if (equalFold(s, 'null')) return null;
  if (s === '0') return goInt64(0);
  if (s.length !== 0 && s.charCodeAt(0) !== 0x30) {
    const n = parseGoInt(s, 10);
    if (n !== undefined) return goInt64(n);
  }
  return s;
}
