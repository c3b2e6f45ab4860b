// The character level of libyaml's scanner as go-yaml v2 runs it: positions, line breaks, lookahead, and the
// reader's refusal of control characters (see readerLimit).
//
// Positions: `pos` is a UTF-16 offset into the text; `index` and `column` count characters (code points) as
// libyaml does, so indentation and the 1024-character simple-key limit match.

import { YamlSyntaxError } from './errors.ts';

// Characters the reader refuses (libyaml's "control characters are not allowed"). Surrogate pairs are fine.
const BAD_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

const SURROGATE = /[\ud800-\udfff]/;

export function isBreakCode(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

export function isBlankzCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0 || isBreakCode(c);
}

export function isAlphaCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 45 /* - */;
}

export function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export function hexValue(c: number): number {
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return c - 48;
}

export function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

export class CharReader {
  readonly src: string;
  readonly len: number;
  pos = 0;
  index = 0;
  line = 0;
  column = 0;
  /** Characters available before the reader fails on a control character (see readerLimit). */
  readonly limit: number;
  /**
   * No surrogates and no control characters: every UTF-16 unit is one character (index advances with pos) and
   * need() never fails, so runs of characters can be skipped with a regex and counted by their length.
   */
  readonly simple: boolean;

  constructor(text: string) {
    // The reader drops a UTF-8 byte order mark at the start.
    this.src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.len = this.src.length;
    this.limit = readerLimit(this.src);
    this.simple = this.limit === Number.POSITIVE_INFINITY && !SURROGATE.test(this.src);
  }

  /** UTF-16 unit at pos+k; 0 past the end (libyaml's NUL terminator). */
  at(k = 0): number {
    const i = this.pos + k;
    return i < this.len ? this.src.charCodeAt(i) : 0;
  }

  /** libyaml's cache(): the reader decodes ahead in blocks and fails when a block holds a control character. */
  need(n: number): void {
    if (this.index + n > this.limit) throw new YamlSyntaxError('reader', 'control characters are not allowed', 0, 0);
  }

  charWidth(): number {
    const c = this.at();
    return c >= 0xd800 && c <= 0xdbff && this.pos + 1 < this.len ? 2 : 1;
  }

  skip(): void {
    this.pos += this.simple ? 1 : this.charWidth();
    this.index++;
    this.column++;
  }

  skipLine(): void {
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
  read(s: string): string {
    const w = this.charWidth();
    s += this.src.slice(this.pos, this.pos + w);
    this.pos += w;
    this.index++;
    this.column++;
    return s;
  }

  /** Appends a normalized line break (CR, LF, CRLF, NEL become \n; LS and PS are kept) and advances. */
  readLine(s: string): string {
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

  isBlank(k = 0): boolean {
    const c = this.at(k);
    return c === 32 || c === 9;
  }
  isBreak(k = 0): boolean {
    return isBreakCode(this.at(k));
  }
  isBlankz(k = 0): boolean {
    return isBlankzCode(this.at(k));
  }
  isBreakz(k = 0): boolean {
    const c = this.at(k);
    return c === 0 || isBreakCode(c);
  }
  isZ(): boolean {
    return this.pos >= this.len;
  }

  /** A scanner error at the current position; contextLine is where the construct being scanned started. */
  error(context: string, contextLine: number, problem: string): YamlSyntaxError {
    void context;
    return new YamlSyntaxError('scanner', problem, this.line, contextLine);
  }

  skipBlanksAndComment(): void {
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

  atDocumentIndicator(): boolean {
    if (this.column !== 0) return false;
    const c = this.at();
    return (
      ((c === 45 && this.at(1) === 45 && this.at(2) === 45) || (c === 46 && this.at(1) === 46 && this.at(2) === 46)) &&
      this.isBlankz(3)
    );
  }
}

/**
 * How many characters the reader hands out before failing. go-yaml v2 decodes its input in 512-byte blocks and
 * checks every character of a block as it decodes it, so a control character fails the scan as soon as the scanner
 * looks into its block, even when it sits after the end of the first document.
 */
export function readerLimit(src: string): number {
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
