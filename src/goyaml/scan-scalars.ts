// libyaml's scanning of scalars as go-yaml v2 runs it: block scalars (| and >, indentation and chomping
// indicators), quoted scalars with their escapes and line folding, and plain scalars.

import { type CharReader, hexValue, isBlankzCode, isHexCode } from './scan-reader.ts';
import { newToken, STYLE, TOK, type Token } from './tokens.ts';

/** A plain scalar, and whether it ended after a line break (a simple key may then start). */
export interface PlainScalar {
  token: Token;
  leadingBlanks: boolean;
}

// A block scalar line's content up to its break, and the spaces of an indentation (simple text only).
const REST_OF_LINE = /[^\n\r\u0085\u2028\u2029\0]*/y;
const INDENT = / */y;

export function scanBlockScalar(r: CharReader, literal: boolean, parentIndent: number): Token {
  const start = r.line;
  r.skip();
  r.need(1);
  let chomping = 0;
  let increment = 0;
  const c = r.at();
  if (c === 43 || c === 45) {
    chomping = c === 43 ? 1 : -1;
    r.skip();
    r.need(1);
    const d = r.at();
    if (d >= 48 && d <= 57) {
      if (d === 48) throw r.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = d - 48;
      r.skip();
    }
  } else if (c >= 48 && c <= 57) {
    if (c === 48) throw r.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
    increment = c - 48;
    r.skip();
    r.need(1);
    const d = r.at();
    if (d === 43 || d === 45) {
      chomping = d === 43 ? 1 : -1;
      r.skip();
    }
  }
  r.need(1);
  r.skipBlanksAndComment();
  if (!r.isBreakz()) {
    throw r.error('while scanning a block scalar', start, 'did not find expected comment or line break');
  }
  if (r.isBreak()) {
    r.need(2);
    r.skipLine();
  }
  const st = { indent: 0, breaks: '' };
  if (increment > 0) st.indent = parentIndent >= 0 ? parentIndent + increment : increment;

  let s = '';
  let leadingBreak = '';
  scanBlockScalarBreaks(r, st, start, parentIndent);
  r.need(1);
  let leadingBlank = false;
  while (r.column === st.indent && !r.isZ()) {
    const trailingBlank = r.isBlank();
    // Folding joins lines with a space unless a line starts with a blank or an empty line intervenes.
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.charCodeAt(0) === 10) {
      if (st.breaks === '') s += ' ';
    } else {
      s += leadingBreak;
    }
    leadingBreak = '';
    s += st.breaks;
    st.breaks = '';
    leadingBlank = r.isBlank();
    const from = r.pos;
    if (r.simple) {
      // The rest of the line at once (see CharReader.simple).
      REST_OF_LINE.lastIndex = from;
      REST_OF_LINE.test(r.src);
      const to = REST_OF_LINE.lastIndex;
      r.pos = to;
      r.index += to - from;
      r.column += to - from;
    } else {
      while (!r.isBreakz()) {
        r.skip();
        r.need(1);
      }
    }
    s += r.src.slice(from, r.pos);
    r.need(2);
    leadingBreak = r.readLine(leadingBreak);
    scanBlockScalarBreaks(r, st, start, parentIndent);
  }
  if (chomping !== -1) s += leadingBreak;
  if (chomping === 1) s += st.breaks;
  const token = newToken(TOK.SCALAR, start);
  token.value = s;
  token.style = literal ? STYLE.LITERAL : STYLE.FOLDED;
  return token;
}

/** Skips the indentation and empty lines before block scalar content, determining the indent if unknown. */
function scanBlockScalarBreaks(
  r: CharReader,
  st: { indent: number; breaks: string },
  start: number,
  parentIndent: number,
): void {
  let maxIndent = 0;
  for (;;) {
    r.need(1);
    if (r.simple) {
      // The indentation at once, up to the scalar's indentation when it is known.
      INDENT.lastIndex = r.pos;
      INDENT.test(r.src);
      let k = INDENT.lastIndex - r.pos;
      if (st.indent !== 0 && k > st.indent - r.column) k = Math.max(0, st.indent - r.column);
      r.pos += k;
      r.index += k;
      r.column += k;
    } else {
      while ((st.indent === 0 || r.column < st.indent) && r.at() === 32) {
        r.skip();
        r.need(1);
      }
    }
    if (r.column > maxIndent) maxIndent = r.column;
    if ((st.indent === 0 || r.column < st.indent) && r.at() === 9) {
      throw r.error(
        'while scanning a block scalar',
        start,
        'found a tab character where an indentation space is expected',
      );
    }
    if (!r.isBreak()) break;
    r.need(2);
    st.breaks = r.readLine(st.breaks);
  }
  if (st.indent === 0) {
    st.indent = Math.max(maxIndent, parentIndent + 1, 1);
  }
}

