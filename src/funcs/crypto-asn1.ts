// A small DER writer and reader: enough ASN.1 to build X.509 certificates the way Go's crypto/x509 lays them
// out, and to read back the few fields Sprig's functions need from certificates and keys.

export type Bytes = Uint8Array;

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

export function concat(parts: readonly Bytes[]): Bytes {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A TLV with the given identifier octet. */
export function tlv(tag: number, content: Bytes): Bytes {
  const len = length(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

export const sequence = (...items: Bytes[]): Bytes => tlv(0x30, concat(items));
export const set = (...items: Bytes[]): Bytes => tlv(0x31, concat(items));
export const octetString = (b: Bytes): Bytes => tlv(0x04, b);
export const nullValue = (): Bytes => Uint8Array.of(0x05, 0x00);
export const boolean = (v: boolean): Bytes => Uint8Array.of(0x01, 0x01, v ? 0xff : 0x00);
/** [n] EXPLICIT, constructed. */
export const explicit = (n: number, content: Bytes): Bytes => tlv(0xa0 | n, content);
/** [n] IMPLICIT, primitive. */
export const implicitPrimitive = (n: number, content: Bytes): Bytes => tlv(0x80 | n, content);

/** A BIT STRING with `unused` padding bits in its last byte. */
export function bitString(b: Bytes, unused = 0): Bytes {
  return tlv(0x03, concat([Uint8Array.of(unused), b]));
}

/** A non-negative INTEGER (the only kind certificates and keys here need), minimal length. */
export function integer(v: bigint): Bytes {
  if (v < 0n) throw new RangeError('negative INTEGER');
  let hex = v.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return tlv(0x02, Buffer.from(hex, 'hex'));
}

/** OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Bytes {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const b: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) b.unshift(0x80 | (v & 0x7f));
    out.push(...b);
  }
  return tlv(0x06, Uint8Array.from(out));
}

const utf8 = new TextEncoder();

/** PrintableString's alphabet as Go's encoding/asn1 accepts it when choosing a string type ('*', '&' excluded). */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** A Go `string` field: PrintableString when its characters allow, else UTF8String (encoding/asn1's choice). */
export function goString(s: string): Bytes {
  return tlv(PRINTABLE.test(s) ? 0x13 : 0x0c, utf8.encode(s));
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A time as Go marshals time.Time: UTCTime for 1950..2049, GeneralizedTime otherwise; whole seconds, UTC. */
export function time(unixSec: number): Bytes {
  const d = new Date(unixSec * 1000);
  const y = d.getUTCFullYear();
  const rest =
    two(d.getUTCMonth() + 1) +
    two(d.getUTCDate()) +
    two(d.getUTCHours()) +
    two(d.getUTCMinutes()) +
    two(d.getUTCSeconds()) +
    'Z';
  if (y >= 1950 && y < 2050) return tlv(0x17, utf8.encode(two(y % 100) + rest));
  return tlv(0x18, utf8.encode(String(y).padStart(4, '0') + rest));
}

/** A decoded TLV: its tag octet, content, and the whole encoding. */
export interface Node {
  readonly tag: number;
  readonly content: Bytes;
  readonly raw: Bytes;
}

export class DerError extends Error {
  override name = 'DerError';
}

/** Reads one TLV at `at`; returns it and the offset after it. */
export function readNode(b: Bytes, at = 0): { node: Node; next: number } {
  if (at + 2 > b.length) throw new DerError('asn1: syntax error: data truncated');
  const tag = b[at];
  if ((tag & 0x1f) === 0x1f) throw new DerError('asn1: syntax error: high-tag-number form not supported');
  let len = b[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError('asn1: syntax error: indefinite or overlong length');
    len = 0;
    for (let i = 0; i < n; i++) {
      if (p >= b.length) throw new DerError('asn1: syntax error: data truncated');
      len = len * 256 + b[p++];
    }
  }
  if (p + len > b.length) throw new DerError('asn1: syntax error: data truncated');
  return { node: { tag, content: b.subarray(p, p + len), raw: b.subarray(at, p + len) }, next: p + len };
}

/** The children of a constructed node. */
export function children(n: Node): Node[] {
  const out: Node[] = [];
  for (let at = 0; at < n.content.length; ) {
    const r = readNode(n.content, at);
    out.push(r.node);
    at = r.next;
  }
  return out;
}

/** Parses exactly one TLV spanning all of `b`. */
export function parseDer(b: Bytes): Node {
  const r = readNode(b, 0);
  if (r.next !== b.length) throw new DerError('x509: trailing data');
  return r.node;
}

export function readInteger(n: Node): bigint {
  if (n.tag !== 0x02 || n.content.length === 0) throw new DerError('asn1: structure error: expected INTEGER');
  let v = 0n;
  for (const b of n.content) v = (v << 8n) | BigInt(b);
  if (n.content[0] & 0x80) v -= 1n << BigInt(8 * n.content.length);
  return v;
}

export function readOid(n: Node): string {
  if (n.tag !== 0x06 || n.content.length === 0) throw new DerError('asn1: structure error: expected OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let v = 0;
  for (const b of n.content) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  const first = arcs.shift()!;
  const a = first < 80 ? Math.floor(first / 40) : 2;
  return [a, first - a * 40, ...arcs].join('.');
}
