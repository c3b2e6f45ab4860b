// The release actions through ReleaseManager on the local backend: status transitions, what upgrades apply and
// delete, the resource-policy keep annotation, history trimming, upgrade values semantics, pending releases
// (refused while a live process holds them, recovered when their process died), ownership, dry runs and list.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATION_IN_PROGRESS } from '../../src/release/errors.ts';
import { FileOperationLocks } from '../../src/release/op-lock.ts';
import type { GoMap } from '../../src/template/value.ts';
import { toJS } from '../../src/template/value.ts';
import { chartPath, DEMO, type Env, env } from './helpers.ts';

const LIFE = chartPath('lifecycle');
let e: Env;
afterEach(() => e?.cleanup());

const statuses = async (name: string) =>
  (await e.rm.history(name)).map((r) => `${r.version}:${r.info?.status}:${r.info?.description}`);

describe('status transitions', () => {
  it('install, upgrade, rollback and uninstall --keep-history move revisions as helm does', async () => {
    e = env();
    const r1 = await e.rm.install({ name: 'web', chart: DEMO });
    expect([r1.version, r1.info?.status]).toEqual([1, 'deployed']);
    await e.rm.upgrade({ name: 'web', chart: DEMO, values: { values: ['replicaCount=3'] } });
    await e.rm.rollback({ name: 'web' });
    expect(await statuses('web')).toEqual([
      '1:superseded:Install complete',
      '2:superseded:Upgrade complete',
      '3:deployed:Rollback to 1',
    ]);
    const un = await e.rm.uninstall({ name: 'web', keepHistory: true });
    expect(un.release?.info?.status).toBe('uninstalled');
    expect(await statuses('web')).toEqual([
      '1:superseded:Install complete',
      '2:superseded:Upgrade complete',
      '3:uninstalled:Uninstallation complete',
    ]);
    // A rollback brings an uninstalled release back.
    const back = await e.rm.rollback({ name: 'web', revision: 2 });
    expect(back.info?.status).toBe('deployed');
    expect(await e.backend.has('Deployment', 'web-demo', 'default', 'apps/v1')).toBe(true);
    await e.rm.uninstall({ name: 'web' });
    await expect(e.rm.history('web')).rejects.toThrow('release: not found');
  });

  it('an install reuses the name of an uninstalled release only with --replace', async () => {
    e = env();
    await e.rm.install({ name: 'web', chart: DEMO });
    await e.rm.uninstall({ name: 'web', keepHistory: true });
    await expect(e.rm.install({ name: 'web', chart: DEMO })).rejects.toThrow(
      'release name check failed: cannot reuse a name that is still in use',
    );
    const r = await e.rm.install({ name: 'web', chart: DEMO, replace: true });
    expect(r.version).toBe(2);
    expect(await statuses('web')).toEqual(['1:superseded:superseded by new release', '2:deployed:Install complete']);
  });
});

