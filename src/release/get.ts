// `get values|manifest|hooks|notes|metadata|all` and the release lookup `status` shares (helm 4.1.4
// pkg/action/get.go, get_values.go, get_metadata.go): a revision, the last one by default.

import type { GoMap } from '../template/value.ts';
import { coalesceValues } from '../values/coalesce.ts';
import type { ActionConfig } from './action-config.ts';
import { valuesChartOf } from './chart-record.ts';
import { validateName } from './checks.ts';
import type { Dependency, Release } from './model.ts';
import { formatTime, parseTime } from './time.ts';

/** helm's releaseContent: a revision, or the last one when `revision` is 0 or absent. */
export async function getRelease(cfg: ActionConfig, name: string, revision = 0): Promise<Release> {
  validateName(name, 'releaseContent: Release name is invalid');
  return revision <= 0 ? cfg.storage.last(name) : cfg.storage.get(name, revision);
}

/** The user-supplied values, or with `all` the computed ones (chart defaults coalesced). */
export async function getValues(
  cfg: ActionConfig,
  name: string,
  opts: { revision?: number; all?: boolean } = {},
): Promise<GoMap> {
  const rel = await getRelease(cfg, name, opts.revision);
  return opts.all ? computedValues(cfg, rel) : (rel.config ?? new Map());
}

export function computedValues(cfg: ActionConfig, rel: Release): GoMap {
  return coalesceValues(valuesChartOf(rel.chart), rel.config ?? new Map(), { dialect: cfg.dialect });
}

/** `helm get metadata` (its JSON field names and order). */
export interface ReleaseMetadata {
  name: string;
  chart: string;
  version: string;
  appVersion: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  dependencies?: Dependency[];
  namespace: string;
  revision: number;
  status: string;
  deployedAt: string;
  applyMethod?: string;
}

export async function getMetadata(cfg: ActionConfig, name: string, revision = 0): Promise<ReleaseMetadata> {
  const rel = await getRelease(cfg, name, revision);
  const md = rel.chart?.metadata;
  const out: ReleaseMetadata = {
    name: rel.name,
    chart: md?.name ?? '',
    version: md?.version ?? '',
    appVersion: md?.appVersion ?? '',
    namespace: rel.namespace ?? '',
    revision: rel.version,
    status: rel.info?.status ?? '',
    deployedAt: deployedAt(rel),
  };
  if (md?.annotations && Object.keys(md.annotations).length > 0) out.annotations = md.annotations;
  // A release read by a query (the last revision) carries its record's system labels too, as in helm.
  const labels = rel.labels ?? {};
  if (Object.keys(labels).length > 0) out.labels = labels;
  const deps = (md?.dependencies ?? []).filter((d): d is Dependency => d !== null);
  if (deps.length > 0) out.dependencies = deps;
  if (rel.apply_method) out.applyMethod = rel.apply_method;
  return out;
}

/** The last deploy time as RFC 3339 in seconds (Go's time.RFC3339 layout), or Go's zero time. */
function deployedAt(rel: Release): string {
  const t = rel.info?.last_deployed;
  if (!t) return '0001-01-01T00:00:00Z';
  const i = parseTime(t);
  return formatTime({ ...i, nanos: 0 });
}
