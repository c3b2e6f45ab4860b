// Hooks as helm 4.1.4 runs them (pkg/action/hooks.go), on the local backend: every event, in order of weight
// then name, around the release's own objects; delete policies; last runs kept in the record; a failing hook
// fails the release and stops later hooks; --rollback-on-failure undoes it. The order of object writes is read
// from a backend that records them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Release } from '../../src/release/model.ts';
import { chartPath, type Env, env } from './helpers.ts';

const HOOKS = chartPath('hooks');
let e: Env;
afterEach(() => e?.cleanup());

const lastRuns = (rel: Release) => Object.fromEntries((rel.hooks ?? []).map((h) => [h.name, h.last_run.phase]));

describe('install', () => {
  it('installs CRDs first, runs pre-install hooks by weight, applies in install order, then post-install hooks', async () => {
    e = env();
    const rel = await e.rm.install({ name: 'h', chart: HOOKS });
    expect(rel.info).toMatchObject({ status: 'deployed', description: 'Install complete' });
    expect(e.backend.ops).toEqual([
      'apply CustomResourceDefinition/widgets.example.com',
      'apply ConfigMap/h-pre-install-early', // weight -5
      'apply Job/h-migrate', // weight 0
      'apply ConfigMap/h-pre-install-late', // weight 5
      'delete Job/h-migrate', // hook-succeeded, once every pre-install hook has run
      'apply ServiceAccount/h-sa',
      'apply ConfigMap/h-config',
      'apply Service/h-svc',
      'apply Deployment/h-app',
      'apply Widget/h-widget', // a kind helm does not know comes last
      'apply ConfigMap/h-post-install-early',
      'apply ConfigMap/h-post-install-late',
    ]);
    expect(e.logs).toContain(
      'hook h-migrate (Job, pre-install): recorded as succeeded; the local backend runs no containers',
    );
  });

  it('keeps each hook`s last run in the record, and helm`s default delete policy', async () => {
    e = env();
    await e.rm.install({ name: 'h', chart: HOOKS });
    const rec = await e.rm.get('h');
    const runs = lastRuns(rec);
    expect(runs['h-pre-install-early']).toBe('Succeeded');
    expect(runs['h-migrate']).toBe('Succeeded');
    expect(runs['h-post-install-late']).toBe('Succeeded');
    expect(runs['h-pre-upgrade-early']).toBe(''); // never run
    const early = rec.hooks?.find((h) => h.name === 'h-pre-install-early');
    expect(early?.delete_policies).toEqual(['before-hook-creation']);
    expect(early?.last_run.started_at).toBeDefined();
    expect(early?.last_run.completed_at).toBeDefined();
    // The clock ticks a second per reading: started, then completed.
    expect(
      early?.last_run.started_at &&
        early.last_run.completed_at &&
        early.last_run.started_at < early.last_run.completed_at,
    ).toBe(true);
    // before-hook-creation hooks stay after they ran; hook-succeeded ones are gone.
    expect(await e.backend.has('ConfigMap', 'h-pre-install-early')).toBe(true);
    expect(await e.backend.has('Job', 'h-migrate', 'default', 'batch/v1')).toBe(false);
  });

  it('--no-hooks runs none', async () => {
    e = env();
    const rel = await e.rm.install({ name: 'h', chart: HOOKS, noHooks: true });
    expect(e.backend.ops.filter((o) => o.includes('install-'))).toEqual([]);
    expect(Object.values(lastRuns(rel)).every((p) => p === '')).toBe(true);
  });

  it('a failing hook fails the release and stops the hooks and objects after it', async () => {
    e = env();
    await expect(e.rm.install({ name: 'h', chart: HOOKS, values: { values: ['failAt=pre-install'] } })).rejects.toThrow(
      'failed pre-install: resource Job/default/h-failing not ready. status: Failed, message: simulated by bosun.dev/local-outcome: failed (the local backend runs no containers)',
    );
    const rel = await e.rm.get('h');
    expect(rel.info?.status).toBe('failed');
    expect(rel.info?.description).toMatch(
      /^Release "h" failed: failed pre-install: resource Job\/default\/h-failing not ready/,
    );
    const runs = lastRuns(rel);
    expect(runs['h-migrate']).toBe('Succeeded'); // weight 0, before the failing one (weight 1)
    expect(runs['h-failing']).toBe('Failed');
    expect(runs['h-pre-install-late']).toBe(''); // weight 5: never started
    expect(e.backend.ops).not.toContain('apply Deployment/h-app');
    expect(e.backend.ops).not.toContain('apply ConfigMap/h-post-install-early');
    // hook-succeeded deletions of the hooks that had succeeded still happen.
    expect(e.backend.ops).toContain('delete Job/h-migrate');
    // No hook-failed policy: the failed Job stays for inspection.
    expect(await e.backend.has('Job', 'h-failing', 'default', 'batch/v1')).toBe(true);
  });

  it('hook-failed deletes a hook that failed', async () => {
    e = env();
    await expect(
      e.rm.install({ name: 'h', chart: HOOKS, values: { values: ['failAt=post-install', 'failPolicy=hook-failed'] } }),
    ).rejects.toThrow(/^failed post-install: /);
    expect(e.backend.ops).toContain('delete Job/h-failing');
    expect(await e.backend.has('Job', 'h-failing', 'default', 'batch/v1')).toBe(false);
    // The release's objects were applied before the post-install hooks ran.
    expect(await e.backend.has('Deployment', 'h-app', 'default', 'apps/v1')).toBe(true);
  });

  it('a hook that cannot be created fails the release with helm`s message', async () => {
    e = env();
    await expect(e.rm.install({ name: 'h', chart: HOOKS, values: { values: ['badAt=pre-install'] } })).rejects.toThrow(
      'failed pre-install: warning: Hook pre-install hooks/templates/hooks.yaml failed: Secret "h-bad" is invalid: data[key]: Invalid value: illegal base64 data',
    );
    expect(lastRuns(await e.rm.get('h'))['h-bad']).toBe('Failed');
  });

  it('--rollback-on-failure uninstalls a failed install (its history too)', async () => {
    e = env();
    await expect(
      e.rm.install({ name: 'h', chart: HOOKS, rollbackOnFailure: true, values: { values: ['failAt=post-install'] } }),
    ).rejects.toThrow(
      /^release h failed, and has been uninstalled due to rollback-on-failure being set: failed post-install: /,
    );
    await expect(e.rm.history('h')).rejects.toThrow('release: not found');
    expect(await e.backend.has('Deployment', 'h-app', 'default', 'apps/v1')).toBe(false);
    // The uninstall ran the delete hooks.
    expect(e.backend.ops).toContain('apply ConfigMap/h-pre-delete-early');
  });
});

