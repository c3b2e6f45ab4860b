// Reading user values files from disk (the edge of the values stage): `-` is stdin, errors read as Go's.

import { readFileSync } from 'node:fs';

/** Reads a `-f`/`--set-file` path as text; throws an Error with Go's os.ReadFile message. */
export function readValuesPath(path: string): string {
  try {
    return readFileSync(path.trim() === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new Error(goFileError('open', path, e), { cause: e });
  }
}

/** Go's *PathError text for a Node file-system error: `open x: no such file or directory`. */
export function goFileError(op: string, path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'ENOTDIR'
            ? 'not a directory'
            : ((e as Error).message ?? String(e));
  return `${op} ${path}: ${reason}`;
}
