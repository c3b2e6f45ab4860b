// The embedded local backend: a Kubernetes-shaped store in a directory (see layout.ts), used when there is no
// cluster. It runs no controllers and no containers: every object is ready as soon as it is stored, and a Job is
// complete at once. Every change happens under the state lock and is written atomically.

import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { compareStrings } from '../../template/gostring.ts';
import type { ApplyOptions, Backend, DeleteOptions, ListOptions, WaitOptions, WriteOptions } from '../backend.ts';
import { crdResourceType, qualifiedResource } from '../discovery.ts';
import {
  AlreadyExistsError,
  ConflictError,
  ForbiddenError,
  InvalidObjectError,
  NotFoundError,
  WaitTimeoutError,
} from '../errors.ts';
import {
  describeRef,
  isObject,
  jsonEqual,
  type KubeObject,
  type ManagedFieldsEntry,
  type ObjectMeta,
  type ObjectRef,
  type OwnerReference,
} from '../object.ts';
import { type ReleaseStore, SecretReleaseStore } from '../release-store.ts';
import { toSelector } from '../selector.ts';
import { LocalDiscovery } from './discovery.ts';
import { listDir, pruneEmptyDirs, readIfExists, removeFile, writeFileAtomic } from './fsutil.ts';
import { CLUSTER_DIR, checkNamespaceName, checkObjectName, defaultStateDir, StateLayout } from './layout.ts';
import { FileLock } from './lock.ts';
import { objectToYaml, yamlToObject } from './yaml-io.ts';

export interface LocalBackendOptions {
  /** The state directory (default: $BOSUN_LOCAL_DIR, $XDG_STATE_HOME/bosun, ~/.local/state/bosun). */
  dir?: string;
  /** Flush files and directories to disk on every change (default true). */
  durable?: boolean;
  /** How long to wait for another process's lock (default 60s). */
  lockTimeoutMs?: number;
  /** The clock for timestamps (creationTimestamp, managedFields). */
  now?: () => Date;
  /** The source of object uids. */
  uid?: () => string;
  /** How often `wait` looks again (default 100ms). */
  pollIntervalMs?: number;
}