describe('what an upgrade applies and deletes', () => {
  it('deletes objects gone from the chart in uninstall order, except those to keep', async () => {
    e = env();
    await e.rm.install({ name: 'life', chart: LIFE });
    e.backend.ops.length = 0;
    await e.rm.upgrade({ name: 'life', chart: LIFE, values: { values: ['extra=false', 'kept=false'] } });
    expect(e.backend.ops.filter((o) => o.startsWith('delete'))).toEqual(['delete ConfigMap/life-extra']);
    expect(await e.backend.has('ConfigMap', 'life-kept')).toBe(true);
    // The kept object is no longer the release's: uninstall leaves it, and says so.
    await e.rm.upgrade({ name: 'life', chart: LIFE, resetValues: true });
    e.backend.ops.length = 0;
    const res = await e.rm.uninstall({ name: 'life' });
    expect(res.info).toBe('These resources were kept due to the resource policy:\n[ConfigMap] life-kept\n');
    expect(e.backend.ops).toEqual([
      'delete Service/life-svc',
      'delete Deployment/life-app',
      'delete ConfigMap/life-config',
      'delete ConfigMap/life-extra',
      'delete Secret/life-secret',
    ]);
    expect(await e.backend.has('ConfigMap', 'life-kept')).toBe(true);
  });

  it('marks objects with the release`s ownership and refuses objects owned by another release', async () => {
    e = env();
    await e.rm.install({ name: 'life', chart: LIFE });
    const cm = await e.backend.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'life-config', namespace: 'default' });
    expect(cm.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'Helm' });
    expect(cm.metadata.annotations).toEqual({
      'meta.helm.sh/release-name': 'life',
      'meta.helm.sh/release-namespace': 'default',
    });
    await e.backend.apply(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other-config', namespace: 'default' } },
      { fieldManager: 'kubectl' },
    );
    await expect(e.rm.install({ name: 'other', chart: LIFE })).rejects.toThrow(
      'unable to continue with install: ConfigMap "other-config" in namespace "default" exists and cannot be imported into the current release: invalid ownership metadata; label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation error: missing key "meta.helm.sh/release-name": must be set to "other"; annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "default"',
    );
    const taken = await e.rm.install({ name: 'other', chart: LIFE, takeOwnership: true });
    expect(taken.info?.status).toBe('deployed');
  });

  it('trims the history to --history-max, never dropping the deployed revision', async () => {
    e = env();
    await e.rm.install({ name: 'web', chart: DEMO });
    for (let i = 2; i <= 5; i++) {
      await e.rm.upgrade({ name: 'web', chart: DEMO, historyMax: 3, values: { values: [`replicaCount=${i}`] } });
    }
    expect((await e.rm.history('web')).map((r) => r.version)).toEqual([3, 4, 5]);
    await e.rm.upgrade({ name: 'web', chart: DEMO, historyMax: 0 });
    expect((await e.rm.history('web')).map((r) => r.version)).toEqual([3, 4, 5, 6]);
  });
});

