// Go's %#v of values decoded by go-yaml v2 (map[interface {}]interface {}, []interface {}, ...), for the few
// error messages that print them (`invalid map key: ...`, `unsupported map key of type ...`).

import { quote } from '../template/strconv.ts';
import { GoInt, type Value } from '../template/value.ts';
import { formatFloatG } from './gofloat.ts';

/** Map entries whose keys did not survive as strings (nil, uint64), to print with the map. */
export type ExtraEntries = (m: Map<string, Value>) => [Value, Value][] | undefined;

/** fmt's %#v (also %+#v) of a decoded YAML value. */
export function goSyntax(v: Value, extra?: ExtraEntries): string {
  const elem = (x: Value): string => (x === null || x === undefined ? 'interface {}(nil)' : goSyntax(x, extra));
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloatG(v);
  if (v instanceof GoInt) return v.kind.startsWith('u') ? '0x' + v.value.toString(16) : v.value.toString();
  if (Array.isArray(v)) return `[]interface {}{${v.map(elem).join(', ')}}`;
  if (v instanceof Map) {
    // fmt sorts keys: nil first, then by type and value.
    const parts = (extra?.(v) ?? []).map(([k, x]) => `${elem(k)}:${elem(x)}`);
    for (const k of [...v.keys()].sort()) parts.push(`${quote(k)}:${elem(v.get(k))}`);
    return `map[interface {}]interface {}{${parts.join(', ')}}`;
  }
  return String(v);
}
