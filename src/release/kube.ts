// What helm's actions ask of a cluster (helm 4.1.4 pkg/kube Client), over a bosun Backend: build objects from a
// manifest, create, update (create what is new, apply what changed, delete what disappeared unless kept), delete,
// wait. Objects are matched as helm's ResourceList does: by API group, kind, namespace and name.

import type { Backend, PropagationPolicy } from '../backend/backend.ts';
import type { ResourceType } from '../backend/discovery.ts';
import { NoKindMatchError, NotFoundError } from '../backend/errors.ts';
import { flattenList, isObject, type KubeObject, type ObjectRef, parseApiVersion } from '../backend/object.ts';
import { parseYamlInts, yamlReaderDocuments } from '../goyaml/index.ts';
import { toJS } from '../template/value.ts';
import { ReleaseError } from './errors.ts';

/** The field manager helm's kube client writes under, so that helm and bosun can take over each other's objects. */
export const FIELD_MANAGER = 'helm';

export const RESOURCE_POLICY_ANNOTATION = 'helm.sh/resource-policy';
export const KEEP_POLICY = 'keep';

/** An object of a manifest, resolved against the backend's discovery. */
export interface Resource {
  obj: KubeObject;
  type: ResourceType;
  /** The namespace it lives in (undefined for cluster-scoped kinds). */
  namespace: string | undefined;
  name: string;
}

export interface UpdateResult {
  created: Resource[];
  updated: Resource[];
  deleted: Resource[];
}

/** helm's wait strategies: `hookOnly` (the default) waits for hooks only. */
export type WaitStrategy = 'watcher' | 'legacy' | 'hookOnly';

export interface KubeLog {
  debug(msg: string): void;
}

export function refOfResource(r: Resource): ObjectRef {
  const ref: ObjectRef = { apiVersion: r.obj.apiVersion, kind: r.obj.kind, name: r.name };
  if (r.namespace !== undefined) ref.namespace = r.namespace;
  return ref;
}

/** `Kind "name" in namespace "ns"` (helm's resourceString). */
export function resourceString(r: Resource): string {
  return `${r.type.kind} ${JSON.stringify(r.name)} in namespace ${JSON.stringify(r.namespace ?? '')}`;
}

/** helm's objectKey / isMatchingInfo: group, kind, namespace and name (the version may differ). */
export function resourceKey(r: Resource): string {
  return `${r.type.group}/${r.type.kind}/${r.namespace ?? ''}/${r.name}`;
}

export class KubeClient {
  constructor(
    readonly backend: Backend,
    /** The namespace objects without one go to (the release's). */
    readonly namespace: string,
    private readonly log: KubeLog = { debug() {} },
  ) {}

  /** Objects of a manifest stream (Lists flattened), namespaces defaulted as kubectl's builder does. */
  async build(manifest: string): Promise<Resource[]> {
    const out: Resource[] = [];
    // kubectl's builder reads the stream as is (no trimming: a block scalar's last newline is part of it).
    for (const doc of yamlReaderDocuments(manifest)) {
      let value: unknown;
      try {
        value = toJS(parseYamlInts(doc));
      } catch (e) {
        throw new ReleaseError(`error parsing manifest: ${(e as Error).message}`);
      }
      if (value === null || value === undefined) continue;
      if (!isObject(value)) throw new ReleaseError('error parsing manifest: a document is not an object');
      for (const obj of flattenList(value as KubeObject)) out.push(await this.resolve(obj));
    }
    return out;
  }

