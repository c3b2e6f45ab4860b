// The template lexer: a state machine that hands out one token at a time, with Go's exact rules for trim markers,
// comments, numbers and line counting (parse errors name the line of the token the parser last read).
// Positions are UTF-16 indices into the source; errors convert them to Go's byte columns when needed.

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
  readonly line: number;
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
const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

// State functions, numbered; `null` stops the machine with `item` set.
const S_TEXT = 0;
const S_LEFT_DELIM = 1;
const S_COMMENT = 2;
const S_RIGHT_DELIM = 3;
const S_INSIDE = 4;
type State = number | null;

function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
/** Go's isAlphaNumeric: `_`, unicode.IsLetter or unicode.IsDigit. */
export function isAlphaNumeric(r: number): boolean {
  if (r < 128) {
    return r === 95 || (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122) /* _ 0-9 A-Z a-z */;
  }
  return r !== EOF && LETTER_OR_DIGIT.test(String.fromCodePoint(r));
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
/** Go's %#U: `U+0023 '#'` (the character only when printable). */
export function formatRune(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  const ch = String.fromCodePoint(r);
  return PRINTABLE.test(ch) ? `U+${hex} '${ch}'` : `U+${hex}`;
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.charCodeAt(at) === 45 /* - */ && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s.charCodeAt(at)) && s.charCodeAt(at + 1) === 45;
}

const TRIM_MARKER_LEN = 2;

const NO_DELIM = 0;
const DELIM = 1;
const DELIM_TRIM = 2;

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
  /** Count the newlines inside comments (Go 1.24+; helm 3's Go forgets them, so later lines are off). */
  commentNewlines: boolean;
}

export class Lexer {
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private insideAction = false;
  private item: Token | undefined;
  private input: string;

  constructor(
    input: string,
    private readonly options: LexOptions,
  ) {
    this.input = input;
  }

  nextItem(): Token {
    this.item = undefined;
    const pos = this.pos;
    const line = this.startLine;
    let state: State = this.insideAction ? S_INSIDE : S_TEXT;
    while (state !== null) state = this.step(state);
    return this.item ?? { typ: Tok.EOF, pos, val: 'EOF', line };
  }

  private step(state: number): State {
    switch (state) {
      case S_TEXT:
        return this.lexText();
      case S_LEFT_DELIM:
        return this.lexLeftDelim();
      case S_COMMENT:
        return this.lexComment();
      case S_RIGHT_DELIM:
        return this.lexRightDelim();
      default:
        return this.lexInsideAction();
    }
  }

  private next(): number {
    const i = this.pos;
    if (i >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const c = this.input.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) {
      this.pos = i + 1;
      if (c === 10) this.line++;
      return c;
    }
    const r = this.input.codePointAt(i)!;
    this.pos += r > 0xffff ? 2 : 1;
    return r;
  }

