// `upgrade` (helm 4.1.4 pkg/action/upgrade.go): render the chart as the next revision of a release, record it
// pending-upgrade, run pre-upgrade hooks, apply the difference (new objects created, changed ones applied, gone
// ones deleted unless kept), wait, run post-upgrade hooks; the previous revision becomes superseded. A failure
// marks the revision failed, and may delete what it created (--cleanup-on-fail) or roll back (--atomic).

import { loadReleaseChart, renderRelease, userValuesOf } from '../action/release-render.ts';
import type { GoMap } from '../template/value.ts';
import { coalesceTables, coalesceValues } from '../values/coalesce.ts';
import type { ActionConfig } from './action-config.ts';
import {
  type ApplyOptions,
  DEFAULT_HISTORY_MAX,
  DEFAULT_TIMEOUT_MS,
  isDryRun,
  serverSideFor,
} from './apply-options.ts';
import { valuesChartOf } from './chart-record.ts';
import { validateName } from './checks.ts';
import { NoDeployedReleasesError, OPERATION_IN_PROGRESS, ReleaseError, ReleaseNotFoundError } from './errors.ts';
import { execHook } from './hook-runner.ts';
import { checkLabels, type RenderOptions, renderRequest } from './install.ts';
import { type Resource, resourceKey } from './kube.ts';
import type { Release } from './model.ts';
import { withOperationLock } from './operation.ts';
import { existingToAdopt, setOwnership } from './ownership.ts';
import { rollback } from './rollback.ts';
import { isPending } from './status.ts';
import { Storage } from './storage.ts';
import { now } from './time.ts';

export interface UpgradeOptions extends ApplyOptions, RenderOptions {
  name: string;
  /** `--reuse-values`: the last release's values (over the old chart's defaults) under the new ones. */
  reuseValues?: boolean;
  /** `--reset-values`: only the new values, over the new chart's defaults. */
  resetValues?: boolean;
  /** `--reset-then-reuse-values`: the last release's values under the new ones, over the new chart's defaults. */
  resetThenReuseValues?: boolean;
  /** Records kept per release (default 10; 0 keeps all). */
  historyMax?: number;
  /** `--cleanup-on-fail`: delete the objects this upgrade created if it fails. */
  cleanupOnFail?: boolean;
  /** `true`, `false` or `auto` (default: the last revision's apply method). */
  serverSide?: 'true' | 'false' | 'auto';
}

/** Upgrades a release; returns the new revision as recorded (or as it would be, for a dry run). */
export async function upgrade(cfg: ActionConfig, opts: UpgradeOptions): Promise<Release> {
  validateName(opts.name, 'release name is invalid');
  const loaded = loadReleaseChart(opts.chart, { dialect: cfg.dialect, warn: opts.warn, install: false });
  const user = opts.userValues ?? userValuesOf(opts.values, { dialect: cfg.dialect, readFile: opts.readFile });
  if (!isDryRun(opts.dryRun) && opts.hideSecret) {
    throw new ReleaseError('hiding Kubernetes secrets requires a dry-run mode');
  }
  const run = () => upgradeLocked(cfg, opts, loaded, user);
  return isDryRun(opts.dryRun) ? run() : withOperationLock(cfg, opts.name, run);
}

async function upgradeLocked(
  cfg: ActionConfig,
  opts: UpgradeOptions,
  loaded: ReturnType<typeof loadReleaseChart>,
  newValues: GoMap,
): Promise<Release> {
  const name = opts.name;
  let last: Release;
  try {
    last = await cfg.storage.last(name);
  } catch (e) {
    if (e instanceof ReleaseNotFoundError) throw new NoDeployedReleasesError(name);
    throw e;
  }
  // Concurrent upgrades fail here (or on creating the same revision): a pessimistic lock, as helm's.
  if (isPending(last.info?.status)) throw new ReleaseError(OPERATION_IN_PROGRESS);
  let current: Release;
  if (last.info?.status === 'deployed') current = last;
  else {
    try {
      current = await cfg.storage.deployed(name);
    } catch (e) {
      const st = last.info?.status;
      if (e instanceof NoDeployedReleasesError && (st === 'failed' || st === 'superseded')) current = last;
      else throw e;
    }
  }
  const { values: user, chartValues } = reuseValues(cfg, opts, current, newValues);
  const revision = last.version + 1;
  const namespace = current.namespace || cfg.namespace;
  const rendered = renderRelease({
    ...renderRequest(cfg, opts),
    chart: loaded,
    releaseName: name,
    namespace,
    revision,
    isUpgrade: true,
    userValues: user,
    chartValues,
  });
  checkLabels(opts.labels);
  const serverSide = serverSideFor(opts.serverSide ?? 'auto', last.apply_method);
  const upgraded: Release = {
    name,
    namespace,
    chart: rendered.chart,
    config: user,
    info: {
      first_deployed: current.info?.first_deployed,
      last_deployed: now(cfg.clock),
      status: 'pending-upgrade',
      description: 'Preparing upgrade',
    },
    version: revision,
    manifest: rendered.manifest,
    hooks: rendered.hooks,
    labels: mergeCustomLabels(last.labels, opts.labels),
    apply_method: serverSide ? 'ssa' : 'csa',
  };
  if (rendered.notes) upgraded.info!.notes = rendered.notes;
  const target = await buildOrFail(
    cfg,
    upgraded.manifest ?? '',
    'unable to build kubernetes objects from new release manifest',
  );
  return performUpgrade(cfg, opts, current, upgraded, target, serverSide);
}

