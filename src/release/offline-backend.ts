// The backend of a client-side dry run (`install --dry-run=client`): helm then talks to no cluster at all, so
// anything that reaches this backend is a bug, reported as such rather than silently touching real state.

import type { Backend } from '../backend/backend.ts';
import { builtinResources } from '../backend/discovery.ts';
import { BackendError } from '../backend/errors.ts';
import type { ReleaseStore } from '../backend/release-store.ts';

const refuse = (): never => {
  throw new BackendError('a client-side dry run does not contact the backend');
};

const releases: ReleaseStore = {
  driver: 'Memory',
  get: async () => refuse(),
  query: async () => refuse(),
  create: async () => refuse(),
  update: async () => refuse(),
  delete: async () => refuse(),
};

/** A backend that refuses every operation. */
export function offlineBackend(): Backend {
  return {
    name: 'offline',
    runsWorkloads: false,
    describe: () => 'no backend (client-side dry run)',
    discovery: {
      resourceFor: async () => refuse(),
      lookupResource: async () => refuse(),
      resources: async () => [...builtinResources()],
      apiVersions: async () => refuse(),
    },
    releases,
    create: async () => refuse(),
    apply: async () => refuse(),
    update: async () => refuse(),
    get: async () => refuse(),
    list: async () => refuse(),
    delete: async () => refuse(),
    wait: async () => refuse(),
    ensureNamespace: async () => refuse(),
    close: async () => {},
  };
}