  private backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const c = this.input.charCodeAt(this.pos - 1);
      const w = c >= 0xdc00 && c <= 0xdfff && this.pos > 1 ? 2 : 1;
      this.pos -= w;
      if (c === 10) this.line--;
    }
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private thisItem(typ: TokType): Token {
    const t: Token = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return t;
  }

  private emit(typ: TokType): null {
    this.item = this.thisItem(typ);
    return null;
  }

  private emitItem(t: Token): null {
    this.item = t;
    return null;
  }

  private ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
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

  private errorf(msg: string): null {
    this.item = { typ: Tok.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  private lexText(): State {
    const x = this.input.indexOf(LEFT_DELIM, this.pos);
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x;
        let trim = 0;
        if (hasLeftTrimMarker(this.input, x + LEFT_DELIM.length)) {
          let i = x;
          while (i > this.start && isSpace(this.input.charCodeAt(i - 1))) i--;
          trim = x - i;
        }
        this.pos -= trim;
        this.line += countNewlines(this.input, this.start, this.pos);
        const t = this.thisItem(Tok.Text);
        this.pos += trim;
        this.ignore();
        if (t.val.length > 0) return this.emitItem(t);
      }
      return S_LEFT_DELIM;
    }
    this.pos = this.input.length;
    if (this.pos > this.start) {
      this.line += countNewlines(this.input, this.start, this.pos);
      return this.emit(Tok.Text);
    }
    return this.emit(Tok.EOF);
  }

  /** NO_DELIM, or at a right delimiter with (DELIM_TRIM) or without (DELIM) a trim marker. */
  private atRightDelim(): number {
    const s = this.input;
    if (hasRightTrimMarker(s, this.pos) && s.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)) return DELIM_TRIM;
    if (s.startsWith(RIGHT_DELIM, this.pos)) return DELIM;
    return NO_DELIM;
  }

  private leftTrimLength(from: number): number {
    let i = from;
    while (i < this.input.length && isSpace(this.input.charCodeAt(i))) i++;
    return i - from;
  }

  private lexLeftDelim(): State {
    this.pos += LEFT_DELIM.length;
    const trim = hasLeftTrimMarker(this.input, this.pos);
    const after = trim ? TRIM_MARKER_LEN : 0;
    if (this.input.startsWith(LEFT_COMMENT, this.pos + after)) {
      this.pos += after;
      this.ignore();
      return S_COMMENT;
    }
    const t = this.thisItem(Tok.LeftDelim);
    this.insideAction = true;
    this.pos += after;
    this.ignore();
    this.parenDepth = 0;
    return this.emitItem(t);
  }

  private lexComment(): State {
    this.pos += LEFT_COMMENT.length;
    const x = this.input.indexOf(RIGHT_COMMENT, this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + RIGHT_COMMENT.length;
    const at = this.atRightDelim();
    if (at === NO_DELIM) return this.errorf('comment ends before closing delimiter');
    const trim = at === DELIM_TRIM;
    if (this.options.commentNewlines) this.line += countNewlines(this.input, this.start, this.pos);
    this.thisItem(Tok.Comment);
    if (trim) this.pos += TRIM_MARKER_LEN;
    this.pos += RIGHT_DELIM.length;
    if (trim) this.pos += this.leftTrimLength(this.pos);
    this.ignore();
    return S_TEXT;
  }

  private lexRightDelim(): State {
    const trim = this.atRightDelim() === DELIM_TRIM;
    if (trim) {
      this.pos += TRIM_MARKER_LEN;
      this.ignore();
    }
    this.pos += RIGHT_DELIM.length;
    const t = this.thisItem(Tok.RightDelim);
    if (trim) {
      this.pos += this.leftTrimLength(this.pos);
      this.ignore();
    }
    this.insideAction = false;
    return this.emitItem(t);
  }

  // The sub-lexers of an action are called directly rather than through `step`: this runs once per token.
  private lexInsideAction(): State {
    const c = this.input.charCodeAt(this.pos);
    // Only "}}" and " -}}" end the action.
    if (c === 125 || isSpace(c)) {
      if (this.atRightDelim() !== NO_DELIM) {
        if (this.parenDepth === 0) return S_RIGHT_DELIM;
        return this.errorf('unclosed left paren');
      }
      if (c !== 125) return this.lexSpace(); // the space may begin " -}}"
    }
    const r = this.next();
    if (r === EOF) return this.errorf('unclosed action');
    switch (r) {
      case 61 /* = */:
        return this.emit(Tok.Assign);
      case 58 /* : */:
        if (this.next() !== 61) return this.errorf('expected :=');
        return this.emit(Tok.Declare);
      case 124 /* | */:
        return this.emit(Tok.Pipe);
      case 34 /* " */:
        return this.lexQuote();
      case 96 /* ` */:
        return this.lexRawQuote();
      case 36 /* $ */:
        return this.atTerminator() ? this.emit(Tok.Variable) : this.lexFieldOrVariable(Tok.Variable);
      case 39 /* ' */:
        return this.lexChar();
      case 40 /* ( */:
        this.parenDepth++;
        return this.emit(Tok.LeftParen);
      case 41 /* ) */:
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.emit(Tok.RightParen);
    }
    if (r === 46 /* . */) {
      // ".field" unless a digit follows, which makes a number.
      if (this.pos < this.input.length) {
        const c = this.input.charCodeAt(this.pos);
        if (c < 48 || c > 57) return this.lexFieldOrVariable(Tok.Field);
      }
      this.backup();
      return this.lexNumber();
    }
    if (r === 43 || r === 45 || (r >= 48 && r <= 57)) {
      this.backup();
      return this.lexNumber();
    }
    if (isAlphaNumeric(r)) {
      this.backup();
      return this.lexIdentifier();
    }
    if (r <= 127 && r >= 32 && r !== 127) return this.emit(Tok.Char);
    return this.errorf(`unrecognized character in action: ${formatRune(r)}`);
  }

  private lexSpace(): State {
    const s = this.input;
    let i = this.pos;
    let n = 0;
    for (;;) {
      if (i >= s.length) {
        this.atEOF = true; // as peek() leaves it
        break;
      }
      const c = s.charCodeAt(i);
      if (!isSpace(c)) break;
      if (c === 10) this.line++;
      i++;
      n++;
    }
    this.pos = i;
    // A trim-marked right delimiter starts with a space: leave that space to it.
    if (hasRightTrimMarker(this.input, this.pos - 1) && this.input.startsWith(RIGHT_DELIM, this.pos - 1 + 2)) {
      this.backup();
      if (n === 1) return S_RIGHT_DELIM;
    }
    return this.emit(Tok.Space);
  }

  private lexIdentifier(): State {
    const r = this.scanAlphaNumerics();
    const word = this.input.slice(this.start, this.pos);
    if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(r)}`);
    const kw = KEYWORDS.get(word);
    if (kw !== undefined && kw > Tok.Keyword) {
      if ((kw === Tok.Break && !this.options.breakOK) || (kw === Tok.Continue && !this.options.continueOK)) {
        return this.emit(Tok.Identifier);
      }
      return this.emit(kw);
    }
    if (word.charCodeAt(0) === 46) return this.emit(Tok.Field);
    if (word === 'true' || word === 'false') return this.emit(Tok.Bool);
    return this.emit(Tok.Identifier);
  }

  private lexFieldOrVariable(typ: TokType): State {
    if (this.atTerminator()) return this.emit(typ === Tok.Variable ? Tok.Variable : Tok.Dot);
    const r = this.scanAlphaNumerics();
    if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(r)}`);
    return this.emit(typ);
  }

  /**
   * Advances over letters, digits and underscores (never newlines, so lines need no counting) and returns the
   * code point that stopped the scan, unconsumed (EOF at the end).
   */
  private scanAlphaNumerics(): number {
    const s = this.input;
    let i = this.pos;
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
        this.pos = i;
        return r;
      }
      this.pos = i;
      return Number.isNaN(c) ? EOF : c;
    }
  }

  private atTerminator(): boolean {
    if (this.pos >= this.input.length) {
      this.atEOF = true; // as peek() leaves it
      return true;
    }
    const r = this.input.charCodeAt(this.pos);
    if (isSpace(r)) return true;
    switch (r) {
      case 46:
      case 44:
      case 124:
      case 58:
      case 41:
      case 40:
        return true;
    }
    return this.input.startsWith(RIGHT_DELIM, this.pos);
  }

  private lexChar(): State {
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

  private lexNumber(): State {
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

  private lexQuote(): State {
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

  private lexRawQuote(): State {
    for (;;) {
      const r = this.next();
      if (r === EOF) return this.errorf('unterminated raw quoted string');
      if (r === 96) break;
    }
    return this.emit(Tok.RawString);
  }
}
