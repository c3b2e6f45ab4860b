// ReleaseManager: helm's release actions as a typed library over any Backend. One manager works in one namespace
// (as helm's action configuration does); `inNamespace` gives a manager for another.
//
//   const rm = new ReleaseManager(new LocalBackend({ dir: '.bosun-state' }), { namespace: 'prod' });
//   await rm.install({ name: 'web', chart: 'charts/demo', values: { values: ['replicaCount=3'] } });
//   await rm.upgrade({ name: 'web', chart: 'charts/demo', reuseValues: true });
//   await rm.rollback({ name: 'web', revision: 1 });

import type { Backend } from '../backend/backend.ts';
import type { GoMap } from '../template/value.ts';
import { ActionConfig, type ActionConfigOptions } from './action-config.ts';
import { type DiffOptions, type DiffReport, formatReport as formatDiffReport } from './diff-report.ts';
import { getMetadata, getRelease, getValues, type ReleaseMetadata } from './get.ts';
import { history } from './history.ts';
import type { InstallOptions } from './install.ts';
import { type ListOptions, list } from './list.ts';
import type { Release } from './model.ts';
import { type OperationLocks, operationLocksFor } from './op-lock.ts';
import { type StatusResult, status } from './release-status.ts';
import { type TestOptions, type TestResult, testRelease } from './release-test.ts';
import { type RollbackOptions, rollback } from './rollback.ts';
import { type UninstallOptions, type UninstallResult, uninstall } from './uninstall.ts';
import type { UpgradeOptions } from './upgrade.ts';

export interface ReleaseManagerOptions extends Omit<ActionConfigOptions, 'locks'> {
  /** Operation locks (default: the backend's own, if it has any: the local backend does); false for none. */
  locks?: OperationLocks | false;
}

export class ReleaseManager {
  readonly config: ActionConfig;

  constructor(
    readonly backend: Backend,
    private readonly opts: ReleaseManagerOptions = {},
  ) {
    const locks = opts.locks === false ? undefined : (opts.locks ?? operationLocksFor(backend));
    this.config = new ActionConfig(backend, { ...opts, locks });
  }

  get namespace(): string {
    return this.config.namespace;
  }

  /** The same manager in another namespace. */
  inNamespace(namespace: string): ReleaseManager {
    return new ReleaseManager(this.backend, { ...this.opts, namespace });
  }

  // The actions that render charts load the template engine on first use: reading commands start faster.

  /** Installs a chart as a new release (revision 1). */
  async install(opts: InstallOptions): Promise<Release> {
    const { install } = await import('./install.ts');
    return install(this.config, opts);
  }

  /** Upgrades a release to a new revision. */
  async upgrade(opts: UpgradeOptions): Promise<Release> {
    const { upgrade } = await import('./upgrade.ts');
    return upgrade(this.config, opts);
  }

  /** Upgrades a release, installing it if it does not exist (or was uninstalled with its history kept). */
  async upgradeOrInstall(
    opts: UpgradeOptions & Pick<InstallOptions, 'createNamespace' | 'skipCrds'>,
  ): Promise<Release> {
    let last: Release | undefined;
    try {
      last = await this.config.storage.last(opts.name);
    } catch {
      last = undefined;
    }
    if (!last || last.info?.status === 'uninstalled') {
      return this.install({
        ...opts,
        serverSide: opts.serverSide !== 'false',
        replace: last !== undefined,
      });
    }
    return this.upgrade(opts);
  }

  /** Rolls a release back to an earlier revision (default: the one before the last). */
  rollback(opts: RollbackOptions): Promise<Release> {
    return rollback(this.config, opts);
  }

  uninstall(opts: UninstallOptions): Promise<UninstallResult> {
    return uninstall(this.config, opts);
  }

  /** Every revision of a release, oldest first (at most `max`, the newest). */
  history(name: string, max?: number): Promise<Release[]> {
    return history(this.config, name, max);
  }

  /** A revision (the last by default) and its live objects. */
  status(name: string, revision?: number): Promise<StatusResult> {
    return status(this.config, name, revision);
  }

  /** The latest revision of each release. */
  list(opts?: ListOptions): Promise<Release[]> {
    return list(this.config, opts);
  }

  get(name: string, revision?: number): Promise<Release> {
    return getRelease(this.config, name, revision);
  }

  values(name: string, opts?: { revision?: number; all?: boolean }): Promise<GoMap> {
    return getValues(this.config, name, opts);
  }

  metadata(name: string, revision?: number): Promise<ReleaseMetadata> {
    return getMetadata(this.config, name, revision);
  }

  /** Runs a release's test hooks. */
  test(opts: TestOptions): Promise<TestResult> {
    return testRelease(this.config, opts);
  }

  /** What an upgrade (`{ upgrade }`) or a rollback (`{ rollback }`) would change, as a report. */
  async diff(
    req:
      | { upgrade: UpgradeOptions & { allowUnreleased?: boolean }; options?: DiffOptions }
      | { rollback: { name: string; revision: number }; options?: DiffOptions },
  ): Promise<DiffReport> {
    const { diffRollback, diffUpgrade } = await import('./diff.ts');
    if ('upgrade' in req) return diffUpgrade(this.config, { ...req.upgrade, ...req.options });
    return diffRollback(this.config, { ...req.rollback, ...req.options });
  }

  /** A report in the helm-diff plugin's layout. */
  static formatDiff(report: DiffReport, opts?: DiffOptions & { color?: boolean }): string {
    return formatDiffReport(report, opts);
  }
}
