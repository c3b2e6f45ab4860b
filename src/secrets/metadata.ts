// The `sops` metadata block: reading it (with mapstructure's weak typing, as sops does) and writing it (keys in
// sorted order, as sops's map-based serialisation gives them), plus the flattened `key__map_sub__list_0` form
// used by dotenv and INI files.

import type { CryptRules } from './crypt.ts';
import { SopsMetadataError } from './errors.ts';
import { formatRfc3339, parseRfc3339 } from './gotext.ts';

/** A metadata value as plain data. */
export type Plain = string | number | bigint | boolean | null | Plain[] | { [key: string]: Plain };
export type PlainMap = { [key: string]: Plain };

export interface AgeMasterKey {
  readonly type: 'age';
  readonly recipient: string;
  enc: string;
}

export interface PgpMasterKey {
  readonly type: 'pgp';
  readonly fp: string;
  createdAt: string;
  enc: string;
}

/** Key types bosun cannot use yet. Kept verbatim so that files holding them survive edit and updatekeys. */
export const FOREIGN_KEY_TYPES = ['kms', 'gcp_kms', 'hckms', 'azure_kv', 'hc_vault'] as const;
export type ForeignKeyType = (typeof FOREIGN_KEY_TYPES)[number];

export interface ForeignMasterKey {
  readonly type: ForeignKeyType;
  readonly fields: PlainMap;
}

export type MasterKey = AgeMasterKey | PgpMasterKey | ForeignMasterKey;
export type KeyGroup = MasterKey[];

export interface SopsMetadata extends CryptRules {
  /** RFC 3339, as written in the file; with seconds precision it is the MAC's additional data. */
  lastModified: string;
  mac: string;
  version: string;
  shamirThreshold: number;
  keyGroups: KeyGroup[];
}

/** The sops release whose file format bosun writes. */
export const SOPS_FORMAT_VERSION = '3.13.2';
export const DEFAULT_UNENCRYPTED_SUFFIX = '_unencrypted';

/** The encryption rules: their sops YAML/JSON field and CryptRules property (a .sops.yaml rule has the same). */
export const RULE_FIELDS = [
  ['unencrypted_suffix', 'unencryptedSuffix'],
  ['encrypted_suffix', 'encryptedSuffix'],
  ['unencrypted_regex', 'unencryptedRegex'],
  ['encrypted_regex', 'encryptedRegex'],
  ['unencrypted_comment_regex', 'unencryptedCommentRegex'],
  ['encrypted_comment_regex', 'encryptedCommentRegex'],
] as const;

/** A public name for a master key, for messages and for matching keys (sops's ToString). */
export function keyId(k: MasterKey): string {
  switch (k.type) {
    case 'age':
      return k.recipient;
    case 'pgp':
      return k.fp;
    case 'kms':
      return str(k.fields.arn);
    case 'gcp_kms':
      return str(k.fields.resource_id);
    case 'hckms':
      return str(k.fields.key_id);
    case 'azure_kv':
      return `${str(k.fields.vault_url)}/keys/${str(k.fields.name)}/${str(k.fields.version)}`;
    case 'hc_vault':
      return `${str(k.fields.vault_address)}/v1/${str(k.fields.engine_path)}/keys/${str(k.fields.key_name)}`;
  }
}

/** The encrypted data key a master key holds. */
export function keyEnc(k: MasterKey): string {
  return 'fields' in k ? str(k.fields.enc) : k.enc;
}

// mapstructure's WeaklyTypedInput conversions.
function str(v: Plain | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  throw new SopsMetadataError(`expected a string in the sops metadata, got ${Array.isArray(v) ? 'a list' : 'a map'}`);
}

function int(v: Plain | undefined, field: string): number {
  if (v === undefined || v === null || v === '') return 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return Number(v);
  throw new SopsMetadataError(`sops metadata field '${field}' must be an integer`);
}

