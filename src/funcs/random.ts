// Sprig's random functions: randAlphaNum, randAlpha, randNumeric, randAscii (goutils' CryptoRandom*),
// randInt (math/rand.Intn), shuffle (xstrings.Shuffle). All draw from FuncEnv.randomBytes.

import { GoError, type GoFunc, type GoInt, goFunc, goInt, T, type Value } from '../template/value.ts';
import type { FuncEnv } from './env.ts';
import { RandomReader } from './random-source.ts';

const SPACE = 0x20;
const Z_PLUS_1 = 0x7b; // 'z' + 1

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * goutils.CryptoRandom over an ASCII range: draws characters in [start, end) and keeps those of the wanted
 * classes (any when neither letters nor numbers). A negative count is an error Sprig ignores: "".
 */
function cryptoRandom(
  r: RandomReader,
  count: number,
  start: number,
  end: number,
  letters: boolean,
  numbers: boolean,
): string {
  if (count <= 0) return '';
  const codes = new Array<number>(count);
  const gap = end - start;
  // goutils fills the buffer from the end.
  for (let i = count - 1; i >= 0; ) {
    const ch = r.int(gap) + start;
    if ((letters && isLetter(ch)) || (numbers && isDigit(ch)) || (!letters && !numbers)) codes[i--] = ch;
  }
  return String.fromCharCode(...codes);
}

/** math/rand's Intn: panics (a template error) unless n > 0. */
export function intn(r: RandomReader, n: bigint): bigint {
  if (n <= 0n) throw new GoError('invalid argument to Intn');
  return n <= 0x7fffffffn ? BigInt(r.int(Number(n))) : r.bigInt(n);
}

/** Go's []rune(s): invalid UTF-16 (lone surrogates) reads as U+FFFD, as invalid UTF-8 does in Go. */
function runes(s: string): string[] {
  const out: string[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out.push(ch.length === 1 && c >= 0xd800 && c <= 0xdfff ? '\ufffd' : ch);
  }
  return out;
}

function count(v: Value): number {
  // `int` parameters arrive as GoInt; counts past 2^31 could not be allocated anyway.
  return Number((v as GoInt).value);
}

export function randomFuncs(env: FuncEnv): GoFunc[] {
  const reader = () => new RandomReader(env);
  return [
    goFunc('randAlphaNum', [T.int], (n) => cryptoRandom(reader(), count(n), SPACE, Z_PLUS_1, true, true)),
    goFunc('randAlpha', [T.int], (n) => cryptoRandom(reader(), count(n), SPACE, Z_PLUS_1, true, false)),
    goFunc('randNumeric', [T.int], (n) => cryptoRandom(reader(), count(n), SPACE, Z_PLUS_1, false, true)),
    goFunc('randAscii', [T.int], (n) => cryptoRandom(reader(), count(n), 32, 127, false, false)),
    goFunc('randInt', [T.int, T.int], (min, max) => {
      const lo = (min as GoInt).value;
      const n = BigInt.asIntN(64, (max as GoInt).value - lo);
      return goInt(BigInt.asIntN(64, intn(reader(), n) + lo));
    }),
    goFunc('shuffle', [T.string], (s) => {
      const rs = runes(s as string);
      const r = reader();
      for (let i = rs.length - 1; i > 0; i--) {
        const j = Number(intn(r, BigInt(i + 1)));
        if (i !== j) [rs[i], rs[j]] = [rs[j], rs[i]];
      }
      return rs.join('');
    }),
  ];
}
