// Reading a chart directory into chart files (the file-system edge of the loader), as helm's LoadDir does:
// a sorted depth-first walk that follows symbolic links, skipping what .helmignore (plus helm's default
// `templates/.?*`) ignores; directories that match are not entered. Irregular files (devices, sockets) and
// files over the per-file limit are errors. bosun refuses symbolic links that resolve outside the chart.

import { lstatSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { compareStrings } from '../template/gostring.ts';
import { goFileError } from '../values/fs.ts';
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
  } catch {
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
  const visit = (abs: string, rel: string, st: Stats) => {
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
      visit(abs, rel, statSync(resolved));
      return;
    }
    if (st.isDirectory()) {
      if (rel !== '' && rules.ignore(rel, true)) return;
      let names: string[];
      try {
        names = readdirSync(abs);
      } catch (e) {
        throw new ChartError(goFileError('open', abs, e), rel, { cause: e });
      }
      names.sort(compareStrings);
      const real = realpathSync(abs);
      if (walking.has(real)) throw new ChartError(`symbolic link loop at ${rel}`, rel);
      walking.add(real);
      for (const name of names) {
        const childAbs = join(abs, name);
        visit(childAbs, rel === '' ? name : `${rel}/${name}`, lstatSync(childAbs));
      }
      walking.delete(real);
      return;
    }
    if (rules.ignore(rel, false)) return;
    if (!st.isFile()) {
      throw new ChartError(`cannot load irregular file ${abs} as it has file mode type bits set`, rel);
    }
    if (st.size > maxFileBytes) {
      throw new ChartError(
        `chart file ${goQuote(basename(abs))} is larger than the maximum file size ${maxFileBytes}`,
        rel,
      );
    }
    let data: Uint8Array;
    try {
      data = readFileSync(abs);
    } catch (e) {
      throw new ChartError(`error reading ${rel}: ${goFileError('open', abs, e)}`, rel, { cause: e });
    }
    if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    files.push({ name: rel, data });
  };
  visit(top, '', lstatSync(top));
  return files;
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
