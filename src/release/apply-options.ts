// Options and constants the applying actions share (install, upgrade, rollback, uninstall, test), kept apart from
// the actions that render charts so that the others load without the template engine.

import { ReleaseError } from './errors.ts';
import type { WaitStrategy } from './kube.ts';

export type DryRun = 'none' | 'client' | 'server';

/** What install, upgrade and rollback share. */
export interface ApplyOptions {
  /** `--dry-run`: `client` touches nothing (not even the backend), `server` validates against it. */
  dryRun?: DryRun;
  /** `--wait` (default `hookOnly`: only hooks are waited for). */
  wait?: WaitStrategy;
  waitForJobs?: boolean;
  /** Default 5 minutes. */
  timeoutMs?: number;
  /** `--rollback-on-failure` / `--atomic`. */
  rollbackOnFailure?: boolean;
  /** `--no-hooks`. */
  noHooks?: boolean;
  description?: string;
  /** `--force-conflicts` (server-side apply takes fields over). */
  forceConflicts?: boolean;
  /** `--force-replace` / `--force`. */
  forceReplace?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_HISTORY_MAX = 10;

export function isDryRun(d: DryRun | undefined): boolean {
  return d === 'client' || d === 'server';
}

/** `--server-side`: `auto` follows the apply method of the revision the operation starts from. */
export function serverSideFor(option: string, applyMethod: string | undefined): boolean {
  switch (option) {
    case 'auto':
      return applyMethod === 'ssa';
    case 'true':
      return true;
    case 'false':
      return false;
  }
  throw new ReleaseError(`invalid/unknown release server-side apply method: ${option}`);
}
