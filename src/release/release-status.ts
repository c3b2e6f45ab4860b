// `status NAME` (helm 4.1.4 pkg/action/status.go, pkg/kube Client.Get): a revision and the live objects of its
// manifest, grouped by `version/Kind`, with the Pods that workloads select as `v1/Pod(related)`.

import type { KubeObject } from '../backend/object.ts';
import { isObject } from '../backend/object.ts';
import type { ActionConfig } from './action-config.ts';
import { getRelease } from './get.ts';
import { KubeClient, type Resource } from './kube.ts';
import type { Release } from './model.ts';

/** Live objects by `version/Kind`, in the order first seen. */
export type ResourceGroups = Map<string, KubeObject[]>;

export const RELATED_PODS = 'v1/Pod(related)';

export interface StatusResult {
  release: Release;
  resources: ResourceGroups;
}

export async function status(cfg: ActionConfig, name: string, revision = 0): Promise<StatusResult> {
  const release = await getRelease(cfg, name, revision);
  const resources = await liveResources(cfg, release);
  return { release, resources };
}

/** The objects of a revision's manifest as they are now; ones that cannot be read are left out, as helm does. */
export async function liveResources(cfg: ActionConfig, rel: Release): Promise<ResourceGroups> {
  const groups: ResourceGroups = new Map();
  let resources: Resource[];
  try {
    resources = await new KubeClient(cfg.backend, rel.namespace || cfg.namespace).build(rel.manifest ?? '');
  } catch (e) {
    cfg.log.debug(`status: cannot build the objects of ${rel.name}: ${(e as Error).message}`);
    return groups;
  }
  const seenSelectors = new Set<string>();
  for (const r of resources) {
    const live = await cfg.kube.get(r).catch((e) => {
      cfg.log.debug(`Get resource ${r.name} failed, err:${(e as Error).message}`);
      return undefined;
    });
    if (!live) continue;
    const vk = KubeClient.versionKind(r);
    groups.set(vk, [...(groups.get(vk) ?? []), live]);
    const selector = podSelector(live);
    if (!selector) continue;
    const key = JSON.stringify(Object.entries(selector).sort());
    if (seenSelectors.has(key)) continue;
    seenSelectors.add(key);
    const pods = await cfg.backend
      .list({ apiVersion: 'v1', kind: 'Pod', namespace: r.namespace, labelSelector: selector })
      .catch(() => [] as KubeObject[]);
    const list: KubeObject = {
      apiVersion: 'v1',
      kind: 'PodList',
      metadata: { name: '', resourceVersion: '' },
      items: pods,
    };
    delete (list.metadata as { name?: string }).name;
    groups.set(RELATED_PODS, [...(groups.get(RELATED_PODS) ?? []), list]);
  }
  return groups;
}

// getSelectorFromObject: the labels a workload selects its Pods by.
function podSelector(obj: KubeObject): Record<string, string> | undefined {
  const spec = isObject(obj.spec) ? obj.spec : undefined;
  if (!spec) return undefined;
  let sel: unknown;
  switch (obj.kind) {
    case 'ReplicaSet':
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      sel = isObject(spec.selector) ? spec.selector.matchLabels : undefined;
      break;
    case 'ReplicationController':
      sel = spec.selector;
      break;
    default:
      return undefined;
  }
  if (!isObject(sel)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sel)) if (typeof v === 'string') out[k] = v;
  return out;
}
