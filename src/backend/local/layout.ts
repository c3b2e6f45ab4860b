// Where the local backend keeps things. The state directory is meant to be read, reviewed and committed:
//
//   <state>/<namespace>/<Kind>/<name>.yaml     namespaced objects (release records are Secrets, as helm keeps them:
//                                              <namespace>/Secret/sh.helm.release.v1.<release>.v<revision>.yaml)
//   <state>/_cluster/<Kind>/<name>.yaml        cluster-scoped objects (namespace names cannot contain `_`)
//   <state>/.bosun/                            bookkeeping: the lock, the resourceVersion counter, temporary files
//
// Built-in kinds use their Kind as folder name; kinds from CustomResourceDefinitions use `<Kind>.<group>`, so
// that two groups' kinds of the same name never share a folder.

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { ResourceType } from '../discovery.ts';
import { InvalidObjectError } from '../errors.ts';

export const CLUSTER_DIR = '_cluster';
export const META_DIR = '.bosun';

/** `$BOSUN_LOCAL_DIR`, else `$XDG_STATE_HOME/bosun`, else `~/.local/state/bosun`. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BOSUN_LOCAL_DIR) return resolve(env.BOSUN_LOCAL_DIR);
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec says relative paths are invalid and must be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'state');
  return join(base, 'bosun');
}

export class StateLayout {
  readonly root: string;
  readonly meta: string;
  readonly lockPath: string;
  readonly revisionPath: string;
  readonly tmpDir: string;
  readonly lockTmpDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.meta = join(this.root, META_DIR);
    this.lockPath = join(this.meta, 'lock');
    this.revisionPath = join(this.meta, 'revision');
    this.tmpDir = join(this.meta, 'tmp');
    this.lockTmpDir = join(this.meta, 'lock-tmp');
  }

  kindFolder(t: ResourceType): string {
    return t.builtin ? t.kind : `${t.kind}.${t.group}`;
  }

  /** The folder holding a namespace's objects, or cluster-scoped objects when `namespace` is undefined. */
  scopeDir(namespace: string | undefined): string {
    return join(this.root, namespace ?? CLUSTER_DIR);
  }

  kindDir(t: ResourceType, namespace: string | undefined): string {
    return join(this.scopeDir(namespace), this.kindFolder(t));
  }

  objectPath(t: ResourceType, namespace: string | undefined, name: string): string {
    return join(this.kindDir(t, namespace), `${name}.yaml`);
  }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Object names become file names: reject what could escape or collide (`/`, `..`, a leading `.`). */
export function checkObjectName(kind: string, name: unknown): asserts name is string {
  const bad = (detail: string): never => {
    throw new InvalidObjectError(kind, String(name ?? ''), 'metadata.name', detail);
  };
  if (typeof name !== 'string' || name === '') bad('Required value: name is required');
  const n = name as string;
  if (n.length > 253) bad(`Invalid value: ${JSON.stringify(n)}: must be no more than 253 characters`);
  if (n.includes('/') || n.includes('%') || n.includes('\0'))
    bad(`Invalid value: ${JSON.stringify(n)}: may not contain '/' or '%'`);
  if (n.startsWith('.')) bad(`Invalid value: ${JSON.stringify(n)}: may not start with '.'`);
}

export function checkNamespaceName(kind: string, name: string, namespace: string): void {
  if (namespace.length > 63 || !DNS_LABEL.test(namespace)) {
    throw new InvalidObjectError(
      kind,
      name,
      'metadata.namespace',
      `Invalid value: ${JSON.stringify(namespace)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
    );
  }
}
