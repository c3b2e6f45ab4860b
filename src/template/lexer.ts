// The template lexer: hands out one token at a time, with Go's exact rules for trim markers, comments, numbers and
// line counting (parse errors name the line of the token the parser last read).
// Positions are UTF-16 indices into the source; errors convert them to Go's byte columns when needed.
//
// It runs cold on every CLI call (a chart has ~100,000 tokens), so the common tokens are scanned with native
// string search and sticky regexes rather than character by character, and lines are not tracked while lexing:
// `lineAt` counts them from a token's position when an error needs one.

import { quote } from './fmt.ts';

export const Tok = {
  Error: 0,
  Bool: 1,
  Char: 2,
  CharConstant: 3,
  Comment: 4,
  Complex: 5,
  Assign: 6,
  Declare: 7,
  EOF: 8,
  Field: 9,
  Identifier: 10,
  LeftDelim: 11,
  LeftParen: 12,
  Number: 13,
  Pipe: 14,
  RawString: 15,
  RightDelim: 16,
  RightParen: 17,
  Space: 18,
  String: 19,
  Text: 20,
  Variable: 21,
  // Keywords follow; everything above Keyword prints as `<word>` in messages.
  Keyword: 22,
  Block: 23,
  Break: 24,
  Continue: 25,
  Dot: 26,
  Define: 27,
  Else: 28,
  End: 29,
  If: 30,
  Nil: 31,
  Range: 32,
  Template: 33,
  With: 34,
} as const;
export type TokType = (typeof Tok)[keyof typeof Tok];

export interface Token {
  readonly typ: TokType;
  readonly pos: number;
  readonly val: string;
}

const KEYWORDS = new Map<string, TokType>([
  ['.', Tok.Dot],
  ['block', Tok.Block],
  ['break', Tok.Break],
  ['continue', Tok.Continue],
  ['define', Tok.Define],
  ['else', Tok.Else],
  ['end', Tok.End],
  ['if', Tok.If],
  ['range', Tok.Range],
  ['nil', Tok.Nil],
  ['template', Tok.Template],
  ['with', Tok.With],
]);

/** How Go's parser names a token in `unexpected X in Y`. */
export function tokenString(t: Token): string {
  if (t.typ === Tok.EOF) return 'EOF';
  if (t.typ === Tok.Error) return t.val;
  if (t.typ > Tok.Keyword) return `<${t.val}>`;
  const runes = Array.from(t.val);
  if (runes.length > 10) return `${quote(runes.slice(0, 10).join(''))}...`;
  return quote(t.val);
}

const EOF = -1;

const NO_DELIM = 0;
const DELIM = 1;
const DELIM_TRIM = 2;

function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

// Unicode-class RegExps are made on first use: V8 parses one when it creates it (up to a millisecond each), and
// most charts are ASCII.
let letterOrDigit: RegExp | undefined;
/** Go's isAlphaNumeric: `_`, unicode.IsLetter or unicode.IsDigit. */
export function isAlphaNumeric(r: number): boolean {
  if (r < 128) {
    return r === 95 || (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122) /* _ 0-9 A-Z a-z */;
  }
  letterOrDigit ??= /^[\p{L}\p{Nd}]$/u;
  return letterOrDigit.test(String.fromCodePoint(r));
}

let printable: RegExp | undefined;
/** Go's %#U: `U+0023 '#'` (the character only when printable). */
export function formatRune(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  const ch = String.fromCodePoint(r);
  printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
  return printable.test(ch) ? `U+${hex} '${ch}'` : `U+${hex}`;
}

/** `-` and a space: a trim marker after a left delimiter. */
function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.charCodeAt(at) === 45 /* - */ && isSpace(s.charCodeAt(at + 1));
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

// Sticky scanners for the common tokens; each is tried at `lastIndex` and tells where the run ends.
/** ASCII letters, digits and `_` (a non-ASCII character stops it, and the careful scan takes over). */
const WORD = /[A-Za-z0-9_]*/y;
/** A plain decimal number that nothing number-like follows: all that most templates hold (`nindent 4`). */
const SIMPLE_NUMBER = /(?:0|[1-9][0-9]*)(?![0-9A-Za-z_.+\-\u0080-\uffff])/y;
/** A complete "..." literal on one line; an unterminated one goes the careful way for its error. */
const QUOTED = /"(?:[^"\\\n]|\\[^\n])*"/y;
/** A name (maybe empty) that a terminator ends, as atTerminator has it; a stranger end goes the careful way. */
const NAME = /[A-Za-z0-9_]*(?=[ \t\r\n.,|:()]|\}\}|$)/y;

