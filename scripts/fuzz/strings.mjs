// Random strings made of the characters that move YAML and JSON writers and Go's quoting: indicators, spaces at
// the ends, line breaks, tabs, quotes, backslashes, non-ASCII, control characters, and words that YAML 1.1
// reads as other types. Each goes through toYaml (as a value, a key, in a list), toJson, quote, squote and
// printf's %q, %x, %U and %v with widths.
const pieces = [
  'a',
  'Z',
  '0',
  '1',
  '-',
  ':',
  ': ',
  ' #',
  '#',
  '?',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '\\',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '.',
  'é',
  '日本',
  '😀',
  '\u0085',
  '\u2028',
  '\u00a0',
  '\u0007',
  '\u001b',
  '\u007f',
  '\ufeff',
  'true',
  'no',
  'on',
  'null',
  '~',
  '1e3',
  '0x1F',
  '012',
  '.inf',
  '2001-12-14',
  '=',
  '<<',
  '---',
  '...',
  'y',
  'N',
  '+1',
  '0o7',
  '_',
  '$',
  '{{',
  '}}',
];
/** A Go double-quoted string literal for text (the template's own syntax). */
function goQuote(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
const uses = [
  (q) => `{{ toYaml (dict "k" ${q}) }}`,
  (q) => `{{ toYaml (dict ${q} "v") }}`,
  (q) => `{{ toYaml (list ${q} (list ${q})) }}`,
  (q) => `{{ toYaml ${q} }}`,
  (q) => `{{ toJson ${q} }}|{{ toJson (dict ${q} 1) }}`,
  (q) => `{{ quote ${q} }}|{{ squote ${q} }}`,
  (q) => `{{ printf "%q|%+q|%#q|%x|% X|%U" ${q} ${q} ${q} ${q} ${q} "x" }}`,
  (q) => `{{ printf "[%8s][%-8s][%.2s][%8.3q]" ${q} ${q} ${q} ${q} }}`,
  (q) => `{{ ${q} | toYaml | fromYaml | toJson }}`,
  (q) => `{{ dict "a" (dict "b" ${q}) | toYaml | indent 2 }}`,
  (q) => `{{ ${q} | nindent 2 }}|{{ ${q} | trunc 3 }}|{{ ${q} | upper }}|{{ ${q} | title }}|{{ len ${q} }}`,
  (q) => `{{ toPrettyJson (dict "k" ${q}) }}|{{ toRawJson ${q} }}`,
  (q) => `{{ ${q} | b64enc }}|{{ ${q} | sha256sum }}|{{ ${q} | urlquery }}|{{ ${q} | html }}|{{ ${q} | js }}`,
];
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    const len = rng.int(5);
    for (let j = 0; j < len; j++) s += rng.pick(pieces);
    const q = goQuote(s);
    out.push({ tpl: `${rng.pick(uses)(q)}\n` });
  }
  return out;
}
