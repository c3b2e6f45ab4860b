// Chart.yaml (and requirements.yaml, Chart.lock) into typed metadata, as helm reads them: sigs.k8s.io/yaml
// converts the YAML to JSON guided by the target struct, then encoding/json fills the struct.
//
// What that means, and what this module reproduces:
// - a YAML number or boolean bound for a string field becomes its text (ints in decimal, floats as Go's
//   FormatFloat(f, 'g', -1, 32): `appVersion: 1.10` is "1.1"), in lists and maps of strings too;
// - keys match fields exactly or else case-insensitively (`Name:` sets name); unknown keys are ignored;
//   keys are visited in sorted order (JSON marshalling sorts them), so the first error is the first in that order;
// - a type mismatch fails with encoding/json's message, naming the innermost struct and the JSON path:
//   `json: cannot unmarshal object into Go struct field Dependency.dependencies.version of type string`;
// - null leaves a field as it was.
// Then validation (helm's Metadata.Validate) sanitizes strings and checks name, version, type, dependencies.

import { basePath } from '../funcs/paths.ts';
import { parseVersion, SEMVER_V33, SEMVER_V34, SemverError } from '../funcs/semver-version.ts';
import { compareStrings } from '../template/gostring.ts';
import { formatFloat } from '../template/strconv.ts';
import { GoInt, type GoMap, type Value } from '../template/value.ts';
import { goQuote as goQuoteName } from '../values/goquote.ts';
import type { Dialect } from '../values/strvals.ts';
import { ChartValidationError } from './errors.ts';
import {
  type ChartDependency,
  type ChartLock,
  type ChartMetadata,
  emptyDependency,
  emptyMetadata,
  type Maintainer,
} from './model.ts';

/** A Chart.yaml that does not decode; the message is sigs.k8s.io/yaml's (after `cannot load Chart.yaml: `). */
export class MetadataDecodeError extends Error {
  override name = 'MetadataDecodeError';
}

// ---- the struct shapes ---------------------------------------------------------------------------------

type FieldType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'stringSlice' }
  | { kind: 'stringMap' }
  | { kind: 'anySlice' }
  | { kind: 'time' }
  | { kind: 'structSlice'; struct: StructShape };

interface FieldShape {
  readonly json: string;
  readonly key: string;
  readonly type: FieldType;
}

interface StructShape {
  readonly name: string;
  /** Go type name of a pointer slice of it, per dialect: `[]*v2.Maintainer` / `[]*chart.Maintainer`. */
  readonly pkgName: string;
  readonly fields: readonly FieldShape[];
  readonly create: () => Record<string, unknown>;
}

const S = { kind: 'string' } as const;

const MAINTAINER: StructShape = {
  name: 'Maintainer',
  pkgName: 'Maintainer',
  fields: [
    { json: 'name', key: 'name', type: S },
    { json: 'email', key: 'email', type: S },
    { json: 'url', key: 'url', type: S },
  ],
  create: () => ({ name: '', email: '', url: '' }),
};

const DEPENDENCY: StructShape = {
  name: 'Dependency',
  pkgName: 'Dependency',
  fields: [
    { json: 'name', key: 'name', type: S },
    { json: 'version', key: 'version', type: S },
    { json: 'repository', key: 'repository', type: S },
    { json: 'condition', key: 'condition', type: S },
    { json: 'tags', key: 'tags', type: { kind: 'stringSlice' } },
    { json: 'enabled', key: 'enabled', type: { kind: 'bool' } },
    { json: 'import-values', key: 'importValues', type: { kind: 'anySlice' } },
    { json: 'alias', key: 'alias', type: S },
  ],
  create: () => emptyDependency() as unknown as Record<string, unknown>,
};

