// Reading a chart directory into chart files (the file-system edge of the loader), as helm's LoadDir does:
// a sorted depth-first walk that follows symbolic links, skipping what .helmignore (plus helm's default
// `templates/.?*`) ignores; directories that match are not entered. Irregular files (devices, sockets) and
// files over the per-file limit are errors. bosun refuses symbolic links that resolve outside the chart.

import {
  closeSync,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { compareStrings } from '../template/gostring.ts';
import { goFileError, goReadFileError } from '../values/fs.ts';
import { goQuote } from '../values/goquote.ts';
import type { HelmWarning, WarnFn } from '../values/warnings.ts';
import type { LoadedFile } from './archive.ts';
import { MAX_FILE_BYTES } from './archive.ts';
import { ChartError } from './errors.ts';
import { IgnoreError, IgnoreRules } from './ignore.ts';

export interface DirectoryOptions {
  readonly maxFileBytes?: number;
  readonly warn?: WarnFn;
}

/** Reads every file of the chart directory `dir` that .helmignore keeps. Throws ChartError. */
export function readChartDirectory(dir: string, options: DirectoryOptions = {}): LoadedFile[] {
  const top = resolve(dir);
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  let realTop: string;
  try {
    realTop = realpathSync(top);
  } catch (e) {
    throw new ChartError(goFileError('lstat', top, e), undefined, { cause: e });
  }

  let rules: IgnoreRules;
  const ignoreFile = join(top, '.helmignore');
  let ignoreText: string | undefined;
  try {
    ignoreText = readFileSync(ignoreFile, 'utf8');
  } catch (e) {
    // helm goes on without a .helmignore only when there is none.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ChartError(goReadFileError(ignoreFile, e), '.helmignore', { cause: e });
    }
    ignoreText = undefined;
  }
  try {
    rules = ignoreText === undefined ? new IgnoreRules() : IgnoreRules.parse(ignoreText);
  } catch (e) {
    if (e instanceof IgnoreError) throw new ChartError(e.message, '.helmignore', { cause: e });
    throw e;
  }
  rules.withDefaults();

  const files: LoadedFile[] = [];
  // Real paths of the directories being walked, to stop a link that leads back into one of them.
  const walking = new Set<string>();
  // `real` is the real path of `abs`: known without a realpath call for everything below a directory whose
  // real path is known, since only symbolic links (resolved here) make them differ.
  const visit = (abs: string, rel: string, st: Kind, real: string) => {
    if (st.isSymbolicLink()) {
      let resolved: string;
      try {
        resolved = realpathSync(abs);
      } catch (e) {
        throw new ChartError(`error evaluating symlink ${abs}: ${goFileError('lstat', abs, e)}`, rel, { cause: e });
      }
      if (resolved !== realTop && !resolved.startsWith(realTop + sep)) {
        throw new ChartError(`symbolic link ${rel} points outside the chart (to ${resolved})`, rel);
      }
      options.warn?.(symlinkWarning(abs, resolved));
      visit(abs, rel, statSync(resolved), resolved);
      return;
    }
    if (st.isDirectory()) {
      if (rel !== '' && rules.ignore(rel, true)) return;
      let entries: Dirent[];
      try {
        // The entries' types come with the names: no lstat per entry.
        entries = readdirSync(abs, { withFileTypes: true });
      } catch (e) {
        throw new ChartError(goFileError('open', abs, e), rel, { cause: e });
      }
      entries.sort(compareNames);
      if (walking.has(real)) throw new ChartError(`symbolic link loop at ${rel}`, rel);
      walking.add(real);
      const absDir = abs.endsWith(sep) ? abs : abs + sep;
      const realDir = real.endsWith(sep) ? real : real + sep;
      for (let i = 0; i < entries.length; i++) {
        const name = entries[i].name;
        visit(absDir + name, rel === '' ? name : `${rel}/${name}`, entries[i], realDir + name);
      }
      walking.delete(real);
      return;
    }
    if (rules.ignore(rel, false)) return;
    if (!st.isFile()) {
      throw new ChartError(`cannot load irregular file ${abs} as it has file mode type bits set`, rel);
    }
    let data: Uint8Array | null;
    try {
      data = readUpTo(abs, maxFileBytes);
    } catch (e) {
      throw new ChartError(`error reading ${rel}: ${goFileError('open', abs, e)}`, rel, { cause: e });
    }
    if (data === null) {
      throw new ChartError(
        `chart file ${goQuote(basename(abs))} is larger than the maximum file size ${maxFileBytes}`,
        rel,
      );
    }
    if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    files.push({ name: rel, data });
  };
  visit(top, '', lstatSync(top), realTop);
  return files;
}

/** What the walk needs of an entry's type: a Dirent from readdir, or Stats for the top and link targets. */
type Kind = Pick<Dirent, 'isSymbolicLink' | 'isDirectory' | 'isFile'>;

function compareNames(a: Dirent, b: Dirent): number {
  return compareStrings(a.name, b.name);
}

/**
 * A file's bytes (one open, fstat, read, close), or null when it is larger than max: the size is checked before
 * reading, as helm does.
 */
function readUpTo(path: string, max: number): Uint8Array | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) return null;
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, null);
      if (n === 0) break;
      off += n;
    }
    return off < size ? buf.subarray(0, off) : buf;
  } finally {
    closeSync(fd);
  }
}

function symlinkWarning(path: string, resolved: string): HelmWarning {
  return {
    helm4: {
      level: 'INFO',
      msg: 'found symbolic link in path. Contents of linked file included and used',
      attrs: [
        ['path', path],
        ['resolved', resolved],
      ],
    },
    helm3: {
      site: 'walk.go:75',
      text: `found symbolic link in path: ${path} resolves to ${resolved}. Contents of linked file included and used`,
    },
  };
}