/** Namespaces every cluster has; they exist without a file and cannot be deleted. */
export const BUILTIN_NAMESPACES: readonly string[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

// Metadata the server owns: never taken from a manifest.
const SERVER_META = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

type WriteMode = 'create' | 'apply' | 'update';

const LINE_BREAKS = /[\r\n]/g;
// Linear (no backtracking): Secret data can be megabytes.
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;

export class LocalBackend implements Backend {
  readonly name = 'local';
  readonly runsWorkloads = false;
  readonly layout: StateLayout;
  readonly discovery: LocalDiscovery;
  readonly releases: ReleaseStore;
  private readonly lock: FileLock;
  private readonly durable: boolean;
  private readonly now: () => Date;
  private readonly newUid: () => string;
  private readonly pollMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private swept = false;

  constructor(opts: LocalBackendOptions = {}) {
    this.layout = new StateLayout(opts.dir ?? defaultStateDir());
    this.discovery = new LocalDiscovery(this.layout);
    this.releases = new SecretReleaseStore(this);
    this.lock = new FileLock(this.layout.lockPath, { tmpDir: this.layout.lockTmpDir, timeoutMs: opts.lockTimeoutMs });
    this.durable = opts.durable ?? true;
    this.now = opts.now ?? (() => new Date());
    this.newUid = opts.uid ?? randomUUID;
    this.pollMs = opts.pollIntervalMs ?? 100;
  }

  describe(): string {
    return `local backend (state in ${this.layout.root})`;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => {});
  }

  /** Runs `fn` holding the state lock (and after this backend's earlier operations). */
  private locked<T>(fn: () => Promise<T>): Promise<T> {
    const run = async () => {
      await this.lock.acquire();
      try {
        if (!this.swept) await this.sweep();
        return await fn();
      } finally {
        await this.lock.release();
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => {});
    return p;
  }

  // Temporary files left by a process killed mid-write: harmless, removed once the lock is ours.
  private async sweep(): Promise<void> {
    for (const f of await listDir(this.layout.tmpDir)) await removeFile(join(this.layout.tmpDir, f), false);
    this.swept = true;
  }

  private async nextResourceVersion(): Promise<string> {
    const text = await readIfExists(this.layout.revisionPath);
    const n = (text ? Number.parseInt(text, 10) || 0 : 0) + 1;
    await writeFileAtomic(this.layout.revisionPath, `${n}\n`, this.layout.tmpDir, this.durable);
    return String(n);
  }

  private timestamp(): string {
    return `${this.now().toISOString().slice(0, 19)}Z`;
  }

  private async read(path: string): Promise<KubeObject | undefined> {
    const text = await readIfExists(path);
    return text === undefined ? undefined : yamlToObject(text, path);
  }

  private async namespaceExists(ns: string): Promise<boolean> {
    if (BUILTIN_NAMESPACES.includes(ns)) return true;
    const t = await this.discovery.resourceFor('v1', 'Namespace');
    return (await readIfExists(this.layout.objectPath(t, undefined, ns))) !== undefined;
  }

  private builtinNamespace(name: string): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
  }

  /** The type, scope and file of a reference. */
  private async locate(ref: ObjectRef, defaultNamespace?: string) {
    const type = await this.discovery.resourceFor(ref.apiVersion, ref.kind);
    checkObjectName(ref.kind, ref.name);
    const namespace = type.namespaced ? ref.namespace || defaultNamespace || 'default' : undefined;
    if (namespace !== undefined) checkNamespaceName(ref.kind, ref.name, namespace);
    return { type, namespace, path: this.layout.objectPath(type, namespace, ref.name) };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reads

  async get(ref: ObjectRef): Promise<KubeObject> {
    const { type, path } = await this.locate(ref);
    const obj = await this.read(path);
    if (obj) return obj;
    if (type.kind === 'Namespace' && type.group === '' && BUILTIN_NAMESPACES.includes(ref.name)) {
      return this.builtinNamespace(ref.name);
    }
    throw new NotFoundError(qualifiedResource(type), ref.name);
  }

  async list(opts: ListOptions): Promise<KubeObject[]> {
    const type = await this.discovery.resourceFor(opts.apiVersion, opts.kind);
    const selector = toSelector(opts.labelSelector);
    const scopes = !type.namespaced ? [undefined] : opts.namespace ? [opts.namespace] : await this.namespaceDirs();
    const out: KubeObject[] = [];
    for (const ns of scopes) {
      const dir = this.layout.kindDir(type, ns);
      const files = (await listDir(dir)).filter((f) => f.endsWith('.yaml'));
      const objs = await Promise.all(files.map((f) => this.read(join(dir, f))));
      for (const o of objs) if (o && selector.matches(o.metadata.labels)) out.push(o);
    }
    if (type.kind === 'Namespace' && type.group === '') {
      const have = new Set(out.map((o) => o.metadata.name));
      for (const n of BUILTIN_NAMESPACES) {
        const o = this.builtinNamespace(n);
        if (!have.has(n) && selector.matches(o.metadata.labels)) out.push(o);
      }
    }
    return out.sort(
      (a, b) =>
        compareStrings(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
        compareStrings(a.metadata.name, b.metadata.name),
    );
  }

  private async namespaceDirs(): Promise<string[]> {
    return (await listDir(this.layout.root)).filter((d) => d !== CLUSTER_DIR && !d.startsWith('.')).sort();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writes

  create(obj: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    return this.locked(() => this.write(obj, opts, 'create'));
  }

  apply(obj: KubeObject, opts: ApplyOptions): Promise<KubeObject> {
    return this.locked(() => this.write(obj, opts, 'apply'));
  }

  update(obj: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    return this.locked(() => this.write(obj, opts, 'update'));
  }

  async ensureNamespace(
    name: string,
    opts: WriteOptions & { labels?: Record<string, string> },
  ): Promise<{ created: boolean }> {
    return this.locked(async () => {
      if (await this.namespaceExists(name)) return { created: false };
      const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
      if (opts.labels) ns.metadata.labels = { ...opts.labels };
      await this.write(ns, opts, 'create');
      return { created: !opts.dryRun };
    });
  }

  private async write(input: KubeObject, opts: WriteOptions, mode: WriteMode): Promise<KubeObject> {
    const desired = cloneManifest(input);
    const { type, namespace, path } = await this.locate(refOfManifest(desired), opts.namespace);
    const name = desired.metadata.name;
    if (namespace !== undefined && !(await this.namespaceExists(namespace))) {
      throw new NotFoundError('namespaces', namespace);
    }
    const existing = await this.read(path);
    const resource = qualifiedResource(type);
    if (mode === 'create' && existing) throw new AlreadyExistsError(resource, name);
    if (mode === 'update') {
      if (!existing) throw new NotFoundError(resource, name);
      const rv = input.metadata.resourceVersion;
      if (rv && rv !== existing.metadata.resourceVersion) throw new ConflictError(resource, name);
    }
    if (type.kind === 'Secret' && type.group === '') normalizeSecret(desired);
    if (type.kind === 'CustomResourceDefinition') crdResourceType(desired);
    const manager: ManagedFieldsEntry = {
      manager: opts.fieldManager,
      operation: mode === 'apply' ? 'Apply' : 'Update',
      apiVersion: desired.apiVersion,
      time: this.timestamp(),
    };
    const managers = (existing?.metadata.managedFields ?? []).filter((m) => m.manager !== manager.manager);
    const unchanged =
      existing !== undefined &&
      jsonEqual(userContent(existing, namespace), userContent(desired, namespace)) &&
      (existing.metadata.managedFields ?? []).some((m) => m.manager === manager.manager);
    if (unchanged) return existing;
    const specChanged = !existing || !jsonEqual(withoutMetaAndStatus(existing), withoutMetaAndStatus(desired));
    const meta: ObjectMeta = {
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      uid: existing?.metadata.uid ?? this.newUid(),
      resourceVersion: opts.dryRun ? (existing?.metadata.resourceVersion ?? '') : await this.nextResourceVersion(),
      generation: existing ? (existing.metadata.generation ?? 1) + (specChanged ? 1 : 0) : 1,
      creationTimestamp: existing?.metadata.creationTimestamp ?? this.timestamp(),
    };
    for (const [k, v] of Object.entries(desired.metadata)) {
      if (!SERVER_META.has(k) && k !== 'name' && k !== 'namespace') meta[k] = v;
    }
    meta.managedFields = [...managers, manager];
    const stored: KubeObject = { apiVersion: desired.apiVersion, kind: desired.kind, metadata: meta };
    for (const [k, v] of Object.entries(desired))
      if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata') stored[k] = v;
    if (!opts.dryRun) await writeFileAtomic(path, objectToYaml(stored), this.layout.tmpDir, this.durable);
    return stored;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Deletes

  delete(ref: ObjectRef, opts: DeleteOptions = {}): Promise<void> {
    return this.locked(() => this.remove(ref, opts));
  }

  private async remove(ref: ObjectRef, opts: DeleteOptions): Promise<void> {
    const { type, namespace, path } = await this.locate(ref);
    const existing = await this.read(path);
    const resource = qualifiedResource(type);
    const isNamespace = type.kind === 'Namespace' && type.group === '';
    if (isNamespace && BUILTIN_NAMESPACES.includes(ref.name)) {
      throw new ForbiddenError(`namespaces "${ref.name}" is forbidden: this namespace may not be deleted`);
    }
    if (!existing) throw new NotFoundError(resource, ref.name);
    if (opts.dryRun) return;
    if (isNamespace) {
      // Everything in a namespace goes with it; the Namespace object itself last, so an interrupted deletion
      // can be run again.
      await rm(this.layout.scopeDir(ref.name), { recursive: true, force: true });
    } else if (type.kind === 'CustomResourceDefinition') {
      const defined = crdResourceType(existing);
      for (const ns of defined.namespaced ? await this.namespaceDirs() : [undefined]) {
        await rm(this.layout.kindDir(defined, ns), { recursive: true, force: true });
        if (ns !== undefined) await pruneEmptyDirs(this.layout.scopeDir(ns), this.layout.root);
      }
    }
    const uid = existing.metadata.uid;
    if (uid) await this.collectDependents(uid, namespace, opts.propagationPolicy ?? 'Background');
    await removeFile(path, this.durable);
    await pruneEmptyDirs(join(path, '..'), this.layout.root);
  }

  // Objects whose ownerReferences name the deleted owner: deleted with it, or (Orphan) freed of the reference.
  private async collectDependents(uid: string, namespace: string | undefined, policy: string): Promise<void> {
    const scopes = namespace !== undefined ? [namespace] : [...(await this.namespaceDirs()), CLUSTER_DIR];
    for (const scope of scopes) {
      const scopeDir = join(this.layout.root, scope);
      for (const kindDir of await listDir(scopeDir)) {
        for (const f of await listDir(join(scopeDir, kindDir))) {
          const file = join(scopeDir, kindDir, f);
          const text = f.endsWith('.yaml') ? await readIfExists(file) : undefined;
          if (text === undefined || !text.includes(uid)) continue;
          const dep = yamlToObject(text, file);
          const owners = dep.metadata.ownerReferences ?? [];
          if (!owners.some((o: OwnerReference) => o.uid === uid)) continue;
          if (policy === 'Orphan') {
            const rest = owners.filter((o: OwnerReference) => o.uid !== uid);
            if (rest.length > 0) dep.metadata.ownerReferences = rest;
            else delete dep.metadata.ownerReferences;
            dep.metadata.resourceVersion = await this.nextResourceVersion();
            await writeFileAtomic(file, objectToYaml(dep), this.layout.tmpDir, this.durable);
          } else {
            await this.remove(
              {
                apiVersion: dep.apiVersion,
                kind: dep.kind,
                name: dep.metadata.name,
                namespace: dep.metadata.namespace,
              },
              { propagationPolicy: policy as DeleteOptions['propagationPolicy'] },
            ).catch((e) => {
              if (!(e instanceof NotFoundError)) throw e;
            });
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Waiting: objects are ready once stored, so waiting only sees whether they exist (or are gone).

  async wait(refs: readonly ObjectRef[], opts: WaitOptions): Promise<void> {
    const deadline = Date.now() + opts.timeoutMs;
    let pending = [...refs];
    for (;;) {
      const still: ObjectRef[] = [];
      for (const ref of pending) {
        const present = await this.get(ref).then(
          () => true,
          (e) => {
            if (e instanceof NotFoundError) return false;
            throw e;
          },
        );
        if (present === (opts.condition === 'deleted')) still.push(ref);
      }
      pending = still;
      if (pending.length === 0) return;
      opts.signal?.throwIfAborted();
      if (Date.now() >= deadline) throw new WaitTimeoutError(pending.map(describeRef), opts.timeoutMs);
      await sleep(Math.min(this.pollMs, Math.max(deadline - Date.now(), 0)), undefined, { signal: opts.signal });
    }
  }
}

function refOfManifest(o: KubeObject): ObjectRef {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace };
}

/** A deep copy of a manifest as JSON (undefined dropped), checked for the fields every object needs. */
function cloneManifest(input: KubeObject): KubeObject {
  if (!isObject(input)) throw new InvalidObjectError('', '', 'object', 'Invalid value: not an object');
  const kind = typeof input.kind === 'string' ? input.kind : '';
  const name = isObject(input.metadata) && typeof input.metadata.name === 'string' ? input.metadata.name : '';
  if (!kind) throw new InvalidObjectError('', name, 'kind', 'Required value: kind is required');
  if (typeof input.apiVersion !== 'string' || !input.apiVersion) {
    throw new InvalidObjectError(kind, name, 'apiVersion', 'Required value: apiVersion is required');
  }
  if (!isObject(input.metadata)) throw new InvalidObjectError(kind, name, 'metadata', 'Required value');
  let copy: KubeObject;
  try {
    copy = JSON.parse(JSON.stringify(input));
  } catch (e) {
    throw new InvalidObjectError(kind, name, 'object', `Invalid value: ${(e as Error).message}`);
  }
  return copy;
}

/** What the user controls: everything but server-managed metadata, in the namespace it is stored in. */
function userContent(o: KubeObject, namespace: string | undefined): KubeObject {
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o.metadata)) if (!SERVER_META.has(k) && k !== 'namespace') meta[k] = v;
  if (namespace !== undefined) meta.namespace = namespace;
  return { ...o, metadata: meta as ObjectMeta };
}

function withoutMetaAndStatus(o: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}

// The API server folds stringData into data (base64) and rejects data that is not base64.
function normalizeSecret(s: KubeObject): void {
  const name = s.metadata.name;
  if (s.data !== undefined && s.data !== null && !isObject(s.data)) {
    throw new InvalidObjectError('Secret', name, 'data', 'Invalid value: must be a map');
  }
  const data: Record<string, unknown> = isObject(s.data) ? s.data : {};
  for (const [k, v] of Object.entries(data)) {
    const clean = typeof v === 'string' ? v.replace(LINE_BREAKS, '') : '';
    if (typeof v !== 'string' || clean.length % 4 !== 0 || !BASE64_CHARS.test(clean)) {
      throw new InvalidObjectError('Secret', name, `data[${k}]`, 'Invalid value: illegal base64 data');
    }
  }
  if (isObject(s.stringData)) {
    for (const [k, v] of Object.entries(s.stringData))
      data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
    delete s.stringData;
  }
  if (Object.keys(data).length > 0 || s.data !== undefined) s.data = data;
}