const METADATA: StructShape = {
  name: 'Metadata',
  pkgName: 'Metadata',
  fields: [
    { json: 'name', key: 'name', type: S },
    { json: 'home', key: 'home', type: S },
    { json: 'sources', key: 'sources', type: { kind: 'stringSlice' } },
    { json: 'version', key: 'version', type: S },
    { json: 'description', key: 'description', type: S },
    { json: 'keywords', key: 'keywords', type: { kind: 'stringSlice' } },
    { json: 'maintainers', key: 'maintainers', type: { kind: 'structSlice', struct: MAINTAINER } },
    { json: 'icon', key: 'icon', type: S },
    { json: 'apiVersion', key: 'apiVersion', type: S },
    { json: 'condition', key: 'condition', type: S },
    { json: 'tags', key: 'tags', type: S },
    { json: 'appVersion', key: 'appVersion', type: S },
    { json: 'deprecated', key: 'deprecated', type: { kind: 'bool' } },
    { json: 'annotations', key: 'annotations', type: { kind: 'stringMap' } },
    { json: 'kubeVersion', key: 'kubeVersion', type: S },
    { json: 'dependencies', key: 'dependencies', type: { kind: 'structSlice', struct: DEPENDENCY } },
    { json: 'type', key: 'type', type: S },
  ],
  create: () => emptyMetadata() as unknown as Record<string, unknown>,
};

const LOCK: StructShape = {
  name: 'Lock',
  pkgName: 'Lock',
  fields: [
    { json: 'generated', key: 'generated', type: { kind: 'time' } },
    { json: 'digest', key: 'digest', type: S },
    { json: 'dependencies', key: 'dependencies', type: { kind: 'structSlice', struct: DEPENDENCY } },
  ],
  create: () => ({ generated: '', digest: '', dependencies: [] }),
};

// ---- decoding ------------------------------------------------------------------------------------------

class Decoder {
  /** The first type error, as encoding/json keeps it. */
  err: string | undefined;

  constructor(private readonly pkg: string) {}

  private typeError(value: Value, typeName: string, struct: string | undefined, path: string[]): void {
    if (this.err !== undefined) return;
    const kind = jsonKind(value);
    this.err =
      struct === undefined
        ? `json: cannot unmarshal ${kind} into Go value of type ${typeName}`
        : `json: cannot unmarshal ${kind} into Go struct field ${struct}.${path.join('.')} of type ${typeName}`;
  }

  typeName(t: FieldType): string {
    switch (t.kind) {
      case 'string':
        return 'string';
      case 'bool':
        return 'bool';
      case 'stringSlice':
        return '[]string';
      case 'stringMap':
        return 'map[string]string';
      case 'anySlice':
        return '[]interface {}';
      case 'time':
        return 'time.Time';
      case 'structSlice':
        return `[]*${this.pkg}.${t.struct.pkgName}`;
    }
  }

  /** Fills `target` from a YAML map, as json.Unmarshal into an existing struct does. */
  decodeStruct(shape: StructShape, src: GoMap, target: Record<string, unknown>, path: string[]): void {
    const keys = [...src.keys()].sort(compareStrings);
    for (const key of keys) {
      const f = findField(shape, key);
      if (!f) continue;
      const v = src.get(key) as Value;
      const fpath = [...path, f.json];
      const cur = this.decodeField(f.type, v, target[f.key], shape.name, fpath);
      if (cur !== KEEP) target[f.key] = cur;
    }
  }

