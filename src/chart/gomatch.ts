// Go's path/filepath.Match (Go 1.23–1.25, '/' as the separator), which .helmignore patterns use.
//
//   *        any run of non-'/' characters        ?       one non-'/' character
//   [abc]    a class; [^abc] negated; a-z ranges  \x      x literally
//
// The whole name must match. A malformed chunk is an error (`syntax error in pattern`) once matching reaches
// it, even after the chunk has stopped matching; chunks after a failed one are not checked (these Go versions
// return early), so `abcd*[` against `abc` is no error while `x[` is. Patterns are split into chunks once.

export class BadPatternError extends Error {
  override name = 'BadPatternError';
  constructor() {
    super('syntax error in pattern');
  }
}

interface Chunk {
  /** The chunk follows a run of stars. */
  readonly star: boolean;
  /** The chunk's text: literals, classes and `?`, no stars. */
  readonly text: string;
}

/** A pattern split into chunks (Go's scanChunk), reusable for many names. */
export class GoPattern {
  private readonly chunks: Chunk[] = [];
  /**
   * The common shapes of .helmignore rules (`name`, `*.ext`, `prefix*`, `*`) as the text around the star: they
   * match without walking chunks. Only patterns free of `?`, `[` and `\\` qualify, so none can be malformed.
   */
  private readonly fast: FastShape | null = null;

  constructor(readonly source: string) {
    if (!SPECIAL.test(source)) this.fast = { star: -1, head: source, tail: '' };
    else if (!SPECIAL_BUT_STAR.test(source)) {
      const star = source.indexOf('*');
      if (source.indexOf('*', star + 1) < 0) {
        this.fast = { star, head: source.slice(0, star), tail: source.slice(star + 1) };
      }
    }
    let rest = source;
    while (rest.length > 0) {
      let star = false;
      while (rest.length > 0 && rest[0] === '*') {
        rest = rest.slice(1);
        star = true;
      }
      let inRange = false;
      let i = 0;
      scan: for (; i < rest.length; i++) {
        switch (rest[i]) {
          case '\\':
            if (i + 1 < rest.length) i++;
            break;
          case '[':
            inRange = true;
            break;
          case ']':
            inRange = false;
            break;
          case '*':
            if (!inRange) break scan;
            break;
        }
      }
      this.chunks.push({ star, text: rest.slice(0, i) });
      rest = rest.slice(i);
    }
  }

  /** filepath.Match(pattern, name); throws BadPatternError for a malformed pattern that matching reaches. */
  match(name: string): boolean {
    const fast = this.fast;
    if (fast !== null) {
      if (fast.star < 0) return name === fast.head;
      const { head, tail } = fast;
      // `*` stands for a run without '/'.
      const end = name.length - tail.length;
      if (end < head.length || !name.startsWith(head) || !name.endsWith(tail)) return false;
      const slash = name.indexOf('/', head.length);
      return slash < 0 || slash >= end;
    }
    let s = name;
    const chunks = this.chunks;
    outer: for (let ci = 0; ci < chunks.length; ci++) {
      const { star, text } = chunks[ci];
      const last = ci === chunks.length - 1;
      // A trailing star matches the rest unless it holds a separator.
      if (star && text === '') return !s.includes('/');
      const t = matchChunk(text, s);
      if (t !== null && (t.length === 0 || !last)) {
        s = t;
        continue;
      }
      if (star) {
        for (let i = 0; i < s.length && s[i] !== '/'; i++) {
          const rest = matchChunk(text, s.slice(i + 1));
          if (rest !== null) {
            if (last && rest.length > 0) continue;
            s = rest;
            continue outer;
          }
        }
      }
      return false;
    }
    return s.length === 0;
  }
}

interface FastShape {
  /** The star's index in the pattern, -1 for none. */
  readonly star: number;
  readonly head: string;
  readonly tail: string;
}

const SPECIAL = /[*?[\\]/;
const SPECIAL_BUT_STAR = /[?[\\]/;

/** filepath.Match(pattern, name). */
export function goMatch(pattern: string, name: string): boolean {
  return new GoPattern(pattern).match(name);
}

/**
 * Matches one chunk at the start of s; returns the rest of s, or null for no match. Throws BadPatternError
 * for a malformed chunk, also after the match has failed (Go keeps checking the chunk).
 */
function matchChunk(chunk: string, s: string): string | null {
  let failed = false;
  let i = 0;
  while (i < chunk.length) {
    failed = failed || s.length === 0;
    const c = chunk[i];
    if (c === '[') {
      let r = -1;
      if (!failed) {
        r = s.codePointAt(0)!;
        s = s.slice(r > 0xffff ? 2 : 1);
      }
      i++;
      let negated = false;
      if (i < chunk.length && chunk[i] === '^') {
        negated = true;
        i++;
      }
      let match = false;
      let n = 0;
      for (;;) {
        if (i < chunk.length && chunk[i] === ']' && n > 0) {
          i++;
          break;
        }
        const lo = getEsc(chunk, i);
        i = lo.next;
        let hi = lo.r;
        if (chunk[i] === '-') {
          const h = getEsc(chunk, i + 1);
          i = h.next;
          hi = h.r;
        }
        match = match || (lo.r <= r && r <= hi);
        n++;
      }
      failed = failed || match === negated;
      continue;
    }
    if (c === '?') {
      if (!failed) {
        failed = s[0] === '/';
        s = s.slice(s.codePointAt(0)! > 0xffff ? 2 : 1);
      }
      i++;
      continue;
    }
    let lit = i;
    if (c === '\\') {
      lit = i + 1;
      if (lit >= chunk.length) throw new BadPatternError();
    }
    if (!failed) {
      failed = chunk[lit] !== s[0];
      s = s.slice(1);
    }
    i = lit + 1;
  }
  return failed ? null : s;
}

/** One possibly escaped character of a class; malformed: `-`, `]`, a dangling `\`, or nothing after it. */
function getEsc(chunk: string, i: number): { r: number; next: number } {
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') throw new BadPatternError();
  if (chunk[i] === '\\') {
    i++;
    if (i >= chunk.length) throw new BadPatternError();
  }
  const r = chunk.codePointAt(i)!;
  const next = i + (r > 0xffff ? 2 : 1);
  if (next >= chunk.length) throw new BadPatternError();
  return { r, next };
}
