// The release record codec: a Release as the JSON helm writes (field order, omitempty rules and escapes of Go's
// encoding/json), and that JSON gzipped and base64-encoded as helm's storage drivers keep it
// (pkg/storage/driver/util.go). Decoding follows Go's json.Unmarshal: unknown fields are ignored, field names
// match case-insensitively, numbers in values become float64, and timestamps are normalised.

import { gunzipSync, gzipSync, constants as zlib } from 'node:zlib';
import type { GoMap, Value } from '../template/value.ts';
import { RecordDecodeError } from './errors.ts';
import { base64, jsonToValue, quote, writeMap, writeStringMap, writeValue } from './gojson.ts';
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
import { GO_ZERO_TIME, normalizeTime, TimeFormatError, type Timestamp } from './time.ts';

/**
 * Which helm's JSON to write. `helm4` (the default) is helm 4.1.4's; `helm3` is helm 3.17.2's, which writes `""`
 * for zero timestamps, always writes `info.deleted`, and lacks `apply_method`, `output_log_policies` and the
 * chart's mod times. Both helms read either form.
 */
export type RecordFlavor = 'helm4' | 'helm3';

export interface EncodeOptions {
  flavor?: RecordFlavor;
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

/** The release as helm's json.Marshal writes it. */
export function encodeReleaseJSON(rel: Release, opts: EncodeOptions = {}): string {
  const w = new Writer(opts.flavor ?? 'helm4');
  w.release(rel);
  return w.out.join('');
}

class Writer {
  readonly out: string[] = [];
  private first = true;
  constructor(readonly flavor: RecordFlavor) {}

  private open(): boolean {
    const outer = this.first;
    this.out.push('{');
    this.first = true;
    return outer;
  }

  private close(outer: boolean): void {
    this.out.push('}');
    this.first = outer;
  }

  private key(name: string): void {
    this.out.push(this.first ? `"${name}":` : `,"${name}":`);
    this.first = false;
  }

  private str(name: string, v: string | undefined, omitEmpty = true): void {
    if (omitEmpty && !v) return;
    this.key(name);
    this.out.push(quote(v ?? ''));
  }

  private int(name: string, v: number | undefined): void {
    if (!v) return;
    this.key(name);
    this.out.push(String(v));
  }

  private strings(name: string, v: readonly string[] | undefined): void {
    if (!v || v.length === 0) return;
    this.key(name);
    this.out.push('[', v.map(quote).join(','), ']');
  }

  /** A time.Time field: `omitzero` in helm 4; in helm 3, helm's own time type writes `""` for zero. */
  private time(name: string, v: Timestamp | undefined, helm3Always: boolean): void {
    if (v === undefined) {
      if (this.flavor === 'helm3' && helm3Always) {
        this.key(name);
        this.out.push('""');
      }
      return;
    }
    this.key(name);
    this.out.push(quote(v));
  }

  private bytes(v: Uint8Array | null): void {
    this.out.push(v === null ? 'null' : `"${base64(v)}"`);
  }

  release(r: Release): void {
    const o = this.open();
    this.str('name', r.name);
    if (r.info) {
      this.key('info');
      this.info(r.info);
    }
    if (r.chart) {
      this.key('chart');
      this.chart(r.chart);
    }
    if (r.config && r.config.size > 0) {
      this.key('config');
      writeMap(r.config, this.out);
    }
    this.str('manifest', r.manifest);
    if (r.hooks && r.hooks.length > 0) {
      this.key('hooks');
      this.out.push('[');
      r.hooks.forEach((h, i) => {
        if (i > 0) this.out.push(',');
        this.hook(h);
      });
      this.out.push(']');
    }
    this.int('version', r.version);
    this.str('namespace', r.namespace);
    if (this.flavor === 'helm4') this.str('apply_method', r.apply_method);
    this.close(o);
  }

