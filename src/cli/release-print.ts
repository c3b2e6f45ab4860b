// Printing releases as helm prints them: gosuri/uitable tables (cells padded, joined by tabs), Go's time layouts,
// the status block of install/upgrade/status/get all, kubectl's default object table for RESOURCES, and the
// -o json (encoding/json, HTML-safe) and -o yaml (sigs.k8s.io/yaml: JSON, then YAML with sorted keys) forms.

import type { KubeObject } from '../backend/object.ts';
import { formatTime as formatGoLayout } from '../funcs/time-format.ts';
import { GoTime } from '../funcs/time-value.ts';
import { fixedZone, type Location, localLocation, UTC } from '../funcs/time-zone.ts';
import { marshalYaml } from '../goyaml/index.ts';
import { encodeReleaseJSON } from '../release/codec.ts';
import { jsonToValue, quote, writeValue } from '../release/gojson.ts';
import type { Release } from '../release/model.ts';
import type { ResourceGroups } from '../release/release-status.ts';
import { parseTime, type Timestamp, timeToMillis } from '../release/time.ts';
import { fromJS } from '../template/value.ts';

// ---------------------------------------------------------------------------------------------------------------
// Times

const ANSIC = 'Mon Jan _2 15:04:05 2006';
const GO_STRING = '2006-01-02 15:04:05.999999999 -0700 MST';

let local: Location | undefined;
function localZone(): Location {
  local ??= localLocation(process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  return local;
}

/** A record's timestamp as Go's time.Time after json.Unmarshal: UTC for `Z`, Local if the offset is Local's. */
export function goTime(ts: Timestamp): GoTime {
  const t = parseTime(ts);
  let loc: Location;
  if (t.offsetSeconds === 0 && ts.endsWith('Z')) loc = UTC;
  else if (localZone().lookup(t.seconds).offset === t.offsetSeconds) loc = localZone();
  else loc = fixedZone('', t.offsetSeconds);
  return new GoTime(t.seconds, t.nanos, loc);
}

/** `Mon Jan  2 15:04:05 2006`. */
export function ansic(ts: Timestamp): string {
  return formatGoLayout(goTime(ts), ANSIC);
}

/** Go's Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`. */
export function goTimeString(ts: Timestamp): string {
  return formatGoLayout(goTime(ts), GO_STRING);
}

export function goLayout(ts: Timestamp, layout: string): string {
  return formatGoLayout(goTime(ts), layout);
}

/** RFC 3339 without fractions, as `time.RFC3339` formats. */
export function rfc3339(ts: Timestamp): string {
  return formatGoLayout(goTime(ts), '2006-01-02T15:04:05Z07:00');
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

const ANSI = /\x1b\[[0-9;]*m/g;

function width(s: string): number {
  return [...s.replace(ANSI, '')].length;
}

/** gosuri/uitable: every cell padded to its column's width, cells joined by a tab; EncodeTable adds a newline. */
export function uitable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '\n';
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(c));
    });
  }
  const lines = rows.map((r) => r.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - width(c)))).join('\t'));
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Colours (fatih/color through helm's internal/cli/output)

export interface Colors {
  enabled: boolean;
}

const wrap = (c: Colors, code: string, s: string) => (c.enabled ? `\x1b[${code}m${s}\x1b[0m` : s);

export function colorStatus(status: string, c: Colors): string {
  switch (status) {
    case 'deployed':
      return wrap(c, '32', status);
    case 'failed':
    case 'unknown':
      return wrap(c, '31', status);
    case 'pending-install':
    case 'pending-upgrade':
    case 'pending-rollback':
    case 'uninstalling':
      return wrap(c, '33', status);
    default:
      return status;
  }
}

export const colorNamespace = (ns: string, c: Colors) => wrap(c, '36', ns);
export const colorHeader = (h: string, c: Colors) => wrap(c, '1', h);

// ---------------------------------------------------------------------------------------------------------------
// The status block

export interface StatusPrintOptions {
  debug?: boolean;
  showMetadata?: boolean;
  hideNotes?: boolean;
  colors: Colors;
  resources?: ResourceGroups;
  /** `COMPUTED VALUES:` with --debug and `get all`. */
  computedValues?: () => unknown;
  now?: () => number;
}

/** helm's statusPrinter.WriteTable. */
export function statusTable(rel: Release, o: StatusPrintOptions): string {
  let out = `NAME: ${rel.name}\n`;
  if (rel.info?.last_deployed) out += `LAST DEPLOYED: ${ansic(rel.info.last_deployed)}\n`;
  out += `NAMESPACE: ${colorNamespace(rel.namespace ?? '', o.colors)}\n`;
  out += `STATUS: ${colorStatus(rel.info?.status ?? '', o.colors)}\n`;
  out += `REVISION: ${rel.version}\n`;
  if (o.showMetadata) {
    out += `CHART: ${rel.chart?.metadata?.name ?? ''}\n`;
    out += `VERSION: ${rel.chart?.metadata?.version ?? ''}\n`;
    out += `APP_VERSION: ${rel.chart?.metadata?.appVersion ?? ''}\n`;
  }
  out += `DESCRIPTION: ${rel.info?.description ?? ''}\n`;
  if (o.resources && o.resources.size > 0)
    out += `RESOURCES:\n${resourceTables(o.resources, o.now?.() ?? Date.now())}\n`;
  const tests = (rel.hooks ?? []).filter((h) => h.events.includes('test'));
  if (tests.length === 0) out += 'TEST SUITE: None\n';
  else {
    for (const h of tests) {
      if (!h.last_run.started_at) continue;
      out += `TEST SUITE:     ${h.name}\n`;
      out += `Last Started:   ${ansic(h.last_run.started_at)}\n`;
      out += `Last Completed: ${h.last_run.completed_at ? ansic(h.last_run.completed_at) : ansic('0001-01-01T00:00:00Z')}\n`;
      out += `Phase:          ${h.last_run.phase}\n`;
    }
  }
  if (o.debug) {
    out += `USER-SUPPLIED VALUES:\n${yamlOf(rel.config ?? new Map())}\n`;
    out += `COMPUTED VALUES:\n${yamlOf(o.computedValues?.() ?? new Map())}\n`;
  }
  if ((rel.info?.description ?? '').toLowerCase() === 'dry run complete' || o.debug) {
    out += 'HOOKS:\n';
    for (const h of rel.hooks ?? []) out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    out += `MANIFEST:\n${rel.manifest ?? ''}\n`;
  }
  if (!o.hideNotes && rel.info?.notes) out += `NOTES:\n${rel.info.notes.trim()}\n`;
  return out;
}

/** kubectl's printing of objects helm's status fetched: `==> v1/Kind` then NAME and AGE (headers once). */
export function resourceTables(groups: ResourceGroups, nowMs: number): string {
  let out = '';
  let printedHeader = false;
  for (const [key, objs] of groups) {
    out += `==> ${key}\n`;
    for (const o of objs) {
      const items = Array.isArray(o.items) ? (o.items as KubeObject[]) : [o];
      const rows: string[][] = [];
      if (!printedHeader && items.length > 0) {
        rows.push(['NAME', 'AGE']);
        printedHeader = true;
      }
      for (const it of items) rows.push([it.metadata?.name ?? '', age(it.metadata?.creationTimestamp, nowMs)]);
      out += tabwriter(rows);
    }
    out += '\n';
  }
  return out;
}

// Go's text/tabwriter as kubectl configures it (minwidth 6, padding 3): every cell but the last padded.
function tabwriter(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.slice(0, -1).forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(c) + 3, 6);
    });
  }
  return rows
    .map((r) => `${r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(widths[i] - width(c)) : c)).join('')}\n`)
    .join('');
}

