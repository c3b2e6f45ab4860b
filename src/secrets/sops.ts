// The SOPS operations on documents held in memory: open (decrypt and verify), encrypt, re-encrypt after an edit,
// rotate the data key, re-wrap it for new master keys. Nothing here touches the file system.

import { ValueCipher } from './cipher.ts';
import { type CryptRules, decryptDocs, encryptDocs } from './crypt.ts';
import { SopsFormatError, SopsMacMismatchError, SopsMetadataError } from './errors.ts';
import { formatRfc3339, timeFromDate } from './gotext.ts';
import { type KeyOptions, newDataKey, unwrapDataKey, wrapDataKey } from './keys/datakey.ts';
import {
  DEFAULT_UNENCRYPTED_SUFFIX,
  type KeyGroup,
  keyId,
  type Plain,
  type PlainMap,
  readMetadata,
  SOPS_FORMAT_VERSION,
  type SopsMetadata,
  writeMetadata,
} from './metadata.ts';
import { dotenvHasMetadata } from './stores/dotenv.ts';
import { emitFile, formatForPath, type LoadedFile, loadFile, type SopsFormat } from './stores/index.ts';
import { Leaf, SopsList, SopsMap, type TreeValue } from './tree.ts';

export interface SopsFileOptions {
  /** The file's name: used in messages and, unless `format` is given, to pick the format by extension. */
  readonly path?: string;
  /** The input format (default: from `path`, else YAML). */
  readonly format?: SopsFormat;
  /** The output format (default: the input format). */
  readonly outputFormat?: SopsFormat;
  /** Output indentation (YAML default 4, JSON default tab), as sops's --indent. */
  readonly indent?: number;
}

export interface DecryptOptions extends KeyOptions, SopsFileOptions {
  /** Skip the MAC check (for recovering a damaged file), as sops's --ignore-mac. */
  readonly ignoreMac?: boolean;
}

/** A decrypted document: its tree (plaintext), metadata and data key. */
export interface OpenedFile {
  readonly file: LoadedFile;
  readonly metadata: SopsMetadata;
  readonly dataKey: Uint8Array;
  /** Remembers the nonces of the values decrypted, so unchanged values re-encrypt identically. */
  readonly cipher: ValueCipher;
}

function inputFormat(o: SopsFileOptions): SopsFormat {
  return o.format ?? (o.path ? formatForPath(o.path) : 'yaml');
}

const commentCandidates = (file: LoadedFile) =>
  file.yaml ? (c: import('./tree.ts').Comment) => file.yaml?.source.commentPaths.get(c) : undefined;

/** Loads an encrypted file and its metadata, without decrypting anything. */
export function loadEncrypted(input: string | Uint8Array, opts: SopsFileOptions = {}) {
  const file = loadFile(inputFormat(opts), input, true);
  if (file.metadata === undefined) {
    throw new SopsMetadataError(
      `${opts.path ? `${opts.path}: ` : ''}sops metadata not found (the file is not encrypted)`,
    );
  }
  return { file, metadata: readMetadata(file.metadata) };
}

/** Decrypts a SOPS document in memory and verifies its MAC. */
export async function openSops(input: string | Uint8Array, opts: DecryptOptions = {}): Promise<OpenedFile> {
  const { file, metadata } = loadEncrypted(input, opts);
  const dataKey = await unwrapDataKey(metadata, opts);
  const cipher = new ValueCipher();
  const computed = decryptDocs(file.docs, dataKey, metadata, cipher, {
    file: opts.path,
    commentCandidates: commentCandidates(file),
  });
  if (!opts.ignoreMac) {
    let stored: unknown = '';
    try {
      stored = cipher.decrypt(metadata.mac, dataKey, metadata.lastModified).value;
    } catch {
      throw new SopsMacMismatchError(opts.path);
    }
    if (stored !== computed) throw new SopsMacMismatchError(opts.path);
  }
  return { file, metadata, dataKey, cipher };
}

