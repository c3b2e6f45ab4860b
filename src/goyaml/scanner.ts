// The YAML 1.1 scanner of libyaml as go-yaml v2 (scannerc.go) runs it: characters to tokens.
//
// Why not the `yaml` npm package's lexer: it follows YAML 1.2 and its own recovery rules, so it accepts and rejects
// different documents than go-yaml v2 and reports different messages at different lines. Helm users see v2's
// errors (`yaml: line 3: mapping values are not allowed in this context`), so bosun reproduces v2's algorithm:
// the same simple-key bookkeeping, the same indentation stack and the same error marks, written anew here.
// Characters: scan-reader.ts; scalars: scan-scalars.ts; directives, anchors and tags: scan-props.ts.

import { scanAnchor, scanDirective, scanTag } from './scan-props.ts';
import { CharReader, isBlankzCode } from './scan-reader.ts';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scan-scalars.ts';
import { newToken, TOK, type Token } from './tokens.ts';

export { STYLE, TOK, type Token } from './tokens.ts';

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  /** Where the key starts. */
  index: number;
  line: number;
  column: number;
}

// ASCII characters that cannot start a plain scalar on their own (blanks, breaks, NUL and the indicators
// - ? : , [ ] { } # & * ! | > ' " % @ `).
const INDICATOR = new Uint8Array(128);
for (const ch of '\0\t\n\r -?:,[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

/** Tokens of a YAML stream, produced on demand with libyaml's simple-key and indentation bookkeeping. */
export class Scanner extends CharReader {
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
    // need() cannot fail on simple text (see CharReader.simple).
    if (!this.simple) this.need(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    if (this.indent > this.column) this.unrollIndent(this.column);
    if (!this.simple) this.need(4);
    if (this.pos >= this.len) {
      this.fetchStreamEnd();
      return;
    }
    const src = this.src;
    const p = this.pos;
    const c = src.charCodeAt(p);
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
    // Most tokens are plain scalars starting with a character that is no indicator.
    if (c >= 128 ? !isBlankzCode(c) : INDICATOR[c] === 0) {
      this.fetchPlainScalar();
      return;
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
    // The character after `-`, `?` or `:` decides between indicator and plain scalar (NUL past the end).
    const c1 = p + 1 < this.len ? src.charCodeAt(p + 1) : 0;
    const blankz1 = isBlankzCode(c1);
    if (c === 45 /* - */ && blankz1) {
      this.fetchBlockEntry();
      return;
    }
    if (c === 63 /* ? */ && (this.flowLevel > 0 || blankz1)) {
      this.fetchKey();
      return;
    }
    if (c === 58 /* : */ && (this.flowLevel > 0 || blankz1)) {
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
    // A plain scalar may also start with `-`, `?` or `:` followed by a non-space.
    if ((c === 45 && !(c1 === 32 || c1 === 9)) || (this.flowLevel === 0 && (c === 63 || c === 58) && !blankz1)) {
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
      // The level's key record is reused: nothing keeps a reference to a replaced key.
      this.removeSimpleKey();
      const level = this.simpleKeys.length - 1;
      const key = this.simpleKeys[level];
      key.possible = true;
      key.required = required;
      key.tokenNumber = this.tokensParsed + (this.tokens.length - this.head);
      key.index = this.index;
      key.line = this.line;
      key.column = this.column;
      this.simpleKeysByTok.set(key.tokenNumber, level);
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
    this.insertToken(-1, scanDirective(this));
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
    this.insertToken(-1, scanAnchor(this, type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanTag(this));
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, scanBlockScalar(this, literal, this.indent));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanFlowScalar(this, single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const { token, leadingBlanks } = scanPlainScalar(this, this.indent, this.flowLevel);
    this.insertToken(-1, token);
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }

  // ---- scanners --------------------------------------------------------------------------------------------

  private scanToNextToken(): void {
    // Two methods, so that simple text never compiles the character loop.
    if (this.simple) this.skipToNextTokenSimple();
    else this.skipToNextTokenChars();
  }

  private skipToNextTokenChars(): void {
    const src = this.src;
    const len = this.len;
    for (;;) {
      this.need(1);
      // Blanks, then a comment, run through with local indices: values files are mostly comments. Each character
      // skipped counts once in index and column; the reader's limit is checked once for the run (need(1) after
      // every character fails first at the last one).
      // Tabs count as separation only where a simple key cannot start (flow context, after a value indicator).
      const tabs = this.flowLevel > 0 || !this.simpleKeyAllowed;
      let i = this.pos;
      let n = 0;
      let c = i < len ? src.charCodeAt(i) : 0;
      while (c === 32 || (tabs && c === 9)) {
        i++;
        n++;
        c = i < len ? src.charCodeAt(i) : 0;
      }
      if (c === 35 /* # */) {
        while (c !== 0 && c !== 10 && c !== 13 && c !== 0x85 && c !== 0x2028 && c !== 0x2029) {
          i += c >= 0xd800 && c <= 0xdbff && i + 1 < len ? 2 : 1;
          n++;
          c = i < len ? src.charCodeAt(i) : 0;
        }
      }
      if (n > 0) {
        this.pos = i;
        this.index += n;
        this.column += n;
        this.need(1);
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

  /** scanToNextToken for simple text: each line's blanks and comment in one regex step (one unit, one character). */
  private skipToNextTokenSimple(): void {
    const src = this.src;
    for (;;) {
      const re = this.flowLevel > 0 || !this.simpleKeyAllowed ? SKIP_WITH_TABS : SKIP;
      const from = this.pos;
      re.lastIndex = from;
      re.test(src);
      const to = re.lastIndex;
      const c = src.charCodeAt(to);
      if (c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029) {
        // The line break: CRLF counts as two characters, like libyaml's.
        const w = c === 13 && src.charCodeAt(to + 1) === 10 ? 2 : 1;
        this.pos = to + w;
        this.index += to - from + w;
        this.column = 0;
        this.line++;
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
        // Then every following blank or comment line ended by LF at once, counting its breaks with indexOf.
        const lines = this.flowLevel > 0 ? LINES_WITH_TABS : LINES;
        const at = this.pos;
        lines.lastIndex = at;
        lines.test(src);
        const end = lines.lastIndex;
        if (end > at) {
          let n = 0;
          for (let i = src.indexOf('\n', at); i !== -1 && i < end; i = src.indexOf('\n', i + 1)) n++;
          this.pos = end;
          this.index += end - at;
          this.line += n;
        }
      } else {
        this.pos = to;
        this.index += to - from;
        this.column += to - from;
        return;
      }
    }
  }
}

// Blanks then a comment up to (not including) a line break or NUL; tabs only where they separate tokens.
const SKIP = / *(?:#[^\n\r\u0085\u2028\u2029\0]*)?/y;
const SKIP_WITH_TABS = /[ \t]*(?:#[^\n\r\u0085\u2028\u2029\0]*)?/y;
// Whole lines of blanks and a comment, each ended by LF (other breaks are left to the line-by-line step).
const LINES = /(?: *(?:#[^\n\r\u0085\u2028\u2029\0]*)?\n)*/y;
const LINES_WITH_TABS = /(?:[ \t]*(?:#[^\n\r\u0085\u2028\u2029\0]*)?\n)*/y;