function bool(v: Plain | undefined, field: string): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v) !== 0;
  if (typeof v === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  }
  throw new SopsMetadataError(`sops metadata field '${field}' must be a boolean`);
}

function list(v: Plain | undefined, field: string): PlainMap[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SopsMetadataError(`sops metadata field '${field}' must be a list`);
  return v.map((e) => {
    if (e === null) return {};
    if (typeof e !== 'object' || Array.isArray(e) || typeof e === 'bigint') {
      throw new SopsMetadataError(`entries of sops metadata field '${field}' must be maps`);
    }
    return e as PlainMap;
  });
}

function isMap(v: Plain | undefined): v is PlainMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function requireTime(v: string, field: string): string {
  const t = parseRfc3339(v);
  if (!t) throw new SopsMetadataError(`sops metadata field '${field}' is not an RFC 3339 time: '${v}'`);
  return formatRfc3339(t);
}

function readGroup(m: PlainMap): KeyGroup {
  const group: KeyGroup = [];
  // sops's order within a group: cloud keys, then pgp, then age.
  for (const type of ['kms', 'gcp_kms', 'hckms', 'azure_kv', 'hc_vault'] as const) {
    for (const fields of list(m[type], type)) group.push({ type, fields });
  }
  for (const e of list(m.pgp, 'pgp')) {
    group.push({
      type: 'pgp',
      fp: str(e.fp),
      createdAt: requireTime(str(e.created_at), 'pgp.created_at'),
      enc: str(e.enc),
    });
  }
  for (const e of list(m.age, 'age')) group.push({ type: 'age', recipient: str(e.recipient), enc: str(e.enc) });
  return group;
}

const FLAT_KEY_FIELDS = ['pgp', 'kms', 'gcp_kms', 'hckms', 'azure_kv', 'hc_vault', 'age'];

/** Reads the metadata from its plain form. */
export function readMetadata(raw: Plain | undefined): SopsMetadata {
  if (!isMap(raw)) throw new SopsMetadataError('the sops metadata is not a map');
  const lastModified = str(raw.lastmodified);
  const md: SopsMetadata = {
    lastModified: requireTime(lastModified, 'lastmodified'),
    mac: str(raw.mac),
    version: str(raw.version),
    shamirThreshold: int(raw.shamir_threshold, 'shamir_threshold'),
    macOnlyEncrypted: bool(raw.mac_only_encrypted, 'mac_only_encrypted'),
    keyGroups: [],
  };
  let rules = 0;
  for (const [field, prop] of RULE_FIELDS) {
    const v = str(raw[field]);
    if (v) {
      (md as unknown as Record<string, string>)[prop] = v;
      rules++;
    }
  }
  if (rules > 1) {
    throw new SopsMetadataError(
      'cannot use more than one of encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, ' +
        'encrypted_comment_regex, or unencrypted_comment_regex in the same file',
    );
  }
  if (rules === 0) (md as { unencryptedSuffix?: string }).unencryptedSuffix = DEFAULT_UNENCRYPTED_SUFFIX;
  if (FLAT_KEY_FIELDS.some((f) => list(raw[f], f).length > 0)) md.keyGroups = [readGroup(raw)];
  else md.keyGroups = list(raw.key_groups, 'key_groups').map(readGroup);
  if (md.keyGroups.length === 0) throw new SopsMetadataError('no keys found in the sops metadata');
  return md;
}

function sorted(entries: [string, Plain][]): PlainMap {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries);
}

function writeGroup(group: KeyGroup, flat: boolean): [string, Plain][] {
  const byType = new Map<string, Plain[]>();
  const add = (t: string, v: Plain) => {
    const l = byType.get(t);
    if (l) l.push(v);
    else byType.set(t, [v]);
  };
  for (const k of group) {
    if (k.type === 'age')
      add(
        'age',
        sorted([
          ['enc', k.enc],
          ['recipient', k.recipient],
        ]),
      );
    else if (k.type === 'pgp')
      add(
        'pgp',
        sorted([
          ['created_at', k.createdAt],
          ['enc', k.enc],
          ['fp', k.fp],
        ]),
      );
    else add(k.type, sorted(Object.entries(k.fields)));
  }
  // In key_groups, sops always writes `age` and `hc_vault` (no omitempty on those two fields).
  if (!flat) for (const t of ['age', 'hc_vault']) if (!byType.has(t)) byType.set(t, []);
  return [...byType.entries()];
}

