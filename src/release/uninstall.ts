// `uninstall` (helm 4.1.4 pkg/action/uninstall.go): mark the last revision uninstalling, run pre-delete hooks,
// delete the release's objects in uninstall order (those annotated `helm.sh/resource-policy: keep` stay), wait for
// them to go, run post-delete hooks, then delete the history or, with --keep-history, mark it uninstalled.

import type { PropagationPolicy } from '../backend/backend.ts';
import { splitManifests } from '../goyaml/index.ts';
import { headReaderFor } from '../render/head.ts';
import { sortManifests, UNINSTALL_ORDER, UNINSTALL_ORDER_HELM3 } from '../render/manifests.ts';
import type { ActionConfig } from './action-config.ts';
import { DEFAULT_TIMEOUT_MS } from './apply-options.ts';
import { validateName } from './checks.ts';
import { ReleaseError } from './errors.ts';
import { execHook } from './hook-runner.ts';
import { KEEP_POLICY, RESOURCE_POLICY_ANNOTATION, type Resource } from './kube.ts';
import type { Release } from './model.ts';
import { withOperationLock } from './operation.ts';
import { now } from './time.ts';

export interface UninstallOptions {
  name: string;
  /** Report what would be uninstalled, changing nothing. */
  dryRun?: boolean;
  noHooks?: boolean;
  ignoreNotFound?: boolean;
  keepHistory?: boolean;
  /** `--cascade`: background (default), foreground or orphan. */
  cascade?: 'background' | 'foreground' | 'orphan';
  timeoutMs?: number;
  description?: string;
  /** The caller already holds the release's operation lock (an install rolling back). */
  locked?: boolean;
}

export interface UninstallResult {
  /** The release as it was uninstalled (undefined when not found and ignored). */
  release?: Release;
  /** `These resources were kept due to the resource policy:` and the kept objects, or "". */
  info: string;
}

const PROPAGATION: Record<string, PropagationPolicy> = {
  background: 'Background',
  foreground: 'Foreground',
  orphan: 'Orphan',
};

export async function uninstall(cfg: ActionConfig, opts: UninstallOptions): Promise<UninstallResult> {
  if (opts.dryRun) {
    validateName(opts.name, 'releaseContent: Release name is invalid');
    try {
      return { release: await cfg.storage.last(opts.name), info: '' };
    } catch (e) {
      if (opts.ignoreNotFound && e instanceof ReleaseError && e.message === 'release: not found') return { info: '' };
      throw e;
    }
  }
  validateName(opts.name, 'uninstall: Release name is invalid');
  const run = () => uninstallLocked(cfg, opts);
  return opts.locked ? run() : withOperationLock(cfg, opts.name, run);
}

async function uninstallLocked(cfg: ActionConfig, opts: UninstallOptions): Promise<UninstallResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let rels: Release[];
  try {
    rels = await cfg.storage.history(opts.name);
  } catch (e) {
    if (opts.ignoreNotFound) return { info: '' };
    throw new ReleaseError(`uninstall: Release not loaded: ${opts.name}: ${(e as Error).message}`);
  }
  if (rels.length === 0) throw new ReleaseError('no release provided');
  const rel = rels[rels.length - 1];
  if (rel.info?.status === 'uninstalled') {
    if (!opts.keepHistory) {
      try {
        await purge(cfg, rels);
      } catch (e) {
        throw new ReleaseError(`uninstall: Failed to purge the release: ${(e as Error).message}`);
      }
      return { release: rel, info: '' };
    }
    throw new ReleaseError(`the release named ${JSON.stringify(opts.name)} is already deleted`);
  }
  rel.info = {
    ...rel.info,
    status: 'uninstalling',
    deleted: now(cfg.clock),
    description: 'Deletion in progress (or silently failed)',
  };
  if (!opts.noHooks) await execHook(cfg, rel, 'pre-delete', { timeoutMs, serverSide: true });
  await cfg.recordRelease(rel);

  const { deleted, kept, errors: deleteErrors } = await deleteRelease(cfg, rel, opts.cascade ?? 'background');
  if (deleteErrors.length > 0) {
    cfg.log.debug(`uninstall: Failed to delete release: ${deleteErrors.map((e) => e.message).join('; ')}`);
    throw new ReleaseError(`failed to delete release: ${opts.name}`);
  }
  const info = kept ? `These resources were kept due to the resource policy:\n${kept}` : '';
  const errs: Error[] = [];
  try {
    await cfg.kube.waitForDelete(deleted, timeoutMs);
  } catch (e) {
    errs.push(e as Error);
  }
  if (!opts.noHooks) {
    try {
      await execHook(cfg, rel, 'post-delete', { timeoutMs, serverSide: true });
    } catch (e) {
      errs.push(e as Error);
    }
  }
  rel.info = { ...rel.info, status: 'uninstalled', description: opts.description || 'Uninstallation complete' };
  const result: UninstallResult = { release: rel, info };
  if (!opts.keepHistory) {
    try {
      await purge(cfg, rels);
    } catch (e) {
      errs.push(new ReleaseError(`uninstall: Failed to purge the release: ${(e as Error).message}`));
    }
    if (errs.length > 0) throw completedWithErrors(errs, result);
    return result;
  }
  await cfg.recordRelease(rel);
  // Supersede every revision still marked deployed.
  for (const d of rels) {
    if (d.version === rel.version || d.info?.status !== 'deployed') continue;
    d.info = { ...d.info, status: 'superseded' };
    await cfg.recordRelease(d);
  }
  if (errs.length > 0) throw completedWithErrors(errs, result);
  return result;
}