/** Spaces, then the keyword `define` as lexIdentifier takes it. */
const DEFINE = /[ \t\r\n]*define(?=[ \t\r\n.,|:()]|\}\}|$)/y;

/** What `textStep` found. */
export const STEP_SLOW = 0;
export const STEP_TEXT = 1;
export const STEP_DELIM = 2;

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
  /** Count the newlines inside comments (Go 1.24+; helm 3's Go forgets them, so later lines are off). */
  commentNewlines: boolean;
}

export class Lexer {
  /** Where the next token starts; `start` is the same between tokens and marks the token while scanning. */
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private insideAction = false;
  private input: string;
  /** The whole text, kept for `lineAt` (an error empties `input`). */
  private readonly text: string;
  private readonly breakOK: boolean;
  private readonly continueOK: boolean;
  private readonly commentNewlines: boolean;
  /** Without commentNewlines: where each comment ends and the newlines of all comments up to it. */
  private commentEnds: number[] | null = null;
  private commentSkipped: number[] | null = null;
  /**
   * The one Space token of this lexer, moved to each run of spaces rather than made anew (a third of all tokens
   * are spaces). The parser only asks a space its type, or its line while it is the last token read, which is
   * the last space: sharing it changes nothing it sees.
   */
  private readonly space: { typ: TokType; pos: number; val: string } = { typ: Tok.Space, pos: 0, val: ' ' };

  constructor(input: string, options: LexOptions) {
    this.input = input;
    this.text = input;
    this.breakOK = options.breakOK;
    this.continueOK = options.continueOK;
    this.commentNewlines = options.commentNewlines;
  }

  /**
   * The line of the token at `pos`, as Go's lexer counts it: 1 plus the newlines before it, except those inside
   * comments when comment newlines are not counted.
   */
  lineAt(pos: number): number {
    let line = 1 + countNewlines(this.text, 0, pos);
    const ends = this.commentEnds;
    if (ends !== null) {
      for (let i = ends.length - 1; i >= 0; i--) {
        if (ends[i] <= pos) {
          line -= this.commentSkipped![i];
          break;
        }
      }
    }
    return line;
  }

  /** Where the next token starts: just after `{{` and its trim marker when the parser has a LeftDelim in hand. */
  get offset(): number {
    return this.pos;
  }

  /** After the parser read an action itself: lexing goes on with text at `p` (after its `}}` and trimmed spaces). */
  resumeAt(p: number): void {
    this.pos = this.start = p;
    this.insideAction = false;
    this.parenDepth = 0;
  }

  /** Whether the next token that is not a space is `define` (the parser has just read a LeftDelim). */
  atDefine(): boolean {
    DEFINE.lastIndex = this.pos;
    return DEFINE.test(this.input);
  }

  /** The token `textStep` found: its position, and for text its value. */
  tpos = 0;
  tval = '';

  /**
   * The parser's token-free step through text: skips comments, and finds either a text token (STEP_TEXT) or a
   * left delimiter (STEP_DELIM, the lexer then inside the action as after nextItem's LeftDelim), setting `tpos`
   * and `tval` instead of making a token. STEP_SLOW, with nothing changed that nextItem would not have changed
   * the same way, leaves the step to nextItem: inside an action, at the end, at a malformed comment.
   */
  textStep(): number {
    if (this.insideAction) return STEP_SLOW;
    const s = this.input;
    for (;;) {
      const from = this.pos;
      if (from >= s.length) return STEP_SLOW;
      const x = s.indexOf('{{', from);
      if (x < 0) {
        this.pos = this.start = s.length;
        this.tpos = from;
        this.tval = s.slice(from);
        return STEP_TEXT;
      }
      const trim = hasLeftTrimMarker(s, x + 2);
      if (x > from) {
        let end = x;
        if (trim) while (end > from && isSpace(s.charCodeAt(end - 1))) end--;
        this.pos = this.start = x;
        if (end > from) {
          this.tpos = from;
          this.tval = s.slice(from, end);
          return STEP_TEXT;
        }
      }
      const after = trim ? x + 4 : x + 2;
      if (s.charCodeAt(after) === 47 /* / */ && s.charCodeAt(after + 1) === 42 /* * */) {
        // A comment, skipped as lexComment does; one it would report goes the slow way from its `{{`.
        const c = s.indexOf('*/', after + 2);
        if (c < 0) return STEP_SLOW;
        const end = c + 2;
        const at = this.atRightDelim(end);
        if (at === NO_DELIM) return STEP_SLOW;
        if (!this.commentNewlines) this.skipCommentNewlines(after, end);
        let p = end + (at === DELIM_TRIM ? 4 : 2);
        if (at === DELIM_TRIM) while (p < s.length && isSpace(s.charCodeAt(p))) p++;
        this.pos = this.start = p;
        continue;
      }
      this.insideAction = true;
      this.parenDepth = 0;
      this.pos = this.start = after;
      this.tpos = x;
      return STEP_DELIM;
    }
  }

