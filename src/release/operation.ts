// Running a release operation under its operation lock, and recovering what an interrupted one left behind.
// With locks (the local backend), holding the lock proves no live process is working on the release, so a
// revision still pending was left by a process that died: it is marked failed, as helm would have marked it had
// the process lived to see its failure. Without locks, pending releases are refused as helm refuses them.

import type { ActionConfig } from './action-config.ts';
import { ReleaseNotFoundError } from './errors.ts';
import type { Release } from './model.ts';
import { isPending } from './status.ts';

/** Runs `fn` holding the release's operation lock (when the backend has locks). */
export async function withOperationLock<T>(cfg: ActionConfig, name: string, fn: () => Promise<T>): Promise<T> {
  if (!cfg.locks) return fn();
  const lock = await cfg.locks.acquire(cfg.namespace, name);
  try {
    await recoverInterrupted(cfg, name);
    return await fn();
  } finally {
    await lock.release();
  }
}

const FAILED_PREFIX: Record<string, string> = {
  'pending-install': 'Release',
  'pending-upgrade': 'Upgrade',
  'pending-rollback': 'Rollback',
};

/** Marks the revisions an interrupted operation left pending as failed. Call only while holding the lock. */
export async function recoverInterrupted(cfg: ActionConfig, name: string): Promise<Release[]> {
  let history: Release[];
  try {
    history = await cfg.storage.history(name);
  } catch (e) {
    if (e instanceof ReleaseNotFoundError) return [];
    throw e;
  }
  const recovered: Release[] = [];
  for (const rel of history) {
    const st = rel.info?.status;
    if (!isPending(st)) continue;
    const what = FAILED_PREFIX[st as string];
    rel.info = {
      ...rel.info,
      status: 'failed',
      description: `${what} ${JSON.stringify(name)} failed: interrupted (the process running it exited before it finished)`,
    };
    await cfg.storage.update(rel);
    cfg.log.info(
      `release ${JSON.stringify(name)} revision ${rel.version} was left ${st} by an interrupted operation; marked failed`,
    );
    recovered.push(rel);
  }
  return recovered;
}
