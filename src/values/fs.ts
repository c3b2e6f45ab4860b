// Reading user values files from disk (the edge of the values stage): `-` is stdin, errors read as Go's.

import { readFileSync } from 'node:fs';

/** Reads a `-f`/`--set-file` path as text; throws an Error with Go's os.ReadFile message. */
export function readValuesPath(path: string): string {
  try {
    return readFileSync(path.trim() === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new Error(goReadFileError(path, e), { cause: e });
  }
}

/** Go's os.ReadFile error text: it opens a directory without complaint, and reading it fails. */
export function goReadFileError(path: string, e: unknown): string {
  return goFileError((e as NodeJS.ErrnoException).code === 'EISDIR' ? 'read' : 'open', path, e);
}

/** Go's texts (syscall.Errno.Error) for the errors a file operation meets. */
const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** Go's *PathError text for a Node file-system error: `open x: no such file or directory`. */
export function goFileError(op: string, path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = (code !== undefined ? ERRNO_TEXT[code] : undefined) ?? (e as Error).message ?? String(e);
  return `${op} ${path}: ${reason}`;
}
