// `test NAME` (helm 4.1.4 pkg/action/release_testing.go): run the release's `test` hooks, keep their last runs
// in the record, and report them. On the local backend test Pods and Jobs are recorded as succeeded.

import type { ActionConfig } from './action-config.ts';
import { DEFAULT_TIMEOUT_MS } from './apply-options.ts';
import { validateName } from './checks.ts';
import { execHookDelayed } from './hook-runner.ts';
import type { Hook, Release } from './model.ts';
import { withOperationLock } from './operation.ts';

export interface TestOptions {
  name: string;
  timeoutMs?: number;
  /** `--filter name=x` (run only these) and `--filter '!name=x'` (skip these). */
  include?: string[];
  exclude?: string[];
}

export interface TestResult {
  release: Release;
  /** The first failing test's error, if any (helm still prints the release). */
  error?: Error;
}

export async function testRelease(cfg: ActionConfig, opts: TestOptions): Promise<TestResult> {
  validateName(opts.name, 'releaseTest: Release name is invalid');
  return withOperationLock(cfg, opts.name, async () => {
    const rel = await cfg.storage.last(opts.name);
    const all = rel.hooks ?? [];
    let skipped: Hook[] = [];
    let executing = all;
    if (opts.exclude?.length) {
      skipped = all.filter((h) => opts.exclude?.includes(h.name));
      executing = all.filter((h) => !opts.exclude?.includes(h.name));
    }
    if (opts.include?.length) {
      skipped = [...skipped, ...executing.filter((h) => !opts.include?.includes(h.name))];
      executing = executing.filter((h) => opts.include?.includes(h.name));
    }
    rel.hooks = executing;
    const serverSide = rel.apply_method === 'ssa';
    const { shutdown, error } = await execHookDelayed(cfg, rel, 'test', {
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      serverSide,
    });
    rel.hooks = [...skipped, ...executing];
    try {
      await cfg.storage.update(rel);
    } catch (e) {
      if (!error) throw e;
    }
    try {
      await shutdown();
    } catch (e) {
      return { release: rel, error: error ?? (e as Error) };
    }
    return { release: rel, error };
  });
}
