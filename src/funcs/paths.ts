// Go's path package (base, dir, clean, ext, isAbs) and path/filepath, which on Linux (where helm runs) behaves
// the same: os* functions are the same functions under other names.

import { type GoFunc, goFunc, T, type Value } from '../template/value.ts';

/** path.Clean: the shortest equivalent path (no //, no ./, .. resolved lexically). */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path[0] === '/';
  const n = path.length;
  let out = rooted ? '/' : '';
  let r = rooted ? 1 : 0;
  let dotdot = rooted ? 1 : 0;
  while (r < n) {
    if (path[r] === '/') r++;
    else if (path[r] === '.' && (r + 1 === n || path[r + 1] === '/')) r++;
    else if (path[r] === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
      r += 2;
      if (out.length > dotdot) {
        let w = out.length - 1;
        while (w > dotdot && out[w] !== '/') w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        if (out.length > 0) out += '/';
        out += '..';
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += '/';
      const start = r;
      while (r < n && path[r] !== '/') r++;
      out += path.slice(start, r);
    }
  }
  return out === '' ? '.' : out;
}

/** Go's path.Base (filepath.Base on a `/` system): the last element, `.` for empty, `/` for only slashes. */
export function basePath(path: string): string {
  if (path === '') return '.';
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  const p = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  return p === '' ? '/' : p;
}

export function dirPath(path: string): string {
  return cleanPath(path.slice(0, path.lastIndexOf('/') + 1));
}

export function extPath(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) if (path[i] === '.') return path.slice(i);
  return '';
}

export function pathFuncs(): GoFunc[] {
  const s = (f: (p: string) => Value) => (p: Value) => f(p as string);
  const isAbs = s((p) => p.startsWith('/'));
  return [
    goFunc('base', [T.string], s(basePath)),
    goFunc('dir', [T.string], s(dirPath)),
    goFunc('clean', [T.string], s(cleanPath)),
    goFunc('ext', [T.string], s(extPath)),
    goFunc('isAbs', [T.string], isAbs),
    goFunc('osBase', [T.string], s(basePath)),
    goFunc('osClean', [T.string], s(cleanPath)),
    goFunc('osDir', [T.string], s(dirPath)),
    goFunc('osExt', [T.string], s(extPath)),
    goFunc('osIsAbs', [T.string], isAbs),
  ];
}
