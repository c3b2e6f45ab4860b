// The INI store, reading and writing INI as the go-ini library (which sops uses) does: sections of keys, `;`/`#`
// comments attached to the key or section that follows them, inline comments, `"""` multi-line values, aligned `=`.
// Metadata lives in a `[sops]` section of flattened keys with newlines escaped.

import { SopsFormatError } from '../errors.ts';
import { flattenMetadata, type Plain, type PlainMap, unflattenMetadata } from '../metadata.ts';
import { Comment, Leaf, type MapEntry, SopsMap, type TreeValue } from '../tree.ts';
import { valueText } from './text.ts';

const DEFAULT_SECTION = 'DEFAULT';
const METADATA_SECTION = 'sops';

interface IniKey {
  name: string;
  value: string;
  comment: string;
}

interface IniSection {
  name: string;
  comment: string;
  keys: IniKey[];
}

/** sops's stripCommentChar: drops the leading comment marker (and spaces) of a comment. */
function stripCommentChar(c: string): string {
  if (c.startsWith(';')) return c.replace(/^[; ]+/, '');
  if (c.startsWith('#')) return c.replace(/^[# ]+/, '');
  return c;
}

class IniParser {
  private pos = 0;
  private comment = '';
  constructor(private readonly text: string) {}

  private line(): string | undefined {
    if (this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl + 1;
    const l = this.text.slice(this.pos, end);
    this.pos = end;
    return l;
  }

  parse(): IniSection[] {
    const sections: IniSection[] = [{ name: DEFAULT_SECTION, comment: '', keys: [] }];
    let section = sections[0];
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    for (let raw = this.line(); raw !== undefined; raw = this.line()) {
      const line = raw.replace(/^\s+/, '');
      if (line === '') continue;
      if (line[0] === '#' || line[0] === ';') {
        this.comment += line;
        continue;
      }
      if (line[0] === '[') {
        const close = line.lastIndexOf(']');
        if (close < 0) throw new SopsFormatError(`invalid INI: unclosed section: ${line.trim()}`);
        const inline = /[#;].*/.exec(line.slice(close + 1));
        if (inline) this.comment += inline[0];
        section = { name: line.slice(1, close), comment: this.comment.trim(), keys: [] };
        if (section.name === '') throw new SopsFormatError('invalid INI: empty section name');
        sections.push(section);
        this.comment = '';
        continue;
      }
      const [name, rest] = this.keyName(line);
      const value = this.value(rest);
      const existing = section.keys.find((k) => k.name === name);
      const comment = this.comment.trim();
      this.comment = '';
      if (existing) {
        existing.value = value;
        existing.comment = comment;
      } else section.keys.push({ name, value, comment });
    }
    return sections;
  }

  private keyName(line: string): [string, string] {
    let quote = '';
    if (line.startsWith('"""') && line.length > 6) quote = '"""';
    else if (line[0] === '"') quote = '"';
    else if (line[0] === '`') quote = '`';
    if (quote) {
      const close = line.indexOf(quote, quote.length);
      if (close < 0) throw new SopsFormatError(`invalid INI: missing closing key quote: ${line.trim()}`);
      const delim = line.slice(close + quote.length).search(/[=:]/);
      if (delim < 0) throw new SopsFormatError(`invalid INI: key-value delimiter not found: ${line.trim()}`);
      return [line.slice(quote.length, close).trim(), line.slice(close + quote.length + delim + 1)];
    }
    const delim = line.search(/[=:]/);
    if (delim < 0) throw new SopsFormatError(`invalid INI: key-value delimiter not found: ${line.trim()}`);
    if (delim === 0) throw new SopsFormatError(`invalid INI: empty key name: ${line.trim()}`);
    return [line.slice(0, delim).trim(), line.slice(delim + 1)];
  }

  private value(raw: string): string {
    let line = raw.replace(/^\s+/, '');
    if (line === '') return '';
    const quote = line.length > 3 && line.startsWith('"""') ? '"""' : line[0] === '`' ? '`' : '';
    if (quote) {
      const body = line.slice(quote.length);
      const close = body.lastIndexOf(quote);
      if (close >= 0) return body.slice(0, close);
      let val = body;
      for (;;) {
        const next = this.line();
        if (next === undefined) throw new SopsFormatError('invalid INI: missing closing value quote');
        const end = next.lastIndexOf(quote);
        if (end >= 0) {
          const inline = /[#;].*/.exec(next.slice(end));
          if (inline) this.comment += inline[0].trim();
          return val + next.slice(0, end);
        }
        val += next;
      }
    }
    line = line.trim();
    if (line.endsWith('\\')) {
      // A continuation line: the value goes on, trimmed, on the next lines.
      let val = line.slice(0, -1);
      for (;;) {
        const next = this.line();
        const t = next?.trim() ?? '';
        if (t === '') break;
        val += t;
        if (!val.endsWith('\\')) break;
        val = val.slice(0, -1);
      }
      return val;
    }
    const c = line.search(/[#;]/);
    if (c >= 0) {
      this.comment += line.slice(c);
      line = line.slice(0, c).trim();
    }
    const surrounded = (q: string) =>
      line.length >= 2 && line[0] === q && line[line.length - 1] === q && line.indexOf(q, 1) === line.length - 1;
    if (surrounded("'") || surrounded('"')) line = line.slice(1, -1);
    return line;
  }
}

export function loadIni(text: string): { docs: SopsMap[]; metadata: Plain | undefined } {
  const root = new SopsMap();
  let metadata: Plain | undefined;
  for (const s of new IniParser(text).parse()) {
    if (s.name === METADATA_SECTION) {
      metadata = unflattenMetadata(s.keys.map((k) => [k.name, k.value.replaceAll('\\n', '\n')]));
      continue;
    }
    const m = new SopsMap();
    if (s.comment) m.items.push(new Comment(stripCommentChar(s.comment)));
    for (const k of s.keys) {
      m.items.push({ key: k.name, value: new Leaf(k.value) });
      if (k.comment) m.items.push(new Comment(stripCommentChar(k.comment)));
    }
    root.items.push({ key: s.name, value: m });
  }
  return { docs: [root], metadata };
}

const byteLength = (s: string) => Buffer.byteLength(s);

function commentLines(c: string, trimBare: boolean): string {
  return c
    .split('\n')
    .map((l) => {
      if (l[0] === '#' || l[0] === ';') return `${l[0]} ${l.slice(1).trim()}\n`;
      return `; ${trimBare ? l.trim() : l}\n`;
    })
    .join('');
}

function quoteKey(k: string): string {
  if (k.includes('"') || /[=:]/.test(k)) return `\`${k}\``;
  if (k.includes('`')) return `"""${k}"""`;
  return k;
}

function quoteValue(v: string): string {
  if (v.includes('\n') || v.includes('`')) return `"""${v}"""`;
  if (/[#;]/.test(v)) return `\`${v}\``;
  if (v.trim().length !== v.length) return `"${v}"`;
  return v;
}

function sectionOf(name: string, value: TreeValue): IniSection {
  if (!(value instanceof SopsMap)) {
    throw new SopsFormatError(`cannot write '${name}' as an INI section: section values must be maps`);
  }
  const s: IniSection = { name, comment: '', keys: [] };
  let first = true;
  for (const it of value.items) {
    if (it instanceof Comment) {
      if (first) s.comment = it.value;
      else if (s.keys.length) s.keys[s.keys.length - 1].comment = it.value;
    } else {
      if (!(it.value instanceof Leaf)) {
        throw new SopsFormatError(`cannot write '${name}.${it.key}' to INI: values must be scalars`);
      }
      s.keys.push({ name: it.key, value: valueText(it.value.value), comment: '' });
    }
    first = false;
  }
  return s;
}

export function emitIni(doc: SopsMap, metadata: PlainMap | undefined): string {
  const sections = doc.items
    .filter((it): it is MapEntry => !(it instanceof Comment))
    .map((it) => sectionOf(it.key, it.value));
  if (metadata) {
    sections.push({
      name: METADATA_SECTION,
      comment: '',
      keys: flattenMetadata(metadata).map(([name, v]) => ({
        name,
        value: typeof v === 'string' ? v.replaceAll('\n', '\\n') : valueText(v as Leaf['value']),
        comment: '',
      })),
    });
  }
  let out = '';
  sections.forEach((s, i) => {
    if (s.comment) out += commentLines(s.comment, false);
    if (i > 0 || s.name.toUpperCase() !== DEFAULT_SECTION) out += `[${s.name}]\n`;
    else if (s.keys.length === 0) return;
    const names = s.keys.map((k) => quoteKey(k.name));
    const align = Math.max(0, ...names.map(byteLength));
    s.keys.forEach((k, j) => {
      if (k.comment) out += commentLines(k.comment, true);
      out += `${names[j]}${' '.repeat(align - byteLength(names[j]))} = ${quoteValue(k.value)}\n`;
    });
    if (i < sections.length - 1) out += '\n';
  });
  return out;
}
