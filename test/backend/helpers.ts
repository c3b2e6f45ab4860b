// Shared by the backend tests.
import type { KubeObject } from '../../src/backend/object.ts';

/** A CustomResourceDefinition with served versions v1alpha1 and v1 (storage), and an unserved v0. */
export function crd(group: string, kind: string, plural: string, scope = 'Namespaced', extra = {}): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope,
      names: { kind, plural, singular: kind.toLowerCase(), shortNames: ['wd'] },
      versions: [
        { name: 'v1alpha1', served: true, storage: false },
        { name: 'v1', served: true, storage: true },
        { name: 'v0', served: false, storage: false },
      ],
      ...extra,
    },
  };
}