/** The plaintext of an opened document in the output format. */
export function emitPlain(opened: OpenedFile, opts: SopsFileOptions = {}): string | Uint8Array {
  return emitFile(opened.file, opts.outputFormat ?? opened.file.format, undefined, opts);
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const asText = (v: string | Uint8Array) => (typeof v === 'string' ? v : utf8.decode(v));

/** Decrypts a SOPS document (YAML, JSON, dotenv, INI or binary) and returns its plaintext. */
export async function decryptSops(text: string | Uint8Array, options: DecryptOptions = {}): Promise<string> {
  return asText(emitPlain(await openSops(text, options), options));
}

/** Encrypts the (already loaded, plaintext) tree in place and sets the MAC and lastmodified. */
function sealDocs(file: LoadedFile, md: SopsMetadata, dataKey: Uint8Array, cipher: ValueCipher, now?: () => Date) {
  const mac = encryptDocs(file.docs, dataKey, md, cipher);
  md.lastModified = formatRfc3339(timeFromDate(now?.() ?? new Date()));
  md.mac = cipher.encrypt(mac, dataKey, md.lastModified);
}

/** Emits an encrypted tree with its metadata. */
export function emitEncrypted(file: LoadedFile, md: SopsMetadata, opts: SopsFileOptions = {}): string | Uint8Array {
  return emitFile(file, opts.outputFormat ?? file.format, writeMetadata(md), opts);
}

export interface EncryptConfig extends CryptRules {
  /** Master keys, one list per key group. */
  readonly keyGroups: KeyGroup[];
  /** Key groups needed to recover the data key (default: all). */
  readonly shamirThreshold?: number;
}

export interface EncryptOptions extends KeyOptions, SopsFileOptions, CryptRules {
  /** age recipients (age1…, ssh-ed25519 …, ssh-rsa …), in one key group with `pgp`. */
  readonly age?: readonly string[];
  /** PGP fingerprints, in one key group with `age`. */
  readonly pgp?: readonly string[];
  /** Key groups, instead of `age`/`pgp`. */
  readonly keyGroups?: KeyGroup[];
  readonly shamirThreshold?: number;
}

const RULE_NAMES = [
  'unencryptedSuffix',
  'encryptedSuffix',
  'unencryptedRegex',
  'encryptedRegex',
  'unencryptedCommentRegex',
  'encryptedCommentRegex',
] as const;

/** The metadata of a new file: sops's encryption config (at most one rule; the default suffix otherwise). */
export function newMetadata(config: EncryptConfig, format: SopsFormat): SopsMetadata {
  const md: SopsMetadata = {
    lastModified: '',
    mac: '',
    version: SOPS_FORMAT_VERSION,
    shamirThreshold: config.shamirThreshold ?? 0,
    keyGroups: config.keyGroups.map((g) => g.map((k) => ({ ...k }))),
  };
  const set = RULE_NAMES.filter((r) => config[r]);
  if (format === 'binary') return md; // the single `data` value is always encrypted
  if (set.length > 1) {
    throw new SopsMetadataError(
      'cannot use more than one of encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, ' +
        'encrypted_comment_regex, or unencrypted_comment_regex in the same file',
    );
  }
  const m = md as { -readonly [K in keyof CryptRules]: CryptRules[K] };
  for (const r of set) m[r] = config[r];
  if (set.length === 0) m.unencryptedSuffix = DEFAULT_UNENCRYPTED_SUFFIX;
  if (config.macOnlyEncrypted) m.macOnlyEncrypted = true;
  return md;
}

function keyGroupsOf(o: EncryptOptions): KeyGroup[] {
  if (o.keyGroups) return o.keyGroups;
  const group: KeyGroup = [
    ...(o.pgp ?? []).map((fp) => ({ type: 'pgp' as const, fp: fp.replaceAll(' ', ''), createdAt: '', enc: '' })),
    ...(o.age ?? []).map((recipient) => ({ type: 'age' as const, recipient: recipient.trim(), enc: '' })),
  ];
  return [group];
}

function plainToTree(p: Plain): TreeValue {
  if (Array.isArray(p)) return new SopsList(p.map(plainToTree));
  if (p !== null && typeof p === 'object') {
    return new SopsMap(Object.entries(p).map(([key, v]) => ({ key, value: plainToTree(v) })));
  }
  return new Leaf(typeof p === 'number' && Number.isInteger(p) ? BigInt(p) : (p as Leaf['value']));
}

/** Loads a plaintext document for encryption, refusing one that already carries sops metadata. */
export function loadPlain(value: string | Uint8Array | PlainMap, opts: SopsFileOptions = {}): LoadedFile {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
    return { format: 'yaml', docs: [plainToTree(value) as SopsMap], metadata: undefined };
  }
  const file = loadFile(inputFormat(opts), value, false);
  if (file.docs.length === 0)
    throw new SopsFormatError('file cannot be completely empty, it must contain at least one document');
  if (file.metadata !== undefined || (file.format === 'dotenv' && dotenvHasMetadata(file.docs[0]))) {
    throw new SopsFormatError(
      `${opts.path ? `${opts.path}: ` : ''}the document has a top-level 'sops' entry (or 'sops_' keys): it is ` +
        'probably encrypted already; use `bosun secrets edit` to change an encrypted file',
    );
  }
  return file;
}

