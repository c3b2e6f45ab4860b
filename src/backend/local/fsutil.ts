// File operations that never leave a half-written file: write a temporary file, flush it, rename it over the
// target (rename is atomic within a file system), then flush the directory so the rename itself is durable.

import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StateError } from '../errors.ts';

export function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** Flushes a directory's entries (Linux and macOS; a no-op where directories cannot be opened). */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    if (errno(e) !== 'EISDIR' && errno(e) !== 'EPERM' && errno(e) !== 'EINVAL') throw e;
  } finally {
    await fh?.close();
  }
}

/** A unique temporary path in `tmpDir` for `target`. */
export function tempPath(tmpDir: string, target: string): string {
  return join(tmpDir, `${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes a temporary file completely (and, if durable, to disk); returns its path. */
async function writeTemp(tmpDir: string, target: string, data: string, durable: boolean): Promise<string> {
  const tmp = tempPath(tmpDir, target);
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(tmp, 'wx', 0o644);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw e;
    await mkdir(tmpDir, { recursive: true });
    fh = await open(tmp, 'wx', 0o644);
  }
  try {
    await fh.writeFile(data, 'utf8');
    if (durable) await fh.sync();
  } finally {
    await fh.close();
  }
  return tmp;
}

/**
 * Replaces `target` with `data` atomically: readers see the old file or the new one, never a part. `tmpDir` must
 * be on the same file system; a crash leaves at most a stray temporary file there.
 */
export async function writeFileAtomic(target: string, data: string, tmpDir: string, durable = true): Promise<void> {
  const tmp = await writeTemp(tmpDir, target, data, durable);
  const dir = dirname(target);
  try {
    try {
      await rename(tmp, target);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw e;
      await mkdir(dir, { recursive: true });
      await rename(tmp, target);
    }
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw new StateError(`cannot write ${target}: ${(e as Error).message}`);
  }
  if (durable) await fsyncDir(dir);
}

/**
 * Creates `target` with `data` only if it does not exist, atomically and complete (a hard link of a finished
 * temporary file). Returns false if it existed.
 */
export async function createFileExclusive(
  target: string,
  data: string,
  tmpDir: string,
  durable = true,
): Promise<boolean> {
  const tmp = await writeTemp(tmpDir, target, data, durable);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(tmp, target);
        break;
      } catch (e) {
        if (errno(e) === 'EEXIST') return false;
        if (errno(e) !== 'ENOENT' || attempt > 0) throw e;
        await mkdir(dirname(target), { recursive: true });
      }
    }
    if (durable) await fsyncDir(dirname(target));
    return true;
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

/** Reads a file, or undefined if it does not exist. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return undefined;
    throw e;
  }
}

/** Deletes a file; false if it did not exist. */
export async function removeFile(path: string, durable = true): Promise<boolean> {
  try {
    await unlink(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
  if (durable) await fsyncDir(dirname(path));
  return true;
}

/** Removes `dir` and its empty parents up to (not including) `stop`, stopping at the first non-empty one. */
export async function pruneEmptyDirs(dir: string, stop: string): Promise<void> {
  let d = dir;
  while (d.length > stop.length && d.startsWith(stop)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    d = dirname(d);
  }
}

/** Entries of a directory, or [] if it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return [];
    throw e;
  }
}
