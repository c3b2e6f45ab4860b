// Decoding the first JSON value of a string, as Go's json.Decoder.Decode does for `--set-json key=<json>,...`:
// leading JSON whitespace is skipped, one value is read, and whatever follows it is left for the caller.
// A number or literal ends at the first byte that cannot continue it, so `1x` reads `1`.
// Values come back as Go values of encoding/json's interface{} decoding (goyaml's parseJSON): objects → Map,
// numbers → float64, lone surrogate escapes → U+FFFD.

import { GoCodecError } from '../goyaml/errors.ts';
import { parseJSON } from '../goyaml/json-decode.ts';
import type { Value } from '../template/value.ts';

export class JSONPrefixError extends Error {
  override name = 'JSONPrefixError';
}

/** Decodes the JSON value starting at `start` (after optional whitespace); returns it and the index after it. */
export function decodeJSONPrefix(s: string, start: number): { value: Value; end: number } {
  let i = start;
  while (i < s.length && isJSONSpace(s.charCodeAt(i))) i++;
  const from = i;
  const end = scanValue(s, i);
  return { value: decodeJSON(s.slice(from, end)), end };
}

/** Decodes a whole string that must be exactly one JSON value (json.Unmarshal, by goyaml's parseJSON). */
export function decodeJSON(s: string): Value {
  try {
    return parseJSON(s);
  } catch (e) {
    if (e instanceof GoCodecError) throw new JSONPrefixError(e.message);
    throw e;
  }
}

function isJSONSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function fail(msg: string): never {
  throw new JSONPrefixError(msg);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Index just after the value starting at i; throws where Go's scanner reports a syntax error. */
function scanValue(s: string, i: number): number {
  if (i >= s.length) fail('unexpected end of JSON input');
  const c = s.charCodeAt(i);
  switch (c) {
    case 0x7b /* { */:
    case 0x5b /* [ */:
      return scanComposite(s, i);
    case 0x22 /* " */:
      return scanString(s, i);
    case 0x74 /* t */:
      return scanLiteral(s, i, 'true');
    case 0x66 /* f */:
      return scanLiteral(s, i, 'false');
    case 0x6e /* n */:
      return scanLiteral(s, i, 'null');
  }
  if (c === 0x2d /* - */ || isDigit(c)) return scanNumber(s, i);
  return fail(`invalid character ${JSON.stringify(s[i])} looking for beginning of value`);
}

function scanLiteral(s: string, i: number, word: string): number {
  for (let k = 0; k < word.length; k++) {
    if (i + k >= s.length) fail('unexpected EOF');
    if (s[i + k] !== word[k]) fail(`invalid character in literal ${word}`);
  }
  return i + word.length;
}

function scanNumber(s: string, i: number): number {
  if (s.charCodeAt(i) === 0x2d) {
    i++;
    if (i >= s.length || !isDigit(s.charCodeAt(i))) fail('invalid character in numeric literal');
  }
  if (s.charCodeAt(i) === 0x30) i++;
  else while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) === 0x2e /* . */) {
    i++;
    if (!isDigit(s.charCodeAt(i))) fail('invalid character after decimal point in numeric literal');
    while (isDigit(s.charCodeAt(i))) i++;
  }
  const e = s.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(s.charCodeAt(i))) fail('invalid character in exponent of numeric literal');
    while (isDigit(s.charCodeAt(i))) i++;
  }
  return i;
}

function scanString(s: string, i: number): number {
  for (let k = i + 1; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x5c) k++;
    else if (c === 0x22) return k + 1;
  }
  return fail('unexpected EOF');
}

/** Finds the bracket that closes the object or array at i; JSON.parse then checks what is inside. */
function scanComposite(s: string, i: number): number {
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x22) {
      k = scanString(s, k) - 1;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return k + 1;
    }
  }
  return fail('unexpected EOF');
}
