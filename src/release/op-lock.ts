// Per-release operation locks. helm marks a release pending while it works on it and refuses other operations
// on a pending release; a process that dies mid-operation leaves the release pending for good. bosun's local
// backend can tell the two apart: every operation holds a lock file naming its process, so a pending release
// whose lock is free (its holder gone) was left by a crash and can be recovered, while one whose holder is alive
// is refused with helm's message.

import { join } from 'node:path';
import type { Backend } from '../backend/backend.ts';
import { LockTimeoutError } from '../backend/errors.ts';
import { LocalBackend } from '../backend/local/backend.ts';
import { FileLock } from '../backend/local/lock.ts';
import { OPERATION_IN_PROGRESS, ReleaseError } from './errors.ts';

export interface OperationLock {
  release(): Promise<void>;
}

export interface OperationLocks {
  /** Takes a release's lock without waiting; OperationInProgressError if a live process holds it. */
  acquire(namespace: string, name: string): Promise<OperationLock>;
}

/** helm's errPending, raised when another live process is operating on the release. */
export class OperationInProgressError extends ReleaseError {
  override name = 'OperationInProgressError';
  constructor() {
    super(OPERATION_IN_PROGRESS);
  }
}

/** Lock files under a directory: `<dir>/<namespace>/<name>.lock`. */
export class FileOperationLocks implements OperationLocks {
  constructor(
    private readonly dir: string,
    private readonly tmpDir: string,
  ) {}

  async acquire(namespace: string, name: string): Promise<OperationLock> {
    const lock = new FileLock(join(this.dir, namespace, `${name}.lock`), { tmpDir: this.tmpDir, timeoutMs: 0 });
    try {
      await lock.acquire();
    } catch (e) {
      if (e instanceof LockTimeoutError) throw new OperationInProgressError();
      throw e;
    }
    return { release: () => lock.release() };
  }
}

/** The operation locks a backend supports: the local backend's state directory holds them; others have none. */
export function operationLocksFor(backend: Backend): OperationLocks | undefined {
  if (backend instanceof LocalBackend) {
    return new FileOperationLocks(join(backend.layout.meta, 'operations'), backend.layout.lockTmpDir);
  }
  return undefined;
}