/**
 * Encrypts a document: text in any format (by `format` or `path`), raw bytes for binary, or plain data (written as
 * YAML). Returns the encrypted file's text.
 */
export async function encryptSops(value: string | Uint8Array | PlainMap, options: EncryptOptions): Promise<string> {
  const file = loadPlain(value, options);
  const md = newMetadata({ ...options, keyGroups: keyGroupsOf(options) }, file.format);
  if (md.keyGroups.every((g) => g.length === 0)) {
    throw new SopsMetadataError('no recipients: give age recipients or PGP fingerprints (or key groups)');
  }
  const dataKey = newDataKey();
  await wrapDataKey(md, dataKey, options);
  sealDocs(file, md, dataKey, new ValueCipher(), options.now);
  return asText(emitEncrypted(file, md, options));
}

/** Whether dotted version a is older than b (a version that does not parse counts as older). */
function olderVersion(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.some(Number.isNaN)) return true;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0;
  }
  return false;
}

/** Re-encrypts an opened document after its tree changed (edit), keeping the data key and unchanged nonces. */
export function reseal(opened: OpenedFile, file: LoadedFile, opts: SopsFileOptions & { now?: () => Date } = {}) {
  if (olderVersion(opened.metadata.version, SOPS_FORMAT_VERSION)) opened.metadata.version = SOPS_FORMAT_VERSION;
  sealDocs(file, opened.metadata, opened.dataKey, opened.cipher, opts.now);
  return emitEncrypted(file, opened.metadata, opts);
}

export interface RotateOptions extends DecryptOptions {
  /** Master keys to add to the first key group. */
  readonly add?: KeyGroup;
  /** Master keys (matched by recipient / fingerprint) to remove from every group. */
  readonly remove?: readonly string[];
}

/** Decrypts, changes master keys, and re-encrypts everything with a new data key (sops rotate). */
export async function rotateSops(input: string | Uint8Array, opts: RotateOptions = {}): Promise<string | Uint8Array> {
  const opened = await openSops(input, opts);
  const md = opened.metadata;
  if (opts.add?.length) md.keyGroups[0].push(...opts.add.map((k) => ({ ...k })));
  if (opts.remove?.length) {
    md.keyGroups = md.keyGroups.map((g) => g.filter((k) => !opts.remove?.includes(keyId(k))));
  }
  const dataKey = newDataKey();
  await wrapDataKey(md, dataKey, opts);
  sealDocs(opened.file, md, dataKey, new ValueCipher(), opts.now);
  return emitEncrypted(opened.file, md, opts);
}

/** Re-wraps the data key of an encrypted document for new key groups; values and MAC stay as they are. */
export async function updateKeys(
  input: string | Uint8Array,
  config: EncryptConfig,
  opts: DecryptOptions = {},
): Promise<{ output: string | Uint8Array; metadata: SopsMetadata; before: SopsMetadata }> {
  const { file, metadata } = loadEncrypted(input, opts);
  const before: SopsMetadata = { ...metadata, keyGroups: metadata.keyGroups.map((g) => [...g]) };
  const dataKey = await unwrapDataKey(metadata, opts);
  metadata.keyGroups = config.keyGroups.map((g) => g.map((k) => ({ ...k })));
  const threshold = config.shamirThreshold || metadata.shamirThreshold;
  metadata.shamirThreshold = Math.min(threshold, metadata.keyGroups.length);
  await wrapDataKey(metadata, dataKey, opts);
  return { output: emitEncrypted(file, metadata, opts), metadata, before };
}

export type { PlainMap };
