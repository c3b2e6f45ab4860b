// `install` (helm 4.1.4 pkg/action/install.go): check the name, install the chart's CRDs, render, record the
// release as pending-install, run pre-install hooks, create the objects, wait, run post-install hooks, and mark
// it deployed, or failed (and with --rollback-on-failure, uninstall it again).

import {
  type ChartSource,
  loadReleaseChart,
  type ReleaseRenderRequest,
  renderRelease,
  userValuesOf,
} from '../action/release-render.ts';
import { validateReleaseName } from '../action/template.ts';
import { AlreadyExistsError } from '../backend/errors.ts';
import { processDependencies } from '../chart/dependencies.ts';
import { crdObjects } from '../chart/model.ts';
import type { FuncEnv } from '../funcs/env.ts';
import type { GoMap } from '../template/value.ts';
import type { ValueLayers } from '../values/layers.ts';
import type { WarnFn } from '../values/warnings.ts';
import type { ActionConfig } from './action-config.ts';
import { type ApplyOptions, DEFAULT_TIMEOUT_MS, type DryRun, isDryRun } from './apply-options.ts';
import { isSystemLabel, SYSTEM_LABELS } from './codec.ts';
import { ReleaseError } from './errors.ts';
import { execHook } from './hook-runner.ts';
import { FIELD_MANAGER, type Resource } from './kube.ts';
import type { Release } from './model.ts';
import { withOperationLock } from './operation.ts';
import { existingToAdopt, setOwnership } from './ownership.ts';
import { now } from './time.ts';
import { uninstall } from './uninstall.ts';

export interface RenderOptions {
  chart: ChartSource;
  /** `-f` and the `--set` family. */
  values?: ValueLayers;
  /** Values already merged (instead of `values`). */
  userValues?: GoMap;
  readFile?: (path: string) => string;
  labels?: Record<string, string>;
  subchartNotes?: boolean;
  skipSchemaValidation?: boolean;
  enableDNS?: boolean;
  kubeVersion?: string;
  apiVersions?: readonly string[];
  hideSecret?: boolean;
  takeOwnership?: boolean;
  env?: FuncEnv;
  warn?: WarnFn;
}

export interface InstallOptions extends ApplyOptions, RenderOptions {
  name: string;
  createNamespace?: boolean;
  skipCrds?: boolean;
  /** `--replace`: reuse the name of an uninstalled or failed release. */
  replace?: boolean;
  /** Server-side apply (default true); false records `csa`. */
  serverSide?: boolean;
}

export function checkLabels(labels: Record<string, string> | undefined): void {
  if (labels && Object.keys(labels).some(isSystemLabel)) {
    throw new ReleaseError(
      `user supplied labels contains system reserved label name. System labels: [${SYSTEM_LABELS.join(' ')}]`,
    );
  }
}

function renderRequest(
  cfg: ActionConfig,
  opts: RenderOptions,
): Omit<ReleaseRenderRequest, 'chart' | 'releaseName' | 'revision' | 'isUpgrade' | 'userValues' | 'namespace'> {
  return {
    dialect: cfg.dialect,
    kubeVersion: opts.kubeVersion,
    apiVersions: opts.apiVersions,
    subchartNotes: opts.subchartNotes,
    enableDNS: opts.enableDNS,
    skipSchemaValidation: opts.skipSchemaValidation,
    hideSecret: opts.hideSecret,
    env: opts.env,
    warn: opts.warn,
  };
}

export { renderRequest };

/** Installs a chart as a new release; returns the release as recorded (or as it would be, for a dry run). */
export async function install(cfg: ActionConfig, opts: InstallOptions): Promise<Release> {
  const dryRun = opts.dryRun ?? 'none';
  const loaded = loadReleaseChart(opts.chart, { dialect: cfg.dialect, warn: opts.warn });
  const user = opts.userValues ?? userValuesOf(opts.values, { dialect: cfg.dialect, readFile: opts.readFile });
  if (!isDryRun(dryRun) && opts.hideSecret) throw new ReleaseError('hiding Kubernetes secrets requires a dry-run mode');
  validateReleaseName(opts.name, cfg.dialect);
  if (dryRun === 'client') return prepareInstall(cfg, opts, loaded, user, dryRun);
  return withOperationLock(cfg, opts.name, () => installLocked(cfg, opts, loaded, user, dryRun));
}

