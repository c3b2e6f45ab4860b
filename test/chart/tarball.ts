// A minimal tar writer for tests: entries with arbitrary names, types and link targets (which a well-behaved
// archiver would refuse to write), gzipped.
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  name: string;
  data?: string | Uint8Array;
  type?: '0' | '1' | '2' | '5';
  linkname?: string;
  /** Size to claim in the header (defaults to the data length). */
  size?: number;
}

function field(buf: Uint8Array, off: number, len: number, s: string): void {
  const b = new TextEncoder().encode(s);
  buf.set(b.subarray(0, len), off);
}

function octal(n: number, len: number): string {
  return `${n.toString(8).padStart(len - 1, '0')}\0`;
}

export function tarGz(entries: TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? new TextEncoder().encode(e.data) : (e.data ?? new Uint8Array(0));
    const h = new Uint8Array(512);
    field(h, 0, 100, e.name);
    field(h, 100, 8, octal(0o644, 8));
    field(h, 108, 8, octal(0, 8));
    field(h, 116, 8, octal(0, 8));
    field(h, 124, 12, octal(e.size ?? data.length, 12));
    field(h, 136, 12, octal(0, 12));
    field(h, 148, 8, '        ');
    field(h, 156, 1, e.type ?? '0');
    field(h, 157, 100, e.linkname ?? '');
    field(h, 257, 6, 'ustar\0');
    field(h, 263, 2, '00');
    let sum = 0;
    for (const b of h) sum += b;
    field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(h);
    if (data.length > 0) {
      const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
      padded.set(data);
      blocks.push(padded);
    }
  }
  blocks.push(new Uint8Array(1024));
  const total = blocks.reduce((a, b) => a + b.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return gzipSync(out);
}
