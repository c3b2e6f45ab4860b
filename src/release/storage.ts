// Release history over a backend's record store, as helm's pkg/storage: one record per revision, queried by
// labels, the last deployed revision, and history trimmed to `--history-max` records (never the deployed one).

import { AlreadyExistsError, NotFoundError } from '../backend/errors.ts';
import type { ReleaseRecord, ReleaseStore } from '../backend/release-store.ts';
import { decodeRecordData, encodeRecordData, isSystemLabel, type RecordFlavor, recordKey } from './codec.ts';
import {
  NoDeployedReleasesError,
  RecordDecodeError,
  ReleaseError,
  ReleaseExistsError,
  ReleaseNotFoundError,
} from './errors.ts';
import type { Release } from './model.ts';
import type { ReleaseStatus } from './status.ts';

export interface StorageOptions {
  /** The namespace releases are read from; undefined reads all namespaces (`helm list -A`). */
  namespace?: string;
  /** Records kept per release, the newest included (`--history-max`); 0 or less keeps all. */
  maxHistory?: number;
  /** Which helm's JSON to write (default helm 4's). */
  flavor?: RecordFlavor;
  /** Unix seconds, for the createdAt/modifiedAt labels. */
  unixNow?: () => number;
  /** Told about records that cannot be decoded (helm skips them and logs at debug level). */
  onSkippedRecord?: (key: string, error: Error, namespace: string) => void;
}

export class Storage {
  readonly namespace: string | undefined;
  maxHistory: number;
  private readonly flavor: RecordFlavor;
  private readonly unixNow: () => number;
  private readonly onSkipped: (key: string, error: Error, namespace: string) => void;

  constructor(
    readonly store: ReleaseStore,
    opts: StorageOptions = {},
  ) {
    this.namespace = opts.namespace;
    this.maxHistory = opts.maxHistory ?? 0;
    this.flavor = opts.flavor ?? 'helm4';
    this.unixNow = opts.unixNow ?? (() => Math.floor(Date.now() / 1000));
    this.onSkipped = opts.onSkippedRecord ?? (() => {});
  }

  private namespaceOf(rel: Release): string {
    return rel.namespace || this.namespace || 'default';
  }