async function installLocked(
  cfg: ActionConfig,
  opts: InstallOptions,
  loaded: ReturnType<typeof loadReleaseChart>,
  user: GoMap,
  dryRun: DryRun,
): Promise<Release> {
  if (!isDryRun(dryRun)) await checkNameAvailable(cfg, opts.name, opts.replace ?? false);
  if (!opts.skipCrds) await installCrds(cfg, loaded.chart, user, dryRun, opts.serverSide !== false);
  return prepareInstall(cfg, opts, loaded, user, dryRun);
}

// availableName: a name in use (its last revision neither uninstalled nor failed with --replace) is refused.
async function checkNameAvailable(cfg: ActionConfig, name: string, replace: boolean): Promise<void> {
  let history: Release[];
  try {
    history = await cfg.storage.history(name);
  } catch {
    return;
  }
  if (history.length === 0) return;
  const last = history[history.length - 1];
  const st = last.info?.status;
  if (replace && (st === 'uninstalled' || st === 'failed')) return;
  throw new ReleaseError('release name check failed: cannot reuse a name that is still in use');
}

// CRDs from crds/ (the chart's and its enabled subcharts'), created one file at a time before anything else;
// ones that exist are left alone.
async function installCrds(
  cfg: ActionConfig,
  chart: ReturnType<typeof loadReleaseChart>['chart'],
  user: GoMap,
  dryRun: DryRun,
  serverSide: boolean,
) {
  const crds = crdObjects(processDependencies(chart, user, { dialect: cfg.dialect }));
  if (crds.length === 0) return;
  if (dryRun === 'server') {
    cfg.log.warn('This chart or one of its subcharts contains CRDs. Rendering may fail or contain inaccuracies.');
    return;
  }
  const decoder = new TextDecoder();
  const created: Resource[] = [];
  for (const crd of crds) {
    let resources: Resource[];
    try {
      resources = await cfg.kube.build(decoder.decode(crd.file.data));
    } catch (e) {
      throw new ReleaseError(`failed to install CRD ${crd.name}: ${(e as Error).message}`);
    }
    if (resources.length === 0) throw new ReleaseError(`failed to install CRD ${crd.name}: resources are empty`);
    for (const r of resources) {
      try {
        // helm 4 creates them by server-side apply (so a CRD that exists is updated), or creates them outright.
        const wo = { fieldManager: FIELD_MANAGER, namespace: r.namespace };
        if (serverSide) await cfg.backend.apply(r.obj, wo);
        else await cfg.backend.create(r.obj, wo);
        created.push(r);
      } catch (e) {
        if (e instanceof AlreadyExistsError) {
          cfg.log.debug(`CRD is already present. Skipping: ${crd.name}`);
          continue;
        }
        throw new ReleaseError(`failed to install CRD ${crd.name}: ${(e as Error).message}`);
      }
    }
  }
  await cfg.kube.wait(created, 'watcher', 60_000);
}

async function prepareInstall(
  cfg: ActionConfig,
  opts: InstallOptions,
  loaded: ReturnType<typeof loadReleaseChart>,
  user: GoMap,
  dryRun: DryRun,
): Promise<Release> {
  const rendered = renderRelease({
    ...renderRequest(cfg, opts),
    chart: loaded,
    releaseName: opts.name,
    namespace: cfg.namespace,
    revision: 1,
    isUpgrade: false,
    userValues: user,
  });
  checkLabels(opts.labels);
  const ts = now(cfg.clock);
  const rel: Release = {
    name: opts.name,
    namespace: cfg.namespace,
    chart: rendered.chart,
    config: user,
    info: { first_deployed: ts, last_deployed: ts, status: 'pending-install', description: 'Initial install underway' },
    version: 1,
    labels: { ...(opts.labels ?? {}) },
    apply_method: opts.serverSide === false ? 'csa' : 'ssa',
    hooks: rendered.hooks,
    manifest: rendered.manifest,
  };
  if (rendered.notes) rel.info!.notes = rendered.notes;
  if (dryRun === 'client') {
    rel.info!.description = 'Dry run complete';
    return rel;
  }
  let resources: Resource[];
  try {
    resources = await cfg.kube.build(rel.manifest ?? '');
  } catch (e) {
    throw new ReleaseError(`unable to build kubernetes objects from release manifest: ${(e as Error).message}`);
  }
  setOwnership(resources, rel.name, cfg.namespace);
  let toAdopt: Resource[] = [];
  if (resources.length > 0) {
    try {
      toAdopt = await existingToAdopt(cfg.kube, resources, rel.name, cfg.namespace, opts.takeOwnership);
    } catch (e) {
      throw new ReleaseError(`unable to continue with install: ${(e as Error).message}`);
    }
  }
  if (dryRun === 'server') {
    rel.info!.description = 'Dry run complete';
    return rel;
  }
  if (opts.createNamespace) {
    await cfg.backend.ensureNamespace(cfg.namespace, { fieldManager: FIELD_MANAGER, labels: { name: cfg.namespace } });
  }
  if (opts.replace) await replaceRelease(cfg, rel);
  await cfg.storage.create(rel);
  try {
    await performInstall(cfg, opts, rel, resources, toAdopt);
  } catch (e) {
    return failInstall(cfg, opts, rel, e as Error);
  }
  return rel;
}

