// Go's %#v of values decoded by go-yaml v2 (map[interface {}]interface {}, []interface {}, ...), for the few
// error messages that print them (`invalid map key: ...`, `unsupported map key of type ...`).

import { GoInt, type Value } from '../template/value.ts';
import { formatFloatG } from './gofloat.ts';

/** strconv.Quote: printable Unicode kept, everything else escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (c) {
      case 7:
        out += '\\a';
        continue;
      case 8:
        out += '\\b';
        continue;
      case 12:
        out += '\\f';
        continue;
      case 10:
        out += '\\n';
        continue;
      case 13:
        out += '\\r';
        continue;
      case 9:
        out += '\\t';
        continue;
      case 11:
        out += '\\v';
        continue;
      case 34:
        out += '\\"';
        continue;
      case 92:
        out += '\\\\';
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (!isGoPrintable(c)) {
      out += c > 0xffff ? '\\U' + c.toString(16).padStart(8, '0') : '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

// An approximation of unicode.IsPrint good for error texts: controls, surrogates, private-use, unassigned
// specials and separators other than U+0020 are not printable.
// Made on first use: V8 parses a RegExp of Unicode classes when it creates it, ~4 ms for this one (\p{Cn}).
let notPrint: RegExp | undefined;

function isGoPrintable(c: number): boolean {
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  notPrint ??= /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Zs}]/u;
  return !notPrint.test(String.fromCodePoint(c));
}

/** Map entries whose keys did not survive as strings (nil, uint64), to print with the map. */
export type ExtraEntries = (m: Map<string, Value>) => [Value, Value][] | undefined;

/** fmt's %#v (also %+#v) of a decoded YAML value. */
export function goSyntax(v: Value, extra?: ExtraEntries): string {
  const elem = (x: Value): string => (x === null || x === undefined ? 'interface {}(nil)' : goSyntax(x, extra));
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloatG(v);
  if (v instanceof GoInt) return v.kind.startsWith('u') ? '0x' + v.value.toString(16) : v.value.toString();
  if (Array.isArray(v)) return `[]interface {}{${v.map(elem).join(', ')}}`;
  if (v instanceof Map) {
    // fmt sorts keys: nil first, then by type and value.
    const parts = (extra?.(v) ?? []).map(([k, x]) => `${elem(k)}:${elem(x)}`);
    for (const k of [...v.keys()].sort()) parts.push(`${goQuote(k)}:${elem(v.get(k))}`);
    return `map[interface {}]interface {}{${parts.join(', ')}}`;
  }
  return String(v);
}