  nextItem(): Token {
    return this.insideAction ? this.lexInsideAction() : this.lexText();
  }

  /** The next token that is not a Space (the parser's nextNonSpace when it has no token in hand). */
  nextNonSpace(): Token {
    let t: Token;
    do t = this.insideAction ? this.lexInsideAction() : this.lexText();
    while (t.typ === Tok.Space);
    return t;
  }

  // --- text, delimiters and comments -------------------------------------------------------------------------

  private lexText(): Token {
    const s = this.input;
    for (;;) {
      const from = this.pos;
      const x = s.indexOf('{{', from);
      if (x < 0) {
        this.pos = s.length;
        return this.emit(this.pos > from ? Tok.Text : Tok.EOF);
      }
      if (x > from) {
        let end = x;
        if (hasLeftTrimMarker(s, x + 2)) while (end > from && isSpace(s.charCodeAt(end - 1))) end--;
        this.pos = this.start = x;
        if (end > from) return { typ: Tok.Text, pos: from, val: s.slice(from, end) };
      }
      const t = this.lexLeftDelim();
      if (t !== null) return t;
    }
  }

  /** At `{{`: the delimiter token, or null when a comment was skipped (lexing goes on with text). */
  private lexLeftDelim(): Token | null {
    const s = this.input;
    const at = this.pos;
    const after = hasLeftTrimMarker(s, at + 2) ? at + 4 : at + 2;
    if (s.charCodeAt(after) === 47 /* / */ && s.charCodeAt(after + 1) === 42 /* * */) {
      this.pos = this.start = after;
      return this.lexComment();
    }
    this.insideAction = true;
    this.parenDepth = 0;
    this.pos = this.start = after;
    return { typ: Tok.LeftDelim, pos: at, val: '{{' };
  }

  private lexComment(): Token | null {
    const s = this.input;
    const x = s.indexOf('*/', this.pos + 2);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + 2;
    const at = this.atRightDelim(this.pos);
    if (at === NO_DELIM) return this.errorf('comment ends before closing delimiter');
    if (!this.commentNewlines) this.skipCommentNewlines(this.start, this.pos);
    let p = this.pos + (at === DELIM_TRIM ? 4 : 2);
    if (at === DELIM_TRIM) while (p < s.length && isSpace(s.charCodeAt(p))) p++;
    this.pos = this.start = p;
    return null;
  }

  private skipCommentNewlines(from: number, to: number): void {
    const n = countNewlines(this.input, from, to);
    if (n === 0) return;
    if (this.commentEnds === null) {
      this.commentEnds = [];
      this.commentSkipped = [];
    }
    const before = this.commentSkipped!.length > 0 ? this.commentSkipped![this.commentSkipped!.length - 1] : 0;
    this.commentEnds.push(to);
    this.commentSkipped!.push(before + n);
  }

  /** NO_DELIM, or at a right delimiter with (DELIM_TRIM) or without (DELIM) a trim marker. */
  private atRightDelim(p: number): number {
    const s = this.input;
    const c = s.charCodeAt(p);
    if (c === 125) return s.charCodeAt(p + 1) === 125 ? DELIM : NO_DELIM;
    if (isSpace(c) && s.charCodeAt(p + 1) === 45 && s.charCodeAt(p + 2) === 125 && s.charCodeAt(p + 3) === 125) {
      return DELIM_TRIM;
    }
    return NO_DELIM;
  }

