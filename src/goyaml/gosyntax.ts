// Go's %#v of values decoded by go-yaml v2 (map[interface {}]interface {}, []interface {}, ...), for the few
// error messages that print them (`invalid map key: ...`, `unsupported map key of type ...`).

import { compareStrings } from '../template/gostring.ts';
import { quote } from '../template/strconv.ts';
import { GoInt, type Value } from '../template/value.ts';
import { formatFloatG } from './gofloat.ts';

/**
 * What the decoder knows of a map's keys before they became strings: entries dropped for keys that have no
 * string form (nil, uint64), and the original keys (bool, int, float64) of entries kept under a string.
 */
export interface KeyOrigins {
  dropped(m: Map<string, Value>): readonly (readonly [Value, Value])[] | undefined;
  original(m: Map<string, Value>): ReadonlyMap<string, Value> | undefined;
}

/** fmt's %#v (also %+#v) of a decoded YAML value. */
export function goSyntax(v: Value, keys?: KeyOrigins): string {
  const elem = (x: Value): string => (x === null || x === undefined ? 'interface {}(nil)' : goSyntax(x, keys));
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloatG(v);
  if (v instanceof GoInt) return v.kind.startsWith('u') ? '0x' + v.value.toString(16) : v.value.toString();
  if (Array.isArray(v)) return `[]interface {}{${v.map(elem).join(', ')}}`;
  if (v instanceof Map) {
    const original = keys?.original(v);
    const entries: (readonly [Value, Value])[] = [...(keys?.dropped(v) ?? [])];
    for (const [k, x] of v) entries.push([original?.get(k) ?? k, x]);
    entries.sort((a, b) => compareKeys(a[0], b[0]));
    return `map[interface {}]interface {}{${entries.map(([k, x]) => `${elem(k)}:${elem(x)}`).join(', ')}}`;
  }
  return String(v);
}

/**
 * fmt's order of interface keys (internal/fmtsort): nil first, then by dynamic type — which Go orders by the
 * address of the type's descriptor in the binary: for helm 3 and 4 alike, string, uint64, int, float64, bool —
 * and then by value.
 */
function compareKeys(a: Value, b: Value): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (a instanceof GoInt) {
    const d = a.value - (b as GoInt).value;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  if (typeof a === 'number') {
    const y = b as number;
    // NaN sorts first, as fmtsort puts it.
    if (Number.isNaN(a)) return Number.isNaN(y) ? 0 : -1;
    if (Number.isNaN(y)) return 1;
    return a < y ? -1 : a > y ? 1 : 0;
  }
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return 0;
}

function typeRank(k: Value): number {
  if (k === null || k === undefined) return 0;
  if (typeof k === 'string') return 1;
  if (k instanceof GoInt) return k.kind.startsWith('u') ? 2 : 3;
  if (typeof k === 'number') return 4;
  if (typeof k === 'boolean') return 5;
  return 6;
}
