// What the render layer needs of a chart. The chart loader (src/chart) produces richer models; render only
// reads these fields, which keeps the engine side free of file-system concerns.

/** Chart.yaml, with Helm's JSON field names. */
export interface ChartMetadata {
  name: string;
  home?: string;
  sources?: string[];
  version: string;
  description?: string;
  keywords?: string[];
  maintainers?: { name?: string; email?: string; url?: string }[];
  icon?: string;
  apiVersion: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: ChartDependency[];
  type?: string;
}

/** An entry of Chart.yaml `dependencies` (or requirements.yaml), with Helm's JSON field names. */
export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  'import-values'?: unknown[];
  alias?: string;
}

export interface ChartFile {
  /** Path relative to the chart root, `/`-separated: `templates/deployment.yaml`, `files/a.conf`. */
  readonly name: string;
  readonly data: Uint8Array;
}

export interface RenderChart {
  readonly metadata: ChartMetadata;
  /** Files under templates/, named `templates/...`. */
  readonly templates: readonly ChartFile[];
  /** Files other than templates, values, Chart.yaml and subcharts (crds/ included): what `.Files` sees. */
  readonly files: readonly ChartFile[];
  /** Enabled subcharts, after conditions, tags and aliases (an aliased subchart carries the alias as its name). */
  readonly dependencies: readonly RenderChart[];
}
