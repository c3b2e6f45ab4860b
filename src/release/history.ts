// `history NAME` (helm 4.1.4 pkg/action/history.go and pkg/cmd/history.go): every revision of a release, the
// newest `max` of them, oldest first.

import type { ActionConfig } from './action-config.ts';
import { appVersionOf, chartLabel } from './chart-record.ts';
import { validateName } from './checks.ts';
import type { Release } from './model.ts';
import type { Timestamp } from './time.ts';

/** One row of `helm history` (its JSON field names). */
export interface HistoryEntry {
  revision: number;
  /** Absent when the revision has no deploy time. */
  updated?: Timestamp;
  status: string;
  chart: string;
  app_version: string;
  description: string;
}

export async function history(cfg: ActionConfig, name: string, max = 256): Promise<Release[]> {
  validateName(name, 'release name is invalid');
  const all = await cfg.storage.history(name);
  return all.slice(Math.max(0, all.length - Math.max(0, max)));
}

export function historyEntry(r: Release): HistoryEntry {
  // Field order is helm's JSON order; `updated` is left out for a revision never deployed.
  return {
    revision: r.version,
    updated: r.info?.last_deployed || undefined,
    status: r.info?.status ?? '',
    chart: chartLabel(r.chart),
    app_version: appVersionOf(r.chart),
    description: r.info?.description ?? '',
  };
}