  private info(i: Info): void {
    const o = this.open();
    // helm 3: `first_deployed`/`last_deployed` have omitempty, which never omits a struct; `deleted` has none.
    this.time('first_deployed', i.first_deployed, true);
    this.time('last_deployed', i.last_deployed, true);
    this.time('deleted', i.deleted, true);
    this.str('description', i.description);
    this.str('status', i.status);
    this.str('notes', i.notes);
    this.close(o);
  }

  private hook(h: Hook): void {
    const o = this.open();
    this.str('name', h.name);
    this.str('kind', h.kind);
    this.str('path', h.path);
    this.str('manifest', h.manifest);
    this.strings('events', h.events);
    this.key('last_run');
    const lo = this.open();
    this.time('started_at', h.last_run.started_at, true);
    this.time('completed_at', h.last_run.completed_at, true);
    this.key('phase');
    this.out.push(quote(h.last_run.phase));
    this.close(lo);
    this.int('weight', h.weight);
    this.strings('delete_policies', h.delete_policies);
    if (this.flavor === 'helm4') this.strings('output_log_policies', h.output_log_policies);
    this.close(o);
  }

  private chart(c: Chart): void {
    const o = this.open();
    this.key('metadata');
    if (c.metadata) this.metadata(c.metadata);
    else this.out.push('null');
    this.key('lock');
    if (c.lock) this.lock(c.lock);
    else this.out.push('null');
    this.key('templates');
    this.files(c.templates);
    this.key('values');
    if (c.values) writeMap(c.values, this.out);
    else this.out.push('null');
    this.key('schema');
    this.bytes(c.schema);
    if (this.flavor === 'helm4') {
      this.key('schemamodtime');
      this.out.push(quote(c.schemamodtime ?? GO_ZERO_TIME));
    }
    this.key('files');
    this.files(c.files);
    if (this.flavor === 'helm4') this.time('modtime', c.modtime, false);
    this.close(o);
  }

  private files(fs: ChartFile[] | null): void {
    if (fs === null) {
      this.out.push('null');
      return;
    }
    this.out.push('[');
    fs.forEach((f, i) => {
      if (i > 0) this.out.push(',');
      const o = this.open();
      this.str('name', f.name, false);
      this.key('data');
      this.bytes(f.data);
      if (this.flavor === 'helm4') this.time('modtime', f.modtime, false);
      this.close(o);
    });
    this.out.push(']');
  }

  private metadata(m: Metadata): void {
    const o = this.open();
    this.str('name', m.name);
    this.str('home', m.home);
    this.strings('sources', m.sources);
    this.str('version', m.version);
    this.str('description', m.description);
    this.strings('keywords', m.keywords);
    if (m.maintainers && m.maintainers.length > 0) {
      this.key('maintainers');
      this.list(m.maintainers, (x) => this.maintainer(x));
    }
    this.str('icon', m.icon);
    this.str('apiVersion', m.apiVersion);
    this.str('condition', m.condition);
    this.str('tags', m.tags);
    this.str('appVersion', m.appVersion);
    if (m.deprecated) {
      this.key('deprecated');
      this.out.push('true');
    }
    if (m.annotations && Object.keys(m.annotations).length > 0) {
      this.key('annotations');
      writeStringMap(m.annotations, this.out);
    }
    this.str('kubeVersion', m.kubeVersion);
    if (m.dependencies && m.dependencies.length > 0) {
      this.key('dependencies');
      this.list(m.dependencies, (d) => this.dependency(d));
    }
    this.str('type', m.type);
    this.close(o);
  }

  private list<T>(items: readonly (T | null)[], each: (x: T) => void): void {
    this.out.push('[');
    items.forEach((x, i) => {
      if (i > 0) this.out.push(',');
      if (x === null) this.out.push('null');
      else each(x);
    });
    this.out.push(']');
  }

  private maintainer(m: Maintainer): void {
    const o = this.open();
    this.str('name', m.name);
    this.str('email', m.email);
    this.str('url', m.url);
    this.close(o);
  }

