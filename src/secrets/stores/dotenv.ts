// The dotenv store: `KEY=value` lines and `#` comments, `\n` escapes in values, metadata as `sops_*` keys.

import { SopsFormatError } from '../errors.ts';
import { flattenMetadata, type Plain, type PlainMap, unflattenMetadata } from '../metadata.ts';
import { Comment, Leaf, type MapEntry, SopsMap } from '../tree.ts';
import { valueText } from './text.ts';

const PREFIX = 'sops_';

export function loadDotenv(text: string): { docs: SopsMap[]; metadata: Plain | undefined } {
  const m = new SopsMap();
  const meta: [string, Plain][] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line[0] === '#') {
      m.items.push(new Comment(line.slice(1)));
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new SopsFormatError(`invalid dotenv input line: ${JSON.stringify(line)}`);
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1).replaceAll('\\n', '\n');
    if (key.startsWith(PREFIX)) meta.push([key.slice(PREFIX.length), value]);
    else m.items.push({ key, value: new Leaf(value) });
  }
  return { docs: [m], metadata: meta.length ? unflattenMetadata(meta) : undefined };
}

/** Whether a plain dotenv file already holds sops metadata (a key starting with `sops_`). */
export function dotenvHasMetadata(doc: SopsMap): boolean {
  return doc.items.some((it) => !(it instanceof Comment) && it.key.startsWith(PREFIX));
}

export function emitDotenv(doc: SopsMap, metadata: PlainMap | undefined): string {
  let out = '';
  const items: Array<MapEntry | Comment> = [...doc.items];
  if (metadata) {
    for (const [key, value] of flattenMetadata(metadata, PREFIX)) items.push({ key, value: new Leaf(value as string) });
  }
  for (const it of items) {
    if (it instanceof Comment) {
      out += `#${it.value}\n`;
      continue;
    }
    if (!(it.value instanceof Leaf)) {
      throw new SopsFormatError(`cannot use complex value in dotenv file; offending key ${it.key}`);
    }
    const v = it.value.value;
    out += `${it.key}=${typeof v === 'string' ? v.replaceAll('\n', '\\n') : valueText(v)}\n`;
  }
  return out;
}