  private decodeField(t: FieldType, v: Value, current: unknown, struct: string, path: string[]): unknown {
    if (v === null || v === undefined) {
      // null leaves the field alone, except that it empties slices and maps (Go sets them to nil).
      if (t.kind === 'structSlice' || t.kind === 'stringSlice' || t.kind === 'anySlice') {
        return t.kind === 'structSlice' && struct === 'Metadata' && path[path.length - 1] === 'dependencies'
          ? undefined
          : [];
      }
      if (t.kind === 'stringMap') return null;
      return KEEP;
    }
    switch (t.kind) {
      case 'string': {
        const s = toStringTarget(v);
        if (s === undefined) {
          this.typeError(v, 'string', struct, path);
          return KEEP;
        }
        return s;
      }
      case 'bool':
        if (typeof v === 'boolean') return v;
        this.typeError(v, 'bool', struct, path);
        return KEEP;
      case 'time':
        if (typeof v === 'string') return v;
        this.typeError(v, 'time.Time', struct, path);
        return KEEP;
      case 'stringSlice': {
        if (!Array.isArray(v)) {
          this.typeError(v, '[]string', struct, path);
          return KEEP;
        }
        return v.map((x) => {
          if (x === null || x === undefined) return '';
          const s = toStringTarget(x);
          if (s === undefined) {
            this.typeError(x, 'string', struct, path);
            return '';
          }
          return s;
        });
      }
      case 'stringMap': {
        if (!(v instanceof Map)) {
          this.typeError(v, 'map[string]string', struct, path);
          return KEEP;
        }
        const out = current instanceof Map ? (current as Map<string, string>) : new Map<string, string>();
        for (const [k, x] of v) {
          if (x === null || x === undefined) {
            out.set(k, '');
            continue;
          }
          const s = toStringTarget(x);
          if (s === undefined) this.typeError(x, 'string', struct, path);
          else out.set(k, s);
        }
        return out;
      }
      case 'anySlice':
        if (!Array.isArray(v)) {
          this.typeError(v, '[]interface {}', struct, path);
          return KEEP;
        }
        return v.map(jsonRoundTrip);
      case 'structSlice': {
        if (!Array.isArray(v)) {
          this.typeError(v, this.typeName(t), struct, path);
          return KEEP;
        }
        return v.map((x) => {
          if (x === null || x === undefined) return null;
          if (!(x instanceof Map)) {
            this.typeError(x, `${this.pkg}.${t.struct.pkgName}`, struct, path);
            return null;
          }
          const item = t.struct.create();
          this.decodeStruct(t.struct, x, item, path);
          return item;
        });
      }
    }
  }

  /** The top-level value must be a map (or null). */
  top(shape: StructShape, v: Value, target: Record<string, unknown>, typeName: string): void {
    if (v === null || v === undefined) return;
    if (!(v instanceof Map)) {
      this.typeError(v, typeName, undefined, []);
      return;
    }
    this.decodeStruct(shape, v, target, []);
  }
}

const KEEP = Symbol('keep');

function findField(shape: StructShape, key: string): FieldShape | undefined {
  let folded: FieldShape | undefined;
  for (const f of shape.fields) {
    if (f.json === key) return f;
    if (folded === undefined && f.json.toLowerCase() === key.toLowerCase()) folded = f;
  }
  return folded;
}

function jsonKind(v: Value): string {
  if (v instanceof Map) return 'object';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || v instanceof GoInt) return 'number';
  return 'string';
}

/** A YAML scalar bound for a Go string, as sigs.k8s.io/yaml converts it; undefined if it cannot be one. */
function toStringTarget(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'number') return formatFloat32G(v);
  return undefined;
}

/** The value encoding/json gives an interface{} after the YAML→JSON round trip: ints become float64. */
function jsonRoundTrip(v: Value): Value {
  if (v instanceof GoInt) return Number(v.value);
  if (Array.isArray(v)) return v.map(jsonRoundTrip);
  if (v instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of v) m.set(k, jsonRoundTrip(x));
    return m;
  }
  return v;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32): how sigs.k8s.io/yaml writes a float bound for a string. */
export function formatFloat32G(f: number): string {
  return formatFloat(f, 'g', -1, 32);
}

function pkgOf(dialect: Dialect): string {
  return dialect === 'helm3' ? 'chart' : 'v2';
}

/**
 * Decodes a Chart.yaml (or requirements.yaml) document into `into` (a fresh metadata by default), as
 * yaml.Unmarshal into *chart.Metadata does. `doc` is the YAML read with integers kept as GoInt.
 * Throws MetadataDecodeError with sigs.k8s.io/yaml's message.
 */
export function decodeMetadata(doc: Value, dialect: Dialect = 'helm4', into?: ChartMetadata): ChartMetadata {
  const md = into ?? emptyMetadata();
  const pkg = pkgOf(dialect);
  const d = new Decoder(pkg);
  d.top(METADATA, doc, md as unknown as Record<string, unknown>, `${pkg}.Metadata`);
  if (d.err !== undefined) throw new MetadataDecodeError(`error unmarshaling JSON: while decoding JSON: ${d.err}`);
  return md;
}