  private dependency(d: Dependency): void {
    const o = this.open();
    this.str('name', d.name, false);
    this.str('version', d.version);
    this.str('repository', d.repository, false);
    this.str('condition', d.condition);
    this.strings('tags', d.tags);
    if (d.enabled) {
      this.key('enabled');
      this.out.push('true');
    }
    const iv = d['import-values'];
    if (iv && iv.length > 0) {
      this.key('import-values');
      writeValue(iv, this.out);
    }
    this.str('alias', d.alias);
    this.close(o);
  }

  private lock(l: Lock): void {
    const o = this.open();
    this.key('generated');
    this.out.push(quote(l.generated ?? GO_ZERO_TIME));
    this.str('digest', l.digest, false);
    this.key('dependencies');
    if (l.dependencies === null) this.out.push('null');
    else this.list(l.dependencies, (d) => this.dependency(d));
    this.close(o);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

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

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function bytes(o: Obj, k: string, path: string): Uint8Array | null {
  const v = o[k];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') mismatch(`${path}.${k}`, v, '[]uint8');
  const clean = v.includes('\n') || v.includes('\r') ? v.replace(/[\r\n]/g, '') : v;
  if (!BASE64.test(clean)) throw new RecordDecodeError(`${path}.${k}: illegal base64 data`);
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
const METADATA_FIELDS = [
  'name',
  'home',
  'sources',
  'version',
  'description',
  'keywords',
  'maintainers',
  'icon',
  'apiVersion',
  'condition',
  'tags',
  'appVersion',
  'deprecated',
  'annotations',
  'kubeVersion',
  'dependencies',
  'type',
] as const;
const MAINTAINER_FIELDS = ['name', 'email', 'url'] as const;
const DEPENDENCY_FIELDS = [
  'name',
  'version',
  'repository',
  'condition',
  'tags',
  'enabled',
  'import-values',
  'alias',
] as const;
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
  const o = fields(v, METADATA_FIELDS, P, 'v2.Metadata');
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
  const o = fields(v, MAINTAINER_FIELDS, P, 'v2.Maintainer');
  const m: Maintainer = {};
  set(m, 'name', str(o, 'name', P));
  set(m, 'email', str(o, 'email', P));
  set(m, 'url', str(o, 'url', P));
  return m;
}

function readDependency(v: unknown): Dependency {
  const P = 'Dependency';
  const o = fields(v, DEPENDENCY_FIELDS, P, 'v2.Dependency');
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

// ---------------------------------------------------------------------------------------------------------------
// Record data: base64(gzip(json))

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

/** The `release` data of a record: the JSON, gzipped at best compression, base64-encoded (as helm's driver). */
export function encodeRecordData(rel: Release, opts: EncodeOptions = {}): string {
  const json = encodeReleaseJSON(rel, opts);
  return gzipSync(Buffer.from(json, 'utf8'), { level: zlib.Z_BEST_COMPRESSION }).toString('base64');
}

/** Reads a record's `release` data; data that is not gzipped (records older than helm 3.0's compression) is read as is. */
export function decodeRecordData(data: string): Release {
  if (!BASE64.test(data)) throw new RecordDecodeError('release record data is not valid base64');
  let b: Buffer = Buffer.from(data, 'base64');
  if (b.length > 3 && b[0] === GZIP_MAGIC[0] && b[1] === GZIP_MAGIC[1] && b[2] === GZIP_MAGIC[2]) {
    try {
      b = gunzipSync(b);
    } catch (e) {
      throw new RecordDecodeError(`release record data is not valid gzip: ${(e as Error).message}`);
    }
  }
  return decodeReleaseJSON(b.toString('utf8'));
}

/** Storage objects are named `sh.helm.release.v1.<name>.v<revision>`. */
export const RECORD_PREFIX = 'sh.helm.release.v1';

export function recordKey(name: string, version: number): string {
  return `${RECORD_PREFIX}.${name}.v${version}`;
}

/** Labels helm's driver sets itself; the rest of a record's labels are the release's custom labels. */
export const SYSTEM_LABELS: readonly string[] = ['name', 'owner', 'status', 'version', 'createdAt', 'modifiedAt'];

export function isSystemLabel(key: string): boolean {
  return SYSTEM_LABELS.includes(key);
}
