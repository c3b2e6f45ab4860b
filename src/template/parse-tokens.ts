// The template parser's token stream (Go's parse.Tree next/backup/peek with its three-token look-ahead) and
// its error reports, which name the line of the last token read, as Go's do. TreeParser (parser.ts) extends it.

import { TemplateParseError } from './errors.ts';
import { type Lexer, Tok, type Token, type TokType, tokenString } from './lexer.ts';

const NO_TOKEN: Token = { typ: Tok.EOF, pos: 0, val: '' };

export abstract class TokenReader {
  protected readonly token: Token[] = [NO_TOKEN, NO_TOKEN, NO_TOKEN];
  protected peekCount = 0;
  /** Where the action being parsed starts (its `{{`), or -1: lexical errors name its line. */
  protected actionPos = -1;

  constructor(
    protected readonly lex: Lexer,
    /** The template being parsed (the file), as errors name it. */
    protected readonly parseName: string,
  ) {}

  // --- token stream -------------------------------------------------------------------------------------------

  protected next(): Token {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount];
  }

  protected backup(): void {
    this.peekCount++;
  }

  protected backup2(t1: Token): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  protected backup3(t2: Token, t1: Token): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  protected peek(): Token {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  protected nextNonSpace(): Token {
    while (this.peekCount > 0) {
      const t = this.token[--this.peekCount];
      if (t.typ !== Tok.Space) return t;
    }
    // The spaces the lexer skips would have been read and dropped here: only the last token read is kept.
    const t = this.lex.nextNonSpace();
    this.token[0] = t;
    return t;
  }

  protected peekNonSpace(): Token {
    if (this.peekCount > 0) {
      const t = this.token[this.peekCount - 1];
      if (t.typ !== Tok.Space) return t;
    }
    const t = this.nextNonSpace();
    this.peekCount++;
    return t;
  }

  // --- errors -------------------------------------------------------------------------------------------------

  protected errorf(detail: string): never {
    const line = this.lex.lineAt(this.token[0].pos);
    throw new TemplateParseError(`template: ${this.parseName}:${line}: ${detail}`, this.parseName, line, detail);
  }

  protected expect(expected: TokType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }

  protected unexpected(t: Token, context: string): never {
    if (t.typ === Tok.Error) {
      let extra = '';
      const actionLine = this.actionPos < 0 ? 0 : this.lex.lineAt(this.actionPos);
      if (actionLine !== 0 && actionLine !== this.lex.lineAt(t.pos)) {
        extra = ` in action started at ${this.parseName}:${actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${tokenString(t)}${extra}`);
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`);
  }
}