/** helm's reuseValues: which user values the new revision gets, and the chart defaults it renders over. */
function reuseValues(
  cfg: ActionConfig,
  opts: UpgradeOptions,
  current: Release,
  newValues: GoMap,
): { values: GoMap; chartValues?: GoMap } {
  const old = current.config ?? new Map();
  const co = { dialect: cfg.dialect };
  if (opts.resetValues) return { values: newValues };
  if (opts.reuseValues) {
    const oldComputed = coalesceValues(valuesChartOf(current.chart), old, co);
    return { values: coalesceTables(newValues, old, co) ?? new Map(), chartValues: oldComputed };
  }
  if (opts.resetThenReuseValues) return { values: coalesceTables(newValues, old, co) ?? new Map() };
  if (newValues.size === 0 && old.size > 0) {
    cfg.log.debug(`copying values from ${current.name} (revision ${current.version}) to new release.`);
    return { values: old };
  }
  return { values: newValues };
}

/** Labels of the last revision with the new ones over them; a value `null` removes a label. */
function mergeCustomLabels(
  current: Record<string, string> | undefined,
  desired: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = { ...(current ?? {}), ...(desired ?? {}) };
  for (const [k, v] of Object.entries(out)) if (v === 'null') delete out[k];
  return out;
}

async function buildOrFail(cfg: ActionConfig, manifest: string, what: string): Promise<Resource[]> {
  try {
    return await cfg.kube.build(manifest);
  } catch (e) {
    const msg = (e as Error).message;
    if (what.includes('current') && msg.includes('no matches for kind')) {
      throw new ReleaseError(
        `current release manifest contains removed kubernetes api(s) for this kubernetes version and it is therefore unable to build the kubernetes objects for performing the diff. error from kubernetes: ${msg}`,
      );
    }
    throw new ReleaseError(`${what}: ${msg}`);
  }
}

