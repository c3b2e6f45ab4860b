// `list` (helm 4.1.4 pkg/action/list.go): the latest revision of every release in a namespace (or all), filtered
// by status, name pattern and labels, sorted by name or date, paged with max and offset.

import { toSelector } from '../backend/selector.ts';

import { compileGo } from '../funcs/regex.ts';
import { compareStrings } from '../template/gostring.ts';
import type { ActionConfig } from './action-config.ts';
import type { Release } from './model.ts';
import type { ReleaseStatus } from './status.ts';
import { timeToUnix } from './time.ts';

export interface ListOptions {
  allNamespaces?: boolean;
  /** A Go regular expression on release names. */
  filter?: string;
  /** Label selector on the records' labels (`-l`). */
  selector?: string;
  /** Statuses to show; empty: every status (helm 4), deployed and failed (helm 3). `all` overrides. */
  states?: ReleaseStatus[];
  all?: boolean;
  /** Default 256; 0 for no limit. */
  max?: number;
  offset?: number;
  byDate?: boolean;
  reverse?: boolean;
}

const ALL: ReleaseStatus[] = [
  'deployed',
  'uninstalled',
  'uninstalling',
  'pending-install',
  'pending-upgrade',
  'pending-rollback',
  'superseded',
  'failed',
];

export async function list(cfg: ActionConfig, opts: ListOptions = {}): Promise<Release[]> {
  const filter = opts.filter ? compileGo(opts.filter, cfg.dialect === 'helm3').re : undefined;
  const storage = opts.allNamespaces ? cfg.allNamespaces() : cfg.storage;
  const all = await storage.list((r) => {
    if (!filter) return true;
    filter.lastIndex = 0;
    return filter.test(r.name);
  });
  const states = new Set<string>(
    opts.all ? ALL : opts.states?.length ? opts.states : cfg.dialect === 'helm3' ? ['deployed', 'failed'] : ALL,
  );
  // Superseded revisions are never the latest: asking only for them lists them all.
  const onlySuperseded = states.size === 1 && states.has('superseded');
  let rels = onlySuperseded ? all : latest(all);
  rels = rels.filter((r) => states.has(r.info?.status ?? 'unknown'));
  if (opts.selector) {
    const sel = toSelector(opts.selector);
    rels = rels.filter((r) => sel.matches(r.labels ?? {}));
  }
  sortReleases(rels, opts);
  const offset = opts.offset ?? 0;
  if (offset >= rels.length) return [];
  const max = opts.max ?? 256;
  const limit = max > 0 && max < all.length ? max : all.length;
  return rels.slice(offset, Math.min(offset + limit, rels.length));
}

function latest(rels: readonly Release[]): Release[] {
  const by = new Map<string, Release>();
  for (const r of rels) {
    const key = `${r.namespace ?? ''}/${r.name}`;
    const have = by.get(key);
    if (have && have.version > r.version) continue;
    by.set(key, r);
  }
  return [...by.values()];
}

function deployedUnix(r: Release): number {
  const t = r.info?.last_deployed;
  return t ? timeToUnix(t) : -62135596800;
}

function sortReleases(rels: Release[], opts: ListOptions): void {
  if (opts.byDate) {
    // helm's SortByDate: ascending by deploy second, then name; --reverse turns it around.
    rels.sort((a, b) => deployedUnix(a) - deployedUnix(b) || compareStrings(a.name, b.name));
  } else rels.sort((a, b) => compareStrings(a.name, b.name));
  if (opts.reverse) rels.reverse();
}
