// Release ownership of objects (helm 4.1.4 pkg/action/validate.go): every object a release applies carries the
// `app.kubernetes.io/managed-by: Helm` label and the release's name and namespace annotations; an object that
// already exists may be adopted only if it carries them for this release (or with --take-ownership).

import type { KubeObject } from '../backend/object.ts';
import { ReleaseError } from './errors.ts';
import { type KubeClient, type Resource, resourceString } from './kube.ts';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_HELM = 'Helm';
export const RELEASE_NAME_ANNOTATION = 'meta.helm.sh/release-name';
export const RELEASE_NAMESPACE_ANNOTATION = 'meta.helm.sh/release-namespace';

/** Adds the release's label and annotations to each object (helm's setMetadataVisitor with forceOwnership). */
export function setOwnership(resources: readonly Resource[], releaseName: string, releaseNamespace: string): void {
  for (const r of resources) {
    const meta = r.obj.metadata;
    meta.labels = { ...(meta.labels ?? {}), [MANAGED_BY_LABEL]: MANAGED_BY_HELM };
    meta.annotations = {
      ...(meta.annotations ?? {}),
      [RELEASE_NAME_ANNOTATION]: releaseName,
      [RELEASE_NAMESPACE_ANNOTATION]: releaseNamespace,
    };
  }
}

function requireValue(m: Record<string, string> | undefined, k: string, v: string): string | undefined {
  const actual = m?.[k];
  if (actual === undefined) return `missing key ${JSON.stringify(k)}: must be set to ${JSON.stringify(v)}`;
  if (actual !== v) {
    return `key ${JSON.stringify(k)} must equal ${JSON.stringify(v)}: current value is ${JSON.stringify(actual)}`;
  }
  return undefined;
}

/** helm's checkOwnership: undefined when the object belongs to the release, else the reason it does not. */
export function ownershipProblem(obj: KubeObject, releaseName: string, releaseNamespace: string): string | undefined {
  const errs: string[] = [];
  const label = requireValue(obj.metadata.labels, MANAGED_BY_LABEL, MANAGED_BY_HELM);
  if (label) errs.push(`label validation error: ${label}`);
  const name = requireValue(obj.metadata.annotations, RELEASE_NAME_ANNOTATION, releaseName);
  if (name) errs.push(`annotation validation error: ${name}`);
  const ns = requireValue(obj.metadata.annotations, RELEASE_NAMESPACE_ANNOTATION, releaseNamespace);
  if (ns) errs.push(`annotation validation error: ${ns}`);
  return errs.length > 0 ? `invalid ownership metadata; ${errs.join('; ')}` : undefined;
}

/**
 * Objects about to be created that already exist: returned for adoption when they belong to this release (or
 * `takeOwnership`), an error naming the first that belongs to something else.
 */
export async function existingToAdopt(
  kube: KubeClient,
  resources: readonly Resource[],
  releaseName: string,
  releaseNamespace: string,
  takeOwnership = false,
): Promise<Resource[]> {
  const adopt: Resource[] = [];
  for (const r of resources) {
    if (!r.name && r.obj.metadata.generateName) continue;
    if (r.name && r.obj.metadata.generateName) {
      throw new ReleaseError('metadata.name and metadata.generateName cannot both be set');
    }
    let live: KubeObject | undefined;
    try {
      live = await kube.get(r);
    } catch (e) {
      throw new ReleaseError(
        `could not get information about the resource ${resourceString(r)}: ${(e as Error).message}`,
      );
    }
    if (!live) continue;
    if (!takeOwnership) {
      const problem = ownershipProblem(live, releaseName, releaseNamespace);
      if (problem)
        throw new ReleaseError(
          `${resourceString(r)} exists and cannot be imported into the current release: ${problem}`,
        );
    }
    adopt.push(r);
  }
  return adopt;
}