async function performUpgrade(
  cfg: ActionConfig,
  opts: UpgradeOptions,
  original: Release,
  upgraded: Release,
  target: Resource[],
  serverSide: boolean,
): Promise<Release> {
  const current = await buildOrFail(
    cfg,
    original.manifest ?? '',
    'unable to build kubernetes objects from current release manifest',
  );
  setOwnership(target, upgraded.name, upgraded.namespace ?? cfg.namespace);
  const existing = new Set(current.map(resourceKey));
  const toCreate = target.filter((r) => !existing.has(resourceKey(r)));
  let adopted: Resource[];
  try {
    adopted = await existingToAdopt(
      cfg.kube,
      toCreate,
      upgraded.name,
      upgraded.namespace ?? cfg.namespace,
      opts.takeOwnership,
    );
  } catch (e) {
    throw new ReleaseError(`unable to continue with update: ${(e as Error).message}`);
  }
  current.push(...adopted);
  if (isDryRun(opts.dryRun)) {
    upgraded.info!.description = opts.description || 'Dry run complete';
    return upgraded;
  }
  const historyMax = opts.historyMax ?? DEFAULT_HISTORY_MAX;
  await new Storage(cfg.backend.releases, {
    namespace: cfg.namespace,
    maxHistory: historyMax,
    flavor: cfg.dialect === 'helm3' ? 'helm3' : 'helm4',
  }).create(upgraded);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const wait =
    opts.rollbackOnFailure && (opts.wait ?? 'hookOnly') === 'hookOnly' ? 'watcher' : (opts.wait ?? 'hookOnly');
  let created: Resource[] = [];
  try {
    if (!opts.noHooks) {
      try {
        await execHook(cfg, upgraded, 'pre-upgrade', { timeoutMs, serverSide });
      } catch (e) {
        throw new ReleaseError(`pre-upgrade hooks failed: ${(e as Error).message}`);
      }
    } else cfg.log.debug(`upgrade hooks disabled for ${upgraded.name}`);
    const { result, error } = await cfg.kube.update(current, target, {
      serverSide,
      force: opts.forceConflicts,
      forceReplace: opts.forceReplace,
    });
    created = result.created;
    if (error) {
      await cfg.recordRelease(original);
      throw error;
    }
    try {
      await cfg.kube.wait(target, wait, timeoutMs, opts.waitForJobs);
    } catch (e) {
      await cfg.recordRelease(original);
      throw e;
    }
    if (!opts.noHooks) {
      try {
        await execHook(cfg, upgraded, 'post-upgrade', { timeoutMs, serverSide });
      } catch (e) {
        throw new ReleaseError(`post-upgrade hooks failed: ${(e as Error).message}`);
      }
    }
  } catch (e) {
    return failUpgrade(cfg, opts, upgraded, created, e as Error);
  }
  original.info = { ...original.info, status: 'superseded' };
  await cfg.recordRelease(original);
  upgraded.info = { ...upgraded.info, status: 'deployed', description: opts.description || 'Upgrade complete' };
  await cfg.storage.update(upgraded);
  return upgraded;
}

async function failUpgrade(
  cfg: ActionConfig,
  opts: UpgradeOptions,
  rel: Release,
  created: Resource[],
  err: Error,
): Promise<never> {
  rel.info = {
    ...rel.info,
    status: 'failed',
    description: `Upgrade ${JSON.stringify(rel.name)} failed: ${err.message}`,
  };
  cfg.log.warn(`upgrade failed: ${rel.name}: ${err.message}`);
  await cfg.recordRelease(rel);
  if (opts.cleanupOnFail && created.length > 0) {
    cfg.log.debug(`cleanup on fail set: deleting ${created.length} resource(s)`);
    const { errors } = await cfg.kube.delete(created, 'Background');
    if (errors.length > 0) {
      throw new UpgradeFailedError(
        `an error occurred while cleaning up resources. original upgrade error: ${err.message}: unable to cleanup resources: ${errors.map((e) => e.message).join(', ')}`,
        rel,
      );
    }
  }
  if (opts.rollbackOnFailure) {
    cfg.log.debug('Upgrade failed and rollback-on-failure is set, rolling back to previous successful release');
    const history = await cfg.storage.history(rel.name);
    const ok = history.filter((r) => r.info?.status === 'superseded' || r.info?.status === 'deployed');
    if (ok.length === 0) {
      throw new UpgradeFailedError(
        `unable to find a previously successful release when attempting to rollback. original upgrade error: ${err.message}`,
        rel,
      );
    }
    const to = ok[ok.length - 1].version;
    try {
      await rollback(cfg, {
        name: rel.name,
        revision: to,
        wait: opts.wait,
        waitForJobs: opts.waitForJobs,
        noHooks: opts.noHooks,
        forceReplace: opts.forceReplace,
        forceConflicts: opts.forceConflicts,
        serverSide: opts.serverSide,
        timeoutMs: opts.timeoutMs,
        historyMax: opts.historyMax,
        locked: true,
      });
    } catch (re) {
      throw new UpgradeFailedError(
        `an error occurred while rolling back the release. original upgrade error: ${err.message}: ${(re as Error).message}`,
        rel,
      );
    }
    throw new UpgradeFailedError(
      `release ${rel.name} failed, and has been rolled back due to rollback-on-failure being set: ${err.message}`,
      rel,
    );
  }
  throw new UpgradeFailedError(err.message, rel);
}

/** An upgrade that failed after its revision was recorded; carries the revision as it was left. */
export class UpgradeFailedError extends ReleaseError {
  override name = 'UpgradeFailedError';
  constructor(
    message: string,
    readonly release: Release,
  ) {
    super(message);
  }
}

export { DEFAULT_HISTORY_MAX, serverSideFor } from './apply-options.ts';
