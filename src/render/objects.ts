// The built-in objects a template sees besides .Values: .Release, .Chart, .Template, as Helm builds them.

import type { ChartDependency, ChartMetadata, Maintainer } from '../chart/model.ts';
import {
  type GoMap,
  type GoSlice,
  type GoStruct,
  goInt,
  nilMap,
  nilSlice,
  type Value,
  withType,
} from '../template/value.ts';
import type { HelmDialect } from './dialect.ts';
import { TableStruct } from './structs.ts';

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

/** Helm's Values type, which the values, each chart's template scope and `.Template` have. */
export function valuesTypeName(dialect: HelmDialect): string {
  return dialect === 'helm4' ? 'common.Values' : 'chartutil.Values';
}

/** `.Template` for one file: a Values map in both helms. */
export function templateObject(name: string, basePath: string, dialect: HelmDialect): GoMap {
  const t = new Map<string, Value>([
    ['Name', name],
    ['BasePath', basePath],
  ]);
  return withType(t, { name: valuesTypeName(dialect) });
}

/**
 * The same map as `target` under Go's unnamed `map[string]interface {}`. Helm hands a chart's template scope to
 * its templates as Values but stores that very map in the parent's `.Subcharts` as a plain map: one map, two
 * types. Every read and write goes to `target`, so the two stay one map.
 */
export function plainMapView(target: GoMap): GoMap {
  return new PlainMapView(target);
}

class PlainMapView extends Map<string, Value> {
  constructor(private readonly target: GoMap) {
    super();
  }
  override get size(): number {
    return this.target.size;
  }
  override get(k: string): Value {
    return this.target.get(k);
  }
  override has(k: string): boolean {
    return this.target.has(k);
  }
  override set(k: string, v: Value): this {
    this.target.set(k, v);
    return this;
  }
  override delete(k: string): boolean {
    return this.target.delete(k);
  }
  override clear(): void {
    this.target.clear();
  }
  override keys(): MapIterator<string> {
    return this.target.keys();
  }
  override values(): MapIterator<Value> {
    return this.target.values();
  }
  override entries(): MapIterator<[string, Value]> {
    return this.target.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.target.entries();
  }
  override forEach(fn: (v: Value, k: string, m: Map<string, Value>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.target) fn.call(thisArg, v, k, this);
  }
}

/** `.Chart`: helm 4 converts the metadata struct to a map keyed by Go field names; helm 3 passes a struct. */
export function chartObject(meta: ChartMetadata, isRoot: boolean, dialect: HelmDialect): Value {
  return dialect === 'helm4' ? chartMap(meta, isRoot) : chartStruct(meta, isRoot);
}

const anySlice = (xs: readonly Value[] | undefined): GoSlice => (xs ? [...xs] : []);

function stringMapOrNil(m: ReadonlyMap<string, string> | null): Value {
  if (!m) return nilMap('map[string]string', 'string');
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

const stringsOrNil = (xs: string[]): Value =>
  xs.length ? withType([...xs], { name: '[]string', elem: 'string' }) : nilSlice('string');

function maintainerStruct(x: Maintainer): GoStruct {
  return new TableStruct('*chart.Maintainer', [
    { go: 'Name', json: 'name', omitempty: true, value: x.name },
    { go: 'Email', json: 'email', omitempty: true, value: x.email },
    { go: 'URL', json: 'url', omitempty: true, value: x.url },
  ]);
}

function dependencyStruct(d: ChartDependency): GoStruct {
  return new TableStruct('*chart.Dependency', [
    { go: 'Name', json: 'name', value: d.name },
    { go: 'Version', json: 'version', omitempty: true, value: d.version },
    { go: 'Repository', json: 'repository', value: d.repository },
    { go: 'Condition', json: 'condition', omitempty: true, value: d.condition },
    { go: 'Tags', json: 'tags', omitempty: true, value: stringsOrNil(d.tags) },
    { go: 'Enabled', json: 'enabled', omitempty: true, value: d.enabled },
    {
      go: 'ImportValues',
      json: 'import-values',
      omitempty: true,
      value: d.importValues.length ? [...d.importValues] : nilSlice(),
    },
    { go: 'Alias', json: 'alias', omitempty: true, value: d.alias },
  ]);
}

/** helm 3's chart.Metadata as a struct value (Go field names, JSON tags). */
function metadataStruct(m: ChartMetadata): TableStruct {
  return new TableStruct('chart.Metadata', [
    { go: 'Name', json: 'name', omitempty: true, value: m.name },
    { go: 'Home', json: 'home', omitempty: true, value: m.home },
    { go: 'Sources', json: 'sources', omitempty: true, value: stringsOrNil(m.sources) },
    { go: 'Version', json: 'version', omitempty: true, value: m.version },
    { go: 'Description', json: 'description', omitempty: true, value: m.description },
    { go: 'Keywords', json: 'keywords', omitempty: true, value: stringsOrNil(m.keywords) },
    {
      go: 'Maintainers',
      json: 'maintainers',
      omitempty: true,
      value: m.maintainers.length
        ? withType(
            m.maintainers.map((x) => (x ? maintainerStruct(x) : null)),
            { name: '[]*chart.Maintainer', elem: '*chart.Maintainer' },
          )
        : nilSlice('*chart.Maintainer'),
    },
    { go: 'Icon', json: 'icon', omitempty: true, value: m.icon },
    { go: 'APIVersion', json: 'apiVersion', omitempty: true, value: m.apiVersion },
    { go: 'Condition', json: 'condition', omitempty: true, value: m.condition },
    { go: 'Tags', json: 'tags', omitempty: true, value: m.tags },
    { go: 'AppVersion', json: 'appVersion', omitempty: true, value: m.appVersion },
    { go: 'Deprecated', json: 'deprecated', omitempty: true, value: m.deprecated },
    {
      go: 'Annotations',
      json: 'annotations',
      omitempty: true,
      value: m.annotations ? stringMapOrNil(m.annotations) : nilMap('map[string]string', 'string'),
    },
    { go: 'KubeVersion', json: 'kubeVersion', omitempty: true, value: m.kubeVersion },
    {
      go: 'Dependencies',
      json: 'dependencies',
      omitempty: true,
      value: m.dependencies?.length
        ? withType(
            m.dependencies.map((d) => (d ? dependencyStruct(d) : null)),
            { name: '[]*chart.Dependency', elem: '*chart.Dependency' },
          )
        : nilSlice('*chart.Dependency'),
    },
    { go: 'Type', json: 'type', omitempty: true, value: m.type },
  ]);
}

/** helm 3's `.Chart`: `struct { chart.Metadata; IsRoot bool }` — Metadata's fields are promoted. */
function chartStruct(m: ChartMetadata, isRoot: boolean): GoStruct {
  const meta = metadataStruct(m);
  const promoted = new Map<string, Value>();
  for (const name of meta.fieldNames()) promoted.set(name, meta.field(name) as Value);
  return new TableStruct(
    'struct { chart.Metadata; IsRoot bool }',
    [
      { go: 'Metadata', json: '', value: meta },
      { go: 'IsRoot', json: 'IsRoot', value: isRoot },
    ],
    promoted,
  );
}

/** Chart metadata as encoding/json writes it (tags with omitempty), in struct field order. */
export function metadataJSON(m: ChartMetadata): Value {
  return metadataStruct(m).jsonValue();
}
