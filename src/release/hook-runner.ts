// Running a release's hooks for an event (helm 4.1.4 pkg/action/hooks.go): hooks in order of weight then name,
// each deleted first under `before-hook-creation` (the default policy), created, watched until it completes, its
// last run (start, end, phase) kept on the hook; a failing hook stops the rest. Deletions under `hook-succeeded`
// and `hook-failed` come afterwards, from the shutdown function, so that callers can read logs first.

import type { ActionConfig } from './action-config.ts';
import { ReleaseError } from './errors.ts';
import { applyDefaultDeletePolicy, hookHasDeletePolicy, hooksForEvent } from './hooks.ts';
import type { Resource } from './kube.ts';
import type { Hook, HookDeletePolicy, HookEvent, Release } from './model.ts';
import { now } from './time.ts';

export interface HookRunOptions {
  timeoutMs: number;
  serverSide: boolean;
}

export type Shutdown = () => Promise<void>;

const noOp: Shutdown = async () => {};

/** Runs the hooks of an event and their deletions; throws the first failure. */
export async function execHook(cfg: ActionConfig, rel: Release, event: HookEvent, opts: HookRunOptions): Promise<void> {
  const { shutdown, error } = await execHookDelayed(cfg, rel, event, opts);
  if (error) {
    await shutdown();
    throw error;
  }
  await shutdown();
}

/** Runs the hooks of an event; the deletions their policies ask for happen when `shutdown` is called. */
export async function execHookDelayed(
  cfg: ActionConfig,
  rel: Release,
  event: HookEvent,
  opts: HookRunOptions,
): Promise<{ shutdown: Shutdown; error?: Error }> {
  const executing = hooksForEvent(rel.hooks ?? [], event);
  for (let i = 0; i < executing.length; i++) {
    const h = executing[i];
    applyDefaultDeletePolicy(h);
    try {
      await deleteHookByPolicy(cfg, h, 'before-hook-creation', opts.timeoutMs);
    } catch (e) {
      return { shutdown: noOp, error: e as Error };
    }
    let resources: Awaited<ReturnType<typeof cfg.kube.build>>;
    try {
      resources = await cfg.kube.build(h.manifest);
    } catch (e) {
      return {
        shutdown: noOp,
        error: new ReleaseError(
          `unable to build kubernetes object for ${event} hook ${h.path}: ${(e as Error).message}`,
        ),
      };
    }
    h.last_run = { started_at: now(cfg.clock), phase: 'Running' };
    await cfg.recordRelease(rel);
    h.last_run.phase = 'Unknown';
    try {
      await cfg.kube.create(resources, { serverSide: opts.serverSide });
    } catch (e) {
      h.last_run.completed_at = now(cfg.clock);
      h.last_run.phase = 'Failed';
      return {
        shutdown: noOp,
        error: new ReleaseError(`warning: Hook ${event} ${h.path} failed: ${(e as Error).message}`),
      };
    }
    let waitError: Error | undefined = simulatedFailure(cfg, resources);
    if (!waitError) {
      try {
        await cfg.kube.watchUntilReady(resources, opts.timeoutMs);
      } catch (e) {
        waitError = e as Error;
      }
    }
    h.last_run.completed_at = now(cfg.clock);
    if (waitError) {
      h.last_run.phase = 'Failed';
      const succeeded = executing.slice(0, i);
      return {
        shutdown: async () => {
          try {
            await deleteHookByPolicy(cfg, h, 'hook-failed', opts.timeoutMs);
          } catch (e) {
            cfg.log.warn(`error deleting the hook resource on hook failure: ${(e as Error).message}`);
          }
          for (const s of succeeded) await deleteHookByPolicy(cfg, s, 'hook-succeeded', opts.timeoutMs);
        },
        error: waitError,
      };
    }
    h.last_run.phase = 'Succeeded';
    if (!cfg.backend.runsWorkloads && (h.kind === 'Job' || h.kind === 'Pod')) {
      cfg.log.info(
        `hook ${h.name} (${h.kind}, ${event}): recorded as succeeded; the ${cfg.backend.name} backend runs no containers`,
      );
    }
  }
  return {
    shutdown: async () => {
      for (let i = executing.length - 1; i >= 0; i--) {
        await deleteHookByPolicy(cfg, executing[i], 'hook-succeeded', opts.timeoutMs);
      }
    },
  };
}

/**
 * A backend that runs no containers records hooks as succeeded; a hook annotated
 * `bosun.dev/local-outcome: failed` is recorded as failed instead, so that failure paths (hook-failed deletion,
 * --atomic) can be rehearsed without a cluster.
 */
export const LOCAL_OUTCOME_ANNOTATION = 'bosun.dev/local-outcome';

function simulatedFailure(cfg: ActionConfig, resources: readonly Resource[]): Error | undefined {
  if (cfg.backend.runsWorkloads) return undefined;
  const failed = resources.filter((r) => r.obj.metadata.annotations?.[LOCAL_OUTCOME_ANNOTATION] === 'failed');
  if (failed.length === 0) return undefined;
  return new ReleaseError(
    failed
      .map(
        (r) =>
          `resource ${r.type.kind}/${r.namespace ?? ''}/${r.name} not ready. status: Failed, message: simulated by ${LOCAL_OUTCOME_ANNOTATION}: failed (the ${cfg.backend.name} backend runs no containers)`,
      )
      .join('\n'),
  );
}

/** Deletes a hook's objects if one of its policies is `policy` (never a CustomResourceDefinition). */
export async function deleteHookByPolicy(
  cfg: ActionConfig,
  h: Hook,
  policy: HookDeletePolicy,
  timeoutMs: number,
): Promise<void> {
  if (!hookHasDeletePolicy(h, policy)) return;
  let resources: Awaited<ReturnType<typeof cfg.kube.build>>;
  try {
    resources = await cfg.kube.build(h.manifest);
  } catch (e) {
    throw new ReleaseError(`unable to build kubernetes object for deleting hook ${h.path}: ${(e as Error).message}`);
  }
  const { errors } = await cfg.kube.delete(resources, 'Background');
  if (errors.length > 0) throw new ReleaseError(errors.map((e) => e.message).join('; '));
  await cfg.kube.waitForDelete(resources, timeoutMs);
}
