// Literal values of the template language, decoded with the rules of Go's strconv (Unquote, UnquoteChar,
// ParseInt/ParseUint with base 0, ParseFloat), which the parser relies on for its exact errors.

import { N, type NumberNode } from './ast.ts';
import { quote } from './fmt.ts';
import { Tok, type TokType } from './lexer.ts';
import { parseGoFloat, parseGoInt, parseGoUint } from './strconv-parse.ts';
import { goInt, type Value } from './value.ts';

export class SyntaxError_ extends Error {
  override name = 'LiteralSyntaxError';
}

/** strconv.ErrSyntax's text. */
const INVALID_SYNTAX = 'invalid syntax';

function fail(): never {
  throw new SyntaxError_(INVALID_SYNTAX);
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

interface Unquoted {
  /** A code point, or a single byte when `isByte` (\x and octal escapes). */
  value: number;
  isByte: boolean;
  /** Index just past the decoded character. */
  end: number;
}

/** Decodes one (possibly escaped) character of `s` at `i`, as strconv.UnquoteChar does. */
function unquoteCharAt(s: string, i: number, quote: number): Unquoted {
  const c = s.codePointAt(i);
  if (c === undefined) fail();
  if (c === quote && (quote === 39 || quote === 34)) fail();
  if (c !== 92 /* \ */) return { value: c, isByte: false, end: i + (c > 0xffff ? 2 : 1) };
  if (i + 1 >= s.length) fail();
  const e = s.charCodeAt(i + 1);
  let j = i + 2;
  switch (e) {
    case 97:
      return { value: 7, isByte: false, end: j };
    case 98:
      return { value: 8, isByte: false, end: j };
    case 102:
      return { value: 12, isByte: false, end: j };
    case 110:
      return { value: 10, isByte: false, end: j };
    case 114:
      return { value: 13, isByte: false, end: j };
    case 116:
      return { value: 9, isByte: false, end: j };
    case 118:
      return { value: 11, isByte: false, end: j };
    case 120 /* x */:
    case 117 /* u */:
    case 85 /* U */:
      {
        const n = e === 120 ? 2 : e === 117 ? 4 : 8;
        if (j + n > s.length) fail();
        let v = 0;
        for (let k = 0; k < n; k++) {
          const d = hexVal(s.charCodeAt(j + k));
          if (d < 0) fail();
          v = v * 16 + d;
        }
        j += n;
        if (e === 120) return { value: v, isByte: true, end: j };
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) fail();
        return { value: v, isByte: false, end: j };
      }
    case 48:
    case 49:
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
    case 55: {
      let v = e - 48;
      if (j + 2 > s.length) fail();
      for (let k = 0; k < 2; k++) {
        const d = s.charCodeAt(j + k) - 48;
        if (d < 0 || d > 7) fail();
        v = v * 8 + d;
      }
      if (v > 255) fail();
      return { value: v, isByte: true, end: j + 2 };
    }
    case 92:
      return { value: 92, isByte: false, end: j };
    case 39:
    case 34:
      if (e !== quote) fail();
      return { value: e, isByte: false, end: j };
    default:
      fail();
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** strconv.Unquote for "..." and `...` literals; throws SyntaxError_ ("invalid syntax"). */
export function unquote(lit: string): string {
  const n = lit.length;
  if (n < 2) fail();
  const q = lit.charCodeAt(0);
  if (q !== lit.charCodeAt(n - 1)) fail();
  const body = lit.slice(1, n - 1);
  if (q === 96) {
    if (body.includes('`')) fail();
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== 34 && q !== 39) fail();
  if (body.includes('\n')) fail();
  if (!body.includes('\\') && !body.includes(String.fromCharCode(q))) {
    if (q === 34) return body;
  }
  if (q === 34) {
    const text = unquoteText(body);
    if (text !== undefined) return text;
  }
  // Escapes may produce raw bytes (\xff, \377): collect UTF-8 bytes and decode once at the end.
  const bytes: number[] = [];
  let i = 0;
  let count = 0;
  while (i < body.length) {
    const u = unquoteCharAt(body, i, q);
    i = u.end;
    count++;
    if (u.isByte) bytes.push(u.value);
    else for (const b of encoder.encode(String.fromCodePoint(u.value))) bytes.push(b);
    if (q === 39 && count > 1) fail();
  }
  if (q === 39 && count !== 1) fail();
  return decoder.decode(new Uint8Array(bytes));
}

const SURROGATE = /[\ud800-\udfff]/;

/**
 * The body of a "..." literal with escapes, built as a string; undefined when it needs the byte path (a \x or
 * octal escape makes raw bytes, and a lone surrogate must become U+FFFD as its UTF-8 round trip makes it).
 */
function unquoteText(body: string): string | undefined {
  if (SURROGATE.test(body)) return undefined;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const bs = body.indexOf('\\', i);
    const end = bs < 0 ? body.length : bs;
    if (end > i) {
      const seg = body.slice(i, end);
      if (seg.includes('"')) fail();
      out += seg;
    }
    if (bs < 0) break;
    const u = unquoteCharAt(body, bs, 34);
    if (u.isByte) return undefined;
    out += String.fromCodePoint(u.value);
    i = u.end;
  }
  return out;
}

/** The value of a character constant such as 'a' or '\n' (Go's UnquoteChar plus the closing-quote check). */
export function charConstant(text: string): number {
  const u = unquoteCharAt(text, 1, text.charCodeAt(0));
  if (text.slice(u.end) !== "'") throw new SyntaxError_(`malformed character constant: ${text}`);
  return u.value;
}

const INT64_MIN = -(2 ** 63);
const INT64_LIMIT = 2 ** 63;
const UINT64_LIMIT = 2 ** 64;

/** Decimal integers without sign, leading zero (octal) or underscore, below 2^53. */
const SMALL_DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

/** Go's newNumber: the value under every type that can hold it, and its untyped-constant value. */
export function numberNode(typ: TokType, pos: number, text: string): NumberNode {
  let isInt = false;
  let isUint = false;
  let isFloat = false;
  let isComplex = false;
  let int64 = 0n;
  let uint64 = 0n;
  let float64 = 0;
  if (SMALL_DECIMAL.test(text)) {
    // The common case (`nindent 4`, `trunc 63`): a decimal int64 that every type holds exactly.
    const n = Number(text);
    int64 = uint64 = BigInt(n);
    return {
      type: N.Number,
      pos,
      text,
      isInt: true,
      isUint: true,
      isFloat: true,
      isComplex: false,
      int64,
      uint64,
      float64: n,
      ideal: goInt(int64),
    };
  }
  if (typ === Tok.CharConstant) {
    const r = charConstant(text);
    isInt = isUint = isFloat = true;
    int64 = uint64 = BigInt(r);
    float64 = r;
  } else if (typ === Tok.Complex) {
    isComplex = true;
  } else if (text.endsWith('i') && parseGoFloat(text.slice(0, -1)) !== undefined) {
    // An imaginary constant: only zero is also real.
    isComplex = true;
    const f = parseGoFloat(text.slice(0, -1))!;
    if (f === 0) {
      isFloat = isInt = isUint = true;
    }
  } else {
    const u = parseGoUint(text);
    if (u !== undefined) {
      isUint = true;
      uint64 = u;
    }
    const i = parseGoInt(text);
    if (i !== undefined) {
      isInt = true;
      int64 = i;
      if (i === 0n) {
        isUint = true;
        uint64 = u ?? 0n;
      }
    }
    if (isInt) {
      isFloat = true;
      float64 = Number(int64);
    } else if (isUint) {
      isFloat = true;
      float64 = Number(uint64);
    } else {
      const f = parseGoFloat(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) throw new SyntaxError_(`integer overflow: ${quote(text)}`);
        isFloat = true;
        float64 = f;
        if (Number.isInteger(f) && f >= INT64_MIN && f < INT64_LIMIT) {
          isInt = true;
          int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < UINT64_LIMIT) {
          isUint = true;
          uint64 = BigInt(f);
        }
      }
    }
    if (!isInt && !isUint && !isFloat) throw new SyntaxError_(`illegal number syntax: ${quote(text)}`);
  }
  return {
    type: N.Number,
    pos,
    text,
    isInt,
    isUint,
    isFloat,
    isComplex,
    int64,
    uint64,
    float64,
    ideal: idealConstant(text, isComplex, isFloat, isInt, isUint, int64, float64),
  };
}

function idealConstant(
  text: string,
  isComplex: boolean,
  isFloat: boolean,
  isInt: boolean,
  isUint: boolean,
  int64: bigint,
  float64: number,
): Value | { readonly error: string } {
  if (isComplex) return { error: `complex constant ${text} is not supported` };
  const hexInt = text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text);
  if (isFloat && !hexInt && text[0] !== "'" && /[.eEpP]/.test(text)) return float64;
  if (isInt) return goInt(int64);
  if (isUint) return { error: `${text} overflows int` };
  return undefined;
}
