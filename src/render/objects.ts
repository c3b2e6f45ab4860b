// The built-in objects a template sees besides .Values: .Release, .Chart, .Template, as Helm builds them.
import { type GoMap, type GoSlice, GoStruct, goInt, NO_FIELD, type Value, withType } from '../template/value.ts';
import type { ChartDependency, ChartMetadata, Maintainer } from '../chart/model.ts';
import type { HelmDialect } from './dialect.ts';

export interface ReleaseInfo {
  name: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  isInstall: boolean;
}

/** `.Release`: a plain map in both helms, so a missing field prints nothing rather than failing. */
export function releaseObject(r: ReleaseInfo): GoMap {
  return new Map<string, Value>([
    ['Name', r.name],
    ['Namespace', r.namespace],
    ['IsUpgrade', r.isUpgrade],
    ['IsInstall', r.isInstall],
    ['Revision', goInt(r.revision)],
    ['Service', 'Helm'],
  ]);
}

/** `.Template` for one file. */
export function templateObject(name: string, basePath: string): GoMap {
  return new Map<string, Value>([
    ['Name', name],
    ['BasePath', basePath],
  ]);
}

/** `.Chart`: helm 4 converts the metadata struct to a map keyed by Go field names; helm 3 passes a struct. */
export function chartObject(meta: ChartMetadata, isRoot: boolean, dialect: HelmDialect): Value {
  return dialect === 'helm4' ? chartMap(meta, isRoot) : new ChartStruct(meta, isRoot);
}

const anySlice = (xs: readonly Value[] | undefined): GoSlice => (xs ? [...xs] : []);

function stringMapOrNil(m: ReadonlyMap<string, string> | null): Value {
  if (!m) return null;
  return withType(new Map(m), { name: 'map[string]string', elem: 'string' });
}

// structToMap of a nil pointer element is nil; Go keeps the entry.
function dependencyMap(d: ChartDependency | null): Value {
  if (!d) return null;
  return new Map<string, Value>([
    ['Name', d.name],
    ['Version', d.version],
    ['Repository', d.repository],
    ['Condition', d.condition],
    ['Tags', anySlice(d.tags)],
    ['Enabled', d.enabled],
    ['ImportValues', anySlice(d.importValues)],
    ['Alias', d.alias],
  ]);
}

function maintainerMap(x: Maintainer | null): Value {
  if (!x) return null;
  return new Map<string, Value>([
    ['Name', x.name],
    ['Email', x.email],
    ['URL', x.url],
  ]);
}

// helm 4's structToMap: every field present, nil slices become empty lists, nested structs become maps.
function chartMap(m: ChartMetadata, isRoot: boolean): GoMap {
  return new Map<string, Value>([
    ['Name', m.name],
    ['Home', m.home],
    ['Sources', anySlice(m.sources)],
    ['Version', m.version],
    ['Description', m.description],
    ['Keywords', anySlice(m.keywords)],
    ['Maintainers', m.maintainers.map(maintainerMap)],
    ['Icon', m.icon],
    ['APIVersion', m.apiVersion],
    ['Condition', m.condition],
    ['Tags', m.tags],
    ['AppVersion', m.appVersion],
    ['Deprecated', m.deprecated],
    ['Annotations', stringMapOrNil(m.annotations)],
    ['KubeVersion', m.kubeVersion],
    ['Dependencies', (m.dependencies ?? []).map(dependencyMap)],
    ['Type', m.type],
    ['IsRoot', isRoot],
  ]);
}

const METADATA_FIELDS = [
  'Name',
  'Home',
  'Sources',
  'Version',
  'Description',
  'Keywords',
  'Maintainers',
  'Icon',
  'APIVersion',
  'Condition',
  'Tags',
  'AppVersion',
  'Deprecated',
  'Annotations',
  'KubeVersion',
  'Dependencies',
  'Type',
] as const;