/** duration.HumanDuration of an object's age, `<unknown>` without a creation time. */
export function age(created: string | undefined, nowMs: number): string {
  if (!created) return '<unknown>';
  const ms = nowMs - timeToMillis(created);
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON and YAML

/** json.NewEncoder(out).Encode(release): the release JSON (with live resources, if any) and a newline. */
export function releaseJSON(rel: Release, resources?: ResourceGroups): string {
  if (!resources || resources.size === 0) return `${encodeReleaseJSON(rel)}\n`;
  return `${encodeReleaseJSON({ ...rel, info: { ...rel.info, resources: Object.fromEntries(resources) } })}\n`;
}

/** sigs.k8s.io/yaml.Marshal of what the JSON describes. */
export function yamlOfJSON(json: string): string {
  return marshalYaml(jsonToValue(JSON.parse(json)));
}

/** sigs.k8s.io/yaml.Marshal of values (maps with sorted keys); an empty map read from a record is Go's nil map. */
export function yamlOf(v: unknown): string {
  if (v instanceof Map && v.size === 0) return 'null\n';
  return marshalYaml(v instanceof Map ? (v as ReturnType<typeof fromJS>) : fromJS(v));
}

/** encoding/json of plain data, keys in the order given (struct fields) and HTML-safe strings, with a newline. */
export function jsonLine(v: unknown): string {
  return `${jsonOf(v)}\n`;
}

export function jsonOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Map) {
    if (v.size === 0) return 'null';
    const out: string[] = [];
    writeValue(v as ReturnType<typeof fromJS>, out);
    return out.join('');
  }
  if (Array.isArray(v)) return `[${v.map(jsonOf).join(',')}]`;
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    parts.push(`${quote(k)}:${jsonOf(x)}`);
  }
  return `{${parts.join(',')}}`;
}