export function scanFlowScalar(r: CharReader, single: boolean): Token {
  const start = r.line;
  r.skip();
  let s = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  for (;;) {
    r.need(4);
    if (r.atDocumentIndicator()) {
      throw r.error('while scanning a quoted scalar', start, 'found unexpected document indicator');
    }
    if (r.isZ()) throw r.error('while scanning a quoted scalar', start, 'found unexpected end of stream');

    let leadingBlanks = false;
    while (!r.isBlankz()) {
      const c = r.at();
      if (single && c === 39 && r.at(1) === 39) {
        s += "'";
        r.skip();
        r.skip();
      } else if (single && c === 39) {
        break;
      } else if (!single && c === 34) {
        break;
      } else if (!single && c === 92 && r.isBreak(1)) {
        // An escaped line break: the break and the following indentation vanish.
        r.need(3);
        r.skip();
        r.skipLine();
        leadingBlanks = true;
        break;
      } else if (!single && c === 92) {
        s += scanEscape(r, start);
      } else {
        s = r.read(s);
      }
      r.need(2);
    }
    r.need(1);
    const q = r.at();
    if ((single && q === 39) || (!single && q === 34)) break;

    while (r.isBlank() || r.isBreak()) {
      if (r.isBlank()) {
        if (!leadingBlanks) whitespaces = r.read(whitespaces);
        else r.skip();
      } else {
        r.need(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = r.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          trailingBreaks = r.readLine(trailingBreaks);
        }
      }
      r.need(1);
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
  r.skip();
  const token = newToken(TOK.SCALAR, start);
  token.value = s;
  token.style = single ? STYLE.SINGLE : STYLE.DOUBLE;
  return token;
}

function scanEscape(r: CharReader, start: number): string {
  let out: string;
  let codeLength = 0;
  switch (r.at(1)) {
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
      throw r.error('while parsing a quoted scalar', start, 'found unknown escape character');
  }
  r.skip();
  r.skip();
  if (codeLength > 0) {
    r.need(codeLength);
    let value = 0;
    for (let k = 0; k < codeLength; k++) {
      const h = r.at(k);
      if (!isHexCode(h)) {
        throw r.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
      }
      value = value * 16 + hexValue(h);
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
      throw r.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
    }
    out = String.fromCodePoint(value);
    for (let k = 0; k < codeLength; k++) r.skip();
  }
  return out;
}

/**
 * What goes before the next run of a plain scalar's text: after line breaks (leadingBlanks), a lone LF folds to a
 * space and further breaks stay as they are; otherwise the blanks between the words. Whichever was not collected
 * is empty, so the caller resets all four afterwards.
 */
function joinBefore(leadingBlanks: boolean, leadingBreak: string, trailingBreaks: string, whitespaces: string): string {
  if (!leadingBlanks) return whitespaces;
  if (leadingBreak.charCodeAt(0) === 10) return trailingBreaks === '' ? ' ' : trailingBreaks;
  return leadingBreak + trailingBreaks;
}

export function scanPlainScalar(r: CharReader, parentIndent: number, flowLevel: number): PlainScalar {
  // Two functions, so that simple text never compiles the character loop.
  return r.simple
    ? scanPlainScalarSimple(r, parentIndent, flowLevel)
    : scanPlainScalarChars(r, parentIndent, flowLevel);
}

function scanPlainScalarChars(r: CharReader, parentIndent: number, flowLevel: number): PlainScalar {
  let s = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  let leadingBlanks = false;
  const indent = parentIndent + 1;
  const start = r.line;
  const src = r.src;
  for (;;) {
    r.need(4);
    if (r.atDocumentIndicator()) break;
    if (r.at() === 35 /* # */) break;
    // A run of non-blank characters, sliced at once, scanned with a local index (see scanToNextToken for the
    // reader's limit: need(2) after every character fails first at the last one).
    const from = r.pos;
    const len = r.len;
    let i = from;
    let n = 0;
    for (;;) {
      const c = i < len ? src.charCodeAt(i) : 0;
      if (isBlankzCode(c)) break;
      // `: ` ends a plain scalar; so do flow indicators inside a flow collection.
      if (c === 58 && isBlankzCode(i + 1 < len ? src.charCodeAt(i + 1) : 0)) break;
      if (flowLevel > 0 && (c === 44 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125)) break;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < len ? 2 : 1;
      n++;
    }
    if (n > 0) {
      s += joinBefore(leadingBlanks, leadingBreak, trailingBreaks, whitespaces);
      leadingBreak = trailingBreaks = whitespaces = '';
      leadingBlanks = false;
      r.pos = i;
      r.index += n;
      r.column += n;
      r.need(2);
      s += src.slice(from, i);
    }
    if (!(r.isBlank() || r.isBreak())) break;
    r.need(1);
    while (r.isBlank() || r.isBreak()) {
      if (r.isBlank()) {
        if (leadingBlanks && r.column < indent && r.at() === 9) {
          throw r.error('while scanning a plain scalar', start, 'found a tab character that violates indentation');
        }
        if (!leadingBlanks) whitespaces = r.read(whitespaces);
        else r.skip();
      } else {
        r.need(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = r.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          trailingBreaks = r.readLine(trailingBreaks);
        }
      }
      r.need(1);
    }
    if (flowLevel === 0 && r.column < indent) break;
  }
  const token = newToken(TOK.SCALAR, start);
  token.value = s;
  token.style = STYLE.PLAIN;
  return { token, leadingBlanks };
}

// A run of plain-scalar characters: anything but blanks, breaks and NUL, with `:` only when a non-blank follows;
// inside flow collections the flow indicators also end it.
const PLAIN_RUN_BLOCK = /(?:[^ \t\r\n\u0085\u2028\u2029\0:]|:(?=[^ \t\r\n\u0085\u2028\u2029\0]))+/y;
const PLAIN_RUN_FLOW = /(?:[^ \t\r\n\u0085\u2028\u2029\0:,?[\]{}]|:(?=[^ \t\r\n\u0085\u2028\u2029\0]))+/y;
const SPACES = / +/y;
const LF_SPACES = /\n */y;
const BLANKS = /[ \t]+/y;

/**
 * scanPlainScalar for simple text (see CharReader.simple): runs of characters and of blanks are matched by sticky
 * regexes and counted by their length, so that long values and indentation cost no interpreted loop.
 */
function scanPlainScalarSimple(r: CharReader, parentIndent: number, flowLevel: number): PlainScalar {
  let s = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  let leadingBlanks = false;
  const indent = parentIndent + 1;
  const start = r.line;
  const src = r.src;
  const run = flowLevel > 0 ? PLAIN_RUN_FLOW : PLAIN_RUN_BLOCK;
  for (;;) {
    if (r.column === 0 && r.atDocumentIndicator()) break;
    const from = r.pos;
    if (src.charCodeAt(from) === 35 /* # */) break;
    run.lastIndex = from;
    if (run.test(src)) {
      const to = run.lastIndex;
      s += joinBefore(leadingBlanks, leadingBreak, trailingBreaks, whitespaces);
      leadingBreak = trailingBreaks = whitespaces = '';
      leadingBlanks = false;
      r.pos = to;
      r.index += to - from;
      r.column += to - from;
      s += src.slice(from, to);
    }
    let c = src.charCodeAt(r.pos);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029)) break;
    for (;;) {
      const at = r.pos;
      if (c === 32 || c === 9) {
        let to: number;
        if (leadingBlanks) {
          // Indentation: a tab before the scalar's indentation column is an error.
          SPACES.lastIndex = at;
          to = SPACES.test(src) ? SPACES.lastIndex : at;
          if (src.charCodeAt(to) === 9) {
            if (r.column + (to - at) < indent) {
              r.column += to - at;
              r.index += to - at;
              r.pos = to;
              throw r.error('while scanning a plain scalar', start, 'found a tab character that violates indentation');
            }
            BLANKS.lastIndex = to;
            BLANKS.test(src);
            to = BLANKS.lastIndex;
          }
        } else {
          BLANKS.lastIndex = at;
          BLANKS.test(src);
          to = BLANKS.lastIndex;
          whitespaces += src.slice(at, to);
        }
        r.pos = to;
        r.index += to - at;
        r.column += to - at;
      } else if (c === 10) {
        // LF and the next line's indentation in one step (the spaces are skipped, as after any break).
        LF_SPACES.lastIndex = at;
        LF_SPACES.test(src);
        const to = LF_SPACES.lastIndex;
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak += '\n';
          leadingBlanks = true;
        } else {
          trailingBreaks += '\n';
        }
        r.pos = to;
        r.index += to - at;
        r.column = to - at - 1;
        r.line++;
      } else if (c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029) {
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = r.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          trailingBreaks = r.readLine(trailingBreaks);
        }
      } else {
        break;
      }
      c = src.charCodeAt(r.pos);
    }
    if (flowLevel === 0 && r.column < indent) break;
  }
  const token = newToken(TOK.SCALAR, start);
  token.value = s;
  token.style = STYLE.PLAIN;
  return { token, leadingBlanks };
}
