// Helm's release model (helm 4.1.4 pkg/release/v1, pkg/chart/v2), with Helm's JSON field names so that a record
// reads as the JSON helm writes. Optional fields are Go's omitempty/omitzero ones (absent = Go's zero value);
// `null` marks a nil pointer, slice or map where helm writes `null` rather than omitting the field.

import type { GoMap, Value } from '../template/value.ts';
import type { ReleaseStatus } from './status.ts';
import type { Timestamp } from './time.ts';

export interface Release {
  name: string;
  info?: Info;
  chart?: Chart;
  /** The user-supplied values (`--set`, `-f`), not the chart's defaults. */
  config?: GoMap;
  /** The rendered non-hook manifests, each `---\n# Source: <path>\n<content>\n`. */
  manifest?: string;
  hooks?: Hook[];
  /** The revision, from 1. */
  version: number;
  namespace?: string;
  /** `ssa` or `csa` (helm 4); absent means client-side apply. */
  apply_method?: string;
  /** Custom labels of the record object; not part of the JSON (helm's `json:"-"`). */
  labels?: Record<string, string>;
}

export interface Info {
  first_deployed?: Timestamp;
  last_deployed?: Timestamp;
  deleted?: Timestamp;
  description?: string;
  status?: ReleaseStatus;
  /** The rendered NOTES.txt. */
  notes?: string;
  /**
   * The live objects of the release by `version/Kind` (helm's `status` fills it in; never stored). Plain JSON
   * objects, written with their keys sorted as Go writes unstructured objects.
   */
  resources?: Record<string, unknown[]>;
}

export interface Chart {
  metadata: Metadata | null;
  lock: Lock | null;
  templates: ChartFile[] | null;
  values: GoMap | null;
  schema: Uint8Array | null;
  /** helm 4 always writes it (Go's `omitempty` does not omit a zero time.Time). */
  schemamodtime?: Timestamp;
  files: ChartFile[] | null;
  modtime?: Timestamp;
}

export interface ChartFile {
  name: string;
  data: Uint8Array | null;
  modtime?: Timestamp;
}

export interface Metadata {
  name?: string;
  home?: string;
  sources?: string[];
  version?: string;
  description?: string;
  keywords?: string[];
  maintainers?: (Maintainer | null)[];
  icon?: string;
  apiVersion?: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: (Dependency | null)[];
  type?: string;
}

export interface Maintainer {
  name?: string;
  email?: string;
  url?: string;
}

export interface Dependency {
  name: string;
  version?: string;
  repository: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  'import-values'?: Value[];
  alias?: string;
}

export interface Lock {
  /** Always written; Go's zero time when unset. */
  generated?: Timestamp;
  digest: string;
  dependencies: (Dependency | null)[] | null;
}

export const HOOK_EVENTS = [
  'pre-install',
  'post-install',
  'pre-delete',
  'post-delete',
  'pre-upgrade',
  'post-upgrade',
  'pre-rollback',
  'post-rollback',
  'test',
] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export const HOOK_DELETE_POLICIES = ['hook-succeeded', 'hook-failed', 'before-hook-creation'] as const;
/** A delete policy; helm keeps unknown words as written (lower-cased), so any string may appear. */
export type HookDeletePolicy = (typeof HOOK_DELETE_POLICIES)[number] | (string & {});

export type HookPhase = 'Unknown' | 'Running' | 'Succeeded' | 'Failed';

export interface Hook {
  name: string;
  kind: string;
  /** The template that produced it, `<chart>/templates/<file>`. */
  path: string;
  manifest: string;
  events: HookEvent[];
  last_run: HookExecution;
  weight: number;
  delete_policies: HookDeletePolicy[];
  /** helm 4: `helm.sh/hook-output-log-policy`. */
  output_log_policies: string[];
}

export interface HookExecution {
  started_at?: Timestamp;
  completed_at?: Timestamp;
  /** Empty until the hook has run. */
  phase: HookPhase | '';
}

/** A fresh hook record, as helm's manifest sorter creates one. */
export function newHook(fields: Pick<Hook, 'name' | 'kind' | 'path' | 'manifest'> & Partial<Hook>): Hook {
  return {
    events: [],
    last_run: { phase: '' },
    weight: 0,
    delete_policies: [],
    output_log_policies: [],
    ...fields,
  };
}
