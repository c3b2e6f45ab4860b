import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalBackend } from '../../src/backend/local/backend.ts';
import { decodeRecordData, encodeReleaseJSON } from '../../src/release/codec.ts';
import { NoDeployedReleasesError, ReleaseExistsError, ReleaseNotFoundError } from '../../src/release/errors.ts';
import type { Release } from '../../src/release/model.ts';
import type { ReleaseStatus } from '../../src/release/status.ts';
import { Storage } from '../../src/release/storage.ts';

let dir: string;
let be: LocalBackend;
let clock = 1700000000;

function rel(name: string, version: number, status: ReleaseStatus, namespace = 'default'): Release {
  return {
    name,
    version,
    namespace,
    info: { status, description: `${status} ${version}`, last_deployed: '2024-01-01T00:00:00Z' },
    manifest: `---\n# Source: c/templates/a.yaml\nkind: ConfigMap\n`,
    config: new Map([['rev', version]]),
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bosun-storage-'));
  be = new LocalBackend({ dir, durable: false });
  clock = 1700000000;
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function storage(opts: ConstructorParameters<typeof Storage>[1] = {}): Storage {
  return new Storage(be.releases, { namespace: 'default', unixNow: () => clock++, ...opts });
}

describe('Storage', () => {
  it('stores a revision as helm does and reads it back', async () => {
    const s = storage();
    const r = { ...rel('web', 1, 'deployed'), labels: { team: 'a' } };
    await s.create(r);
    const rec = await be.releases.get('default', 'sh.helm.release.v1.web.v1');
    expect(rec.labels).toEqual({
      team: 'a',
      name: 'web',
      owner: 'helm',
      status: 'deployed',
      version: '1',
      createdAt: '1700000000',
    });
    expect(encodeReleaseJSON(decodeRecordData(rec.data))).toBe(encodeReleaseJSON(r));
    const back = await s.get('web', 1);
    expect(back.labels).toEqual({ team: 'a' });
    expect(back.config?.get('rev')).toBe(1);
    await expect(s.create(r)).rejects.toThrow(new ReleaseExistsError('sh.helm.release.v1.web.v1'));
  });

  it('updates a revision as helm`s driver does: modifiedAt stamped, createdAt kept only from a queried release', async () => {
    const s = storage();
    await s.create(rel('web', 1, 'deployed'));
    // A release read by a query carries every label of its record, createdAt included.
    const [queried] = await s.history('web');
    expect(queried.labels).toMatchObject({ createdAt: '1700000000', status: 'deployed' });
    queried.info = { ...queried.info, status: 'superseded' };
    await s.update(queried);
    let rec = await be.releases.get('default', 'sh.helm.release.v1.web.v1');
    expect(rec.labels).toEqual({
      name: 'web',
      owner: 'helm',
      status: 'superseded',
      version: '1',
      createdAt: '1700000000',
      modifiedAt: '1700000001',
    });
    // One built in memory (or read by get, which keeps only custom labels) does not.
    await s.update(rel('web', 1, 'superseded'));
    rec = await be.releases.get('default', 'sh.helm.release.v1.web.v1');
    expect(rec.labels).toEqual({
      name: 'web',
      owner: 'helm',
      status: 'superseded',
      version: '1',
      modifiedAt: '1700000002',
    });
    expect((await s.get('web', 1)).info?.status).toBe('superseded');
    await expect(s.update(rel('web', 2, 'deployed'))).rejects.toThrow(ReleaseNotFoundError);
  });

  it('gives history, last and deployed revisions', async () => {
    const s = storage();
    for (const [v, st] of [
      [1, 'superseded'],
      [2, 'deployed'],
      [3, 'failed'],
      [10, 'pending-upgrade'],
    ] as const) {
      await s.create(rel('web', v, st));
    }
    await s.create(rel('db', 1, 'deployed'));
    expect((await s.history('web')).map((r) => r.version)).toEqual([1, 2, 3, 10]);
    expect((await s.last('web')).version).toBe(10);
    expect((await s.deployed('web')).version).toBe(2);
    expect((await s.listDeployed()).map((r) => `${r.name}.${r.version}`).sort()).toEqual(['db.1', 'web.2']);
    expect(await s.list()).toHaveLength(5);
    await expect(s.history('nope')).rejects.toThrow(ReleaseNotFoundError);
    await s.create(rel('gone', 1, 'uninstalled'));
    await expect(s.deployed('gone')).rejects.toThrow(new NoDeployedReleasesError('gone'));
    await expect(s.deployed('gone')).rejects.toThrow('"gone" has no deployed releases');
    expect((await s.listUninstalled()).map((r) => r.name)).toEqual(['gone']);
  });

  it('trims history to --history-max, never deleting the deployed revision', async () => {
    const s = storage({ maxHistory: 3 });
    await s.create(rel('web', 1, 'superseded'));
    await s.create(rel('web', 2, 'deployed'));
    await s.create(rel('web', 3, 'failed'));
    expect((await s.history('web')).map((r) => r.version)).toEqual([1, 2, 3]);
    await s.create(rel('web', 4, 'failed'));
    expect((await s.history('web')).map((r) => r.version)).toEqual([2, 3, 4]);
    await s.create(rel('web', 5, 'pending-upgrade'));
    expect((await s.history('web')).map((r) => r.version)).toEqual([2, 4, 5]);
    const keepAll = storage({ maxHistory: 0 });
    await keepAll.create(rel('web', 6, 'failed'));
    expect((await s.history('web')).map((r) => r.version)).toEqual([2, 4, 5, 6]);
  });

  it('deletes revisions', async () => {
    const s = storage();
    await s.create(rel('web', 1, 'deployed'));
    expect((await s.delete('web', 1)).version).toBe(1);
    await expect(s.delete('web', 1)).rejects.toThrow(ReleaseNotFoundError);
    await expect(s.get('web', 1)).rejects.toThrow(/^release: not found$/);
  });

  it('reads one namespace or all', async () => {
    await be.ensureNamespace('team', { fieldManager: 't' });
    await storage().create(rel('web', 1, 'deployed'));
    await storage().create(rel('api', 1, 'deployed', 'team'));
    expect((await storage().list()).map((r) => r.name)).toEqual(['web']);
    expect((await storage({ namespace: 'team' }).list()).map((r) => r.name)).toEqual(['api']);
    const all = storage({ namespace: undefined });
    expect((await all.list()).map((r) => r.name).sort()).toEqual(['api', 'web']);
    expect((await all.get('api', 1)).namespace).toBe('team');
  });

  it('skips records it cannot decode, and says so', async () => {
    await be.releases.create({
      key: 'sh.helm.release.v1.bad.v1',
      namespace: 'default',
      labels: { name: 'bad', owner: 'helm', status: 'deployed', version: '1' },
      data: Buffer.from('{"name":"bad","version":"one"}').toString('base64'),
    });
    await storage().create(rel('good', 1, 'deployed'));
    const skipped: string[] = [];
    const s = storage({ onSkippedRecord: (k) => skipped.push(k) });
    expect((await s.list()).map((r) => r.name)).toEqual(['good']);
    expect(skipped).toEqual(['sh.helm.release.v1.bad.v1']);
  });

  it('reads the record helm`s driver writes', async () => {
    const data = readFileSync(new URL('../fixtures/release/helm4-record.b64', import.meta.url), 'utf8').trim();
    const helmJSON = readFileSync(new URL('../fixtures/release/helm4-install.out', import.meta.url), 'utf8').trimEnd();
    await be.ensureNamespace('demo', { fieldManager: 'helm' });
    await be.releases.create({
      key: 'sh.helm.release.v1.fixture.v1',
      namespace: 'demo',
      labels: { name: 'fixture', owner: 'helm', status: 'pending-install', version: '1', createdAt: '1700000000' },
      data,
    });
    const s = storage({ namespace: 'demo' });
    const [r] = await s.history('fixture');
    expect(encodeReleaseJSON(r)).toBe(helmJSON);
    // As helm's Query: every label of the record; get keeps the custom ones only (none here).
    expect(r.labels).toEqual({
      name: 'fixture',
      owner: 'helm',
      status: 'pending-install',
      version: '1',
      createdAt: '1700000000',
    });
    expect((await s.get('fixture', 1)).labels).toEqual({});
  });

  it('writes helm 3`s JSON when asked', async () => {
    await storage({ flavor: 'helm3' }).create(rel('web', 1, 'deployed'));
    const rec = await be.releases.get('default', 'sh.helm.release.v1.web.v1');
    const json = Buffer.from(rec.data, 'base64');
    expect(gunzipSync(json).toString()).toContain('"deleted":""');
  });
});
