// Sprig's encodings and hashes: b64enc/b64dec, b32enc/b32dec (Go's standard padded alphabets; a decoding error
// becomes the result text, as Sprig returns err.Error()), sha1sum, sha256sum, sha512sum, adler32sum.

import { nodeCrypto } from '../lazy-node.ts';
import { type GoFunc, goFunc, T, type Value } from '../template/value.ts';
import { fromUtf8, utf8Bytes } from './gostrings.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PAD = 0x3d; // '='
const CR = 0x0d;
const LF = 0x0a;

function decodeMap(alphabet: string): Uint8Array {
  const m = new Uint8Array(256).fill(0xff);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}

let b64Map: Uint8Array | undefined;
let b32Map: Uint8Array | undefined;

class CorruptInput {
  constructor(readonly offset: number) {}
}

/** encoding/base64 StdEncoding.DecodeString, quantum by quantum as Go does (so errors name the same byte). */
function base64Decode(src: Uint8Array): Uint8Array | CorruptInput {
  b64Map ??= decodeMap(B64);
  const map = b64Map;
  const out: number[] = [];
  let si = 0;
  const isNL = (c: number) => c === LF || c === CR;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let err: CorruptInput | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        return new CorruptInput(si - j);
      }
      const c = src[si++];
      const v = map[c];
      if (v !== 0xff) {
        dbuf[j] = v;
        continue;
      }
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== PAD) return new CorruptInput(si - 1);
      if (j < 2) return new CorruptInput(si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) return new CorruptInput(src.length);
        if (src[si] !== PAD) return new CorruptInput(si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) err = new CorruptInput(si);
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    out.push((val >> 16) & 0xff);
    if (dlen >= 3) out.push((val >> 8) & 0xff);
    if (dlen === 4) out.push(val & 0xff);
    if (err) return err;
  }
  return Uint8Array.from(out);
}

/** encoding/base32 StdEncoding.DecodeString (newlines are stripped before decoding). */
function base32Decode(raw: Uint8Array): Uint8Array | CorruptInput {
  b32Map ??= decodeMap(B32);
  const map = b32Map;
  const src = raw.filter((c) => c !== CR && c !== LF);
  const olen = src.length;
  const out: number[] = [];
  let p = 0;
  let end = false;
  while (p < olen && !end) {
    const d = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (p === olen) return new CorruptInput(olen - (olen - p) - j);
      const c = src[p++];
      const left = olen - p;
      if (c === PAD && j >= 2 && left < 8) {
        if (left + j < 7) return new CorruptInput(olen);
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[p + k] !== PAD) return new CorruptInput(olen - left + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return new CorruptInput(olen - left - 1);
        break;
      }
      d[j] = map[c];
      if (d[j] === 0xff) return new CorruptInput(olen - left - 1);
      j++;
    }
    const bytes = [
      (d[0] << 3) | (d[1] >> 2),
      (d[1] << 6) | (d[2] << 1) | (d[3] >> 4),
      (d[3] << 4) | (d[4] >> 1),
      (d[4] << 7) | (d[5] << 2) | (d[6] >> 3),
      (d[6] << 5) | d[7],
    ];
    const n = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    for (let i = 0; i < n; i++) out.push(bytes[i] & 0xff);
  }
  return Uint8Array.from(out);
}

function base32Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const chars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) out += k < chars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
  }
  return out;
}

function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    a = (a + b[i]) % 65521;
    s = (s + a) % 65521;
  }
  return ((s << 16) | a) >>> 0;
}

function hash(alg: string) {
  return (s: Value) =>
    nodeCrypto()
      .createHash(alg)
      .update(s as string, 'utf8')
      .digest('hex');
}

function decoded(r: Uint8Array | CorruptInput, kind: string): string {
  if (r instanceof CorruptInput) return `illegal ${kind} data at input byte ${r.offset}`;
  return fromUtf8(r);
}

export function encodingFuncs(): GoFunc[] {
  return [
    goFunc('b64enc', [T.string], (s) => Buffer.from(s as string, 'utf8').toString('base64')),
    goFunc('b64dec', [T.string], (s) => decoded(base64Decode(utf8Bytes(s as string)), 'base64')),
    goFunc('b32enc', [T.string], (s) => base32Encode(utf8Bytes(s as string))),
    goFunc('b32dec', [T.string], (s) => decoded(base32Decode(utf8Bytes(s as string)), 'base32')),
    goFunc('sha1sum', [T.string], hash('sha1')),
    goFunc('sha256sum', [T.string], hash('sha256')),
    goFunc('sha512sum', [T.string], hash('sha512')),
    goFunc('adler32sum', [T.string], (s) => String(adler32(utf8Bytes(s as string)))),
  ];
}