// --replace: the new release takes the next revision; the last one is superseded unless it failed.
async function replaceRelease(cfg: ActionConfig, rel: Release): Promise<void> {
  let history: Release[];
  try {
    history = await cfg.storage.history(rel.name);
  } catch {
    return;
  }
  if (history.length === 0) return;
  const last = history[history.length - 1];
  rel.version = last.version + 1;
  if (last.info?.status === 'failed') return;
  last.info = { ...last.info, status: 'superseded', description: 'superseded by new release' };
  await cfg.storage.update(last);
}

async function performInstall(
  cfg: ActionConfig,
  opts: InstallOptions,
  rel: Release,
  resources: Resource[],
  toAdopt: Resource[],
): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const serverSide = opts.serverSide !== false;
  const wait =
    opts.rollbackOnFailure && (opts.wait ?? 'hookOnly') === 'hookOnly' ? 'watcher' : (opts.wait ?? 'hookOnly');
  if (!opts.noHooks) {
    try {
      await execHook(cfg, rel, 'pre-install', { timeoutMs, serverSide });
    } catch (e) {
      throw new ReleaseError(`failed pre-install: ${(e as Error).message}`);
    }
  }
  if (toAdopt.length === 0 && resources.length > 0) {
    await cfg.kube.create(resources, { serverSide });
  } else if (resources.length > 0) {
    const { error } = await cfg.kube.update(toAdopt, resources, {
      serverSide,
      force: opts.forceConflicts,
      forceReplace: opts.forceReplace,
    });
    if (error) throw error;
  }
  await cfg.kube.wait(resources, wait, timeoutMs, opts.waitForJobs);
  if (!opts.noHooks) {
    try {
      await execHook(cfg, rel, 'post-install', { timeoutMs, serverSide });
    } catch (e) {
      throw new ReleaseError(`failed post-install: ${(e as Error).message}`);
    }
  }
  rel.info = { ...rel.info, status: 'deployed', description: opts.description || 'Install complete' };
  try {
    await cfg.storage.update(rel);
  } catch (e) {
    cfg.log.warn(`failed to record the release: ${(e as Error).message}`);
  }
}

async function failInstall(cfg: ActionConfig, opts: InstallOptions, rel: Release, err: Error): Promise<never> {
  rel.info = {
    ...rel.info,
    status: 'failed',
    description: `Release ${JSON.stringify(opts.name)} failed: ${err.message}`,
  };
  if (opts.rollbackOnFailure) {
    cfg.log.debug(`install failed and rollback-on-failure is set, uninstalling release ${opts.name}`);
    try {
      await uninstall(cfg, {
        name: opts.name,
        noHooks: opts.noHooks,
        keepHistory: false,
        timeoutMs: opts.timeoutMs,
        locked: true,
      });
    } catch (ue) {
      throw new InstallFailedError(
        `an error occurred while uninstalling the release. original install error: ${err.message}: ${(ue as Error).message}`,
        rel,
      );
    }
    throw new InstallFailedError(
      `release ${opts.name} failed, and has been uninstalled due to rollback-on-failure being set: ${err.message}`,
      rel,
    );
  }
  await cfg.recordRelease(rel);
  throw new InstallFailedError(err.message, rel);
}

/** An install that failed after its release was recorded; carries the release as it was left. */
export class InstallFailedError extends ReleaseError {
  override name = 'InstallFailedError';
  constructor(
    message: string,
    readonly release: Release,
  ) {
    super(message);
  }
}

export { type ApplyOptions, DEFAULT_TIMEOUT_MS, type DryRun, isDryRun } from './apply-options.ts';
