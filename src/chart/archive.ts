// Reading a chart archive (.tgz) into chart files, in memory, with helm's safety checks.
//
// Each entry's first path element (the chart's directory) is dropped. Refused, with helm's messages: absolute
// paths, paths that climb out with `..`, Windows drive names, a Chart.yaml outside a directory, files over the
// per-file limit (5 MiB) and archives whose files add up past the size limit (100 MiB). bosun also refuses
// links whose target leaves the chart (helm keeps them as empty files); links inside the chart are kept as
// empty files, as helm does. Decompression itself is bounded, so a gzip bomb stops early.

import type { ReadEntry } from 'tar';
import { nodeZlib, tarPackage } from '../lazy-node.ts';
import { goQuote } from '../values/goquote.ts';
import { ChartError } from './errors.ts';
import { cleanPath } from './gopath.ts';

export const MAX_CHART_BYTES = 100 * 1024 * 1024;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ArchiveLimits {
  /** Total decompressed size of the chart's files (helm's MaxDecompressedChartSize). */
  readonly maxBytes?: number;
  /** Size of one file (helm's MaxDecompressedFileSize). */
  readonly maxFileBytes?: number;
}

export interface LoadedFile {
  readonly name: string;
  readonly data: Uint8Array;
}

const DRIVE = /^[a-zA-Z]:\//;

/** Whether data starts as a gzip stream does (helm's isGZipApplication). */
export function isGzip(data: Uint8Array): boolean {
  return data.length >= 3 && data[0] === 0x1f && data[1] === 0x8b && data[2] === 0x08;
}

/** Reads the files of a gzipped chart archive. Throws ChartError with helm's messages. */
export function readArchive(data: Uint8Array, limits: ArchiveLimits = {}): LoadedFile[] {
  const maxBytes = limits.maxBytes ?? MAX_CHART_BYTES;
  const maxFileBytes = limits.maxFileBytes ?? MAX_FILE_BYTES;
  let tarData: Buffer;
  let cut = false;
  // The tar stream is a little larger than its files (headers, padding); this bound only stops bombs.
  const maxOutputLength = Math.min(2 * maxBytes + (1 << 20), 0x7fffffff);
  try {
    tarData = nodeZlib().gunzipSync(data, { maxOutputLength });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Go's gzip.NewReader reads a 10-byte header first.
    if (data.length < 10 && !isGzip(data)) throw new ChartError(data.length === 0 ? 'EOF' : 'unexpected EOF');
    if (code === 'Z_DATA_ERROR' && !isGzip(data)) throw new ChartError('gzip: invalid header', undefined, { cause: e });
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ChartError(`decompressed chart is larger than the maximum size ${maxBytes}`, undefined, { cause: e });
    }
    if (code !== 'Z_BUF_ERROR') {
      throw new ChartError(`unable to decompress chart archive: ${(e as Error).message}`, undefined, { cause: e });
    }
    // A stream cut short: Go's tar reader stops at the end-of-archive blocks and never reads the gzip trailer,
    // so helm loads an archive cut after them; what was decompressed is checked below.
    tarData = nodeZlib().gunzipSync(data, { maxOutputLength, finishFlush: nodeZlib().constants.Z_SYNC_FLUSH });
    cut = true;
  }
  // Go's tar reader fails with `unexpected EOF` where a header or a file's content is cut short.
  if (tarIsShort(tarData, cut)) throw new ChartError('unexpected EOF');

  const files: LoadedFile[] = [];
  let remaining = maxBytes;
  let failure: ChartError | undefined;
  const fail = (msg: string) => {
    failure ??= new ChartError(msg);
    parser.abort(failure);
  };
  const parser = new (tarPackage().Parser)({
    strict: true,
    onReadEntry(entry: ReadEntry) {
      if (failure) {
        entry.resume();
        return;
      }
      const problem = checkEntry(entry, remaining, maxBytes, maxFileBytes);
      if (typeof problem === 'string') {
        fail(problem);
        entry.resume();
        return;
      }
      if (problem === null) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      entry.on('data', (c: Buffer) => {
        size += c.length;
        if (size > remaining) fail(`decompressed chart is larger than the maximum size ${maxBytes}`);
        else chunks.push(c);
      });
      entry.on('end', () => {
        if (failure) return;
        remaining -= size;
        if (remaining <= 0) {
          fail(`decompressed chart is larger than the maximum size ${maxBytes}`);
          return;
        }
        let body: Uint8Array = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
        files.push({ name: problem.name, data: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
      });
    },
  });
  parser.on('error', (e: Error) => {
    if (failure) return;
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof ChartError) failure = e;
    else if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ENTRY_INVALID') {
      // Go's tar reader sees an all-zero stream as an empty archive, anything else as a bad header.
      if (!tarData.every((b) => b === 0)) failure = new ChartError('archive/tar: invalid tar header');
    } else failure = new ChartError(`unable to read chart archive: ${e.message}`);
  });
  parser.end(tarData);
  if (failure) throw failure;
  if (files.length === 0) throw new ChartError('no files in chart archive');
  return files;
}

