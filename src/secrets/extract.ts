// sops's --extract: one key or branch of a decrypted document, by a path like `["app"]["hosts"][0]`.

import { SopsFormatError } from './errors.ts';
import { emitFile, type SopsFormat } from './stores/index.ts';
import { emitJson } from './stores/json.ts';
import { valueText } from './stores/text.ts';
import { emitYamlValue } from './stores/yaml.ts';
import { Comment, Leaf, SopsList, SopsMap, type TreeValue } from './tree.ts';

/** Parses `["key"][0]` into its components (strings and list indices). */
export function parseTreePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('[')) {
    if (part === '') continue;
    if (!part.endsWith(']')) throw new SopsFormatError(`component ${part} of --extract doesn't end with ]`);
    const c = part.slice(0, -1);
    if (c[0] === '"' || c[0] === "'") out.push(c.slice(1, -1));
    else if (/^\d+$/.test(c)) out.push(Number(c));
    else throw new SopsFormatError(`component ${c} of --extract is neither a quoted key nor an index`);
  }
  return out;
}

/** The value at `path` in a decrypted document: a scalar as its text, a branch in the output format. */
export function extract(doc: SopsMap, path: string, format: SopsFormat, indent?: number): string | Uint8Array {
  let v: TreeValue = doc;
  for (const c of parseTreePath(path)) {
    let next: TreeValue | undefined;
    if (typeof c === 'string' && v instanceof SopsMap) next = v.get(c);
    else if (typeof c === 'number' && v instanceof SopsList) {
      next = v.items.filter((x) => !(x instanceof Comment))[c] as TreeValue | undefined;
    }
    if (!next) throw new SopsFormatError(`component [${JSON.stringify(c)}] of --extract not found`);
    v = next;
  }
  if (v instanceof Leaf) return v.value instanceof Uint8Array ? v.value : valueText(v.value);
  if (format === 'json') return emitJson(v, undefined, indent);
  if (format === 'yaml' || v instanceof SopsList) return emitYamlValue(v, { indent });
  return emitFile({ format, docs: [v], metadata: undefined }, format, undefined, { indent });
}
