// The text of a release's manifest: documents with their `# Source:` lines.
import { splitManifests } from '../goyaml/index.ts';

/** One document of a release's manifest text: `---\n# Source: <path>\n<content>\n`. */
export function manifestEntry(path: string, content: string): string {
  return `---\n# Source: ${path}\n${content}\n`;
}

/** A release's `manifest`: the documents in the order given, each with its source. */
export function manifestText(docs: readonly { readonly name: string; readonly content: string }[]): string {
  let out = '';
  for (const d of docs) out += manifestEntry(d.name, d.content);
  return out;
}

const SOURCE_LINE = /^# Source: ([^\n]*)\n?/;

/** The documents of a release's `manifest` with their source paths (the reverse of manifestText). */
export function parseManifestText(text: string): { name: string; content: string }[] {
  const out: { name: string; content: string }[] = [];
  for (const doc of splitManifests(text)) {
    const m = SOURCE_LINE.exec(doc);
    out.push(m ? { name: m[1], content: doc.slice(m[0].length) } : { name: '', content: doc });
  }
  return out;
}
