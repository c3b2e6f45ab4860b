// A chart file's bytes as text, decoded once per loaded chart: rendering a loaded chart again (the library's
// warm path) would otherwise decode every template, CRD and `.Files.Get` target on every render. Keyed on the
// bytes themselves, which the loader never changes, so the text is exactly what a fresh decode gives; the
// entries go with the chart. The same string object each time also makes later equality checks and Map look-ups
// by text cheap (V8 compares pointers first and caches a string's hash on it).

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const texts = new WeakMap<Uint8Array, string>();

export function fileText(data: Uint8Array): string {
  let s = texts.get(data);
  if (s === undefined) {
    s = decoder.decode(data);
    texts.set(data, s);
  }
  return s;
}
