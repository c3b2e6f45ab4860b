// `diff upgrade` and `diff rollback` in the layout of the helm-diff plugin (databus23/helm-diff: manifest/parse.go,
// diff/diff.go, diff/report.go): the manifests of both sides indexed by `namespace, name, Kind (group)`, each
// object's text diffed line by line, Secrets' data masked (`REDACTED` when equal, dashes or pluses with the byte
// count when not), changed objects first, then removed ones (unless kept by policy), then added ones.

import { marshalYaml, parseYamlInts } from '../goyaml/index.ts';
import { compareStrings } from '../template/gostring.ts';
import { fromJS, toJS } from '../template/value.ts';
import type { ActionConfig } from './action-config.ts';
import { diffLines } from './diff-lines.ts';
import type { ChangeType, DiffEntry, DiffOptions, DiffReport } from './diff-report.ts';
import { ReleaseNotFoundError } from './errors.ts';
import { getRelease } from './get.ts';
import { RESOURCE_POLICY_ANNOTATION } from './kube.ts';
import type { Hook, Release } from './model.ts';
import { type UpgradeOptions, upgrade } from './upgrade.ts';

export { type ChangeType, type DiffEntry, type DiffOptions, type DiffReport, formatReport } from './diff-report.ts';

interface Mapping {
  name: string;
  kind: string;
  content: string;
  resourcePolicy: string;
}

const TEST_HOOKS = ['test', 'test-success'];

/** The objects of a manifest stream by helm-diff's key (the first of duplicate keys wins). */
export function parseManifest(manifest: string, defaultNamespace: string, excludeTests = true): Map<string, Mapping> {
  const out = new Map<string, Mapping>();
  for (const chunk of `\n${manifest}`.split('\n---\n')) {
    const content = chunk.trim();
    if (content === '') continue;
    let head: Record<string, unknown>;
    try {
      const v = toJS(parseYamlInts(content));
      head = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      continue;
    }
    const apiVersion = typeof head.apiVersion === 'string' ? head.apiVersion : '';
    const kind = typeof head.kind === 'string' ? head.kind : '';
    if (apiVersion === '' && kind === '') continue;
    const meta = (head.metadata && typeof head.metadata === 'object' ? head.metadata : {}) as Record<string, unknown>;
    const annotations = (meta.annotations && typeof meta.annotations === 'object' ? meta.annotations : {}) as Record<
      string,
      unknown
    >;
    if (excludeTests && TEST_HOOKS.includes(String(annotations['helm.sh/hook'] ?? '\0'))) continue;
    const namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : defaultNamespace;
    const slash = apiVersion.lastIndexOf('/');
    const group = slash >= 0 ? apiVersion.slice(0, slash) : apiVersion;
    const baseName = annotations['helm-diff/base-name'];
    const name = typeof baseName === 'string' ? baseName : typeof meta.name === 'string' ? meta.name : '';
    const key = `${namespace}, ${name}, ${kind} (${group})`;
    if (out.has(key)) continue;
    const policy = annotations[RESOURCE_POLICY_ANNOTATION];
    out.set(key, { name: key, kind, content, resourcePolicy: typeof policy === 'string' ? policy : '' });
  }
  return out;
}

/** A release's manifest followed by its hooks, as `helm get manifest` and `helm get hooks` print them. */
export function releaseDocuments(rel: Release, withHooks: boolean): string {
  let text = `${rel.manifest ?? ''}\n`;
  if (withHooks) for (const h of rel.hooks ?? []) text += hookDocument(h);
  return text;
}

function hookDocument(h: Hook): string {
  return `---\n# Source: ${h.path}\n${h.manifest}\n`;
}

/** Compares two indexes as helm-diff's generateReport does. */
export function compareManifests(
  oldIndex: Map<string, Mapping>,
  newIndex: Map<string, Mapping>,
  opts: DiffOptions = {},
): DiffReport {
  const entries: DiffEntry[] = [];
  const sorted = (m: Map<string, Mapping>) => [...m.keys()].sort(compareStrings);
  const removed: string[] = [];
  for (const key of sorted(oldIndex)) {
    const n = newIndex.get(key);
    if (n) addEntry(entries, key, oldIndex.get(key), n, opts);
    else removed.push(key);
  }
  for (const key of removed) {
    const o = oldIndex.get(key) as Mapping;
    if (o.resourcePolicy !== 'keep') addEntry(entries, key, o, undefined, opts);
  }
  for (const key of sorted(newIndex))
    if (!oldIndex.has(key)) addEntry(entries, key, undefined, newIndex.get(key), opts);
  return { entries };
}