/** Decodes Chart.lock / requirements.lock. */
export function decodeLock(doc: Value, dialect: Dialect = 'helm4'): ChartLock {
  const lock = LOCK.create() as unknown as ChartLock;
  const pkg = pkgOf(dialect);
  const d = new Decoder(pkg);
  d.top(LOCK, doc, lock as unknown as Record<string, unknown>, `${pkg}.Lock`);
  if (d.err !== undefined) throw new MetadataDecodeError(`error unmarshaling JSON: while decoding JSON: ${d.err}`);
  return lock;
}

// ---- validation ----------------------------------------------------------------------------------------

const ALIAS_FORMAT = /^[a-zA-Z0-9_-]+$/;
/** Printable ASCII, all of it in the classes below: the common case, without making the Unicode classes. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
// Made on first use: V8 parses a Unicode-class RegExp when it creates it (~0.6 ms for this one).
let nonPrintable: RegExp | undefined;

/** helm's sanitizeString: white space becomes ' ', other non-printable runes are dropped. */
export function sanitizeString(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return s;
  nonPrintable ??= /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;
  if (!nonPrintable.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (SPACE.test(ch)) out += ' ';
    else if (!nonPrintable.test(ch)) out += ch;
  }
  return out;
}

/**
 * helm's Metadata.Validate: sanitizes the strings it sanitizes (mutating `md`, as helm does) and throws
 * ChartValidationError with helm's message on the first problem.
 */
export function validateMetadata(md: ChartMetadata, dialect: Dialect = 'helm4'): void {
  md.name = sanitizeString(md.name);
  md.description = sanitizeString(md.description);
  md.home = sanitizeString(md.home);
  md.icon = sanitizeString(md.icon);
  md.condition = sanitizeString(md.condition);
  md.tags = sanitizeString(md.tags);
  md.appVersion = sanitizeString(md.appVersion);
  md.kubeVersion = sanitizeString(md.kubeVersion);
  md.sources = md.sources.map(sanitizeString);
  md.keywords = md.keywords.map(sanitizeString);

  if (md.apiVersion === '') throw new ChartValidationError('chart.metadata.apiVersion is required');
  if (md.name === '') throw new ChartValidationError('chart.metadata.name is required');
  if (dialect === 'helm4' && (md.name === '.' || md.name === '..')) {
    throw new ChartValidationError(`chart.metadata.name ${goQuoteName(md.name)} is not allowed`);
  }
  if (md.name !== basePath(md.name))
    throw new ChartValidationError(`chart.metadata.name ${goQuoteName(md.name)} is invalid`);
  if (md.version === '') throw new ChartValidationError('chart.metadata.version is required');
  try {
    parseVersion(md.version, dialect === 'helm3' ? SEMVER_V33 : SEMVER_V34);
  } catch (e) {
    if (!(e instanceof SemverError)) throw e;
    throw new ChartValidationError(`chart.metadata.version ${goQuoteName(md.version)} is invalid`);
  }
  if (md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    throw new ChartValidationError('chart.metadata.type must be application or library');
  }
  for (const m of md.maintainers) {
    if (m === null) throw new ChartValidationError('maintainers must not contain empty or null nodes');
    sanitizeMaintainer(m);
  }
  const seen = new Set<string>();
  for (const d of md.dependencies ?? []) {
    validateDependency(d);
    const key = d!.alias !== '' ? d!.alias : d!.name;
    if (seen.has(key))
      throw new ChartValidationError(`more than one dependency with name or alias ${goQuoteName(key)}`);
    seen.add(key);
  }
}

function sanitizeMaintainer(m: Maintainer): void {
  m.name = sanitizeString(m.name);
  m.email = sanitizeString(m.email);
  m.url = sanitizeString(m.url);
}

function validateDependency(d: ChartDependency | null): asserts d is ChartDependency {
  if (d === null) throw new ChartValidationError('dependencies must not contain empty or null nodes');
  d.name = sanitizeString(d.name);
  d.version = sanitizeString(d.version);
  d.repository = sanitizeString(d.repository);
  d.condition = sanitizeString(d.condition);
  d.tags = d.tags.map(sanitizeString);
  if (d.alias !== '' && !ALIAS_FORMAT.test(d.alias)) {
    throw new ChartValidationError(`dependency ${goQuoteName(d.name)} has disallowed characters in the alias`);
  }
}