  private async resolve(obj: KubeObject): Promise<Resource> {
    const meta = isObject(obj.metadata) ? obj.metadata : { name: '' };
    const name = typeof meta.name === 'string' ? meta.name : '';
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string' || !obj.kind) {
      throw new ReleaseError(`error validating data: apiVersion or kind not set in object ${JSON.stringify(name)}`);
    }
    let type: ResourceType;
    try {
      type = await this.backend.discovery.resourceFor(obj.apiVersion, obj.kind);
    } catch (e) {
      if (e instanceof NoKindMatchError) {
        const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
        throw new ReleaseError(
          `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from "": no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`,
        );
      }
      throw e;
    }
    const copy: KubeObject = { ...obj, metadata: { ...meta, name } };
    let namespace: string | undefined;
    if (type.namespaced) {
      namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : this.namespace;
      copy.metadata.namespace = namespace;
    }
    return { obj: copy, type, namespace, name };
  }

  /** The live object, or undefined if absent. */
  async get(r: Resource): Promise<KubeObject | undefined> {
    try {
      return await this.backend.get(refOfResource(r));
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /** Creates (server-side: applies) each object in order. */
  async create(resources: readonly Resource[], opts: { serverSide: boolean; dryRun?: boolean }): Promise<void> {
    for (const r of resources) await this.createOne(r, opts);
  }

  private async createOne(r: Resource, opts: { serverSide: boolean; force?: boolean; dryRun?: boolean }) {
    const wo = { fieldManager: FIELD_MANAGER, namespace: r.namespace, dryRun: opts.dryRun };
    if (opts.serverSide) await this.backend.apply(r.obj, { ...wo, force: opts.force });
    else await this.backend.create(r.obj, wo);
    this.log.debug(`created a new resource: ${r.type.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`);
  }

  /**
   * helm's Client.Update: creates targets that do not exist, applies the others (they must be among the
   * originals), then deletes originals that are not targets, in the order given, unless the live object
   * says `helm.sh/resource-policy: keep`.
   */
  async update(
    originals: readonly Resource[],
    targets: readonly Resource[],
    opts: { serverSide: boolean; force?: boolean; forceReplace?: boolean; dryRun?: boolean },
  ): Promise<{ result: UpdateResult; error?: Error }> {
    const result: UpdateResult = { created: [], updated: [], deleted: [] };
    const originalKeys = new Set(originals.map(resourceKey));
    const errors: Error[] = [];
    for (const t of targets) {
      const live = await this.get(t);
      if (!live) {
        result.created.push(t);
        try {
          await this.createOne(t, { serverSide: opts.serverSide, force: opts.force, dryRun: opts.dryRun });
        } catch (e) {
          return { result, error: new ReleaseError(`failed to create resource: ${(e as Error).message}`) };
        }
        continue;
      }
      if (!originalKeys.has(resourceKey(t))) {
        return {
          result,
          error: new ReleaseError(`original object ${t.type.kind} with the name ${JSON.stringify(t.name)} not found`),
        };
      }
      try {
        const wo = { fieldManager: FIELD_MANAGER, namespace: t.namespace, dryRun: opts.dryRun };
        if (opts.serverSide && !opts.forceReplace) await this.backend.apply(t.obj, { ...wo, force: opts.force });
        else await this.backend.update(t.obj, wo);
      } catch (e) {
        errors.push(e as Error);
      }
      result.updated.push(t);
    }
    if (errors.length > 0) return { result, error: joinErrors(errors, ' && ') };
    const targetKeys = new Set(targets.map(resourceKey));
    for (const o of originals) {
      if (targetKeys.has(resourceKey(o))) continue;
      const live = await this.get(o).catch(() => undefined);
      if (!live) continue;
      if (live.metadata.annotations?.[RESOURCE_POLICY_ANNOTATION] === KEEP_POLICY) {
        this.log.debug(
          `skipping delete due to annotation: ${o.type.kind} ${o.name} (${RESOURCE_POLICY_ANNOTATION}=keep)`,
        );
        continue;
      }
      try {
        if (!opts.dryRun) await this.backend.delete(refOfResource(o), { propagationPolicy: 'Background' });
        result.deleted.push(o);
      } catch (e) {
        if (!(e instanceof NotFoundError)) {
          errors.push(new ReleaseError(`failed to delete resource ${o.name}: ${(e as Error).message}`));
        }
      }
    }
    if (errors.length > 0) return { result, error: joinErrors(errors, ' && ') };
    return { result };
  }

  /** Deletes each object; absent ones count as deleted. Returns the errors of the others. */
  async delete(
    resources: readonly Resource[],
    policy: PropagationPolicy = 'Background',
  ): Promise<{ deleted: Resource[]; errors: Error[] }> {
    const deleted: Resource[] = [];
    const errors: Error[] = [];
    if (resources.length === 0) {
      errors.push(new ReleaseError('object not found, skipping delete: no objects visited'));
      return { deleted, errors };
    }
    for (const r of resources) {
      try {
        await this.backend.delete(refOfResource(r), { propagationPolicy: policy });
        deleted.push(r);
      } catch (e) {
        if (e instanceof NotFoundError) {
          this.log.debug(`ignoring delete failure: ${(e as Error).message}`);
          deleted.push(r);
        } else errors.push(e as Error);
      }
    }
    return { deleted, errors };
  }

  /** `--wait`: resources ready (and Jobs complete with `withJobs`); nothing with the hookOnly strategy. */
  async wait(resources: readonly Resource[], strategy: WaitStrategy, timeoutMs: number, withJobs = false) {
    if (strategy === 'hookOnly' || resources.length === 0) return;
    await this.backend.wait(resources.map(refOfResource), {
      condition: withJobs ? 'ready-with-jobs' : 'ready',
      timeoutMs,
    });
  }

  /** A hook's objects run to completion (Jobs complete, Pods succeeded). */
  async watchUntilReady(resources: readonly Resource[], timeoutMs: number): Promise<void> {
    if (resources.length === 0) return;
    await this.backend.wait(resources.map(refOfResource), { condition: 'hook', timeoutMs });
  }

  async waitForDelete(resources: readonly Resource[], timeoutMs: number): Promise<void> {
    if (resources.length === 0) return;
    await this.backend.wait(resources.map(refOfResource), { condition: 'deleted', timeoutMs });
  }

  /** The group/version of a resource as helm's status keys it (`v1/Deployment`: version/kind). */
  static versionKind(r: Resource): string {
    return `${parseApiVersion(r.obj.apiVersion).version}/${r.type.kind}`;
  }
}

/** Errors joined as helm joins them. */
export function joinErrors(errors: readonly Error[], sep: string): ReleaseError {
  const e = new ReleaseError(errors.map((x) => x.message).join(sep));
  return e;
}
