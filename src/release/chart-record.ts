// A loaded chart as a release record keeps it (helm's chart.Chart JSON): the root chart's metadata, lock,
// templates, values, schema and other files, with the files' modification times (helm 4 reads them from the
// file system). Subcharts are not part of the record: helm's Chart keeps them in an unexported field. And back:
// the record's chart as what values coalescing needs (`get values --all`, `upgrade --reuse-values`).

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartDependency, Chart as LoadedChart, ChartFile as LoadedFile } from '../chart/model.ts';
import type { GoMap } from '../template/value.ts';
import type { ValuesChart } from '../values/coalesce.ts';
import type { Chart, ChartFile, Dependency, Lock, Metadata } from './model.ts';
import { formatTime, normalizeTime, type Timestamp } from './time.ts';

export interface ChartRecordOptions {
  /** The chart directory it was loaded from: files' modification times are read there. */
  dir?: string;
}

/** The record form of a loaded (and dependency-processed) chart. */
export function chartRecord(chart: LoadedChart, opts: ChartRecordOptions = {}): Chart {
  const mtime = (name: string): Timestamp | undefined => (opts.dir ? fileTime(join(opts.dir, name)) : undefined);
  const file = (f: LoadedFile): ChartFile => {
    const out: ChartFile = { name: f.name, data: f.data };
    const t = mtime(f.name);
    if (t) out.modtime = t;
    return out;
  };
  const rec: Chart = {
    metadata: metadataRecord(chart),
    lock: chart.lock
      ? {
          generated: safeTime(chart.lock.generated),
          digest: chart.lock.digest,
          dependencies: chart.lock.dependencies.map((d) => (d ? dependencyRecord(d) : null)),
        }
      : null,
    // Go's loader appends to nil slices: a chart without templates or other files has `null` ones.
    templates: chart.templates.length ? chart.templates.map(file) : null,
    values: chart.values,
    schema: chart.schema ?? null,
    files: chart.files.length ? chart.files.map(file) : null,
  };
  if (chart.schema) {
    const t = mtime('values.schema.json');
    if (t) rec.schemamodtime = t;
  }
  const t = mtime('Chart.yaml');
  if (t) rec.modtime = t;
  return rec;
}

function metadataRecord(chart: LoadedChart): Metadata {
  const m = chart.metadata;
  const out: Metadata = {
    name: m.name,
    home: m.home,
    sources: m.sources,
    version: m.version,
    description: m.description,
    keywords: m.keywords,
    maintainers: m.maintainers.map((x) => (x ? { name: x.name, email: x.email, url: x.url } : null)),
    icon: m.icon,
    apiVersion: m.apiVersion,
    condition: m.condition,
    tags: m.tags,
    appVersion: m.appVersion,
    deprecated: m.deprecated,
    kubeVersion: m.kubeVersion,
    type: m.type,
  };
  if (m.annotations) out.annotations = Object.fromEntries(m.annotations);
  if (m.dependencies) out.dependencies = m.dependencies.map((d) => (d ? dependencyRecord(d) : null));
  return out;
}

function dependencyRecord(d: ChartDependency): Dependency {
  return {
    name: d.name,
    version: d.version,
    repository: d.repository,
    condition: d.condition,
    tags: d.tags,
    enabled: d.enabled,
    'import-values': d.importValues,
    alias: d.alias,
  };
}

// Lock files hold RFC 3339 times; one that cannot be read is written as Go's zero time (helm fails to load it).
function safeTime(s: string): Timestamp | undefined {
  try {
    return normalizeTime(s);
  } catch {
    return undefined;
  }
}

/** A file's modification time as Go's os.Stat reports it (nanoseconds, local zone); undefined if absent. */
function fileTime(path: string): Timestamp | undefined {
  let ns: bigint;
  try {
    ns = statSync(path, { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
  const seconds = Number(ns / 1_000_000_000n);
  const offsetSeconds = -new Date(seconds * 1000).getTimezoneOffset() * 60;
  return formatTime({ seconds, nanos: Number(ns % 1_000_000_000n), offsetSeconds });
}

/** The record's chart as values coalescing sees it (helm's CoalesceValues(rel.Chart, rel.Config)). */
export function valuesChartOf(chart: Chart | undefined): ValuesChart {
  return {
    name: chart?.metadata?.name ?? '',
    values: chart?.values ?? new Map(),
    dependencies: [],
  };
}

/** The chart `name-version` as `helm list` and `history` print it (MISSING when the record has none). */
export function chartLabel(chart: Chart | undefined): string {
  if (!chart?.metadata) return 'MISSING';
  return `${chart.metadata.name ?? ''}-${chart.metadata.version ?? ''}`;
}

export function appVersionOf(chart: Chart | undefined): string {
  if (!chart?.metadata) return 'MISSING';
  return chart.metadata.appVersion ?? '';
}

/** Values of a chart record, never null. */
export function chartValues(chart: Chart | undefined): GoMap {
  return chart?.values ?? new Map();
}

export type { Lock };
