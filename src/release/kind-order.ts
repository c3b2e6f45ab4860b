// The order in which helm installs and uninstalls kinds (pkg/release/v1/util/kind_sorter.go in helm 4.1.4,
// pkg/releaseutil/kind_sorter.go in helm 3.17.2). Kinds not listed go after the listed ones, by kind name; equal
// kinds keep their input order.

import { compareBytes } from './gojson.ts';

export type HelmCompat = 'helm4' | 'helm3';

const INSTALL_V3 = [
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
] as const;

// Not the reverse of the install order: Services go before the workloads, and helm 4 removes validating
// webhooks before mutating ones so that webhooks cannot block the removal.
const UNINSTALL_V3 = [
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
] as const;

/** A list of kinds, earliest first. */
export type KindOrder = readonly string[];

export const INSTALL_ORDER: KindOrder = [
  ...INSTALL_V3,
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];
export const UNINSTALL_ORDER: KindOrder = [
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  ...UNINSTALL_V3,
];
export const INSTALL_ORDER_HELM3: KindOrder = INSTALL_V3;
export const UNINSTALL_ORDER_HELM3: KindOrder = UNINSTALL_V3;

export function installOrder(compat: HelmCompat = 'helm4'): KindOrder {
  return compat === 'helm3' ? INSTALL_ORDER_HELM3 : INSTALL_ORDER;
}

export function uninstallOrder(compat: HelmCompat = 'helm4'): KindOrder {
  return compat === 'helm3' ? UNINSTALL_ORDER_HELM3 : UNINSTALL_ORDER;
}

const ranks = new WeakMap<KindOrder, Map<string, number>>();

function rankMap(order: KindOrder): Map<string, number> {
  let m = ranks.get(order);
  if (!m) {
    m = new Map(order.map((k, i) => [k, i]));
    ranks.set(order, m);
  }
  return m;
}

/** A comparator of kinds in the given order (helm's lessByKind). */
export function kindComparator(order: KindOrder): (a: string, b: string) => number {
  const rank = rankMap(order);
  return (a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra === undefined && rb === undefined) return a === b ? 0 : compareBytes(a, b);
    if (ra === undefined) return 1;
    if (rb === undefined) return -1;
    return ra - rb;
  };
}

/** A stably sorted copy of `items` by kind. */
export function sortByKind<T>(items: readonly T[], kindOf: (item: T) => string, order: KindOrder = INSTALL_ORDER): T[] {
  const cmp = kindComparator(order);
  return items.slice().sort((x, y) => cmp(kindOf(x), kindOf(y)));
}