function addEntry(
  entries: DiffEntry[],
  key: string,
  o: Mapping | undefined,
  n: Mapping | undefined,
  opts: DiffOptions,
): void {
  if (o && n && o.content === n.content) return;
  let oldText = o?.content;
  let newText = n?.content;
  if (!opts.showSecrets) [oldText, newText] = redactSecrets(o, n);
  const records = diffLines((oldText ?? '').split('\n'), (newText ?? '').split('\n'));
  const change: ChangeType = !o ? 'ADD' : !n ? 'REMOVE' : 'MODIFY';
  if (change === 'MODIFY' && !records.some((r) => r.delta !== 'common')) return;
  entries.push({ key, kind: (o ?? n)?.kind ?? '', change, records });
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets: data (and stringData, folded in as the API server would) replaced by a mask and the size in bytes.

function redactSecrets(o: Mapping | undefined, n: Mapping | undefined): [string | undefined, string | undefined] {
  if ((o && o.kind !== 'Secret') || (n && n.kind !== 'Secret')) return [o?.content, n?.content];
  const oldS = o ? readSecret(o.content) : undefined;
  const newS = n ? readSecret(n.content) : undefined;
  const mask = (s: SecretDoc | string | undefined, other: SecretDoc | string | undefined, sign: string) => {
    if (typeof s !== 'object') return s;
    const masked: Record<string, string> = {};
    const otherData = typeof other === 'object' ? other.data : undefined;
    for (const [k, v] of Object.entries(s.data)) {
      const same = other !== undefined && bytesEqual(v, otherData?.[k]);
      masked[k] = `${same ? 'REDACTED' : sign.repeat(8)} # (${v.length} bytes)`;
    }
    return s.comment + writeSecret(s, masked);
  };
  const oldText = o
    ? typeof oldS === 'string'
      ? `Error parsing old secret: ${oldS}`
      : mask(oldS, n ? newS : undefined, '-')
    : undefined;
  const newText = n
    ? typeof newS === 'string'
      ? `Error parsing new secret: ${newS}`
      : mask(newS, o ? oldS : undefined, '+')
    : undefined;
  return [oldText, newText];
}

interface SecretDoc {
  comment: string;
  obj: Record<string, unknown>;
  data: Record<string, Uint8Array>;
}

// A Secret as client-go's typed v1.Secret reads it (data base64-decoded, stringData folded into data); a string
// is the decode error.
function readSecret(content: string): SecretDoc | string {
  let obj: Record<string, unknown>;
  try {
    obj = toJS(parseYamlInts(content)) as Record<string, unknown>;
  } catch (e) {
    return (e as Error).message;
  }
  const data: Record<string, Uint8Array> = {};
  const raw = obj.data && typeof obj.data === 'object' ? (obj.data as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) {
      return `illegal base64 data at input byte 0`;
    }
    data[k] = new Uint8Array(Buffer.from(v, 'base64'));
  }
  const sd = obj.stringData && typeof obj.stringData === 'object' ? (obj.stringData as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(sd)) data[k] = new TextEncoder().encode(String(v ?? ''));
  const nl = content.indexOf('\n');
  const comment = nl >= 0 && content.startsWith('#') ? content.slice(0, nl + 1) : '';
  return { comment, obj, data };
}

const META_FIELDS = [
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
];

// The typed Secret written back as client-go's YAML serializer writes it: known fields only, keys sorted,
// `stringData` (the masks) renamed `data`.
function writeSecret(s: SecretDoc, masked: Record<string, string>): string {
  const out: Record<string, unknown> = {};
  const o = s.obj;
  if (typeof o.apiVersion === 'string') out.apiVersion = o.apiVersion;
  if (typeof o.kind === 'string') out.kind = o.kind;
  const meta: Record<string, unknown> = {};
  const m = (o.metadata && typeof o.metadata === 'object' ? o.metadata : {}) as Record<string, unknown>;
  for (const f of META_FIELDS) if (m[f] !== undefined && m[f] !== null && m[f] !== '') meta[f] = m[f];
  out.metadata = meta;
  if (typeof o.immutable === 'boolean') out.immutable = o.immutable;
  if (Object.keys(masked).length > 0) out.stringData = masked;
  if (typeof o.type === 'string' && o.type) out.type = o.type;
  return marshalYaml(fromJS(out)).replace('stringData', 'data');
}

function bytesEqual(a: Uint8Array, b: Uint8Array | undefined): boolean {
  const bb = b ?? new Uint8Array();
  if (a.length !== bb.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== bb[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// The actions

/**
 * What `upgrade` would change: the last revision against the one the upgrade would render. With
 * `allowUnreleased`, a release that does not exist diffs as an install against nothing.
 */
export async function diffUpgrade(
  cfg: ActionConfig,
  opts: UpgradeOptions & DiffOptions & { allowUnreleased?: boolean },
): Promise<DiffReport> {
  let current: Release | undefined;
  try {
    current = await getRelease(cfg, opts.name);
  } catch (e) {
    if (!(e instanceof ReleaseNotFoundError) || !opts.allowUnreleased) throw e;
  }
  if (!current) {
    const { install } = await import('./install.ts');
    const rel = await install(cfg, { ...opts, serverSide: undefined, dryRun: 'client' });
    return compareManifests(
      new Map(),
      parseManifest(releaseDocuments(rel, !opts.noHooks), cfg.namespace, !opts.includeTests),
      opts,
    );
  }
  const next = await upgrade(cfg, { ...opts, dryRun: 'client' });
  const ns = current.namespace || cfg.namespace;
  const oldIndex = parseManifest(releaseDocuments(current, !opts.noHooks), ns, !opts.includeTests);
  const newIndex = parseManifest(releaseDocuments(next, !opts.noHooks), ns, !opts.includeTests);
  return compareManifests(oldIndex, newIndex, opts);
}

/** What `rollback NAME REVISION` would change: the last revision's manifest against that revision's. */
export async function diffRollback(
  cfg: ActionConfig,
  opts: DiffOptions & { name: string; revision: number },
): Promise<DiffReport> {
  const current = await getRelease(cfg, opts.name);
  const target = await getRelease(cfg, opts.name, opts.revision);
  const ns = current.namespace || cfg.namespace;
  const oldIndex = parseManifest(releaseDocuments(current, false), ns, !opts.includeTests);
  const newIndex = parseManifest(releaseDocuments(target, false), ns, !opts.includeTests);
  return compareManifests(oldIndex, newIndex, opts);
}