describe('upgrade, rollback, uninstall and test hooks', () => {
  it('before-hook-creation deletes the previous run`s object before creating the hook again', async () => {
    e = env();
    await e.rm.install({ name: 'h', chart: HOOKS });
    await e.rm.upgrade({ name: 'h', chart: HOOKS });
    e.backend.ops.length = 0;
    await e.rm.upgrade({ name: 'h', chart: HOOKS, values: { values: ['message=again'] } });
    expect(e.backend.ops.slice(0, 6)).toEqual([
      'delete ConfigMap/h-pre-upgrade-early',
      'apply ConfigMap/h-pre-upgrade-early',
      'apply Job/h-migrate',
      'delete ConfigMap/h-pre-upgrade-late',
      'apply ConfigMap/h-pre-upgrade-late',
      'delete Job/h-migrate',
    ]);
    expect(e.backend.ops.slice(-4)).toEqual([
      'delete ConfigMap/h-post-upgrade-early',
      'apply ConfigMap/h-post-upgrade-early',
      'delete ConfigMap/h-post-upgrade-late',
      'apply ConfigMap/h-post-upgrade-late',
    ]);
  });

  it('runs pre- and post-rollback hooks around a rollback', async () => {
    e = env();
    await e.rm.install({ name: 'h', chart: HOOKS });
    await e.rm.upgrade({ name: 'h', chart: HOOKS, values: { values: ['message=two'] } });
    e.backend.ops.length = 0;
    const rel = await e.rm.rollback({ name: 'h', revision: 1 });
    expect(rel.info).toMatchObject({ status: 'deployed', description: 'Rollback to 1' });
    expect(e.backend.ops[0]).toBe('apply ConfigMap/h-pre-rollback-early');
    expect(e.backend.ops.slice(-2)).toEqual([
      'apply ConfigMap/h-post-rollback-early',
      'apply ConfigMap/h-post-rollback-late',
    ]);
    const runs = lastRuns(await e.rm.get('h'));
    expect(runs['h-pre-rollback-late']).toBe('Succeeded');
  });

  it('runs pre- and post-delete hooks around an uninstall, and a failing pre-delete hook stops it', async () => {
    e = env();
    await e.rm.install({ name: 'h', chart: HOOKS, values: { values: ['failAt=pre-delete'] } });
    await expect(e.rm.uninstall({ name: 'h' })).rejects.toThrow(/resource Job\/default\/h-failing not ready/);
    // Nothing was deleted; the release says it was being uninstalled.
    expect(await e.backend.has('Deployment', 'h-app', 'default', 'apps/v1')).toBe(true);
    expect((await e.rm.get('h')).info?.status).toBe('uninstalling');
    const res = await e.rm.uninstall({ name: 'h', noHooks: true });
    expect(res.release?.info?.status).toBe('uninstalled');
    expect(await e.backend.has('Deployment', 'h-app', 'default', 'apps/v1')).toBe(false);
  });

  it('test runs the test hooks and records their runs', async () => {
    e = env();
    await e.rm.install({ name: 'h', chart: HOOKS });
    const { release, error } = await e.rm.test({ name: 'h' });
    expect(error).toBeUndefined();
    expect(lastRuns(release)['h-test']).toBe('Succeeded');
    expect(lastRuns(await e.rm.get('h'))['h-test']).toBe('Succeeded');
    expect(e.logs).toContain('hook h-test (Pod, test): recorded as succeeded; the local backend runs no containers');
    // --filter: only the named tests run.
    const skipped = await e.rm.test({ name: 'h', exclude: ['h-test'] });
    expect(skipped.release.hooks?.find((h) => h.name === 'h-test')?.last_run.phase).toBe('Succeeded');
  });

  it('a failing pre-upgrade hook fails the upgrade; --rollback-on-failure rolls back to the last good revision', async () => {
    e = env();
    await e.rm.install({ name: 'h', chart: HOOKS });
    await expect(e.rm.upgrade({ name: 'h', chart: HOOKS, values: { values: ['failAt=pre-upgrade'] } })).rejects.toThrow(
      /^pre-upgrade hooks failed: resource Job\/default\/h-failing not ready/,
    );
    let h = await e.rm.history('h');
    expect(h.map((r) => [r.version, r.info?.status])).toEqual([
      [1, 'deployed'],
      [2, 'failed'],
    ]);
    expect(h[1].info?.description).toMatch(/^Upgrade "h" failed: pre-upgrade hooks failed: /);
    await expect(
      e.rm.upgrade({
        name: 'h',
        chart: HOOKS,
        rollbackOnFailure: true,
        values: { values: ['failAt=post-upgrade', 'message=bad'] },
      }),
    ).rejects.toThrow(/^release h failed, and has been rolled back due to rollback-on-failure being set: post-upgrade/);
    h = await e.rm.history('h');
    expect(h.map((r) => [r.version, r.info?.status, r.info?.description?.slice(0, 20)])).toEqual([
      [1, 'superseded', 'Install complete'],
      [2, 'failed', 'Upgrade "h" failed: '],
      [3, 'failed', 'Upgrade "h" failed: '],
      [4, 'deployed', 'Rollback to 1'],
    ]);
    const cm = await e.backend.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'h-config', namespace: 'default' });
    expect(cm.data).toEqual({ message: 'hello' });
  });
});
