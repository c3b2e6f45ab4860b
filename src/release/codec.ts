// The release record codec: the release JSON gzipped and base64-encoded as helm's storage drivers keep it
// (pkg/storage/driver/util.go), the records' names and labels.

import { gunzipSync, gzipSync, constants as zlib } from 'node:zlib';
import { RecordDecodeError } from './errors.ts';
import { decodeReleaseJSON, isBase64 } from './json-decode.ts';
import { type EncodeOptions, encodeReleaseJSON } from './json-encode.ts';
import type { Release } from './model.ts';

export { decodeReleaseJSON } from './json-decode.ts';
export { type EncodeOptions, encodeReleaseJSON, type RecordFlavor } from './json-encode.ts';

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

/** The `release` data of a record: the JSON, gzipped at best compression, base64-encoded (as helm's driver). */
export function encodeRecordData(rel: Release, opts: EncodeOptions = {}): string {
  const json = encodeReleaseJSON(rel, opts);
  return gzipSync(Buffer.from(json, 'utf8'), { level: zlib.Z_BEST_COMPRESSION }).toString('base64');
}

/** Reads a record's `release` data; data that is not gzipped (records older than helm 3.0's compression) is read as is. */
export function decodeRecordData(data: string): Release {
  if (!isBase64(data)) throw new RecordDecodeError('release record data is not valid base64');
  let b: Buffer = Buffer.from(data, 'base64');
  if (b.length > 3 && b[0] === GZIP_MAGIC[0] && b[1] === GZIP_MAGIC[1] && b[2] === GZIP_MAGIC[2]) {
    try {
      b = gunzipSync(b);
    } catch (e) {
      throw new RecordDecodeError(`release record data is not valid gzip: ${(e as Error).message}`);
    }
  }
  return decodeReleaseJSON(b.toString('utf8'));
}

/** Storage objects are named `sh.helm.release.v1.<name>.v<revision>`. */
export const RECORD_PREFIX = 'sh.helm.release.v1';

export function recordKey(name: string, version: number): string {
  return `${RECORD_PREFIX}.${name}.v${version}`;
}

/** Labels helm's driver sets itself; the rest of a record's labels are the release's custom labels. */
export const SYSTEM_LABELS: readonly string[] = ['name', 'owner', 'status', 'version', 'createdAt', 'modifiedAt'];

export function isSystemLabel(key: string): boolean {
  return SYSTEM_LABELS.includes(key);
}
