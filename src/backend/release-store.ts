// Helm's release records as a backend keeps them. The backend stores them opaquely (it knows nothing of charts or
// releases): a key `sh.helm.release.v1.<name>.v<revision>`, labels, and the `release` data (base64 of the gzipped
// JSON). SecretReleaseStore keeps them as helm's Secret driver does, so helm and bosun read each other's records.

import type { ObjectClient } from './backend.ts';
import { BackendError } from './errors.ts';
import { isObject, type KubeObject } from './object.ts';

export interface ReleaseRecord {
  /** The storage object's name, `sh.helm.release.v1.<name>.v<revision>`. */
  readonly key: string;
  readonly namespace: string;
  /** `name`, `owner=helm`, `status`, `version`, `createdAt`/`modifiedAt`, and the release's custom labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** The `release` data: base64(gzip(json)). */
  readonly data: string;
}

export interface ReleaseStore {
  /** helm's name for the driver (`Secret`), shown by `--debug`. */
  readonly driver: string;
  /** NotFoundError if absent. */
  get(namespace: string, key: string): Promise<ReleaseRecord>;
  /** The records whose labels include all of `labels`, in one namespace or (undefined) all. */
  query(namespace: string | undefined, labels: Readonly<Record<string, string>>): Promise<ReleaseRecord[]>;
  /** AlreadyExistsError if the key exists. */
  create(record: ReleaseRecord): Promise<void>;
  /** Replaces a record; NotFoundError if absent. */
  update(record: ReleaseRecord): Promise<void>;
  /** Deletes a record and returns it; NotFoundError if absent. */
  delete(namespace: string, key: string): Promise<ReleaseRecord>;
}

/** The Secret type helm gives its records. */
export const RELEASE_SECRET_TYPE = 'helm.sh/release.v1';

/** Records as Secrets of type `helm.sh/release.v1` with the release in data key `release` (helm's Secret driver). */
export class SecretReleaseStore implements ReleaseStore {
  readonly driver = 'Secret';

  constructor(
    private readonly client: ObjectClient,
    private readonly fieldManager = 'bosun',
  ) {}

  async get(namespace: string, key: string): Promise<ReleaseRecord> {
    const s = await this.client.get({ apiVersion: 'v1', kind: 'Secret', namespace, name: key });
    const r = secretToRecord(s);
    if (!r) throw new BackendError(`secrets "${key}" holds no release record`, 'InternalError');
    return r;
  }

  async query(namespace: string | undefined, labels: Readonly<Record<string, string>>): Promise<ReleaseRecord[]> {
    const list = await this.client.list({ apiVersion: 'v1', kind: 'Secret', namespace, labelSelector: labels });
    const out: ReleaseRecord[] = [];
    for (const s of list) {
      const r = secretToRecord(s);
      if (r) out.push(r);
    }
    return out;
  }

  async create(record: ReleaseRecord): Promise<void> {
    await this.client.create(recordToSecret(record), { fieldManager: this.fieldManager, namespace: record.namespace });
  }

  async update(record: ReleaseRecord): Promise<void> {
    await this.client.update(recordToSecret(record), { fieldManager: this.fieldManager, namespace: record.namespace });
  }

  async delete(namespace: string, key: string): Promise<ReleaseRecord> {
    const r = await this.get(namespace, key);
    await this.client.delete({ apiVersion: 'v1', kind: 'Secret', namespace, name: key });
    return r;
  }
}

/** The Secret helm's driver writes for a record. */
export function recordToSecret(r: ReleaseRecord): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: r.key, namespace: r.namespace, labels: { ...r.labels } },
    type: RELEASE_SECRET_TYPE,
    data: { release: Buffer.from(r.data, 'utf8').toString('base64') },
  };
}

/** The record a Secret holds, or undefined when it holds none. */
export function secretToRecord(s: KubeObject): ReleaseRecord | undefined {
  const data = isObject(s.data) ? s.data.release : undefined;
  if (typeof data !== 'string') return undefined;
  return {
    key: s.metadata.name,
    namespace: s.metadata.namespace ?? '',
    labels: { ...(s.metadata.labels ?? {}) },
    data: Buffer.from(data, 'base64').toString('utf8'),
  };
}
