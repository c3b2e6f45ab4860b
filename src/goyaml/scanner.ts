// The YAML 1.1 scanner of libyaml as go-yaml v2 (scannerc.go) runs it: characters to tokens.
//
// Why not the `yaml` npm package's lexer: it follows YAML 1.2 and its own recovery rules, so it accepts and rejects
// different documents than go-yaml v2 and reports different messages at different lines. Helm users see v2's
// errors (`yaml: line 3: mapping values are not allowed in this context`), so bosun reproduces v2's algorithm:
// the same simple-key bookkeeping, the same indentation stack and the same error marks, written anew here.
//
// Positions: `pos` is a UTF-16 offset into the text; `index` and `column` count characters (code points) as
// libyaml does, so indentation and the 1024-character simple-key limit match.

import { YamlSyntaxError } from './errors.ts';

export const TOK = {
  STREAM_START: 1,
  STREAM_END: 2,
  VERSION_DIRECTIVE: 3,
  TAG_DIRECTIVE: 4,
  DOCUMENT_START: 5,
  DOCUMENT_END: 6,
  BLOCK_SEQUENCE_START: 7,
  BLOCK_MAPPING_START: 8,
  BLOCK_END: 9,
  FLOW_SEQUENCE_START: 10,
  FLOW_SEQUENCE_END: 11,
  FLOW_MAPPING_START: 12,
  FLOW_MAPPING_END: 13,
  BLOCK_ENTRY: 14,
  FLOW_ENTRY: 15,
  KEY: 16,
  VALUE: 17,
  ALIAS: 18,
  ANCHOR: 19,
  TAG: 20,
  SCALAR: 21,
} as const;

export const STYLE = { PLAIN: 1, SINGLE: 2, DOUBLE: 3, LITERAL: 4, FOLDED: 5 } as const;