  private lexRightDelim(at: number): Token {
    const s = this.input;
    let p = this.pos;
    if (at === DELIM_TRIM) p += 2;
    const t: Token = { typ: Tok.RightDelim, pos: p, val: '}}' };
    p += 2;
    if (at === DELIM_TRIM) while (p < s.length && isSpace(s.charCodeAt(p))) p++;
    this.pos = this.start = p;
    this.insideAction = false;
    return t;
  }

  // --- inside an action --------------------------------------------------------------------------------------

  /** The token [start, pos), after which the next one starts. */
  private emit(typ: TokType): Token {
    const t: Token = { typ, pos: this.start, val: this.input.slice(this.start, this.pos) };
    this.start = this.pos;
    return t;
  }

  private errorf(msg: string): Token {
    const t: Token = { typ: Tok.Error, pos: this.start, val: msg };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return t;
  }

  private lexInsideAction(): Token {
    const s = this.input;
    const p = this.pos;
    const c = s.charCodeAt(p);
    // Only "}}" and " -}}" end the action.
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      const at = this.atRightDelim(p);
      if (at !== NO_DELIM) return this.parenDepth === 0 ? this.lexRightDelim(at) : this.errorf('unclosed left paren');
      return this.lexSpace();
    }
    switch (c) {
      case 125 /* } */:
        if (s.charCodeAt(p + 1) === 125) {
          return this.parenDepth === 0 ? this.lexRightDelim(DELIM) : this.errorf('unclosed left paren');
        }
        return this.token(Tok.Char, p + 1);
      case 46 /* . */:
        {
          // ".field" unless a digit follows, which makes a number.
          const d = s.charCodeAt(p + 1);
          if (p + 1 < s.length && (d < 48 || d > 57)) {
            NAME.lastIndex = p + 1;
            if (NAME.test(s)) return this.token(NAME.lastIndex === p + 1 ? Tok.Dot : Tok.Field, NAME.lastIndex);
            return this.lexFieldOrVariable(Tok.Field);
          }
          return this.lexNumber();
        }
      case 36 /* $ */:
        NAME.lastIndex = p + 1;
        if (NAME.test(s)) return this.token(Tok.Variable, NAME.lastIndex);
        return this.lexFieldOrVariable(Tok.Variable);
      case 34 /* " */:
        QUOTED.lastIndex = p;
        if (QUOTED.test(s)) return this.token(Tok.String, QUOTED.lastIndex);
        this.pos = p + 1;
        return this.lexQuote();
      case 40 /* ( */:
        this.parenDepth++;
        return this.token(Tok.LeftParen, p + 1);
      case 41 /* ) */:
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.token(Tok.RightParen, p + 1);
      case 124 /* | */:
        return this.token(Tok.Pipe, p + 1);
      case 61 /* = */:
        return this.token(Tok.Assign, p + 1);
      case 58 /* : */:
        if (s.charCodeAt(p + 1) !== 61) return this.errorf('expected :=');
        return this.token(Tok.Declare, p + 2);
      case 96 /* ` */:
        {
          const x = s.indexOf('`', p + 1);
          if (x < 0) return this.errorf('unterminated raw quoted string');
          return this.token(Tok.RawString, x + 1);
        }
      case 39 /* ' */:
        this.pos = p + 1;
        return this.lexChar();
    }
    if (c === 43 || c === 45 || (c >= 48 && c <= 57)) return this.lexNumber();
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return this.lexIdentifier();
    if (c >= 32 && c < 127) return this.token(Tok.Char, p + 1);
    if (Number.isNaN(c)) {
      this.atEOF = true;
      return this.errorf('unclosed action');
    }
    const r = s.codePointAt(p)!;
    if (r >= 128 && isAlphaNumeric(r)) return this.lexIdentifier();
    return this.errorf(`unrecognized character in action: ${formatRune(r)}`);
  }

  /** The token from `start` to `end`. */
  private token(typ: TokType, end: number): Token {
    const from = this.start;
    this.pos = this.start = end;
    return { typ, pos: from, val: this.input.slice(from, end) };
  }

  /** Spaces, leaving the last one when it begins " -}}". */
  private lexSpace(): Token {
    const s = this.input;
    const from = this.pos;
    let i = from + 1;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13) break;
      i++;
    }
    // At the end, atEOF is set as peek() leaves it.
    if (i >= s.length) this.atEOF = true;
    else if (this.atRightDelim(i - 1) === DELIM_TRIM) i--;
    this.pos = this.start = i;
    const t = this.space;
    t.pos = from;
    t.val = s.slice(from, i);
    return t;
  }

  private lexIdentifier(): Token {
    NAME.lastIndex = this.pos;
    let end = NAME.test(this.input) ? NAME.lastIndex : -1;
    if (end < 0) {
      end = this.scanAlphaNumerics(this.pos);
      if (!this.atTerminator(end)) return this.errorf(`bad character ${formatRune(this.input.codePointAt(end)!)}`);
    }
    const from = this.start;
    const word = this.input.slice(from, end);
    this.pos = this.start = end;
    const kw = KEYWORDS.get(word);
    let typ: TokType = Tok.Identifier;
    if (kw !== undefined && kw > Tok.Keyword) {
      if (!((kw === Tok.Break && !this.breakOK) || (kw === Tok.Continue && !this.continueOK))) typ = kw;
    } else if (word === 'true' || word === 'false') typ = Tok.Bool;
    return { typ, pos: from, val: word };
  }

  /** After `.` or `$`: a field or variable name, or `.`/`$` alone. */
  private lexFieldOrVariable(typ: TokType): Token {
    const from = this.pos + 1;
    if (this.atTerminator(from)) return this.token(typ === Tok.Variable ? Tok.Variable : Tok.Dot, from);
    const end = this.scanAlphaNumerics(from);
    if (!this.atTerminator(end)) return this.errorf(`bad character ${formatRune(this.input.codePointAt(end)!)}`);
    return this.token(typ, end);
  }

  /** The end of the letters, digits and underscores from `from` (never newlines, so lines need no counting). */
  private scanAlphaNumerics(from: number): number {
    const s = this.input;
    WORD.lastIndex = from;
    WORD.test(s);
    let i = WORD.lastIndex;
    for (;;) {
      const c = s.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) {
        i++;
        continue;
      }
      if (c >= 128) {
        const r = s.codePointAt(i)!;
        if (isAlphaNumeric(r)) {
          i += r > 0xffff ? 2 : 1;
          continue;
        }
      }
      return i;
    }
  }

  private atTerminator(p: number): boolean {
    const s = this.input;
    if (p >= s.length) {
      this.atEOF = true; // as peek() leaves it
      return true;
    }
    switch (s.charCodeAt(p)) {
      case 32:
      case 9:
      case 13:
      case 10:
      case 46:
      case 44:
      case 124:
      case 58:
      case 41:
      case 40:
        return true;
      case 125:
        return s.charCodeAt(p + 1) === 125;
    }
    return false;
  }

  // --- the rare tokens, scanned a character at a time as Go does ---------------------------------------------

  private next(): number {
    const i = this.pos;
    if (i >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const c = this.input.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) {
      this.pos = i + 1;
      return c;
    }
    const r = this.input.codePointAt(i)!;
    this.pos += r > 0xffff ? 2 : 1;
    return r;
  }

  private backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const c = this.input.charCodeAt(this.pos - 1);
      this.pos -= c >= 0xdc00 && c <= 0xdfff && this.pos > 1 ? 2 : 1;
    }
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  private lexChar(): Token {
    for (;;) {
      let r = this.next();
      if (r === 92 /* \ */) {
        r = this.next();
        if (r !== EOF && r !== 10) continue;
        return this.errorf('unterminated character constant');
      }
      if (r === EOF || r === 10) return this.errorf('unterminated character constant');
      if (r === 39) break;
    }
    return this.emit(Tok.CharConstant);
  }

  private lexNumber(): Token {
    SIMPLE_NUMBER.lastIndex = this.pos;
    if (SIMPLE_NUMBER.test(this.input)) return this.token(Tok.Number, SIMPLE_NUMBER.lastIndex);
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === 43 || sign === 45) {
      // Complex: 1+2i, no spaces, must end in 'i'.
      if (!this.scanNumber() || this.input.charCodeAt(this.pos - 1) !== 105) {
        return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
      }
      return this.emit(Tok.Complex);
    }
    return this.emit(Tok.Number);
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  private lexQuote(): Token {
    for (;;) {
      let r = this.next();
      if (r === 92) {
        r = this.next();
        if (r !== EOF && r !== 10) continue;
        return this.errorf('unterminated quoted string');
      }
      if (r === EOF || r === 10) return this.errorf('unterminated quoted string');
      if (r === 34) break;
    }
    return this.emit(Tok.String);
  }
}
