// The Backend interface: what bosun's release actions need of a cluster, in Kubernetes' own terms. The embedded
// local backend (./local/) and a real Kubernetes backend implement it, so every action runs the same on both.
// Modelled on helm's pkg/kube Interface and Waiter and its storage drivers: objects are plain JSON, errors are
// the API's (NotFound, AlreadyExists, Conflict, ...; see errors.ts), and everything is asynchronous.

import type { Discovery } from './discovery.ts';
import type { KubeObject, ObjectRef } from './object.ts';
import type { ReleaseStore } from './release-store.ts';
import type { Selector } from './selector.ts';

/** How the dependents of a deleted object are treated (metav1.DeletionPropagation). */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface WriteOptions {
  /** The field manager the change is recorded under (helm uses `helm`). */
  fieldManager: string;
  /** The namespace of a namespaced object that names none (default `default`). */
  namespace?: string;
  /** Validate and return the result without storing anything (the API's dryRun=All). */
  dryRun?: boolean;
}

export interface ApplyOptions extends WriteOptions {
  /** Take fields over from other managers (server-side apply's force). */
  force?: boolean;
}

export interface ListOptions {
  apiVersion: string;
  kind: string;
  /** One namespace, or all namespaces when absent; ignored for cluster-scoped kinds. */
  namespace?: string;
  /** `app=web,tier in (a,b)`, a parsed Selector, or labels to match exactly. */
  labelSelector?: string | Selector | Readonly<Record<string, string>>;
}

export interface DeleteOptions {
  /** Default `Background`, as helm deletes. */
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
}

/**
 * What to wait for: `ready` (`--wait`: workloads rolled out, Pods ready, claims bound, Services addressable),
 * `ready-with-jobs` (also Jobs complete), `hook` (a hook's Job complete or Pod succeeded), `deleted` (gone).
 */
export type WaitCondition = 'ready' | 'ready-with-jobs' | 'hook' | 'deleted';

export interface WaitOptions {
  condition: WaitCondition;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The object operations of a backend. */
export interface ObjectClient {
  /** Creates an object; AlreadyExistsError if it exists. Returns the stored object (uid, resourceVersion, ...). */
  create(obj: KubeObject, opts: WriteOptions): Promise<KubeObject>;
  /** Creates the object or updates it to the given state (server-side apply). Returns the stored object. */
  apply(obj: KubeObject, opts: ApplyOptions): Promise<KubeObject>;
  /**
   * Replaces an existing object; NotFoundError if there is none, ConflictError if `metadata.resourceVersion` is
   * set and is no longer the stored one.
   */
  update(obj: KubeObject, opts: WriteOptions): Promise<KubeObject>;
  /** NotFoundError if absent. */
  get(ref: ObjectRef): Promise<KubeObject>;
  /** Objects of a kind, sorted by namespace and name. */
  list(opts: ListOptions): Promise<KubeObject[]>;
  /** Deletes an object and, by its propagation policy, its dependents; NotFoundError if absent. */
  delete(ref: ObjectRef, opts?: DeleteOptions): Promise<void>;
}

export interface Backend extends ObjectClient {
  /** `local` or `kubernetes`. */
  readonly name: string;
  /** One line naming the backend and where it keeps its state, for `--debug` and error messages. */
  describe(): string;
  /** False when the backend runs no containers (the local backend): hooks and Jobs are recorded as succeeded. */
  readonly runsWorkloads: boolean;
  readonly discovery: Discovery;
  /** Helm's release records. */
  readonly releases: ReleaseStore;
  /**
   * Waits until every object meets the condition; WaitTimeoutError naming the ones that did not, or
   * ResourceFailedError when one fails (a Job or Pod) while waited on.
   */
  wait(refs: readonly ObjectRef[], opts: WaitOptions): Promise<void>;
  /** Creates a namespace unless it exists (`--create-namespace`). */
  ensureNamespace(
    name: string,
    opts: WriteOptions & { labels?: Record<string, string> },
  ): Promise<{ created: boolean }>;
  /** Releases what the backend holds (connections, locks). */
  close(): Promise<void>;
}
