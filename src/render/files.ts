// `.Files`: helm's engine.files, a map[string][]byte of a chart's own files with methods for templates.
//
//   .Files.Get "path"        the file as a string ("" if absent)
//   .Files.GetBytes "path"   the file as []byte (empty if absent)
//   .Files.Glob "pattern"    a files map of the matching paths (gobwas/glob with '/' as separator; a pattern
//                            that does not compile matches everything, as helm falls back to `**`)
//   .Files.Lines "path"      the lines of a file, one trailing newline dropped ([]string)
//   .Files.AsConfig          toYaml of {base name: content}: ConfigMap data
//   .Files.AsSecrets         toYaml of {base name: base64(content)}: Secret data
//
// The value is a Map (so `index .Files "x"`, `range` and `len` work as on a Go map) tagged with the Go type
// `engine.files` and its methods. It holds what the loader puts in Chart.files: not templates/, not Chart.yaml,
// values.yaml, values.schema.json or subcharts, and nothing .helmignore dropped; each chart gets its own.

import { marshalYaml } from '../goyaml/to-yaml.ts';
import {
  GoError,
  type GoFunc,
  type GoMap,
  type GoTypeInfo,
  goFunc,
  stringSlice,
  T,
  type Value,
  withType,
} from '../template/value.ts';
import { fileText } from './file-text.ts';

/** A chart file as the loader gives it. */
export interface FileEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

function receiver(v: Value): GoMap {
  return v as GoMap;
}

function bytesOf(files: GoMap, name: string): Uint8Array | undefined {
  const v = files.get(name);
  return v instanceof Uint8Array ? v : undefined;
}

const EMPTY = new Uint8Array(0);

const METHODS: Record<string, GoFunc> = {
  Get: goFunc('Get', [T.string], (self, name) => {
    const b = bytesOf(receiver(self), name as string);
    return b ? fileText(b) : '';
  }),
  GetBytes: goFunc('GetBytes', [T.string], (self, name) => bytesOf(receiver(self), name as string) ?? EMPTY),
  Glob: goFunc('Glob', [T.string], (self, pattern) => {
    const g = compileGlob(pattern as string);
    const out: GoMap = new Map();
    for (const [name, data] of receiver(self)) if (g.test(name)) out.set(name, data);
    return tagFiles(out);
  }),
  AsConfig: goFunc('AsConfig', [], (self) => asYaml(receiver(self), fileText)),
  AsSecrets: goFunc('AsSecrets', [], (self) => asYaml(receiver(self), (b) => Buffer.from(b).toString('base64'))),
  Lines: goFunc('Lines', [T.string], (self, path) => {
    const b = bytesOf(receiver(self), path as string);
    if (b === undefined) return stringSlice([]);
    // helm indexes the last byte unguarded: an empty file panics (a template error), as in helm.
    if (b.length === 0) throw new GoError('runtime error: index out of range [-1]');
    let s = fileText(b);
    if (s.endsWith('\n')) s = s.slice(0, -1);
    return stringSlice(s.split('\n'));
  }),
};

const FILES_TYPE: GoTypeInfo = { name: 'engine.files', elem: '[]uint8', methods: METHODS };

function tagFiles(m: GoMap): GoMap {
  return withType(m, FILES_TYPE);
}

/** The `.Files` value of a chart. */
export function newFiles(files: readonly FileEntry[]): GoMap {
  const m: GoMap = new Map();
  for (const f of files) m.set(f.name, f.data);
  return tagFiles(m);
}

function baseName(p: string): string {
  let s = p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  const i = s.lastIndexOf('/');
  return i >= 0 && s.length > 1 ? s.slice(i + 1) : s === '' ? '.' : s;
}

/** helm's toYAML of {base name: content}; marshalling errors give "" as helm swallows them. */
function asYaml(files: GoMap, content: (b: Uint8Array) => string): string {
  const m: GoMap = new Map();
  for (const [name, data] of files) m.set(baseName(name), content(data instanceof Uint8Array ? data : EMPTY));
  try {
    const y = marshalYaml(withType(m, { name: 'map[string]string', elem: 'string' }));
    return y.endsWith('\n') ? y.slice(0, -1) : y;
  } catch {
    return '';
  }
}