/** The metadata in its plain form, keys sorted as sops writes them. */
export function writeMetadata(md: SopsMetadata): PlainMap {
  const entries: [string, Plain][] = [
    ['lastmodified', md.lastModified],
    ['mac', md.mac],
    ['version', md.version],
  ];
  if (md.shamirThreshold) entries.push(['shamir_threshold', BigInt(md.shamirThreshold)]); // an int: written `2`, not `2.0`
  if (md.macOnlyEncrypted) entries.push(['mac_only_encrypted', true]);
  for (const [field, prop] of RULE_FIELDS) {
    const v = md[prop];
    if (v) entries.push([field, v]);
  }
  if (md.keyGroups.length === 1) entries.push(...writeGroup(md.keyGroups[0], true));
  else entries.push(['key_groups', md.keyGroups.map((g) => sorted(writeGroup(g, false)))]);
  return sorted(entries);
}

const MAP_SEP = '__map_';
const LIST_SEP = '__list_';

/** Flattens metadata to `key__map_sub__list_0`-style keys, in order. */
export function flattenMetadata(m: PlainMap, prefix = ''): [string, Plain][] {
  const out: [string, Plain][] = [];
  const descend = (v: Plain, key: string) => {
    if (Array.isArray(v)) v.forEach((e, i) => void descend(e, `${key}${LIST_SEP}${i}`));
    else if (isMap(v)) for (const [k, e] of Object.entries(v)) descend(e, `${key}${MAP_SEP}${k}`);
    else out.push([key, v]);
  };
  for (const [k, v] of Object.entries(m)) descend(v, prefix + k);
  return out;
}

interface FlatNode {
  value?: Plain;
  keys?: Map<string, FlatNode>;
  indices?: Map<number, FlatNode>;
}

/** Rebuilds metadata from flattened keys (sops's unflattenTreeBranch). */
export function unflattenMetadata(entries: readonly [string, Plain][]): PlainMap {
  const root: FlatNode = {};
  for (const [key, value] of entries) {
    let node = root;
    for (const tok of key.split(/(?=__map_|__list_)/)) {
      if (tok.startsWith(LIST_SEP)) {
        const i = Number(tok.slice(LIST_SEP.length));
        node.indices ??= new Map();
        node = node.indices.get(i) ?? (node.indices.set(i, {}).get(i) as FlatNode);
      } else {
        const k = tok.startsWith(MAP_SEP) ? tok.slice(MAP_SEP.length) : tok;
        node.keys ??= new Map();
        node = node.keys.get(k) ?? (node.keys.set(k, {}).get(k) as FlatNode);
      }
    }
    if (node.value !== undefined) throw new SopsMetadataError(`duplicate flattened metadata key '${key}'`);
    node.value = value;
  }
  const convert = (n: FlatNode, key: string): Plain => {
    const kinds = Number(n.value !== undefined) + Number(!!n.keys?.size) + Number(!!n.indices?.size);
    if (kinds > 1) throw new SopsMetadataError(`conflicting flattened metadata under '${key}'`);
    if (n.value !== undefined) return n.value;
    if (n.indices?.size) {
      const out: Plain[] = [];
      for (let i = 0; i < n.indices.size; i++) {
        const e = n.indices.get(i);
        if (!e) throw new SopsMetadataError(`incomplete flattened metadata list '${key}'`);
        out.push(convert(e, key));
      }
      return out;
    }
    return sorted([...(n.keys ?? new Map<string, FlatNode>())].map(([k, e]) => [k, convert(e, k)]));
  };
  return convert(root, '') as PlainMap;
}
