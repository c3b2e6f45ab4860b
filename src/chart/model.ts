// The chart model: what the loader produces and the render layer consumes. Plain typed data; nothing here
// touches the file system. Field names follow Helm's Go structs (in camelCase), so `.Chart` can be built from
// ChartMetadata field by field.

import type { GoMap, Value } from '../template/value.ts';

/** A file of a chart, by its slash-separated path relative to the chart root. */
export interface ChartFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/** One entry of Chart.yaml `dependencies` (or requirements.yaml, or a lock file). */
export interface ChartDependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  /** `import-values` entries: strings, or maps with `child` and `parent` (after processing: maps of strings). */
  importValues: Value[];
  alias: string;
}

/** Chart.yaml, as Helm's chart.Metadata. Slices that Go leaves nil are empty arrays here, except dependencies. */
export interface ChartMetadata {
  name: string;
  home: string;
  sources: string[];
  version: string;
  description: string;
  keywords: string[];
  /** null entries stand for YAML nulls (which fail validation). */
  maintainers: (Maintainer | null)[];
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  /** null when Chart.yaml has no annotations (Go's nil map). */
  annotations: Map<string, string> | null;
  kubeVersion: string;
  /** undefined when Chart.yaml has no `dependencies` (Go's nil slice: Helm then skips dependency processing). */
  dependencies: (ChartDependency | null)[] | undefined;
  type: string;
}

/** Chart.lock / requirements.lock. */
export interface ChartLock {
  generated: string;
  digest: string;
  dependencies: (ChartDependency | null)[];
}

export interface ChartInit {
  metadata: ChartMetadata;
  lock?: ChartLock;
  templates?: ChartFile[];
  values?: GoMap;
  schema?: Uint8Array;
  files?: ChartFile[];
  raw?: ChartFile[];
  dependencies?: Chart[];
}

/** A loaded chart and, through `dependencies`, its subcharts. */
export class Chart {
  metadata: ChartMetadata;
  lock: ChartLock | undefined;
  /** Everything under templates/ (partials and NOTES.txt included), in load order. */
  templates: ChartFile[];
  /** values.yaml (after dependency processing: with imported values). */
  values: GoMap;
  /** values.schema.json, as read. */
  schema: Uint8Array | undefined;
  /** The other files (what `.Files` offers): not Chart.yaml, values.yaml, values.schema.json, templates/, charts/. */
  files: ChartFile[];
  /** Every file as loaded, for `show values` and friends. */
  raw: ChartFile[];
  /** Loaded subcharts (after dependency processing: the enabled ones, aliases applied). */
  dependencies: Chart[] = [];
  parent: Chart | undefined;

  constructor(init: ChartInit) {
    this.metadata = init.metadata;
    this.lock = init.lock;
    this.templates = init.templates ?? [];
    this.values = init.values ?? new Map();
    this.schema = init.schema;
    this.files = init.files ?? [];
    this.raw = init.raw ?? [];
    if (init.dependencies) this.setDependencies(init.dependencies);
  }

  get name(): string {
    return this.metadata.name;
  }

  get isRoot(): boolean {
    return this.parent === undefined;
  }

  get isLibrary(): boolean {
    return this.metadata.type.toLowerCase() === 'library';
  }

  root(): Chart {
    let c: Chart = this;
    while (c.parent) c = c.parent;
    return c;
  }

  /** Replaces the subcharts, making this chart their parent. */
  setDependencies(charts: readonly Chart[]): void {
    this.dependencies = [];
    this.addDependency(...charts);
  }

  addDependency(...charts: Chart[]): void {
    for (const c of charts) {
      c.parent = this;
      this.dependencies.push(c);
    }
  }

  /** `parent.sub.subsub`: the dotted path Helm's ChartPath gives. */
  chartPath(): string {
    return this.parent ? `${this.parent.chartPath()}.${this.name}` : this.name;
  }

  /** `parent/charts/sub`: the prefix of this chart's template names. */
  chartFullPath(): string {
    return this.parent ? `${this.parent.chartFullPath()}/charts/${this.name}` : this.name;
  }

  /** This chart's own CRD files: crds/ files ending .yaml, .yml or .json (any case). */
  get crds(): ChartFile[] {
    return this.files.filter((f) => f.name.startsWith('crds/') && hasManifestExtension(f.name));
  }

  /** A shallow copy: same files and values, copied metadata, no parent, the same subchart list. */
  copy(): Chart {
    const c = new Chart({
      metadata: copyMetadata(this.metadata),
      lock: this.lock,
      templates: this.templates,
      values: this.values,
      schema: this.schema,
      files: this.files,
      raw: this.raw,
    });
    c.dependencies = this.dependencies;
    return c;
  }
}

/** A CRD of a chart or its subcharts, with the path Helm prints (`parent/charts/sub/crds/x.yaml`). */
export interface CrdObject {
  readonly name: string;
  readonly filename: string;
  readonly file: ChartFile;
}

/** Helm's CRDObjects: the CRDs of a chart, then of each subchart, depth first. */
export function crdObjects(chart: Chart): CrdObject[] {
  const out: CrdObject[] = [];
  const walk = (c: Chart) => {
    const prefix = c.chartFullPath();
    for (const f of c.crds) out.push({ name: f.name, filename: `${prefix}/${f.name}`, file: f });
    for (const d of c.dependencies) walk(d);
  };
  walk(chart);
  return out;
}

function hasManifestExtension(name: string): boolean {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  if (dot <= slash) return false;
  const ext = name.slice(dot).toLowerCase();
  return ext === '.yaml' || ext === '.yml' || ext === '.json';
}

/** A copy of metadata whose dependency entries can be changed without touching the original. */
export function copyMetadata(md: ChartMetadata): ChartMetadata {
  return {
    ...md,
    dependencies: md.dependencies?.map((d) => (d ? { ...d, tags: [...d.tags], importValues: [...d.importValues] } : d)),
  };
}

export function emptyMetadata(): ChartMetadata {
  return {
    name: '',
    home: '',
    sources: [],
    version: '',
    description: '',
    keywords: [],
    maintainers: [],
    icon: '',
    apiVersion: '',
    condition: '',
    tags: '',
    appVersion: '',
    deprecated: false,
    annotations: null,
    kubeVersion: '',
    dependencies: undefined,
    type: '',
  };
}

export function emptyDependency(): ChartDependency {
  return {
    name: '',
    version: '',
    repository: '',
    condition: '',
    tags: [],
    enabled: false,
    importValues: [],
    alias: '',
  };
}

// The JSON field names of Helm's chart.Metadata, Maintainer and Dependency structs, in their Go order: what Go's
// decoder accepts in a strict decode (lint's unknown-field check) and in a release record.
export const METADATA_JSON_FIELDS = [
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
export const MAINTAINER_JSON_FIELDS = ['name', 'email', 'url'] as const;
export const DEPENDENCY_JSON_FIELDS = [
  'name',
  'version',
  'repository',
  'condition',
  'tags',
  'enabled',
  'import-values',
  'alias',
] as const;