// ---- gobwas/glob ---------------------------------------------------------------------------------------

const globCache = new Map<string, RegExp>();
const MATCH_ALL = /^[\s\S]*$/u;

/** A gobwas/glob pattern with '/' as separator, as a RegExp; patterns that do not compile match all. */
export function compileGlob(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^${new GlobParser(pattern).pattern(false)}$`, 'u');
    } catch (e) {
      if (!(e instanceof GlobSyntaxError)) throw e;
      re = MATCH_ALL;
    }
    if (globCache.size > 256) globCache.clear();
    globCache.set(pattern, re);
  }
  return re;
}

class GlobSyntaxError extends Error {}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/g;
const CLASS_SPECIAL = /[\\^\][-]/g;

/** Escapes text for a regular expression in `u` mode (where only syntax characters may be escaped). */
function escapeRegex(s: string): string {
  return s.replace(REGEX_SPECIAL, '\\$&');
}

function escapeClass(s: string): string {
  return s.replace(CLASS_SPECIAL, '\\$&');
}

/** gobwas/glob's lexer and parser, producing an equivalent regular expression source. */
class GlobParser {
  private pos = 0;
  private readonly runes: string[];

  constructor(source: string) {
    this.runes = Array.from(source);
  }

  /** A sequence up to the end (or, inside `{}`, up to `,` or `}`). */
  pattern(inTerms: boolean): string {
    let out = '';
    const r = this.runes;
    while (this.pos < r.length) {
      const c = r[this.pos];
      if (inTerms && (c === ',' || c === '}')) return out;
      this.pos++;
      switch (c) {
        case '*':
          if (r[this.pos] === '*') {
            this.pos++;
            out += '[\\s\\S]*';
          } else {
            out += '[^/]*';
          }
          break;
        case '?':
          out += '[^/]';
          break;
        case '[':
          out += this.range();
          break;
        case '{':
          out += this.terms();
          break;
        default:
          this.pos--;
          out += escapeRegex(this.text(inTerms));
      }
    }
    return out;
  }

  /** `{a,b}` alternatives; an unclosed list simply ends with the pattern, as in gobwas. */
  private terms(): string {
    const alts: string[] = [];
    for (;;) {
      alts.push(this.pattern(true));
      const c = this.runes[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') this.pos++;
      break;
    }
    return `(?:${alts.join('|')})`;
  }

  /** Literal text with `\` escapes, up to a special character. */
  private text(inTerms: boolean): string {
    let out = '';
    const r = this.runes;
    while (this.pos < r.length) {
      const c = r[this.pos];
      if (c === '\\') {
        this.pos++;
        if (this.pos < r.length) out += r[this.pos++];
        continue;
      }
      if (c === '*' || c === '?' || c === '[' || c === '{' || (inTerms && (c === ',' || c === '}'))) break;
      out += c;
      this.pos++;
    }
    return out;
  }

  /** `[abc]`, `[!abc]`, `[a-z]`, `[!a-z]`: one character (separators included). */
  private range(): string {
    const r = this.runes;
    let not = false;
    if (r[this.pos] === '!') {
      not = true;
      this.pos++;
    }
    if (this.pos >= r.length) throw new GlobSyntaxError('unexpected end of input');
    if (r[this.pos + 1] === '-') {
      const lo = r[this.pos];
      const hi = r[this.pos + 2];
      if (hi === undefined) throw new GlobSyntaxError('unexpected end of input');
      if (r[this.pos + 3] !== ']') throw new GlobSyntaxError('expected close range character');
      this.pos += 4;
      if (hi.codePointAt(0)! < lo.codePointAt(0)!) throw new GlobSyntaxError('hi should be greater than lo');
      return `[${not ? '^' : ''}${escapeClass(lo)}-${escapeClass(hi)}]`;
    }
    let chars = '';
    while (this.pos < r.length && r[this.pos] !== ']') {
      const c = r[this.pos++];
      if (c === '\\' && this.pos < r.length) chars += r[this.pos++];
      else chars += c;
    }
    if (this.pos >= r.length) throw new GlobSyntaxError('unexpected end of input');
    this.pos++;
    if (chars === '') throw new GlobSyntaxError('could not parse range');
    return `[${not ? '^' : ''}${escapeClass(chars)}]`;
  }
}
