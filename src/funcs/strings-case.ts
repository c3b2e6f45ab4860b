// huandu/xstrings (v1.5) case conversions behind Sprig's snakecase, kebabcase and camelcase, re-derived from
// its word scanner: a string splits into connector runs (-, _, spaces), punctuation runs, upper-case words
// ("HTTP" before "Status"), alphabetic words, number runs and other runs, which are then re-joined.

import {
  isLetterRune,
  isNumberRune,
  isPunctRune,
  isSpaceRune,
  isUpperRune,
  toLowerRune,
  toUpperRune,
} from './gostrings.ts';

enum Word {
  Invalid,
  Number,
  Upper,
  Alphabet,
  Connector,
  Punct,
  Other,
}

const RUNE_ERROR = 0xfffd;

function isConnector(r: number): boolean {
  return r === 0x2d || r === 0x5f || isSpaceRune(r);
}

/** A letter that is not a CJK ideograph (CJK text has no case and no word breaks to find). */
function isAlphabet(r: number): boolean {
  if (!isLetterRune(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** Reads the next rune that is not U+FFFD at `at`; returns [rune, runes consumed] (prev if none is left). */
function nextValid(rs: readonly number[], at: number, prev: number): [number, number] {
  let n = 0;
  while (at + n < rs.length) {
    const r = rs[at + n];
    n++;
    if (r !== RUNE_ERROR) return [r, n];
  }
  return [prev, n];
}

interface Scan {
  wt: Word;
  word: number[];
  rest: number;
}

/** xstrings' nextWord over code points, starting at `start`. */
function nextWord(rs: readonly number[], start: number): Scan {
  if (start >= rs.length) return { wt: Word.Invalid, word: [], rest: start };
  let [r, size] = nextValid(rs, start, RUNE_ERROR);
  let offset = size;
  let pos = start;
  const done = (wt: Word): Scan => ({ wt, word: rs.slice(start, start + offset), rest: start + offset });
  if (r === RUNE_ERROR) return done(Word.Invalid);
  const runWhile = (ok: (c: number) => boolean) => {
    pos += size;
    while (pos < rs.length) {
      [r, size] = nextValid(rs, pos, r);
      if (!ok(r)) break;
      offset += size;
      pos += size;
    }
  };
  if (isConnector(r)) {
    runWhile(isConnector);
    return done(Word.Connector);
  }
  if (isPunctRune(r)) {
    runWhile(isPunctRune);
    return done(Word.Punct);
  }
  if (isUpperRune(r)) {
    pos += size;
    if (pos >= rs.length) return done(Word.Upper);
    [r, size] = nextValid(rs, pos, r);
    if (isUpperRune(r)) {
      let prevSize = size;
      offset += size;
      pos += size;
      while (pos < rs.length) {
        [r, size] = nextValid(rs, pos, r);
        if (!isUpperRune(r)) break;
        prevSize = size;
        offset += size;
        pos += size;
      }
      // "HTTPStatus" is "HTTP" then "Status": the last capital starts the next word.
      if (pos < rs.length && isAlphabet(r)) offset -= prevSize;
    } else if (isAlphabet(r)) {
      offset += size;
      pos += size;
      while (pos < rs.length) {
        [r, size] = nextValid(rs, pos, r);
        if (!isAlphabet(r) || isUpperRune(r)) break;
        offset += size;
        pos += size;
      }
    }
    return done(Word.Upper);
  }
  if (isAlphabet(r)) {
    runWhile((c) => isAlphabet(c) && !isUpperRune(c));
    return done(Word.Alphabet);
  }
  if (isNumberRune(r)) {
    runWhile(isNumberRune);
    return done(Word.Number);
  }
  pos += size;
  while (pos < rs.length) {
    [r, size] = nextValid(rs, pos, r);
    if (size === 0 || isConnector(r) || isAlphabet(r) || isNumberRune(r) || isPunctRune(r)) break;
    offset += size;
    pos += size;
  }
  return done(Word.Other);
}

function fromCodePoints(cps: readonly number[]): string {
  let s = '';
  for (let i = 0; i < cps.length; i += 4096) s += String.fromCodePoint(...cps.slice(i, i + 4096));
  return s;
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

function emit(out: number[], wt: Word, word: readonly number[], connector: number): void {
  if (wt !== Word.Upper && wt !== Word.Connector) {
    for (const r of word) out.push(r);
    return;
  }
  for (const r of word) {
    if (isConnector(r)) out.push(connector);
    else out.push(isUpperRune(r) ? toLowerRune(r) : r);
  }
}

/** xstrings.ToSnakeCase (connector `_`) and ToKebabCase (connector `-`). */
export function toLowerWords(s: string, connector: number): string {
  if (s === '') return '';
  const rs = runes(s);
  const out: number[] = [];
  let w = nextWord(rs, 0);
  const more = (x: Scan) => x.rest < rs.length;
  while (more(w)) {
    if (w.wt !== Word.Connector) emit(out, w.wt, w.word, connector);
    const prev = w;
    w = nextWord(rs, w.rest);
    if (prev.wt === Word.Number) {
      while (w.wt === Word.Alphabet || w.wt === Word.Number) {
        emit(out, w.wt, w.word, connector);
        w = nextWord(rs, w.rest);
      }
      if (w.wt !== Word.Invalid && w.wt !== Word.Punct && w.wt !== Word.Connector) out.push(connector);
    } else if (prev.wt === Word.Connector) {
      emit(out, prev.wt, prev.word, connector);
    } else if (prev.wt !== Word.Punct) {
      if (w.wt !== Word.Number) {
        if (w.wt !== Word.Connector && w.wt !== Word.Punct) out.push(connector);
        continue;
      }
      if (!more(w)) continue;
      const num = w;
      w = nextWord(rs, w.rest);
      // A number followed by something other than letters belongs to the word before it ("Bld4Floor").
      if (w.wt !== Word.Alphabet) {
        emit(out, Word.Number, num.word, connector);
        if (w.wt !== Word.Connector && w.wt !== Word.Punct) out.push(connector);
        continue;
      }
      // Letters after a number start a new word with it ("HTTP2xx" → "http_2xx").
      out.push(connector);
      emit(out, Word.Number, num.word, connector);
      while (w.wt === Word.Alphabet || w.wt === Word.Number) {
        emit(out, w.wt, w.word, connector);
        w = nextWord(rs, w.rest);
      }
      if (w.wt !== Word.Invalid && w.wt !== Word.Connector && w.wt !== Word.Punct) out.push(connector);
    }
  }
  emit(out, w.wt, w.word, connector);
  return fromCodePoints(out);
}

/** xstrings.ToPascalCase: connectors removed, the rune after each upper-cased, capital runs lower-cased. */
export function toPascalCase(s: string): string {
  if (s === '') return '';
  const rs = runes(s);
  const out: number[] = [];
  let firstUpper = false;
  let r0 = 0;
  let i = 0;
  let consumed = false;
  while (i < rs.length) {
    r0 = rs[i++];
    consumed = true;
    if (!isConnector(r0)) {
      firstUpper = isUpperRune(r0);
      r0 = toUpperRune(r0);
      break;
    }
    out.push(r0);
  }
  if (i >= rs.length) {
    // xstrings writes the last rune again here, even when it was a connector already written.
    if (consumed) out.push(r0);
    return fromCodePoints(out);
  }
  while (i < rs.length) {
    const r1 = r0;
    r0 = rs[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpperRune(r0);
      r0 = toUpperRune(r0);
    } else {
      if (firstUpper) {
        if (isUpperRune(r0)) r0 = toLowerRune(r0);
        else firstUpper = false;
      }
      out.push(r1);
    }
  }
  out.push(r0);
  return fromCodePoints(out);
}