describe('upgrade values (helm-compat.md)', () => {
  const values = async (rev?: number) => toJS((await e.rm.get('web', rev)).config ?? new Map());

  it('reuses the last values when none are given; --reset-values drops them', async () => {
    e = env();
    await e.rm.install({ name: 'web', chart: DEMO, values: { values: ['replicaCount=3'] } });
    await e.rm.upgrade({ name: 'web', chart: DEMO });
    expect(await values()).toEqual({ replicaCount: 3 });
    await e.rm.upgrade({ name: 'web', chart: DEMO, resetValues: true });
    expect(await values()).toEqual({});
    await e.rm.upgrade({ name: 'web', chart: DEMO, values: { values: ['service.port=81'] } });
    expect(await values()).toEqual({ service: { port: 81 } });
  });

  it('--reuse-values renders over the old chart`s defaults; --reset-then-reuse-values over the new chart`s', async () => {
    e = env();
    // The same chart, released again with a new default greeting.
    const v2 = join(e.dir, 'demo-v2');
    cpSync(DEMO, v2, { recursive: true });
    const valuesFile = join(v2, 'values.yaml');
    writeFileSync(valuesFile, readFileSync(valuesFile, 'utf8').replace('Hello from bosun', 'Hello again'));
    const greeting = async () =>
      (await e.backend.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-demo', namespace: 'default' })).data;
    await e.rm.install({ name: 'web', chart: DEMO, values: { values: ['replicaCount=4'] } });
    const r = await e.rm.upgrade({
      name: 'web',
      chart: v2,
      reuseValues: true,
      values: { values: ['service.port=81'] },
    });
    expect(toJS(r.config as GoMap)).toEqual({ replicaCount: 4, service: { port: 81 } });
    expect(await greeting()).toMatchObject({ greeting: 'Hello from bosun' });
    const r2 = await e.rm.upgrade({ name: 'web', chart: v2, resetThenReuseValues: true });
    expect(toJS(r2.config as GoMap)).toEqual({ replicaCount: 4, service: { port: 81 } });
    expect(await greeting()).toMatchObject({ greeting: 'Hello again' });
    // get values --all computes the values from the record's chart and config.
    const all = toJS(await e.rm.values('web', { all: true })) as { config: { greeting: string }; replicaCount: number };
    expect([all.config.greeting, all.replicaCount]).toEqual(['Hello again', 4]);
  });
});

describe('pending releases', () => {
  it('refuses an operation while another live process holds the release', async () => {
    e = env();
    await e.rm.install({ name: 'web', chart: DEMO });
    const locks = new FileOperationLocks(`${e.dir}/.bosun/operations`, `${e.dir}/.bosun/lock-tmp`);
    const held = await locks.acquire('default', 'web');
    try {
      await expect(e.rm.upgrade({ name: 'web', chart: DEMO })).rejects.toThrow(OPERATION_IN_PROGRESS);
      await expect(e.rm.rollback({ name: 'web' })).rejects.toThrow(OPERATION_IN_PROGRESS);
      await expect(e.rm.uninstall({ name: 'web' })).rejects.toThrow(OPERATION_IN_PROGRESS);
    } finally {
      await held.release();
    }
    expect((await e.rm.upgrade({ name: 'web', chart: DEMO })).version).toBe(2);
  });

  it('refuses a pending release as helm does when the backend has no operation locks', async () => {
    e = env({ locks: false });
    await e.rm.install({ name: 'web', chart: DEMO });
    const rel = await e.rm.get('web');
    rel.info = { ...rel.info, status: 'pending-upgrade' };
    await e.rm.config.storage.update(rel);
    await expect(e.rm.upgrade({ name: 'web', chart: DEMO })).rejects.toThrow(OPERATION_IN_PROGRESS);
  });

  it('recovers a release left pending by a process that died: the revision is marked failed', async () => {
    e = env();
    await e.rm.install({ name: 'web', chart: DEMO });
    // What a killed upgrade leaves: a pending revision (and a lock file naming a dead process).
    const rel = await e.rm.get('web');
    await e.rm.config.storage.create({
      ...rel,
      version: 2,
      info: { ...rel.info, status: 'pending-upgrade', description: 'Preparing upgrade' },
    });
    const r = await e.rm.upgrade({ name: 'web', chart: DEMO, values: { values: ['replicaCount=5'] } });
    expect(r.version).toBe(3);
    expect(await statuses('web')).toEqual([
      '1:superseded:Install complete',
      '2:failed:Upgrade "web" failed: interrupted (the process running it exited before it finished)',
      '3:deployed:Upgrade complete',
    ]);
    expect(e.logs).toContain(
      'release "web" revision 2 was left pending-upgrade by an interrupted operation; marked failed',
    );
  });
});

describe('dry runs and queries', () => {
  it('--dry-run=server and client change nothing', async () => {
    e = env();
    const client = await e.rm.install({ name: 'web', chart: DEMO, dryRun: 'client' });
    expect(client.info).toMatchObject({ status: 'pending-install', description: 'Dry run complete' });
    const server = await e.rm.install({ name: 'web', chart: DEMO, dryRun: 'server' });
    expect(server.info?.description).toBe('Dry run complete');
    expect(e.backend.ops).toEqual([]);
    await expect(e.rm.history('web')).rejects.toThrow('release: not found');
    await e.rm.install({ name: 'web', chart: DEMO });
    e.backend.ops.length = 0;
    const up = await e.rm.upgrade({ name: 'web', chart: DEMO, dryRun: 'server', description: 'just looking' });
    expect(up.info).toMatchObject({ status: 'pending-upgrade', description: 'just looking' });
    const un = await e.rm.uninstall({ name: 'web', dryRun: true });
    expect(un.release?.version).toBe(1);
    expect(e.backend.ops).toEqual([]);
    expect((await e.rm.history('web')).length).toBe(1);
  });

  it('lists the latest revision of each release, filtered and sorted as helm does', async () => {
    e = env();
    await e.rm.install({ name: 'b-web', chart: DEMO });
    await e.rm.install({ name: 'a-web', chart: DEMO });
    await e.rm.upgrade({ name: 'b-web', chart: DEMO });
    await e.rm.inNamespace('other').install({ name: 'c-web', chart: DEMO, createNamespace: true });
    const names = async (opts: Parameters<typeof e.rm.list>[0]) =>
      (await e.rm.list(opts)).map((r) => `${r.name}.v${r.version}`);
    expect(await names({})).toEqual(['a-web.v1', 'b-web.v2']);
    expect(await names({ allNamespaces: true })).toEqual(['a-web.v1', 'b-web.v2', 'c-web.v1']);
    expect(await names({ states: ['superseded'] })).toEqual(['b-web.v1']);
    expect(await names({ filter: '^b' })).toEqual(['b-web.v2']);
    expect(await names({ reverse: true })).toEqual(['b-web.v2', 'a-web.v1']);
    expect(await names({ byDate: true })).toEqual(['a-web.v1', 'b-web.v2']);
    expect(await names({ max: 1, offset: 1 })).toEqual(['b-web.v2']);
    expect(await names({ selector: 'status=deployed,version=2' })).toEqual(['b-web.v2']);
  });
});
