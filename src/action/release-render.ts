// Rendering a chart for a release (install, upgrade): the chart loaded as `helm install` loads it, the user's
// values merged, and templateChart's render turned into what a release record keeps: hooks (release model),
// the manifest text, the notes and the chart in record form.

import { existsSync, statSync } from 'node:fs';
import { checkDependencies } from '../chart/dependencies.ts';
import { ChartError } from '../chart/errors.ts';
import { loadChartSync } from '../chart/loader.ts';
import { Chart as LoadedChart } from '../chart/model.ts';
import type { FuncEnv } from '../funcs/env.ts';
import { chartRecord } from '../release/chart-record.ts';
import { manifestEntry } from '../release/manifest.ts';
import { type Chart, type Hook, newHook } from '../release/model.ts';
import { DEFAULT_DIALECT, type HelmDialect } from '../render/dialect.ts';
import type { Hook as RenderHook } from '../render/manifests.ts';
import type { GoMap } from '../template/value.ts';
import { readValuesPath } from '../values/fs.ts';
import { mergeValueLayers, type ValueLayers } from '../values/layers.ts';
import type { WarnFn } from '../values/warnings.ts';
import { templateChart } from './template.ts';

/**
 * A chart as given to install or upgrade: a path (directory or archive), a chart already loaded, or what
 * loadReleaseChart made of a path (the command line loads the chart itself, before the action, as helm does).
 */
export type ChartSource = string | LoadedChart | LoadedForRelease;

export interface LoadedForRelease {
  chart: LoadedChart;
  /** The directory the chart was read from (its files' modification times go into the record). */
  dir?: string;
}

/** Loads a chart as helm's install and upgrade commands do, with their checks and messages. */
export function loadReleaseChart(
  source: ChartSource,
  opts: { dialect?: HelmDialect; warn?: WarnFn; install?: boolean } = {},
): LoadedForRelease {
  if (source instanceof LoadedChart) return { chart: source };
  if (typeof source !== 'string') return source;
  if (!existsSync(source)) throw new ChartError(`path "${source}" not found`);
  const chart = loadChartSync(source, { dialect: opts.dialect, warn: opts.warn });
  const type = chart.metadata.type;
  if (opts.install !== false && type !== '' && type !== 'application') {
    throw new ChartError(`${type} charts are not installable`);
  }
  if (chart.metadata.dependencies?.length) checkDependencies(chart, opts.dialect);
  return { chart, dir: statSync(source).isDirectory() ? source : undefined };
}

/** The user's values from `-f` files and the `--set` family, merged as helm merges them. */
export function userValuesOf(
  layers: ValueLayers | undefined,
  opts: { dialect?: HelmDialect; readFile?: (path: string) => string } = {},
): GoMap {
  return mergeValueLayers(layers ?? {}, {
    dialect: opts.dialect ?? DEFAULT_DIALECT,
    readFile: opts.readFile ?? readValuesPath,
  });
}

export interface ReleaseRenderRequest {
  chart: LoadedForRelease;
  releaseName: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  /** The user's values (the record's `config`). */
  userValues: GoMap;
  /** The chart's default values replaced (upgrade --reuse-values renders over the old computed values). */
  chartValues?: GoMap;
  dialect?: HelmDialect;
  kubeVersion?: string;
  apiVersions?: readonly string[];
  subchartNotes?: boolean;
  enableDNS?: boolean;
  skipSchemaValidation?: boolean;
  /** --hide-secret (dry runs): Secrets' content left out of the manifest. */
  hideSecret?: boolean;
  env?: FuncEnv;
  warn?: WarnFn;
}

export interface ReleaseRender {
  hooks: Hook[];
  /** The non-hook manifests, `---\n# Source: <path>\n<content>\n` each, in install order. */
  manifest: string;
  notes: string;
  /** The chart as the record keeps it (after dependency processing). */
  chart: Chart;
  /** The values the templates saw. */
  values: GoMap;
}

/** Renders a chart for a release revision. */
export function renderRelease(req: ReleaseRenderRequest): ReleaseRender {
  const dialect = req.dialect ?? DEFAULT_DIALECT;
  let chart = req.chart.chart;
  if (req.chartValues) {
    chart = chart.copy();
    chart.values = req.chartValues;
  }
  const result = templateChart({
    chart,
    releaseName: req.releaseName,
    namespace: req.namespace,
    userValues: req.userValues,
    revision: req.revision,
    isUpgrade: req.isUpgrade,
    dialect,
    kubeVersion: req.kubeVersion,
    apiVersions: req.apiVersions,
    subchartNotes: req.subchartNotes,
    enableDNS: req.enableDNS,
    skipSchemaValidation: req.skipSchemaValidation,
    env: req.env,
    warn: req.warn,
  });
  let manifest = '';
  for (const m of result.render.manifests) {
    if (req.hideSecret && m.head.kind === 'Secret' && m.head.apiVersion === 'v1') {
      manifest += `---\n# Source: ${m.name}\n# HIDDEN: The Secret output has been suppressed\n`;
    } else manifest += manifestEntry(m.name, m.content);
  }
  return {
    hooks: result.render.hooks.map((h) => releaseHook(h, dialect)),
    manifest,
    notes: result.render.notes,
    chart: chartRecord(result.chart, { dir: req.chart.dir }),
    values: result.values,
  };
}

function releaseHook(h: RenderHook, dialect: HelmDialect): Hook {
  return newHook({
    name: h.name,
    kind: h.kind,
    path: h.path,
    manifest: h.manifest,
    events: [...h.events],
    weight: h.weight,
    delete_policies: [...h.deletePolicies],
    output_log_policies: dialect === 'helm4' ? [...h.outputLogPolicies] : [],
  });
}