export interface Token {
  type: number;
  /** 0-based line of the token's start: all that errors and nodes need of its position. */
  line: number;
  /** Scalar text, anchor/alias name, tag handle, or %TAG handle. */
  value: string;
  /** Tag suffix, or %TAG prefix. */
  suffix: string;
  style: number;
  major: number;
  minor: number;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  /** Where the key starts. */
  index: number;
  line: number;
  column: number;
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

// Characters the reader refuses (libyaml's "control characters are not allowed"). Surrogate pairs are fine.
const BAD_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

function isBreakCode(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlankzCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0 || isBreakCode(c);
}

function isAlphaCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 45 /* - */;
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function hexValue(c: number): number {
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return c - 48;
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function newToken(type: number, line: number): Token {
  return { type, line, value: '', suffix: '', style: 0, major: 0, minor: 0 };
}

export class Scanner {
  private readonly src: string;
  private readonly len: number;
  private pos = 0;
  private index = 0;
  private line = 0;
  private column = 0;
  /** Characters available before the reader fails on a control character (see readerLimit). */
  private readonly limit: number;

  private tokens: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;

  private indent = -1;
  private indents: number[] = [];
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByTok = new Map<number, number>();
  private flowLevel = 0;

  constructor(text: string) {
    // The reader drops a UTF-8 byte order mark at the start.
    this.src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.len = this.src.length;
    this.limit = readerLimit(this.src);
  }

  // ---- character access ------------------------------------------------------------------------------------

  /** UTF-16 unit at pos+k; 0 past the end (libyaml's NUL terminator). */
  private at(k = 0): number {
    const i = this.pos + k;
    return i < this.len ? this.src.charCodeAt(i) : 0;
  }

  /** libyaml's cache(): the reader decodes ahead in blocks and fails when a block holds a control character. */
  private need(n: number): void {
    if (this.index + n > this.limit) throw new YamlSyntaxError('reader', 'control characters are not allowed', 0, 0);
  }

  private charWidth(): number {
    const c = this.at();
    return c >= 0xd800 && c <= 0xdbff && this.pos + 1 < this.len ? 2 : 1;
  }

  private skip(): void {
    this.pos += this.charWidth();
    this.index++;
    this.column++;
  }

  private skipLine(): void {
    const c = this.at();
    if (c === 13 && this.at(1) === 10) {
      this.pos += 2;
      this.index += 2;
      this.column = 0;
      this.line++;
    } else if (isBreakCode(c)) {
      this.pos++;
      this.index++;
      this.column = 0;
      this.line++;
    }
  }

  /** Appends the current character to s and advances. */
  private read(s: string): string {
    const w = this.charWidth();
    s += this.src.slice(this.pos, this.pos + w);
    this.pos += w;
    this.index++;
    this.column++;
    return s;
  }

  /** Appends a normalized line break (CR, LF, CRLF, NEL become \n; LS and PS are kept) and advances. */
  private readLine(s: string): string {
    const c = this.at();
    if (c === 13 && this.at(1) === 10) {
      s += '\n';
      this.pos += 2;
      this.index += 2;
    } else if (c === 13 || c === 10 || c === 0x85) {
      s += '\n';
      this.pos++;
      this.index++;
    } else if (c === 0x2028 || c === 0x2029) {
      s += String.fromCharCode(c);
      this.pos++;
      this.index++;
    } else {
      return s;
    }
    this.column = 0;
    this.line++;
    return s;
  }

  private isBlank(k = 0): boolean {
    const c = this.at(k);
    return c === 32 || c === 9;
  }
  private isBreak(k = 0): boolean {
    return isBreakCode(this.at(k));
  }
  private isBlankz(k = 0): boolean {
    return isBlankzCode(this.at(k));
  }
  private isBreakz(k = 0): boolean {
    const c = this.at(k);
    return c === 0 || isBreakCode(c);
  }
  private isZ(): boolean {
    return this.pos >= this.len;
  }

  /** A scanner error at the current position; contextLine is where the construct being scanned started. */
  private error(context: string, contextLine: number, problem: string): YamlSyntaxError {
    void context;
    return new YamlSyntaxError('scanner', problem, this.line, contextLine);
  }

  // ---- token queue ---------------------------------------------------------------------------------------------

  /** The next token without consuming it. */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  /** Consumes the token returned by peek(). */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head].type === TOK.STREAM_END;
    this.head++;
    if (this.head > 64 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }

  get done(): boolean {
    return this.streamEndProduced;
  }

  private insertToken(at: number, token: Token): void {
    if (at < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + at, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        // More tokens are needed only while the head token may still turn out to be a simple key.
        const i = this.simpleKeysByTok.get(this.tokensParsed);
        if (i === undefined || !this.simpleKeyIsValid(this.simpleKeys[i])) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.need(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.column);
    this.need(4);
    if (this.isZ()) {
      this.fetchStreamEnd();
      return;
    }
    const c = this.at();
    if (this.column === 0) {
      if (c === 37 /* % */) {
        this.fetchDirective();
        return;
      }
      if (c === 45 && this.at(1) === 45 && this.at(2) === 45 && this.isBlankz(3)) {
        this.fetchDocumentIndicator(TOK.DOCUMENT_START);
        return;
      }
      if (c === 46 && this.at(1) === 46 && this.at(2) === 46 && this.isBlankz(3)) {
        this.fetchDocumentIndicator(TOK.DOCUMENT_END);
        return;
      }
    }
    switch (c) {
      case 91 /* [ */:
        this.fetchFlowCollectionStart(TOK.FLOW_SEQUENCE_START);
        return;
      case 123 /* { */:
        this.fetchFlowCollectionStart(TOK.FLOW_MAPPING_START);
        return;
      case 93 /* ] */:
        this.fetchFlowCollectionEnd(TOK.FLOW_SEQUENCE_END);
        return;
      case 125 /* } */:
        this.fetchFlowCollectionEnd(TOK.FLOW_MAPPING_END);
        return;
      case 44 /* , */:
        this.fetchFlowEntry();
        return;
    }
    if (c === 45 /* - */ && this.isBlankz(1)) {
      this.fetchBlockEntry();
      return;
    }
    if (c === 63 /* ? */ && (this.flowLevel > 0 || this.isBlankz(1))) {
      this.fetchKey();
      return;
    }
    if (c === 58 /* : */ && (this.flowLevel > 0 || this.isBlankz(1))) {
      this.fetchValue();
      return;
    }
    switch (c) {
      case 42 /* * */:
        this.fetchAnchor(TOK.ALIAS);
        return;
      case 38 /* & */:
        this.fetchAnchor(TOK.ANCHOR);
        return;
      case 33 /* ! */:
        this.fetchTag();
        return;
      case 124 /* | */:
        if (this.flowLevel === 0) {
          this.fetchBlockScalar(true);
          return;
        }
        break;
      case 62 /* > */:
        if (this.flowLevel === 0) {
          this.fetchBlockScalar(false);
          return;
        }
        break;
      case 39 /* ' */:
        this.fetchFlowScalar(true);
        return;
      case 34 /* " */:
        this.fetchFlowScalar(false);
        return;
    }
    // A plain scalar starts with any non-indicator, or with `-`, `?`, `:` followed by a non-space.
    const indicator =
      isBlankzCode(c) ||
      c === 45 ||
      c === 63 ||
      c === 58 ||
      c === 44 ||
      c === 91 ||
      c === 93 ||
      c === 123 ||
      c === 125 ||
      c === 35 ||
      c === 38 ||
      c === 42 ||
      c === 33 ||
      c === 124 ||
      c === 62 ||
      c === 39 ||
      c === 34 ||
      c === 37 ||
      c === 64 ||
      c === 96;
    if (
      !indicator ||
      (c === 45 && !this.isBlank(1)) ||
      (this.flowLevel === 0 && (c === 63 || c === 58) && !this.isBlankz(1))
    ) {
      this.fetchPlainScalar();
      return;
    }
    throw this.error('while scanning for the next token', this.line, 'found character that cannot start any token');
  }

  // ---- simple keys -----------------------------------------------------------------------------------------

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // A simple key is limited to one line and 1024 characters.
    if (key.line < this.line || key.index + 1024 < this.index) {
      if (key.required) throw this.error('while scanning a simple key', key.line, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    // In the block context a simple key is required when it sits at the current indentation.
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
        index: this.index,
        line: this.line,
        column: this.column,
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key.possible) {
      if (key.required) throw this.error('while scanning a simple key', key.line, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      index: this.index,
      line: this.line,
      column: this.column,
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      const m = this.simpleKeys[this.simpleKeys.length - 1].line;
      throw this.error('while increasing flow level', m, `exceeded max depth of ${MAX_FLOW_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const key = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  // ---- indentation -----------------------------------------------------------------------------------------

  /** Pushes the indentation and queues a BLOCK-*-START token when column opens a deeper block. */
  private rollIndent(column: number, number: number, type: number, line: number): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        const m = this.simpleKeys[this.simpleKeys.length - 1].line;
        throw this.error('while increasing indent level', m, `exceeded max depth of ${MAX_INDENTS}`);
      }
      const token = newToken(type, line);
      this.insertToken(number > -1 ? number - this.tokensParsed : -1, token);
    }
  }

  /** Pops indentation levels deeper than column, queueing a BLOCK-END for each. */
  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insertToken(-1, newToken(TOK.BLOCK_END, this.line));
      this.indent = this.indents.pop()!;
    }
  }

  // ---- fetchers --------------------------------------------------------------------------------------------

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, index: 0, line: 0, column: 0 });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insertToken(-1, newToken(TOK.STREAM_START, this.line));
  }

  private fetchStreamEnd(): void {
    // Force a new line.
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, newToken(TOK.STREAM_END, this.line));
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: number): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.line;
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, newToken(type, start));
  }

  private fetchFlowCollectionStart(type: number): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.line;
    this.skip();
    this.insertToken(-1, newToken(type, start));
  }

  private fetchFlowCollectionEnd(type: number): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.line;
    this.skip();
    this.insertToken(-1, newToken(type, start));
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.line;
    this.skip();
    this.insertToken(-1, newToken(TOK.FLOW_ENTRY, start));
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        throw this.error('', this.line, 'block sequence entries are not allowed in this context');
      }
      this.rollIndent(this.column, -1, TOK.BLOCK_SEQUENCE_START, this.line);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.line;
    this.skip();
    this.insertToken(-1, newToken(TOK.BLOCK_ENTRY, start));
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.error('', this.line, 'mapping keys are not allowed in this context');
      this.rollIndent(this.column, -1, TOK.BLOCK_MAPPING_START, this.line);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.line;
    this.skip();
    this.insertToken(-1, newToken(TOK.KEY, start));
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      // The pending simple key becomes a KEY token, inserted before it, with a mapping start if needed.
      this.insertToken(key.tokenNumber - this.tokensParsed, newToken(TOK.KEY, key.line));
      this.rollIndent(key.column, key.tokenNumber, TOK.BLOCK_MAPPING_START, key.line);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) {
          throw this.error('', this.line, 'mapping values are not allowed in this context');
        }
        this.rollIndent(this.column, -1, TOK.BLOCK_MAPPING_START, this.line);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.line;
    this.skip();
    this.insertToken(-1, newToken(TOK.VALUE, start));
  }

  private fetchAnchor(type: number): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  // ---- scanners --------------------------------------------------------------------------------------------

  private scanToNextToken(): void {
    for (;;) {
      this.need(1);
      // Tabs count as separation only where a simple key cannot start (flow context, after a value indicator).
      while (this.at() === 32 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.at() === 9)) {
        this.skip();
        this.need(1);
      }
      if (this.at() === 35 /* # */) {
        while (!this.isBreakz()) {
          this.skip();
          this.need(1);
        }
      }
      if (this.isBreak()) {
        this.need(2);
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }

  private skipBlanksAndComment(): void {
    while (this.isBlank()) {
      this.skip();
      this.need(1);
    }
    if (this.at() === 35) {
      while (!this.isBreakz()) {
        this.skip();
        this.need(1);
      }
    }
  }

  private scanDirective(): Token {
    const start = this.line;
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === 'YAML') {
      this.need(1);
      while (this.isBlank()) {
        this.skip();
        this.need(1);
      }
      const major = this.scanVersionNumber(start);
      if (this.at() !== 46 /* . */) {
        throw this.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
      }
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = newToken(TOK.VERSION_DIRECTIVE, start);
      token.major = major;
      token.minor = minor;
    } else if (name === 'TAG') {
      this.need(1);
      while (this.isBlank()) {
        this.skip();
        this.need(1);
      }
      const handle = this.scanTagHandle(true, start);
      this.need(1);
      if (!this.isBlank())
        throw this.error('while scanning a %TAG directive', start, 'did not find expected whitespace');
      while (this.isBlank()) {
        this.skip();
        this.need(1);
      }
      const prefix = this.scanTagUri(true, '', start);
      this.need(1);
      if (!this.isBlankz()) {
        throw this.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
      }
      token = newToken(TOK.TAG_DIRECTIVE, start);
      token.value = handle;
      token.suffix = prefix;
    } else {
      throw this.error('while scanning a directive', start, 'found unknown directive name');
    }
    this.need(1);
    this.skipBlanksAndComment();
    if (!this.isBreakz()) {
      throw this.error('while scanning a directive', start, 'did not find expected comment or line break');
    }
    if (this.isBreak()) {
      this.need(2);
      this.skipLine();
    }
    return token;
  }

  private scanDirectiveName(start: number): string {
    this.need(1);
    let s = '';
    while (isAlphaCode(this.at())) {
      s = this.read(s);
      this.need(1);
    }
    if (s === '') throw this.error('while scanning a directive', start, 'could not find expected directive name');
    if (!this.isBlankz()) {
      throw this.error('while scanning a directive', start, 'found unexpected non-alphabetical character');
    }
    return s;
  }

  private scanVersionNumber(start: number): number {
    this.need(1);
    let value = 0;
    let length = 0;
    for (let c = this.at(); c >= 48 && c <= 57; c = this.at()) {
      length++;
      if (length > 2)
        throw this.error('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + (c - 48);
      this.skip();
      this.need(1);
    }
    if (length === 0)
      throw this.error('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  private scanAnchor(type: number): Token {
    const start = this.line;
    this.skip();
    this.need(1);
    let s = '';
    while (isAlphaCode(this.at())) {
      s = this.read(s);
      this.need(1);
    }
    const c = this.at();
    if (
      s === '' ||
      !(
        isBlankzCode(c) ||
        c === 63 ||
        c === 58 ||
        c === 44 ||
        c === 93 ||
        c === 125 ||
        c === 37 ||
        c === 64 ||
        c === 96
      )
    ) {
      const context = type === TOK.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias';
      throw this.error(context, start, 'did not find expected alphabetic or numeric character');
    }
    const token = newToken(type, start);
    token.value = s;
    return token;
  }

  private scanTag(): Token {
    const start = this.line;
    this.need(2);
    let handle: string;
    let suffix: string;
    if (this.at(1) === 60 /* < */) {
      // Verbatim tag: !<uri>
      this.skip();
      this.skip();
      handle = '';
      suffix = this.scanTagUri(false, '', start);
      if (this.at() !== 62 /* > */) throw this.error('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.charCodeAt(0) === 33 && handle.charCodeAt(handle.length - 1) === 33) {
        suffix = this.scanTagUri(false, '', start);
      } else {
        // `!foo` is the handle `!` with suffix `foo`; a lone `!` is the non-specific tag.
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix === '') {
          suffix = handle;
          handle = '';
        }
      }
    }
    this.need(1);
    if (!this.isBlankz())
      throw this.error('while scanning a tag', start, 'did not find expected whitespace or line break');
    const token = newToken(TOK.TAG, start);
    token.value = handle;
    token.suffix = suffix;
    return token;
  }

  private tagError(directive: boolean, start: number, problem: string): YamlSyntaxError {
    return this.error(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
  }

  private scanTagHandle(directive: boolean, start: number): string {
    this.need(1);
    if (this.at() !== 33) throw this.tagError(directive, start, "did not find expected '!'");
    let s = this.read('');
    this.need(1);
    while (isAlphaCode(this.at())) {
      s = this.read(s);
      this.need(1);
    }
    if (this.at() === 33) {
      s = this.read(s);
    } else if (directive && s !== '!') {
      throw this.tagError(directive, start, "did not find expected '!'");
    }
    return s;
  }

  private scanTagUri(directive: boolean, head: string, start: number): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    this.need(1);
    for (;;) {
      const c = this.at();
      const ok =
        isAlphaCode(c) ||
        c === 59 || // ;
        c === 47 || // /
        c === 63 || // ?
        c === 58 || // :
        c === 64 || // @
        c === 38 || // &
        c === 61 || // =
        c === 43 || // +
        c === 36 || // $
        c === 44 || // ,
        c === 46 || // .
        c === 33 || // !
        c === 126 || // ~
        c === 42 || // *
        c === 39 || // '
        c === 40 || // (
        c === 41 || // )
        c === 91 || // [
        c === 93 || // ]
        c === 37; // %
      if (!ok) break;
      if (c === 37) s += this.scanUriEscapes(directive, start);
      else s = this.read(s);
      this.need(1);
      hasTag = true;
    }
    if (!hasTag) throw this.tagError(directive, start, 'did not find expected tag URI');
    return s;
  }

  private scanUriEscapes(directive: boolean, start: number): string {
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      this.need(3);
      if (!(this.at() === 37 && isHexCode(this.at(1)) && isHexCode(this.at(2)))) {
        throw this.tagError(directive, start, 'did not find URI escaped octet');
      }
      const octet = (hexValue(this.at(1)) << 4) + hexValue(this.at(2));
      if (w === 1024) {
        w =
          octet < 0x80
            ? 1
            : (octet & 0xe0) === 0xc0
              ? 2
              : (octet & 0xf0) === 0xe0
                ? 3
                : (octet & 0xf8) === 0xf0
                  ? 4
                  : 0;
        if (w === 0) throw this.tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        throw this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    return Buffer.from(bytes).toString('utf8');
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = this.line;
    this.skip();
    this.need(1);
    let chomping = 0;
    let increment = 0;
    const c = this.at();
    if (c === 43 || c === 45) {
      chomping = c === 43 ? 1 : -1;
      this.skip();
      this.need(1);
      const d = this.at();
      if (d >= 48 && d <= 57) {
        if (d === 48)
          throw this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = d - 48;
        this.skip();
      }
    } else if (c >= 48 && c <= 57) {
      if (c === 48)
        throw this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = c - 48;
      this.skip();
      this.need(1);
      const d = this.at();
      if (d === 43 || d === 45) {
        chomping = d === 43 ? 1 : -1;
        this.skip();
      }
    }
    this.need(1);
    this.skipBlanksAndComment();
    if (!this.isBreakz()) {
      throw this.error('while scanning a block scalar', start, 'did not find expected comment or line break');
    }
    if (this.isBreak()) {
      this.need(2);
      this.skipLine();
    }
    const st = { indent: 0, breaks: '' };
    if (increment > 0) st.indent = this.indent >= 0 ? this.indent + increment : increment;

    let s = '';
    let leadingBreak = '';
    this.scanBlockScalarBreaks(st, start);
    this.need(1);
    let leadingBlank = false;
    while (this.column === st.indent && !this.isZ()) {
      const trailingBlank = this.isBlank();
      // Folding joins lines with a space unless a line starts with a blank or an empty line intervenes.
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.charCodeAt(0) === 10) {
        if (st.breaks === '') s += ' ';
      } else {
        s += leadingBreak;
      }
      leadingBreak = '';
      s += st.breaks;
      st.breaks = '';
      leadingBlank = this.isBlank();
      const from = this.pos;
      while (!this.isBreakz()) {
        this.skip();
        this.need(1);
      }
      s += this.src.slice(from, this.pos);
      this.need(2);
      leadingBreak = this.readLine(leadingBreak);
      this.scanBlockScalarBreaks(st, start);
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += st.breaks;
    const token = newToken(TOK.SCALAR, start);
    token.value = s;
    token.style = literal ? STYLE.LITERAL : STYLE.FOLDED;
    return token;
  }

  /** Skips the indentation and empty lines before block scalar content, determining the indent if unknown. */
  private scanBlockScalarBreaks(st: { indent: number; breaks: string }, start: number): void {
    let maxIndent = 0;
    for (;;) {
      this.need(1);
      while ((st.indent === 0 || this.column < st.indent) && this.at() === 32) {
        this.skip();
        this.need(1);
      }
      if (this.column > maxIndent) maxIndent = this.column;
      if ((st.indent === 0 || this.column < st.indent) && this.at() === 9) {
        throw this.error(
          'while scanning a block scalar',
          start,
          'found a tab character where an indentation space is expected',
        );
      }
      if (!this.isBreak()) break;
      this.need(2);
      st.breaks = this.readLine(st.breaks);
    }
    if (st.indent === 0) {
      st.indent = Math.max(maxIndent, this.indent + 1, 1);
    }
  }

  private atDocumentIndicator(): boolean {
    if (this.column !== 0) return false;
    const c = this.at();
    return (
      ((c === 45 && this.at(1) === 45 && this.at(2) === 45) || (c === 46 && this.at(1) === 46 && this.at(2) === 46)) &&
      this.isBlankz(3)
    );
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.line;
    this.skip();
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    for (;;) {
      this.need(4);
      if (this.atDocumentIndicator()) {
        throw this.error('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.isZ()) throw this.error('while scanning a quoted scalar', start, 'found unexpected end of stream');

      let leadingBlanks = false;
      while (!this.isBlankz()) {
        const c = this.at();
        if (single && c === 39 && this.at(1) === 39) {
          s += "'";
          this.skip();
          this.skip();
        } else if (single && c === 39) {
          break;
        } else if (!single && c === 34) {
          break;
        } else if (!single && c === 92 && this.isBreak(1)) {
          // An escaped line break: the break and the following indentation vanish.
          this.need(3);
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === 92) {
          s += this.scanEscape(start);
        } else {
          s = this.read(s);
        }
        this.need(2);
      }
      this.need(1);
      const q = this.at();
      if ((single && q === 39) || (!single && q === 34)) break;

      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (!leadingBlanks) whitespaces = this.read(whitespaces);
          else this.skip();
        } else {
          this.need(2);
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = this.readLine(leadingBreak);
            leadingBlanks = true;
          } else {
            trailingBreaks = this.readLine(trailingBreaks);
          }
        }
        this.need(1);
      }
      if (leadingBlanks) {
        if (leadingBreak.charCodeAt(0) === 10) {
          s += trailingBreaks === '' ? ' ' : trailingBreaks;
        } else {
          s += leadingBreak + trailingBreaks;
        }
        trailingBreaks = '';
        leadingBreak = '';
      } else {
        s += whitespaces;
        whitespaces = '';
      }
    }
    this.skip();
    const token = newToken(TOK.SCALAR, start);
    token.value = s;
    token.style = single ? STYLE.SINGLE : STYLE.DOUBLE;
    return token;
  }

  private scanEscape(start: number): string {
    let out: string;
    let codeLength = 0;
    switch (this.at(1)) {
      case 48 /* 0 */:
        out = '\0';
        break;
      case 97 /* a */:
        out = '\x07';
        break;
      case 98 /* b */:
        out = '\b';
        break;
      case 116 /* t */:
      case 9:
        out = '\t';
        break;
      case 110 /* n */:
        out = '\n';
        break;
      case 118 /* v */:
        out = '\v';
        break;
      case 102 /* f */:
        out = '\f';
        break;
      case 114 /* r */:
        out = '\r';
        break;
      case 101 /* e */:
        out = '\x1b';
        break;
      case 32:
        out = ' ';
        break;
      case 34:
        out = '"';
        break;
      case 39:
        out = "'";
        break;
      case 92:
        out = '\\';
        break;
      case 78 /* N */:
        out = '\u0085';
        break;
      case 95 /* _ */:
        out = '\u00a0';
        break;
      case 76 /* L */:
        out = '\u2028';
        break;
      case 80 /* P */:
        out = '\u2029';
        break;
      case 120 /* x */:
        out = '';
        codeLength = 2;
        break;
      case 117 /* u */:
        out = '';
        codeLength = 4;
        break;
      case 85 /* U */:
        out = '';
        codeLength = 8;
        break;
      default:
        throw this.error('while parsing a quoted scalar', start, 'found unknown escape character');
    }
    this.skip();
    this.skip();
    if (codeLength > 0) {
      this.need(codeLength);
      let value = 0;
      for (let k = 0; k < codeLength; k++) {
        const h = this.at(k);
        if (!isHexCode(h)) {
          throw this.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
        }
        value = value * 16 + hexValue(h);
      }
      if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
        throw this.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
      }
      out = String.fromCodePoint(value);
      for (let k = 0; k < codeLength; k++) this.skip();
    }
    return out;
  }

  private scanPlainScalar(): Token {
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = this.line;
    const src = this.src;
    for (;;) {
      this.need(4);
      if (this.atDocumentIndicator()) break;
      if (this.at() === 35 /* # */) break;
      // A run of non-blank characters, sliced at once.
      let from = -1;
      while (!this.isBlankz()) {
        const c = this.at();
        // `: ` ends a plain scalar; so do flow indicators inside a flow collection.
        if (
          (c === 58 && this.isBlankz(1)) ||
          (this.flowLevel > 0 && (c === 44 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125))
        ) {
          break;
        }
        if (from < 0) {
          if (leadingBlanks) {
            if (leadingBreak.charCodeAt(0) === 10) {
              s += trailingBreaks === '' ? ' ' : trailingBreaks;
            } else {
              s += leadingBreak + trailingBreaks;
            }
            trailingBreaks = '';
            leadingBreak = '';
            leadingBlanks = false;
          } else if (whitespaces !== '') {
            s += whitespaces;
            whitespaces = '';
          }
          from = this.pos;
        }
        this.skip();
        this.need(2);
      }
      if (from >= 0) s += src.slice(from, this.pos);
      if (!(this.isBlank() || this.isBreak())) break;
      this.need(1);
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.column < indent && this.at() === 9) {
            throw this.error('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) whitespaces = this.read(whitespaces);
          else this.skip();
        } else {
          this.need(2);
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = this.readLine(leadingBreak);
            leadingBlanks = true;
          } else {
            trailingBreaks = this.readLine(trailingBreaks);
          }
        }
        this.need(1);
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    const token = newToken(TOK.SCALAR, start);
    token.value = s;
    token.style = STYLE.PLAIN;
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return token;
  }
}

/**
 * How many characters the reader hands out before failing. go-yaml v2 decodes its input in 512-byte blocks and
 * checks every character of a block as it decodes it, so a control character fails the scan as soon as the scanner
 * looks into its block, even when it sits after the end of the first document.
 */
function readerLimit(src: string): number {
  const m = BAD_CHAR.exec(src);
  if (!m) return Number.POSITIVE_INFINITY;
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < m.index; ) {
    const cp = src.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    bytes += utf8Length(cp);
    i += w;
    chars++;
  }
  const blockStart = Math.floor(bytes / 512) * 512;
  // Count the characters that end at or before the start of the failing block.
  let b = 0;
  let n = 0;
  for (let i = 0; i < src.length; ) {
    const cp = src.codePointAt(i)!;
    const next = b + utf8Length(cp);
    if (next > blockStart) break;
    b = next;
    n++;
    i += cp > 0xffff ? 2 : 1;
  }
  void chars;
  return n;
}
