// `rollback NAME [REVISION]` (helm 4.1.4 pkg/action/rollback.go): a new revision with an earlier revision's chart,
// values, manifest and hooks, recorded pending-rollback, applied as an upgrade would be (pre-/post-rollback hooks
// around it); every revision still deployed becomes superseded.

import type { ActionConfig } from './action-config.ts';
import {
  type ApplyOptions,
  DEFAULT_HISTORY_MAX,
  DEFAULT_TIMEOUT_MS,
  isDryRun,
  serverSideFor,
} from './apply-options.ts';
import { validateName } from './checks.ts';
import { NoDeployedReleasesError, ReleaseError } from './errors.ts';
import { execHook } from './hook-runner.ts';
import type { Resource } from './kube.ts';
import type { Release } from './model.ts';
import { withOperationLock } from './operation.ts';
import { setOwnership } from './ownership.ts';
import { Storage } from './storage.ts';
import { now } from './time.ts';

export interface RollbackOptions extends Omit<ApplyOptions, 'rollbackOnFailure' | 'description'> {
  name: string;
  /** The revision to roll back to; 0 or absent: the one before the last. */
  revision?: number;
  cleanupOnFail?: boolean;
  historyMax?: number;
  serverSide?: 'true' | 'false' | 'auto';
  /** The caller already holds the release's operation lock (an upgrade rolling back). */
  locked?: boolean;
}

/** Rolls a release back; returns the new revision (or what it would be, for a dry run). */
export async function rollback(cfg: ActionConfig, opts: RollbackOptions): Promise<Release> {
  const run = () => rollbackLocked(cfg, opts);
  if (opts.locked || isDryRun(opts.dryRun)) return run();
  return withOperationLock(cfg, opts.name, run);
}

async function rollbackLocked(cfg: ActionConfig, opts: RollbackOptions): Promise<Release> {
  const { current, target, serverSide } = await prepareRollback(cfg, opts);
  const dryRun = isDryRun(opts.dryRun);
  if (!dryRun) {
    await new Storage(cfg.backend.releases, {
      namespace: cfg.namespace,
      maxHistory: opts.historyMax ?? DEFAULT_HISTORY_MAX,
      flavor: cfg.dialect === 'helm3' ? 'helm3' : 'helm4',
    }).create(target);
  }
  await performRollback(cfg, opts, current, target, serverSide);
  if (!dryRun) await cfg.storage.update(target);
  return target;
}

async function prepareRollback(cfg: ActionConfig, opts: RollbackOptions) {
  validateName(opts.name, 'prepareRollback: Release name is invalid');
  const version = opts.revision ?? 0;
  if (version < 0) throw new ReleaseError('invalid release revision');
  const current = await cfg.storage.last(opts.name);
  const previousVersion = version === 0 ? current.version - 1 : version;
  const history = await cfg.storage.history(opts.name);
  if (!history.some((r) => r.version === previousVersion)) {
    throw new ReleaseError(`release has no ${previousVersion} version`);
  }
  cfg.log.debug(`rolling back ${opts.name} (current: v${current.version}, target: v${previousVersion})`);
  const previous = await cfg.storage.get(opts.name, previousVersion);
  const serverSide = serverSideFor(opts.serverSide ?? 'auto', previous.apply_method);
  const target: Release = {
    name: opts.name,
    namespace: current.namespace,
    chart: previous.chart,
    config: previous.config,
    info: {
      first_deployed: current.info?.first_deployed,
      last_deployed: now(cfg.clock),
      status: 'pending-rollback',
      notes: previous.info?.notes,
      description: `Rollback to ${previousVersion}`,
    },
    version: current.version + 1,
    labels: previous.labels,
    manifest: previous.manifest,
    hooks: previous.hooks,
    apply_method: serverSide ? 'ssa' : 'csa',
  };
  if (!target.info?.notes) delete target.info?.notes;
  return { current, target, serverSide };
}

async function performRollback(
  cfg: ActionConfig,
  opts: RollbackOptions,
  current: Release,
  target: Release,
  serverSide: boolean,
): Promise<void> {
  if (isDryRun(opts.dryRun)) return;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let currentRes: Resource[];
  let targetRes: Resource[];
  try {
    currentRes = await cfg.kube.build(current.manifest ?? '');
  } catch (e) {
    throw new ReleaseError(`unable to build kubernetes objects from current release manifest: ${(e as Error).message}`);
  }
  try {
    targetRes = await cfg.kube.build(target.manifest ?? '');
  } catch (e) {
    throw new ReleaseError(`unable to build kubernetes objects from new release manifest: ${(e as Error).message}`);
  }
  if (!opts.noHooks) await execHook(cfg, target, 'pre-rollback', { timeoutMs, serverSide });
  else cfg.log.debug(`rollback hooks disabled for ${target.name}`);
  setOwnership(targetRes, target.name, target.namespace ?? cfg.namespace);
  const { result, error } = await cfg.kube.update(currentRes, targetRes, {
    serverSide,
    force: opts.forceConflicts,
    forceReplace: opts.forceReplace,
  });
  if (error) {
    const msg = `Rollback ${JSON.stringify(target.name)} failed: ${error.message}`;
    cfg.log.warn(msg);
    current.info = { ...current.info, status: 'superseded' };
    target.info = { ...target.info, status: 'failed', description: msg };
    await cfg.recordRelease(current);
    await cfg.recordRelease(target);
    if (opts.cleanupOnFail) {
      const { errors } = await cfg.kube.delete(result.created, 'Background');
      if (errors.length > 0) {
        throw new ReleaseError(
          `an error occurred while cleaning up resources. original rollback error: unable to cleanup resources: ${errors.map((e) => e.message).join(', ')}`,
        );
      }
    }
    throw error;
  }
  try {
    await cfg.kube.wait(targetRes, opts.wait ?? 'hookOnly', timeoutMs, opts.waitForJobs);
  } catch (e) {
    target.info = {
      ...target.info,
      status: 'failed',
      description: `Release ${JSON.stringify(target.name)} failed: ${(e as Error).message}`,
    };
    await cfg.recordRelease(current);
    await cfg.recordRelease(target);
    throw new ReleaseError(`release ${target.name} failed: ${(e as Error).message}`);
  }
  if (!opts.noHooks) await execHook(cfg, target, 'post-rollback', { timeoutMs, serverSide });
  // Supersede every deployed revision (helm issue #2941).
  let deployed: Release[] = [];
  try {
    deployed = await cfg.storage.deployedAll(target.name);
  } catch (e) {
    if (!(e instanceof NoDeployedReleasesError)) throw e;
  }
  for (const rel of deployed) {
    cfg.log.debug(`superseding previous deployment: revision ${rel.version}`);
    rel.info = { ...rel.info, status: 'superseded' };
    await cfg.recordRelease(rel);
  }
  target.info = { ...target.info, status: 'deployed' };
}
