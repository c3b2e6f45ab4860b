// libyaml's scanning of directives (%YAML, %TAG), anchors and aliases, and tags, with go-yaml v2's errors.

import type { YamlSyntaxError } from './errors.ts';
import { type CharReader, hexValue, isAlphaCode, isBlankzCode, isHexCode } from './scan-reader.ts';
import { newToken, TOK, type Token } from './tokens.ts';

export function scanDirective(r: CharReader): Token {
  const start = r.line;
  r.skip();
  const name = scanDirectiveName(r, start);
  let token: Token;
  if (name === 'YAML') {
    r.need(1);
    while (r.isBlank()) {
      r.skip();
      r.need(1);
    }
    const major = scanVersionNumber(r, start);
    if (r.at() !== 46 /* . */) {
      throw r.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    }
    r.skip();
    const minor = scanVersionNumber(r, start);
    token = newToken(TOK.VERSION_DIRECTIVE, start);
    token.major = major;
    token.minor = minor;
  } else if (name === 'TAG') {
    r.need(1);
    while (r.isBlank()) {
      r.skip();
      r.need(1);
    }
    const handle = scanTagHandle(r, true, start);
    r.need(1);
    if (!r.isBlank()) throw r.error('while scanning a %TAG directive', start, 'did not find expected whitespace');
    while (r.isBlank()) {
      r.skip();
      r.need(1);
    }
    const prefix = scanTagUri(r, true, '', start);
    r.need(1);
    if (!r.isBlankz()) {
      throw r.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    }
    token = newToken(TOK.TAG_DIRECTIVE, start);
    token.value = handle;
    token.suffix = prefix;
  } else {
    throw r.error('while scanning a directive', start, 'found unknown directive name');
  }
  r.need(1);
  r.skipBlanksAndComment();
  if (!r.isBreakz()) {
    throw r.error('while scanning a directive', start, 'did not find expected comment or line break');
  }
  if (r.isBreak()) {
    r.need(2);
    r.skipLine();
  }
  return token;
}

function scanDirectiveName(r: CharReader, start: number): string {
  r.need(1);
  let s = '';
  while (isAlphaCode(r.at())) {
    s = r.read(s);
    r.need(1);
  }
  if (s === '') throw r.error('while scanning a directive', start, 'could not find expected directive name');
  if (!r.isBlankz()) {
    throw r.error('while scanning a directive', start, 'found unexpected non-alphabetical character');
  }
  return s;
}

function scanVersionNumber(r: CharReader, start: number): number {
  r.need(1);
  let value = 0;
  let length = 0;
  for (let c = r.at(); c >= 48 && c <= 57; c = r.at()) {
    length++;
    if (length > 2) throw r.error('while scanning a %YAML directive', start, 'found extremely long version number');
    value = value * 10 + (c - 48);
    r.skip();
    r.need(1);
  }
  if (length === 0) throw r.error('while scanning a %YAML directive', start, 'did not find expected version number');
  return value;
}

export function scanAnchor(r: CharReader, type: number): Token {
  const start = r.line;
  r.skip();
  r.need(1);
  let s = '';
  while (isAlphaCode(r.at())) {
    s = r.read(s);
    r.need(1);
  }
  const c = r.at();
  if (
    s === '' ||
    !(isBlankzCode(c) || c === 63 || c === 58 || c === 44 || c === 93 || c === 125 || c === 37 || c === 64 || c === 96)
  ) {
    const context = type === TOK.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias';
    throw r.error(context, start, 'did not find expected alphabetic or numeric character');
  }
  const token = newToken(type, start);
  token.value = s;
  return token;
}

export function scanTag(r: CharReader): Token {
  const start = r.line;
  r.need(2);
  let handle: string;
  let suffix: string;
  if (r.at(1) === 60 /* < */) {
    // Verbatim tag: !<uri>
    r.skip();
    r.skip();
    handle = '';
    suffix = scanTagUri(r, false, '', start);
    if (r.at() !== 62 /* > */) throw r.error('while scanning a tag', start, "did not find the expected '>'");
    r.skip();
  } else {
    handle = scanTagHandle(r, false, start);
    if (handle.length > 1 && handle.charCodeAt(0) === 33 && handle.charCodeAt(handle.length - 1) === 33) {
      suffix = scanTagUri(r, false, '', start);
    } else {
      // `!foo` is the handle `!` with suffix `foo`; a lone `!` is the non-specific tag.
      suffix = scanTagUri(r, false, handle, start);
      handle = '!';
      if (suffix === '') {
        suffix = handle;
        handle = '';
      }
    }
  }
  r.need(1);
  if (!r.isBlankz()) throw r.error('while scanning a tag', start, 'did not find expected whitespace or line break');
  const token = newToken(TOK.TAG, start);
  token.value = handle;
  token.suffix = suffix;
  return token;
}

function tagError(r: CharReader, directive: boolean, start: number, problem: string): YamlSyntaxError {
  return r.error(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
}

function scanTagHandle(r: CharReader, directive: boolean, start: number): string {
  r.need(1);
  if (r.at() !== 33) throw tagError(r, directive, start, "did not find expected '!'");
  let s = r.read('');
  r.need(1);
  while (isAlphaCode(r.at())) {
    s = r.read(s);
    r.need(1);
  }
  if (r.at() === 33) {
    s = r.read(s);
  } else if (directive && s !== '!') {
    throw tagError(r, directive, start, "did not find expected '!'");
  }
  return s;
}

export function scanTagUri(r: CharReader, directive: boolean, head: string, start: number): string {
  let s = head.length > 1 ? head.slice(1) : '';
  let hasTag = head.length > 0;
  r.need(1);
  for (;;) {
    const c = r.at();
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
    if (c === 37) s += scanUriEscapes(r, directive, start);
    else s = r.read(s);
    r.need(1);
    hasTag = true;
  }
  if (!hasTag) throw tagError(r, directive, start, 'did not find expected tag URI');
  return s;
}

function scanUriEscapes(r: CharReader, directive: boolean, start: number): string {
  const bytes: number[] = [];
  let w = 1024;
  while (w > 0) {
    r.need(3);
    if (!(r.at() === 37 && isHexCode(r.at(1)) && isHexCode(r.at(2)))) {
      throw tagError(r, directive, start, 'did not find URI escaped octet');
    }
    const octet = (hexValue(r.at(1)) << 4) + hexValue(r.at(2));
    if (w === 1024) {
      w =
        octet < 0x80 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
      if (w === 0) throw tagError(r, directive, start, 'found an incorrect leading UTF-8 octet');
    } else if ((octet & 0xc0) !== 0x80) {
      throw tagError(r, directive, start, 'found an incorrect trailing UTF-8 octet');
    }
    bytes.push(octet);
    r.skip();
    r.skip();
    r.skip();
    w--;
  }
  return Buffer.from(bytes).toString('utf8');
}
