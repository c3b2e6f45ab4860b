// From rendered files to manifests: split each file into YAML documents, read each document's head, set hooks
// apart, and order manifests by kind as Helm installs them (releaseutil.SortManifests).
import { goTrimSpace, type ManifestHead, splitManifests } from '../goyaml/index.ts';
import { compareStrings } from '../template/gostring.ts';

export type { ManifestHead };

export interface Manifest {
  /** Template path: `chart/templates/deployment.yaml`. */
  name: string;
  content: string;
  head: ManifestHead;
}

export type HookEvent =
  | 'pre-install'
  | 'post-install'
  | 'pre-delete'
  | 'post-delete'
  | 'pre-upgrade'
  | 'post-upgrade'
  | 'pre-rollback'
  | 'post-rollback'
  | 'test';

export interface Hook {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: HookEvent[];
  weight: number;
  deletePolicies: string[];
  outputLogPolicies: string[];
}

export const HOOK_ANNOTATION = 'helm.sh/hook';
export const HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';
export const HOOK_DELETE_ANNOTATION = 'helm.sh/hook-delete-policy';
export const HOOK_OUTPUT_LOG_ANNOTATION = 'helm.sh/hook-output-log-policy';

const EVENTS: ReadonlyMap<string, HookEvent> = new Map<string, HookEvent>([
  ['pre-install', 'pre-install'],
  ['post-install', 'post-install'],
  ['pre-delete', 'pre-delete'],
  ['post-delete', 'post-delete'],
  ['pre-upgrade', 'pre-upgrade'],
  ['post-upgrade', 'post-upgrade'],
  ['pre-rollback', 'pre-rollback'],
  ['post-rollback', 'post-rollback'],
  ['test', 'test'],
  ['test-success', 'test'],
]);

export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

/** helm 3.17 predates the two webhook kinds in its order; they sort among the unknown kinds there. */
export const INSTALL_ORDER_HELM3: readonly string[] = INSTALL_ORDER.slice(0, -2);

export const UNINSTALL_ORDER: readonly string[] = [
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'Ingress',
  'IngressClass',
  'Service',
  'CronJob',
  'Job',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'Pod',
  'DaemonSet',
  'RoleBindingList',
  'RoleBinding',
  'RoleList',
  'Role',
  'ClusterRoleBindingList',
  'ClusterRoleBinding',
  'ClusterRoleList',
  'ClusterRole',
  'CustomResourceDefinition',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'ConfigMap',
  'SecretList',
  'Secret',
  'ServiceAccount',
  'PodDisruptionBudget',
  'PodSecurityPolicy',
  'LimitRange',
  'ResourceQuota',
  'NetworkPolicy',
  'Namespace',
  'PriorityClass',
];

/** A rendered manifest does not parse as Helm reads it. `files` holds every rendered file, for --debug. */
/** helm 3.17's uninstall order: without the two webhook kinds, which it files among the unknown kinds. */
export const UNINSTALL_ORDER_HELM3: readonly string[] = UNINSTALL_ORDER.slice(2);

export class ManifestError extends Error {
  override name = 'ManifestError';
  readonly files: ReadonlyMap<string, string> | undefined;
  constructor(message: string, options?: { cause?: unknown; files?: ReadonlyMap<string, string> }) {
    super(message, options);
    this.files = options?.files;
  }
}

/** Reads a document's head; throws with the YAML error text that follows `YAML parse error on <file>: `. */
export type HeadReader = (doc: string) => ManifestHead;

/** A document annotated as a hook for an event helm does not know: helm skips it (and logs it). */
export interface SkippedHook {
  path: string;
  name: string;
  kind: string;
  hookTypes: string;
}

export interface SortedManifests {
  manifests: Manifest[];
  hooks: Hook[];
  skipped: SkippedHook[];
}

export interface SortOptions {
  /** Kind order (default: helm 4's install order). */
  order?: readonly string[];
  /** helm 3 does not read `helm.sh/hook-output-log-policy`. */
  outputLogPolicies?: boolean;
}

/** releaseutil.SortManifests over rendered files (NOTES already removed). */
export function sortManifests(
  files: ReadonlyMap<string, string>,
  readHead: HeadReader,
  options: SortOptions = {},
): SortedManifests {
  const order = options.order ?? INSTALL_ORDER;
  const manifests: Manifest[] = [];
  const hooks: Hook[] = [];
  const skipped: SkippedHook[] = [];
  // sort.Strings: byte order of the UTF-8 paths.
  const paths = [...files.keys()].sort(compareStrings);
  for (const path of paths) {
    const content = files.get(path)!;
    if (path.slice(path.lastIndexOf('/') + 1).startsWith('_')) continue;
    if (goTrimSpace(content) === '') continue;
    for (const doc of splitManifests(content)) {
      let head: ManifestHead;
      try {
        head = readHead(doc);
      } catch (e) {
        throw new ManifestError(`YAML parse error on ${path}: ${(e as Error).message}`, { cause: e });
      }
      const annotations = head.metadata?.annotations;
      const hookTypes = annotations?.get(HOOK_ANNOTATION);
      if (hookTypes === undefined) {
        manifests.push({ name: path, content: doc, head });
        continue;
      }
      const events: HookEvent[] = [];
      let unknown = false;
      for (const t of hookTypes.split(',')) {
        const e = EVENTS.get(t.trim().toLowerCase());
        if (!e) {
          unknown = true;
          break;
        }
        events.push(e);
      }
      if (unknown) {
        skipped.push({ path, name: head.metadata?.name ?? '', kind: head.kind, hookTypes });
        continue;
      }
      const weight = parseWeight(annotations!.get(HOOK_WEIGHT_ANNOTATION) ?? '');
      hooks.push({
        name: head.metadata?.name ?? '',
        kind: head.kind,
        path,
        manifest: doc,
        events,
        weight,
        deletePolicies: listAnnotation(annotations!.get(HOOK_DELETE_ANNOTATION)),
        outputLogPolicies:
          options.outputLogPolicies === false ? [] : listAnnotation(annotations!.get(HOOK_OUTPUT_LOG_ANNOTATION)),
      });
    }
  }
  return {
    manifests: sortByKind(manifests, (m) => m.head.kind, order),
    hooks: sortByKind(hooks, (h) => h.kind, order),
    skipped,
  };
}

function listAnnotation(v: string | undefined): string[] {
  if (v === undefined) return [];
  return v.split(',').map((p) => p.trim().toLowerCase());
}

/** Go's strconv.Atoi of the weight annotation; anything it rejects (or out of int64 range) is 0 for Helm. */
export function parseWeight(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return 0;
  return Number(n);
}

const ranks = new WeakMap<readonly string[], Map<string, number>>();
function rankOf(order: readonly string[]): Map<string, number> {
  let r = ranks.get(order);
  if (!r) ranks.set(order, (r = new Map(order.map((k, i) => [k, i]))));
  return r;
}

/**
 * A stable sort by Helm's kind order; unknown kinds after the known ones, by kind name. Sorts `items` in place
 * and returns it.
 */
export function sortByKind<T>(items: T[], kindOf: (t: T) => string, order: readonly string[] = INSTALL_ORDER): T[] {
  const rank = rankOf(order);
  // Array.prototype.sort is stable, like sort.SliceStable.
  return items.sort((a, b) => {
    const ka = kindOf(a);
    const kb = kindOf(b);
    const ra = rank.get(ka);
    const rb = rank.get(kb);
    if (ra === undefined && rb === undefined) return ka === kb ? 0 : compareStrings(ka, kb);
    if (ra === undefined) return 1;
    if (rb === undefined) return -1;
    return ra - rb;
  });
}
