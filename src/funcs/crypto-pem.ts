// PEM encoding and decoding as Go's encoding/pem does it, and Go's strict standard base64.

const BEGIN = '-----BEGIN ';
const END = '\n-----END ';
const DASHES = '-----';

/** pem.EncodeToMemory of a block without headers: 64-character base64 lines. */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  let out = `-----BEGIN ${type}-----\n`;
  for (let i = 0; i < b64.length; i += 64) out += `${b64.slice(i, i + 64)}\n`;
  return `${out}-----END ${type}-----\n`;
}

export interface PemBlock {
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** A line up to (not including) "\n", with trailing spaces, tabs and "\r" removed; and the text after it. */
function getLine(s: string): [string, string] {
  const nl = s.indexOf('\n');
  const line = nl < 0 ? s : s.slice(0, nl);
  const rest = nl < 0 ? '' : s.slice(nl + 1);
  return [line.replace(/[ \t\r]+$/, ''), rest];
}

/**
 * pem.Decode: the first well-formed block (headers are skipped), or undefined. Malformed candidates are passed
 * over as Go passes over them.
 */
export function pemDecode(data: string): PemBlock | undefined {
  let rest = data;
  for (;;) {
    if (rest.startsWith(BEGIN)) rest = rest.slice(BEGIN.length);
    else {
      const at = rest.indexOf(`\n${BEGIN}`);
      if (at < 0) return undefined;
      rest = rest.slice(at + 1 + BEGIN.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(DASHES)) continue;
    const type = typeLine.slice(0, -DASHES.length);
    // Headers ("Key: value" lines) come before the base64 body.
    let headers = 0;
    for (;;) {
      if (rest.length === 0) return undefined;
      const [line, next] = getLine(rest);
      if (!line.includes(':')) break;
      headers++;
      rest = next;
    }
    let endIndex: number;
    let trailerIndex: number;
    if (headers === 0 && rest.startsWith(END.slice(1))) {
      endIndex = 0;
      trailerIndex = END.length - 1;
    } else {
      endIndex = rest.indexOf(END);
      trailerIndex = endIndex + END.length;
    }
    if (endIndex < 0) continue;
    const trailer = rest.slice(trailerIndex);
    const trailerLen = type.length + DASHES.length;
    if (trailer.length < trailerLen) continue;
    if (!trailer.startsWith(type) || trailer.slice(type.length, trailerLen) !== DASHES) continue;
    if (getLine(trailer.slice(trailerLen))[0].length !== 0) continue;
    const bytes = decodeStdBase64(rest.slice(0, endIndex).replace(/[ \t]/g, ''));
    if (bytes === undefined) continue;
    return { type, bytes };
  }
}

const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  DECODE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
}
const PAD = 0x3d; // '='

function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/**
 * base64.StdEncoding.DecodeString over the string's UTF-8 bytes: "\r" and "\n" are skipped, padding is
 * required. Returns the bytes, or for invalid input the byte offset Go reports as
 * `illegal base64 data at input byte N`.
 */
export function decodeGoBase64(s: string): { bytes: Uint8Array } | { errorAt: number } {
  const src = new TextEncoder().encode(s);
  const out = new Uint8Array(Math.floor(src.length / 4) * 3);
  let n = 0;
  let si = 0;
  for (;;) {
    const q = [0, 0, 0, 0];
    let dlen = 4;
    let trailingError = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: out.subarray(0, n) };
        return { errorAt: si - j };
      }
      const c = src[si++];
      const v = DECODE[c];
      if (v >= 0) {
        q[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD || j < 2) return { errorAt: si - 1 };
      if (j === 2) {
        // "==" expected; the first "=" is consumed.
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { errorAt: src.length };
        if (src[si] !== PAD) return { errorAt: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailingError = si;
      dlen = j;
      break;
    }
    const val = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3];
    if (dlen >= 2) out[n++] = (val >> 16) & 0xff;
    if (dlen >= 3) out[n++] = (val >> 8) & 0xff;
    if (dlen >= 4) out[n++] = val & 0xff;
    if (trailingError >= 0) return { errorAt: trailingError };
    if (dlen < 4) return { bytes: out.subarray(0, n) };
  }
}

/** base64.StdEncoding.DecodeString; undefined where Go returns an error. */
export function decodeStdBase64(s: string): Uint8Array | undefined {
  const r = decodeGoBase64(s);
  return 'bytes' in r ? r.bytes : undefined;
}