  // helm's drivers keep only the custom labels on a release they Get, but every label (system ones included) on
  // releases they List or Query; an update then writes back whatever labels the release carries.
  private decode(r: ReleaseRecord, systemLabels = false): Release {
    let rel: Release;
    try {
      rel = decodeRecordData(r.data);
    } catch (e) {
      if (e instanceof RecordDecodeError)
        throw new RecordDecodeError(`get: failed to decode data "${r.key}": ${e.message}`);
      throw e;
    }
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.labels)) if (systemLabels || !isSystemLabel(k)) labels[k] = v;
    rel.labels = labels;
    return rel;
  }

  private decodeAll(records: readonly ReleaseRecord[]): Release[] {
    const out: Release[] = [];
    for (const r of records) {
      try {
        out.push(this.decode(r, true));
      } catch (e) {
        if (!(e instanceof RecordDecodeError)) throw e;
        this.onSkipped(r.key, e, r.namespace);
      }
    }
    return out.sort((a, b) => a.version - b.version);
  }

  private record(rel: Release, extra: Record<string, string>): ReleaseRecord {
    const labels: Record<string, string> = { ...(rel.labels ?? {}) };
    Object.assign(labels, extra, {
      name: rel.name,
      owner: 'helm',
      status: rel.info?.status ?? '',
      version: String(rel.version),
    });
    return {
      key: recordKey(rel.name, rel.version),
      namespace: this.namespaceOf(rel),
      labels,
      data: encodeRecordData(rel, { flavor: this.flavor }),
    };
  }

  /** One revision; ReleaseNotFoundError if there is no such record. */
  async get(name: string, version: number): Promise<Release> {
    const key = recordKey(name, version);
    if (this.namespace === undefined) {
      const found = await this.store.query(undefined, { name, owner: 'helm', version: String(version) });
      const r = found.find((x) => x.key === key);
      if (!r) throw new ReleaseNotFoundError(key);
      return this.decode(r);
    }
    try {
      return this.decode(await this.store.get(this.namespace, key));
    } catch (e) {
      if (e instanceof NotFoundError) throw new ReleaseNotFoundError(key);
      throw e;
    }
  }

  /** Stores a new revision, first trimming the history to make room; ReleaseExistsError if it exists. */
  async create(rel: Release): Promise<void> {
    if (this.maxHistory > 0) {
      try {
        await this.removeLeastRecent(rel.name, this.maxHistory - 1, this.namespaceOf(rel));
      } catch (e) {
        if (!(e instanceof ReleaseNotFoundError)) throw e;
      }
    }
    const record = this.record(rel, { createdAt: String(this.unixNow()) });
    try {
      await this.store.create(record);
    } catch (e) {
      if (e instanceof AlreadyExistsError) throw new ReleaseExistsError(record.key);
      throw e;
    }
  }

  /**
   * Rewrites a revision (its status, hooks' last runs, ...) with its labels and a new modifiedAt, as helm's driver
   * does (createdAt survives only on a release read from a list or query); ReleaseNotFoundError if it does not exist.
   */
  async update(rel: Release): Promise<void> {
    const key = recordKey(rel.name, rel.version);
    try {
      await this.store.update(this.record(rel, { modifiedAt: String(this.unixNow()) }));
    } catch (e) {
      if (e instanceof NotFoundError) throw new ReleaseNotFoundError(key);
      throw e;
    }
  }

  /** Deletes a revision and returns it. */
  async delete(name: string, version: number, namespace = this.namespace ?? 'default'): Promise<Release> {
    const key = recordKey(name, version);
    try {
      return this.decode(await this.store.delete(namespace, key));
    } catch (e) {
      if (e instanceof NotFoundError) throw new ReleaseNotFoundError(key);
      throw e;
    }
  }

  /** Every revision of every release (helm's ListReleases), optionally filtered. */
  async list(filter?: (r: Release) => boolean): Promise<Release[]> {
    const all = this.decodeAll(await this.store.query(this.namespace, { owner: 'helm' }));
    return filter ? all.filter(filter) : all;
  }

  listDeployed(): Promise<Release[]> {
    return this.list(statusIs('deployed'));
  }

  listUninstalled(): Promise<Release[]> {
    return this.list(statusIs('uninstalled'));
  }

  /** Every revision of a release, oldest first; ReleaseNotFoundError if it has none. */
  async history(name: string): Promise<Release[]> {
    const records = await this.store.query(this.namespace, { name, owner: 'helm' });
    if (records.length === 0) throw new ReleaseNotFoundError(name);
    return this.decodeAll(records);
  }

  /** The deployed revisions (normally one); NoDeployedReleasesError if none. */
  async deployedAll(name: string): Promise<Release[]> {
    const records = await this.store.query(this.namespace, { name, owner: 'helm', status: 'deployed' });
    const rels = this.decodeAll(records);
    if (rels.length === 0) throw new NoDeployedReleasesError(name);
    return rels;
  }

  /** The latest deployed revision (if concurrent runs left several deployed, the newest). */
  async deployed(name: string): Promise<Release> {
    const all = await this.deployedAll(name);
    return all[all.length - 1];
  }

  /** The latest revision, whatever its status. */
  async last(name: string): Promise<Release> {
    const h = await this.history(name);
    if (h.length === 0) throw new ReleaseError(`no revision for release ${JSON.stringify(name)}`);
    return h[h.length - 1];
  }

  /** Deletes the oldest revisions until at most `max` remain, never the deployed one. */
  async removeLeastRecent(name: string, max: number, namespace = this.namespace ?? 'default'): Promise<void> {
    if (max < 0) return;
    const history = await this.history(name);
    if (history.length <= max) return;
    let deployedVersion: number | undefined;
    try {
      deployedVersion = (await this.deployed(name)).version;
    } catch (e) {
      if (!(e instanceof NoDeployedReleasesError)) throw e;
    }
    const doomed: Release[] = [];
    for (const rel of history) {
      if (history.length - doomed.length === max) break;
      if (rel.version !== deployedVersion) doomed.push(rel);
    }
    const errors: Error[] = [];
    for (const rel of doomed) {
      try {
        await this.delete(name, rel.version, rel.namespace || namespace);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      throw new ReleaseError(`encountered ${errors.length} deletion errors. First is: ${errors[0].message}`);
    }
  }
}

function statusIs(s: ReleaseStatus): (r: Release) => boolean {
  return (r) => r.info?.status === s;
}