/** helm 3's `.Chart`: `struct { *chart.Metadata; IsRoot bool }`, marshalled with the metadata's JSON tags. */
class ChartStruct extends GoStruct {
  readonly goTypeName = 'struct { chart.Metadata; IsRoot bool }';
  constructor(
    private readonly meta: ChartMetadata,
    private readonly isRoot: boolean,
  ) {
    super();
  }
  fieldNames(): readonly string[] {
    return [...METADATA_FIELDS, 'IsRoot'];
  }
  field(name: string): Value | typeof NO_FIELD {
    const m = this.meta;
    const strings = (xs: string[]) => (xs.length ? withType([...xs], { name: '[]string', elem: 'string' }) : null);
    switch (name) {
      case 'IsRoot':
        return this.isRoot;
      case 'Name':
        return m.name;
      case 'Home':
        return m.home;
      case 'Sources':
        return strings(m.sources);
      case 'Version':
        return m.version;
      case 'Description':
        return m.description;
      case 'Keywords':
        return strings(m.keywords);
      case 'Maintainers':
        return m.maintainers.length ? m.maintainers.map((x) => (x ? maintainerJSON(x) : null)) : null;
      case 'Icon':
        return m.icon;
      case 'APIVersion':
        return m.apiVersion;
      case 'Condition':
        return m.condition;
      case 'Tags':
        return m.tags;
      case 'AppVersion':
        return m.appVersion;
      case 'Deprecated':
        return m.deprecated;
      case 'Annotations':
        return stringMapOrNil(m.annotations);
      case 'KubeVersion':
        return m.kubeVersion;
      case 'Dependencies':
        return m.dependencies ? m.dependencies.map((d) => (d ? dependencyJSON(d) : null)) : null;
      case 'Type':
        return m.type;
    }
    return NO_FIELD;
  }
  override jsonValue(): Value {
    const out = metadataJSON(this.meta);
    out.set('IsRoot', this.isRoot);
    return out;
  }
}

function maintainerJSON(x: Maintainer): GoMap {
  const out: GoMap = new Map();
  if (x.name) out.set('name', x.name);
  if (x.email) out.set('email', x.email);
  if (x.url) out.set('url', x.url);
  return out;
}

function dependencyJSON(d: ChartDependency): GoMap {
  const out: GoMap = new Map();
  out.set('name', d.name);
  if (d.version) out.set('version', d.version);
  out.set('repository', d.repository);
  if (d.condition) out.set('condition', d.condition);
  if (d.tags.length) out.set('tags', [...d.tags]);
  if (d.enabled) out.set('enabled', true);
  if (d.importValues.length) out.set('import-values', [...d.importValues]);
  if (d.alias) out.set('alias', d.alias);
  return out;
}

/** Chart metadata as encoding/json writes it (tags with omitempty), in struct field order. */
export function metadataJSON(m: ChartMetadata): GoMap {
  const out: GoMap = new Map();
  const put = (k: string, v: Value | undefined) => {
    if (v === undefined || v === '' || v === false || v === null) return;
    if (Array.isArray(v) && v.length === 0) return;
    if (v instanceof Map && v.size === 0) return;
    out.set(k, v);
  };
  put('name', m.name);
  put('home', m.home);
  put('sources', [...m.sources]);
  put('version', m.version);
  put('description', m.description);
  put('keywords', [...m.keywords]);
  put('maintainers', m.maintainers.map((x) => (x ? maintainerJSON(x) : null)));
  put('icon', m.icon);
  put('apiVersion', m.apiVersion);
  put('condition', m.condition);
  put('tags', m.tags);
  put('appVersion', m.appVersion);
  put('deprecated', m.deprecated);
  put('annotations', m.annotations && new Map(m.annotations));
  put('kubeVersion', m.kubeVersion);
  put('dependencies', m.dependencies?.map((d) => (d ? dependencyJSON(d) : null)));
  put('type', m.type);
  return out;
}
