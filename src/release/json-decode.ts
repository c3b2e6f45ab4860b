// A Release from helm's JSON, as Go's json.Unmarshal reads it: unknown fields ignored, field names matched
// case-insensitively, numbers in values as float64, timestamps normalised (helm 3's `""` is the zero time), and a
// field of the wrong type reported with Go's message.

import { DEPENDENCY_JSON_FIELDS, MAINTAINER_JSON_FIELDS, METADATA_JSON_FIELDS } from '../chart/model.ts';
import type { GoMap, Value } from '../template/value.ts';
import { RecordDecodeError } from './errors.ts';
import { jsonToValue } from './gojson.ts';
import type {
  Chart,
  ChartFile,
  Dependency,
  Hook,
  HookEvent,
  HookExecution,
  HookPhase,
  Info,
  Lock,
  Maintainer,
  Metadata,
  Release,
} from './model.ts';
import type { ReleaseStatus } from './status.ts';
import { normalizeTime, TimeFormatError, type Timestamp } from './time.ts';

type Obj = Record<string, unknown>;

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return `number ${v}`;
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

function mismatch(path: string, v: unknown, goType: string): never {
  throw new RecordDecodeError(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${path} of type ${goType}`);
}

const lowerNames = new Map<readonly string[], Map<string, string>>();

/** The known fields of a JSON object, matched as Go does: exactly, else case-insensitively; the last one wins. */
function fields(v: unknown, names: readonly string[], path: string, goType: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) mismatch(path, v, goType);
  const src = v as Obj;
  const out: Obj = {};
  let lower = lowerNames.get(names);
  for (const k of Object.keys(src)) {
    let name: string | undefined = names.includes(k) ? k : undefined;
    if (name === undefined) {
      if (!lower) lowerNames.set(names, (lower = new Map(names.map((n) => [n.toLowerCase(), n]))));
      name = lower.get(k.toLowerCase());
    }
    if (name !== undefined) out[name] = src[k];
  }
  return out;
}

function str(o: Obj, k: string, path: string): string | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') mismatch(`${path}.${k}`, v, 'string');
  return v;
}

function int(o: Obj, k: string, path: string): number {
  const v = o[k];
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v)) mismatch(`${path}.${k}`, v, 'int');
  return v;
}

function bool(o: Obj, k: string, path: string): boolean | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') mismatch(`${path}.${k}`, v, 'bool');
  return v;
}

function time(o: Obj, k: string, path: string): Timestamp | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') mismatch(`${path}.${k}`, v, 'time.Time');
  try {
    return normalizeTime(v);
  } catch (e) {
    if (e instanceof TimeFormatError) throw new RecordDecodeError(`${path}.${k}: ${e.message}`);
    throw e;
  }
}

const LINE_BREAKS = /[\r\n]/g;
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether a string is padded standard base64, as Go's base64.StdEncoding decodes it (linear: records are big). */
export function isBase64(s: string): boolean {
  return s.length % 4 === 0 && BASE64_CHARS.test(s);
}

function bytes(o: Obj, k: string, path: string): Uint8Array | null {
  const v = o[k];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') mismatch(`${path}.${k}`, v, '[]uint8');
  const clean = v.includes('\n') || v.includes('\r') ? v.replace(LINE_BREAKS, '') : v;
  if (!isBase64(clean)) throw new RecordDecodeError(`${path}.${k}: illegal base64 data`);
  const b = Buffer.from(clean, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function strings(o: Obj, k: string, path: string): string[] | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) mismatch(`${path}.${k}`, v, '[]string');
  for (const x of v) if (typeof x !== 'string') mismatch(`${path}.${k}`, x, 'string');
  return v as string[];
}

function list<T>(o: Obj, k: string, path: string, goType: string, each: (x: unknown) => T): (T | null)[] | null {
  const v = o[k];
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) mismatch(`${path}.${k}`, v, goType);
  return v.map((x) => (x === null ? null : each(x)));
}

function valuesMap(o: Obj, k: string, path: string): GoMap | null {
  const v = o[k];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) mismatch(`${path}.${k}`, v, 'map[string]interface {}');
  return jsonToValue(v) as GoMap;
}

function stringMap(o: Obj, k: string, path: string): Record<string, string> | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) mismatch(`${path}.${k}`, v, 'map[string]string');
  const out: Record<string, string> = Object.create(null);
  for (const [key, x] of Object.entries(v as Obj)) {
    if (x === null) out[key] = '';
    else if (typeof x === 'string') out[key] = x;
    else mismatch(`${path}.${k}`, x, 'string');
  }
  return out;
}

/** Sets `k` on `target` only when the value is not Go's zero, so a re-encoded record omits what helm omits. */
function set<T extends object, K extends keyof T>(target: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined && v !== '' && v !== 0 && v !== false) target[k] = v;
}

const RELEASE_FIELDS = [
  'name',
  'info',
  'chart',
  'config',
  'manifest',
  'hooks',
  'version',
  'namespace',
  'apply_method',
] as const;
const INFO_FIELDS = ['first_deployed', 'last_deployed', 'deleted', 'description', 'status', 'notes'] as const;
const HOOK_FIELDS = [
  'name',
  'kind',
  'path',
  'manifest',
  'events',
  'last_run',
  'weight',
  'delete_policies',
  'output_log_policies',
] as const;
const EXEC_FIELDS = ['started_at', 'completed_at', 'phase'] as const;
const CHART_FIELDS = [
  'metadata',
  'lock',
  'templates',
  'values',
  'schema',
  'schemamodtime',
  'files',
  'modtime',
] as const;
const FILE_FIELDS = ['name', 'data', 'modtime'] as const;
const LOCK_FIELDS = ['generated', 'digest', 'dependencies'] as const;

/** Reads a release from helm's JSON. Throws RecordDecodeError. */
export function decodeReleaseJSON(json: string): Release {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new RecordDecodeError(`release record is not valid JSON: ${(e as Error).message}`);
  }
  return readRelease(parsed);
}

function readRelease(v: unknown): Release {
  const P = 'Release';
  const o = fields(v, RELEASE_FIELDS, P, 'v1.Release');
  const r: Release = { name: str(o, 'name', P) ?? '', version: int(o, 'version', P) };
  if (o.info !== undefined && o.info !== null) r.info = readInfo(o.info);
  if (o.chart !== undefined && o.chart !== null) r.chart = readChart(o.chart);
  const config = valuesMap(o, 'config', P);
  if (config) r.config = config;
  set(r, 'manifest', str(o, 'manifest', P));
  const hooks = list(o, 'hooks', P, '[]*v1.Hook', readHook);
  // A null hook pointer cannot be represented; helm would crash on it, we drop it.
  if (hooks && hooks.length > 0) r.hooks = hooks.filter((h): h is Hook => h !== null);
  set(r, 'namespace', str(o, 'namespace', P));
  set(r, 'apply_method', str(o, 'apply_method', P));
  return r;
}

function readInfo(v: unknown): Info {
  const P = 'Release.info';
  const o = fields(v, INFO_FIELDS, P, 'v1.Info');
  const i: Info = {};
  set(i, 'first_deployed', time(o, 'first_deployed', P));
  set(i, 'last_deployed', time(o, 'last_deployed', P));
  set(i, 'deleted', time(o, 'deleted', P));
  set(i, 'description', str(o, 'description', P));
  set(i, 'status', str(o, 'status', P) as ReleaseStatus | undefined);
  set(i, 'notes', str(o, 'notes', P));
  return i;
}

function readHook(v: unknown): Hook {
  const P = 'Hook';
  const o = fields(v, HOOK_FIELDS, P, 'v1.Hook');
  let lastRun: HookExecution = { phase: '' };
  if (o.last_run !== undefined && o.last_run !== null) {
    const e = fields(o.last_run, EXEC_FIELDS, `${P}.last_run`, 'v1.HookExecution');
    lastRun = { phase: (str(e, 'phase', `${P}.last_run`) ?? '') as HookPhase | '' };
    set(lastRun, 'started_at', time(e, 'started_at', `${P}.last_run`));
    set(lastRun, 'completed_at', time(e, 'completed_at', `${P}.last_run`));
  }
  return {
    name: str(o, 'name', P) ?? '',
    kind: str(o, 'kind', P) ?? '',
    path: str(o, 'path', P) ?? '',
    manifest: str(o, 'manifest', P) ?? '',
    events: (strings(o, 'events', P) ?? []) as HookEvent[],
    last_run: lastRun,
    weight: int(o, 'weight', P),
    delete_policies: strings(o, 'delete_policies', P) ?? [],
    output_log_policies: strings(o, 'output_log_policies', P) ?? [],
  };
}

function readChart(v: unknown): Chart {
  const P = 'Release.chart';
  const o = fields(v, CHART_FIELDS, P, 'v2.Chart');
  const c: Chart = {
    metadata: o.metadata === undefined || o.metadata === null ? null : readMetadata(o.metadata),
    lock: o.lock === undefined || o.lock === null ? null : readLock(o.lock),
    templates: chartFiles(o, 'templates', P),
    values: valuesMap(o, 'values', P),
    schema: bytes(o, 'schema', P),
    files: chartFiles(o, 'files', P),
  };
  set(c, 'schemamodtime', time(o, 'schemamodtime', P));
  set(c, 'modtime', time(o, 'modtime', P));
  return c;
}

// A null file pointer would crash helm; it is dropped.
function chartFiles(o: Obj, k: string, path: string): ChartFile[] | null {
  const fs = list(o, k, path, '[]*common.File', readFile);
  return fs === null ? null : fs.filter((f): f is ChartFile => f !== null);
}

function readFile(v: unknown): ChartFile {
  const P = 'File';
  const o = fields(v, FILE_FIELDS, P, 'common.File');
  const f: ChartFile = { name: str(o, 'name', P) ?? '', data: bytes(o, 'data', P) };
  set(f, 'modtime', time(o, 'modtime', P));
  return f;
}

function readMetadata(v: unknown): Metadata {
  const P = 'Metadata';
  const o = fields(v, METADATA_JSON_FIELDS, P, 'v2.Metadata');
  const m: Metadata = {};
  set(m, 'name', str(o, 'name', P));
  set(m, 'home', str(o, 'home', P));
  setList(m, 'sources', strings(o, 'sources', P));
  set(m, 'version', str(o, 'version', P));
  set(m, 'description', str(o, 'description', P));
  setList(m, 'keywords', strings(o, 'keywords', P));
  setList(m, 'maintainers', list(o, 'maintainers', P, '[]*v2.Maintainer', readMaintainer) ?? undefined);
  set(m, 'icon', str(o, 'icon', P));
  set(m, 'apiVersion', str(o, 'apiVersion', P));
  set(m, 'condition', str(o, 'condition', P));
  set(m, 'tags', str(o, 'tags', P));
  set(m, 'appVersion', str(o, 'appVersion', P));
  set(m, 'deprecated', bool(o, 'deprecated', P));
  const ann = stringMap(o, 'annotations', P);
  if (ann && Object.keys(ann).length > 0) m.annotations = ann;
  set(m, 'kubeVersion', str(o, 'kubeVersion', P));
  setList(m, 'dependencies', list(o, 'dependencies', P, '[]*v2.Dependency', readDependency) ?? undefined);
  set(m, 'type', str(o, 'type', P));
  return m;
}

function setList<T extends object, K extends keyof T>(
  target: T,
  k: K,
  v: T[K] & (readonly unknown[] | undefined),
): void {
  if (v !== undefined && v.length > 0) target[k] = v;
}

function readMaintainer(v: unknown): Maintainer {
  const P = 'Maintainer';
  const o = fields(v, MAINTAINER_JSON_FIELDS, P, 'v2.Maintainer');
  const m: Maintainer = {};
  set(m, 'name', str(o, 'name', P));
  set(m, 'email', str(o, 'email', P));
  set(m, 'url', str(o, 'url', P));
  return m;
}

function readDependency(v: unknown): Dependency {
  const P = 'Dependency';
  const o = fields(v, DEPENDENCY_JSON_FIELDS, P, 'v2.Dependency');
  const d: Dependency = { name: str(o, 'name', P) ?? '', repository: str(o, 'repository', P) ?? '' };
  set(d, 'version', str(o, 'version', P));
  set(d, 'condition', str(o, 'condition', P));
  setList(d, 'tags', strings(o, 'tags', P));
  set(d, 'enabled', bool(o, 'enabled', P));
  const iv = o['import-values'];
  if (iv !== undefined && iv !== null) {
    if (!Array.isArray(iv)) mismatch(`${P}.import-values`, iv, '[]interface {}');
    if (iv.length > 0) d['import-values'] = iv.map(jsonToValue) as Value[];
  }
  set(d, 'alias', str(o, 'alias', P));
  return d;
}

function readLock(v: unknown): Lock {
  const P = 'Lock';
  const o = fields(v, LOCK_FIELDS, P, 'v2.Lock');
  const l: Lock = {
    digest: str(o, 'digest', P) ?? '',
    dependencies: list(o, 'dependencies', P, '[]*v2.Dependency', readDependency),
  };
  set(l, 'generated', time(o, 'generated', P));
  return l;
}
