// The escaping builtins html, js and urlquery (Go's HTMLEscapeString, JSEscapeString, url.QueryEscape).

import { utf8Bytes } from './gostring.ts';

const HTML_SPECIAL = /['"&<>\x00]/;
const HTML_SPECIAL_G = /['"&<>\x00]/g;
const HTML_REPLACEMENT: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

export function htmlEscape(s: string): string {
  if (!HTML_SPECIAL.test(s)) return s;
  return s.replace(HTML_SPECIAL_G, (c) => HTML_REPLACEMENT[c]);
}

const JS_SPECIAL = /[\\'"<>&=\x00-\x1f\u0080-\uffff]/;
// Made on first use: V8 parses a Unicode-class RegExp when it creates it (~0.6 ms for this one).
let printable: RegExp | undefined;

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

export function jsEscape(s: string): string {
  if (!JS_SPECIAL.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (c < 0x20) out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (c < 0x80 || (printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u).test(ch)) out += ch;
    else out += `\\u${hex4(c)}`;
  }
  return out;
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

export function urlQueryEscape(s: string): string {
  if (UNRESERVED.test(s)) return s;
  let out = '';
  for (const b of utf8Bytes(s)) {
    if (
      (b >= 48 && b <= 57) ||
      (b >= 65 && b <= 90) ||
      (b >= 97 && b <= 122) ||
      b === 45 ||
      b === 95 ||
      b === 46 ||
      b === 126
    ) {
      out += String.fromCharCode(b);
    } else if (b === 32) out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