function completedWithErrors(errs: Error[], result: UninstallResult): UninstallError {
  return new UninstallError(
    `uninstallation completed with ${errs.length} error(s): ${errs.map((e) => e.message).join('; ')}`,
    result,
  );
}

/** An uninstall that did its work but hit errors on the way (helm still prints the release as uninstalled). */
export class UninstallError extends ReleaseError {
  override name = 'UninstallError';
  constructor(
    message: string,
    readonly result: UninstallResult,
  ) {
    super(message);
  }
}

async function purge(cfg: ActionConfig, rels: readonly Release[]): Promise<void> {
  for (const r of rels) await cfg.storage.delete(r.name, r.version, r.namespace || cfg.namespace);
}

/** Deletes a revision's objects in uninstall order, leaving those whose manifest asks to be kept. */
async function deleteRelease(
  cfg: ActionConfig,
  rel: Release,
  cascade: string,
): Promise<{ deleted: Resource[]; kept: string; errors: Error[] }> {
  const files = new Map<string, string>();
  let sorted: ReturnType<typeof sortManifests>;
  try {
    // helm's SplitManifests keys documents `manifest-<n>`, and the sorter takes them in the keys' byte order.
    splitManifests(rel.manifest ?? '').forEach((d, i) => {
      files.set(`manifest-${i}`, d);
    });
    sorted = sortManifests(files, headReaderFor(cfg.dialect), {
      order: cfg.dialect === 'helm3' ? UNINSTALL_ORDER_HELM3 : UNINSTALL_ORDER,
    });
  } catch (e) {
    return {
      deleted: [],
      kept: rel.manifest ?? '',
      errors: [
        new ReleaseError(`corrupted release record. You must manually delete the resources: ${(e as Error).message}`),
      ],
    };
  }
  let kept = '';
  let toDelete = '';
  for (const m of sorted.manifests) {
    const policy = m.head.metadata?.annotations?.get(RESOURCE_POLICY_ANNOTATION);
    if (policy !== undefined) {
      if (policy.trim().toLowerCase() === KEEP_POLICY) kept += `[${m.head.kind}] ${m.head.metadata?.name ?? ''}\n`;
      continue;
    }
    toDelete += `\n---\n${m.content}`;
  }
  let resources: Resource[];
  try {
    resources = await cfg.kube.build(toDelete);
  } catch (e) {
    return {
      deleted: [],
      kept: '',
      errors: [new ReleaseError(`unable to build kubernetes objects for delete: ${(e as Error).message}`)],
    };
  }
  if (resources.length === 0) return { deleted: [], kept, errors: [] };
  const { deleted, errors } = await cfg.kube.delete(resources, PROPAGATION[cascade] ?? 'Background');
  return { deleted, kept, errors };
}
