// Helm's fromToml: BurntSushi/toml's Unmarshal into map[string]interface{}. Parsing is smol-toml's (TOML 1.0, as
// BurntSushi accepts it); the values are given Go's types: integers int64, floats float64, datetimes time.Time
// (local kinds in BurntSushi's datetime-local/date-local/time-local zones), tables maps, arrays []interface {},
// and arrays of tables written with [[...]] headers []map[string]interface {}.
// Parse errors keep BurntSushi's form (`toml: line N: ...`) but smol-toml's wording.

import { parse, TomlDate, TomlError } from 'smol-toml';
import { type GoMap, goInt64, type Value, withType } from '../template/value.ts';
import { GoCodecError } from './errors.ts';
import { GoTime } from './gotime.ts';

const TABLE_ARRAY = { name: '[]map[string]interface {}', elem: 'map[string]interface {}' };

/**
 * smol-toml keeps milliseconds only; Go keeps nanoseconds. Full fractions of the datetime literals in the text,
 * keyed by the literal cut after its third fractional digit (what TomlDate prints).
 */
function fractions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /(\d{2}:\d{2}:\d{2})\.(\d{4,})/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.set(`${m[1]}.${m[2].slice(0, 3)}`, m[2]);
  return out;
}

function toGoTime(d: TomlDate, fracs: Map<string, string>): GoTime {
  const iso = d.toISOString();
  // TomlDate prints its TOML form: `1979-05-27`, `07:32:00.5`, `1979-05-27T07:32:00`, or with an offset.
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?[T ]?(?:(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(
    iso,
  );
  const num = (s: string | undefined, dflt: number) => (s === undefined ? dflt : Number(s));
  let digits = m?.[7] ?? '';
  if (digits.length === 3) digits = fracs.get(`${m?.[4]}:${m?.[5]}:${m?.[6]}.${digits}`) ?? digits;
  const frac = digits ? Number(digits.slice(0, 9).padEnd(9, '0')) : 0;
  const wall = {
    year: num(m?.[1], 0),
    month: num(m?.[2], 1),
    day: num(m?.[3], 1),
    hour: num(m?.[4], 0),
    minute: num(m?.[5], 0),
    second: num(m?.[6], 0),
    nanos: frac,
  };
  if (d.isLocal()) {
    const kind = d.isDate() ? 'local-date' : d.isTime() ? 'local-time' : 'local-datetime';
    const zone = kind === 'local-date' ? 'date-local' : kind === 'local-time' ? 'time-local' : 'datetime-local';
    return new GoTime(wall, 0, zone, kind);
  }
  const z = m?.[8] ?? 'Z';
  if (z === 'Z' || z === 'z') return new GoTime(wall, 0, 'UTC', 'offset');
  const offset = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 3600 + Number(z.slice(4, 6)) * 60);
  // Go parses in time.Local (UTC here): a zero offset is UTC, others get a fabricated zone without a name.
  return offset === 0 ? new GoTime(wall, 0, 'UTC', 'offset') : new GoTime(wall, offset, '', 'offset');
}

function convert(v: unknown, path: string, tableArrays: Set<string>, fracs: Map<string, string>): Value {
  if (typeof v === 'bigint') return goInt64(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof TomlDate) return toGoTime(v, fracs);
  if (Array.isArray(v)) {
    const out = v.map((x, i) => convert(x, `${path}[${i}]`, tableArrays, fracs));
    return tableArrays.has(path) ? withType(out, TABLE_ARRAY) : out;
  }
  const m: GoMap = new Map();
  for (const k of Object.keys(v as object)) {
    m.set(k, convert((v as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`, tableArrays, fracs));
  }
  return m;
}

/** Paths (dotted, unquoted) of arrays declared with `[[...]]` headers. */
function tableArrayPaths(text: string, doc: Record<string, unknown>): Set<string> {
  const paths = new Set<string>();
  const header = /^[ \t]*\[\[[ \t]*([^\]\n]*?)[ \t]*\]\][ \t]*(?:#.*)?$/gm;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const parts = m[1].split(/[ \t]*\.[ \t]*/).map((p) => p.replace(/^["']|["']$/g, ''));
    // Record the path through the last element of every enclosing array of tables.
    let node: unknown = doc;
    const path: string[] = [];
    for (const p of parts) {
      if (Array.isArray(node)) {
        path[path.length - 1] += `[${node.length - 1}]`;
        node = node[node.length - 1];
      }
      path.push(p);
      node = (node as Record<string, unknown> | undefined)?.[p];
    }
    paths.add(path.join('.'));
  }
  return paths;
}

/** toml.Unmarshal into map[string]interface{}; throws GoCodecError (`toml: line N: ...`). */
export function parseTOML(text: string): GoMap {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text, { integersAsBigInt: true }) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      const msg = e.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
      throw new GoCodecError(`toml: line ${e.line}: ${msg}`);
    }
    throw e;
  }
  return convert(doc, '', tableArrayPaths(text, doc), fractions(text)) as GoMap;
}
