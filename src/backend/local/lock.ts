// A lock file shared by every bosun process that uses one state directory. Taken by creating the file exclusively
// (a hard link of a complete temporary file, so its content is never half-written), it records who holds it. A
// lock whose holder is gone (a dead pid on this host, or one too old from another host) is stale and reclaimed;
// reclaiming takes a second lock so that two processes never both remove it and one removes a fresh lock.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockTimeoutError } from '../errors.ts';
import { createFileExclusive, errno, readIfExists, removeFile } from './fsutil.ts';

export interface LockOptions {
  /** How long to wait for a lock held by another process (default 60s). */
  timeoutMs?: number;
  /** When a lock taken on another host counts as abandoned (default 10 minutes). */
  foreignStaleMs?: number;
  /** Where temporary files go (same file system as the lock). */
  tmpDir: string;
}

export interface LockInfo {
  pid: number;
  host: string;
  /** Milliseconds since the epoch when it was taken. */
  since: number;
  token: string;
}

// Tokens of the locks this process holds, so that a lock with our pid but another token is known to be live (a
// second backend in this process) or stale (left by an earlier process that had our pid).
const heldHere = new Set<string>();

// Waiters for locks released by this process, woken at once rather than at their next poll.
const waiters = new Map<string, Set<() => void>>();

function waitForRelease(path: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let set = waiters.get(path);
    if (!set) waiters.set(path, (set = new Set()));
    const wake = () => {
      clearTimeout(timer);
      set.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    set.add(wake);
  });
}

function notifyRelease(path: string): void {
  const set = waiters.get(path);
  if (set) for (const wake of [...set]) wake();
}

/** A stuck reclaimer (killed while reclaiming) is ignored after this long. */
const REAPER_STALE_MS = 10_000;

export class FileLock {
  private token: string | undefined;
  private readonly timeoutMs: number;
  private readonly foreignStaleMs: number;

  constructor(
    readonly path: string,
    private readonly opts: LockOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.foreignStaleMs = opts.foreignStaleMs ?? 600_000;
  }

  get held(): boolean {
    return this.token !== undefined;
  }

  /** Takes the lock, waiting while another live process holds it; LockTimeoutError after the timeout. */
  async acquire(): Promise<void> {
    if (this.token) throw new Error(`lock ${this.path} is already held by this backend`);
    const deadline = Date.now() + this.timeoutMs;
    let delay = 2;
    for (;;) {
      const info: LockInfo = {
        pid: process.pid,
        host: hostname(),
        since: Date.now(),
        token: randomBytes(12).toString('hex'),
      };
      // Known as held here before the file can exist: another backend of this process that reads the new file
      // before this call resumes must see a live lock, not a stale one of our pid to reclaim.
      heldHere.add(info.token);
      let created = false;
      try {
        created = await createFileExclusive(this.path, `${JSON.stringify(info)}\n`, this.opts.tmpDir, false);
      } finally {
        if (!created) heldHere.delete(info.token);
      }
      if (created) {
        this.token = info.token;
        return;
      }
      const holder = await readLock(this.path);
      if (holder === undefined) continue; // released meanwhile
      if (this.isStale(holder)) {
        await this.reclaim(holder);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new LockTimeoutError(
          `timed out after ${Math.round(this.timeoutMs / 1000)}s waiting for the lock ${this.path}, held by process ${holder.pid} on ${holder.host} since ${new Date(holder.since).toISOString()}; if that process is gone from another host, remove the file`,
        );
      }
      await waitForRelease(this.path, delay + Math.random() * delay);
      delay = Math.min(delay * 2, 50);
    }
  }

  async release(): Promise<void> {
    const token = this.token;
    if (!token) return;
    this.token = undefined;
    // Remove the file before forgetting the token: while the token is still known as held here, no other lock
    // of this process can judge the file stale and take it (which this release would then delete).
    const holder = await readLock(this.path);
    if (holder?.token === token) await removeFile(this.path, false);
    heldHere.delete(token);
    notifyRelease(this.path);
  }

  private isStale(holder: LockInfo): boolean {
    if (holder.host !== hostname()) return Date.now() - holder.since > this.foreignStaleMs;
    if (holder.pid === process.pid) return !heldHere.has(holder.token);
    return !processAlive(holder.pid);
  }

  // Removes a stale lock under a second, short-lived lock, and only if it is still the same stale lock.
  private async reclaim(stale: LockInfo): Promise<void> {
    const reaper = `${this.path}.reclaim`;
    if (!(await createFileExclusive(reaper, `${process.pid}\n`, this.opts.tmpDir, false))) {
      try {
        const st = await stat(reaper);
        if (Date.now() - st.mtimeMs > REAPER_STALE_MS) await removeFile(reaper, false);
      } catch (e) {
        if (errno(e) !== 'ENOENT') throw e;
      }
      await sleep(1);
      return;
    }
    try {
      const current = await readLock(this.path);
      if (current?.token === stale.token) await removeFile(this.path, false);
    } finally {
      await removeFile(reaper, false);
    }
  }
}

/** Who holds a lock file, or undefined if there is none. */
export async function readLock(path: string): Promise<LockInfo | undefined> {
  const text = await readIfExists(path);
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.token === 'string') {
      return { pid: v.pid, host: String(v.host ?? ''), since: Number(v.since ?? 0), token: v.token };
    }
  } catch {
    // fall through: unreadable content (written by something else) counts as a lock of a dead process
  }
  return { pid: 0, host: hostname(), since: 0, token: `unreadable:${text.length}:${text.slice(0, 32)}` };
}

/** Whether a process exists and is not a zombie. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return errno(e) === 'EPERM';
  }
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      return state !== 'Z' && state !== 'X';
    } catch {
      return false;
    }
  }
  return true;
}
