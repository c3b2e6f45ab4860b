// Splitting rendered files into documents (helm's SplitManifests) and the text of a release's manifest.

// Go's regexp `\s` is ASCII only: [\t\n\f\r ].
const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;
// Go's strings.TrimSpace trims unicode.IsSpace characters (not U+FEFF, which JavaScript's trim() removes).
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const TRAILING_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

export function goTrimSpace(s: string): string {
  return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

/** The YAML documents of a rendered file, trimmed, empty ones dropped, in file order. */
export function splitManifests(file: string): string[] {
  const docs: string[] = [];
  for (const d of goTrimSpace(file).split(SEPARATOR)) {
    if (d !== '') docs.push(goTrimSpace(d));
  }
  return docs;
}

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
