// `.sops.yaml`: creation rules (which keys and options encrypt a new file, by path) and store settings, read as
// sops reads them. The file is looked up from the working directory upwards, as sops does.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { goRegex } from './crypt.ts';
import { SopsConfigError } from './errors.ts';
import { type KeyGroup, type MasterKey, type PlainMap, RULE_FIELDS } from './metadata.ts';
import type { EncryptConfig } from './sops.ts';

export const CONFIG_FILE = '.sops.yaml';
const MAX_DEPTH = 100;

/** Finds `.sops.yaml` in `start` or a parent directory. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (let i = 0; i < MAX_DEPTH; i++) {
    const p = join(dir, CONFIG_FILE);
    if (existsSync(p)) return p;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export interface SopsConfig {
  readonly path: string;
  readonly creationRules?: PlainMap[];
  readonly yamlIndent?: number;
  readonly jsonIndent?: number;
}

const isMap = (v: unknown): v is PlainMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a `.sops.yaml`. */
export function loadConfig(path: string, text = readFileSync(path, 'utf8')): SopsConfig {
  let doc: unknown;
  try {
    doc = parse(text, { merge: true }) ?? {};
  } catch (e) {
    throw new SopsConfigError(`${path}: could not parse the sops config: ${(e as Error).message}`);
  }
  if (!isMap(doc)) throw new SopsConfigError(`${path}: the sops config must be a map`);
  const rules = doc.creation_rules;
  if (rules !== undefined && rules !== null && !Array.isArray(rules)) {
    throw new SopsConfigError(`${path}: creation_rules must be a list`);
  }
  const stores = isMap(doc.stores) ? doc.stores : {};
  const indent = (s: unknown) => (isMap(s) && typeof s.indent === 'number' ? s.indent : undefined);
  return {
    path,
    creationRules: Array.isArray(rules) ? rules.map((r) => (isMap(r) ? r : {})) : undefined,
    yamlIndent: indent(stores.yaml),
    jsonIndent: indent(stores.json),
  };
}

/** A key list that may be a comma-separated string or a list of strings. */
function keyList(v: unknown, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') {
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (Array.isArray(v)) {
    return v.map((e) => {
      if (typeof e !== 'string') throw new SopsConfigError(`invalid ${field} key configuration: expected strings`);
      return e;
    });
  }
  throw new SopsConfigError(`invalid ${field} key configuration: expected a string or a list of strings`);
}

const ageKeys = (recipients: string[]): MasterKey[] =>
  recipients.flatMap((r) => r.split(',')).map((r) => ({ type: 'age', recipient: r.trim(), enc: '' }));
const pgpKeys = (fps: string[]): MasterKey[] =>
  fps.map((fp) => ({ type: 'pgp', fp: fp.replaceAll(' ', ''), createdAt: '', enc: '' }));

/** Keys of types bosun cannot use: kept so that encrypting fails with a clear "not supported yet". */
function foreign(group: PlainMap, flat: boolean): MasterKey[] {
  const out: MasterKey[] = [];
  const fields: Array<[string, 'kms' | 'gcp_kms' | 'hckms' | 'azure_kv' | 'hc_vault', string]> = flat
    ? [
        ['kms', 'kms', 'arn'],
        ['gcp_kms', 'gcp_kms', 'resource_id'],
        ['hckms', 'hckms', 'key_id'],
        ['azure_keyvault', 'azure_kv', 'vault_url'],
        ['hc_vault_transit_uri', 'hc_vault', 'vault_address'],
      ]
    : [
        ['kms', 'kms', 'arn'],
        ['gcp_kms', 'gcp_kms', 'resource_id'],
        ['hckms', 'hckms', 'key_id'],
        ['azure_keyvault', 'azure_kv', 'vault_url'],
        ['hc_vault', 'hc_vault', 'vault_address'],
      ];
  for (const [field, type, idField] of fields) {
    const v = group[field];
    const entries = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',').filter(Boolean) : [];
    for (const e of entries) {
      out.push({ type, fields: isMap(e) ? e : { [idField]: String(e).trim() } });
    }
  }
  return out;
}

function dedupe(group: KeyGroup): KeyGroup {
  const seen = new Set<string>();
  return group.filter((k) => {
    const id = `${k.type}/${'recipient' in k ? k.recipient : 'fp' in k ? k.fp : JSON.stringify(k.fields)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function groupFrom(g: PlainMap): KeyGroup {
  const merged = Array.isArray(g.merge) ? g.merge.filter(isMap).flatMap(groupFrom) : [];
  return dedupe([
    ...merged,
    ...ageKeys(keyList(g.age, 'age')),
    ...pgpKeys(keyList(g.pgp, 'pgp')),
    ...foreign(g, false),
  ]);
}

/** The encryption config of the first creation rule matching `file` (undefined: the config has no rules). */
export function creationRuleFor(config: SopsConfig, file: string): EncryptConfig | undefined {
  if (!config.creationRules) return undefined;
  const rel = relative(dirname(resolve(config.path)), resolve(file))
    .split(sep)
    .join('/');
  const rule = config.creationRules.find((r) => {
    const re = typeof r.path_regex === 'string' ? r.path_regex : '';
    return re === '' || goRegex(re).test(rel.startsWith('..') ? resolve(file) : rel);
  });
  if (!rule) throw new SopsConfigError(`${config.path}: no matching creation rules found for ${rel}`);
  const options: Record<string, string> = {};
  for (const [field, prop] of RULE_FIELDS) {
    if (typeof rule[field] === 'string' && rule[field]) options[prop] = rule[field] as string;
  }
  if (Object.keys(options).length > 1) {
    throw new SopsConfigError(
      `${config.path}: cannot use more than one of encrypted_suffix, unencrypted_suffix, encrypted_regex, ` +
        'unencrypted_regex, encrypted_comment_regex, or unencrypted_comment_regex for the same rule',
    );
  }
  const keyGroups =
    Array.isArray(rule.key_groups) && rule.key_groups.length > 0
      ? rule.key_groups.map((g) => groupFrom(isMap(g) ? g : {}))
      : [dedupe([...ageKeys(keyList(rule.age, 'age')), ...pgpKeys(keyList(rule.pgp, 'pgp')), ...foreign(rule, true)])];
  return {
    ...options,
    keyGroups,
    shamirThreshold: typeof rule.shamir_threshold === 'number' ? rule.shamir_threshold : 0,
    macOnlyEncrypted: rule.mac_only_encrypted === true,
  };
}
