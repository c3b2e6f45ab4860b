// What every release action shares (helm's action.Configuration): the backend, the release history in one
// namespace, the kube client, the clock, the helm being imitated, and where progress and debug lines go.

import type { Backend } from '../backend/backend.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { KubeClient } from './kube.ts';
import type { Release } from './model.ts';
import type { OperationLocks } from './op-lock.ts';
import { Storage } from './storage.ts';
import { type Clock, systemClock } from './time.ts';

export interface ReleaseLog {
  /** `--debug` lines. */
  debug(msg: string): void;
  /** Lines every user sees on stderr (the local backend's note that hooks ran no containers). */
  info(msg: string): void;
  warn(msg: string): void;
}

export const SILENT_LOG: ReleaseLog = { debug() {}, info() {}, warn() {} };

export interface ActionConfigOptions {
  /** Default `default`. */
  namespace?: string;
  dialect?: HelmDialect;
  clock?: Clock;
  log?: ReleaseLog;
  /** Per-release operation locks (see op-lock.ts); none means helm's behaviour: pending releases are refused. */
  locks?: OperationLocks;
  /** Unix seconds for record labels. */
  unixNow?: () => number;
}

export class ActionConfig {
  readonly namespace: string;
  readonly dialect: HelmDialect;
  readonly clock: Clock;
  readonly log: ReleaseLog;
  readonly storage: Storage;
  readonly kube: KubeClient;
  readonly locks: OperationLocks | undefined;

  constructor(
    readonly backend: Backend,
    opts: ActionConfigOptions = {},
  ) {
    this.namespace = opts.namespace || 'default';
    this.dialect = opts.dialect ?? 'helm4';
    this.clock = opts.clock ?? systemClock;
    this.log = opts.log ?? SILENT_LOG;
    this.locks = opts.locks;
    this.storage = new Storage(backend.releases, {
      namespace: this.namespace,
      flavor: this.dialect === 'helm3' ? 'helm3' : 'helm4',
      unixNow: opts.unixNow,
      onSkippedRecord: (key, e, ns) => this.skipped(key, e, ns),
    });
    this.kube = new KubeClient(backend, this.namespace, { debug: (m) => this.log.debug(m) });
  }

  /** A history over every namespace (`list -A`). */
  allNamespaces(): Storage {
    return new Storage(this.backend.releases, {
      flavor: this.dialect === 'helm3' ? 'helm3' : 'helm4',
      onSkippedRecord: (key, e, ns) => this.skipped(key, e, ns),
    });
  }

  private readonly warnedRecords = new Set<string>();

  /**
   * A record that cannot be decoded is left out, as helm's drivers leave it out, but said on stderr (helm only
   * logs it with --debug): a damaged record must not go unnoticed, and it is never deleted.
   */
  private skipped(key: string, e: Error, namespace: string): void {
    const id = `${namespace}/${key}`;
    if (this.warnedRecords.has(id)) return;
    this.warnedRecords.add(id);
    this.log.warn(`skipping release record ${key} in namespace ${namespace || 'default'}: ${e.message}`);
  }

  /** helm's recordRelease: stores a changed revision, logging (not failing) when it cannot. */
  async recordRelease(rel: Release): Promise<void> {
    try {
      await this.storage.update(rel);
    } catch (e) {
      this.log.warn(`failed to update release ${rel.name} (revision ${rel.version}): ${(e as Error).message}`);
    }
  }
}