/**
 * Decides what to do with an entry: a string is an error message, null skips it, otherwise the file's name
 * inside the chart.
 */
function checkEntry(
  entry: ReadEntry,
  remaining: number,
  maxBytes: number,
  maxFileBytes: number,
): { name: string } | string | null {
  switch (entry.type) {
    case 'Directory':
    case 'GNUDumpDir':
    case 'ExtendedHeader':
    case 'GlobalExtendedHeader':
    case 'NextFileHasLongPath':
    case 'NextFileHasLongLinkpath':
    case 'OldGnuLongPath':
      return null;
  }
  const raw = entry.path;
  if (raw.endsWith('/')) return null;
  const delimiter = raw.includes('\\') ? '\\' : '/';
  const parts = raw.split(delimiter);
  const joined = parts.slice(1).join('/');
  if (joined.startsWith('/')) return 'chart illegally contains absolute paths';
  const n = cleanPath(joined);
  if (n === '.') return `chart illegally contains content outside the base directory: ${goQuote(raw)}`;
  if (n.startsWith('..')) return 'chart illegally references parent directory';
  if (DRIVE.test(n)) return 'chart contains illegally named files';
  if (parts[0] === 'Chart.yaml') return 'chart yaml not in base directory';
  const size = entry.size ?? 0;
  if (size > remaining) return `decompressed chart is larger than the maximum size ${maxBytes}`;
  if (size > maxFileBytes) {
    return `decompressed chart file ${goQuote(raw)} is larger than the maximum file size ${maxFileBytes}`;
  }
  if (entry.type === 'SymbolicLink' || entry.type === 'Link') {
    const target = entry.linkpath ?? '';
    // A symbolic link resolves from its own directory; a hard link names an archive path.
    const base = entry.type === 'SymbolicLink' ? n.split('/').slice(0, -1).join('/') : '';
    const resolved = target.startsWith('/')
      ? target
      : cleanPath(entry.type === 'Link' ? target.split('/').slice(1).join('/') : base ? `${base}/${target}` : target);
    if (resolved.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
      return `chart archive entry ${goQuote(raw)} links outside the chart (to ${goQuote(target)})`;
    }
  }
  return { name: n };
}

/**
 * Whether the tar stream ends in the middle of a header block or of a file's content, as Go's archive/tar reads
 * it: a stream may end cleanly at a header boundary (no end-of-archive blocks) or after the end-of-archive
 * blocks, unless the gzip stream was `cut` short there. A header whose checksum is wrong stops the walk (the tar
 * parser reports it).
 */
function tarIsShort(t: Uint8Array, cut: boolean): boolean {
  let off = 0;
  while (off + 512 <= t.length) {
    const block = t.subarray(off, off + 512);
    if (block.every((b) => b === 0)) {
      // The end: Go reads one more block, which must be complete if there is one.
      const rest = t.length - (off + 512);
      return rest < 512 && (rest > 0 || cut);
    }
    const size = tarOctal(block.subarray(124, 136));
    const sum = tarOctal(block.subarray(148, 156));
    let actual = 0;
    for (let i = 0; i < 512; i++) actual += i >= 148 && i < 156 ? 32 : block[i];
    if (size === undefined || sum !== actual) return false;
    off += 512 + Math.ceil(size / 512) * 512;
  }
  // Ending at a header boundary is a clean end, unless the gzip stream itself was cut there.
  return off !== t.length || cut;
}

/** A tar header's octal number field (NUL- or space-terminated); undefined if it is not one. */
function tarOctal(field: Uint8Array): number | undefined {
  const text = String.fromCharCode(...field)
    .replace(/[\0 ]+$/, '')
    .trim();
  return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : text === '' ? 0 : undefined;
}
