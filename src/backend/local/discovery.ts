// Discovery for the local backend: the built-in kinds, plus the kinds of the CustomResourceDefinitions stored in
// the state directory. CRD files are re-read only when they change (by inode, size and modification time), so a
// chart with many custom resources does not parse its CRDs again for each one.

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  builtinResources,
  crdResourceType,
  type Discovery,
  isBuiltinGroup,
  ResourceTable,
  type ResourceType,
} from '../discovery.ts';
import { BackendError, NoKindMatchError, NoResourceMatchError } from '../errors.ts';
import { parseApiVersion } from '../object.ts';
import { errno, listDir, readIfExists } from './fsutil.ts';
import type { StateLayout } from './layout.ts';
import { yamlToObject } from './yaml-io.ts';

interface CachedCrd {
  key: string;
  type: ResourceType | undefined;
}

export class LocalDiscovery implements Discovery {
  private readonly builtin = new ResourceTable(builtinResources());
  private readonly crdFiles = new Map<string, CachedCrd>();
  private table: ResourceTable | undefined;

  constructor(private readonly layout: StateLayout) {}

  private crdDir(): string {
    const t = this.builtin.find('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
    if (!t) throw new BackendError('the built-in resource table lacks CustomResourceDefinition');
    return this.layout.kindDir(t, undefined);
  }

  /** The table of every served type, CRDs re-read if their files changed. */
  private async current(): Promise<ResourceTable> {
    const dir = this.crdDir();
    const names = (await listDir(dir)).filter((f) => f.endsWith('.yaml'));
    let changed = names.length !== this.crdFiles.size || this.table === undefined;
    const seen = new Set<string>();
    for (const f of names) {
      seen.add(f);
      const path = join(dir, f);
      let key: string;
      try {
        const st = await stat(path, { bigint: true });
        key = `${st.ino}:${st.size}:${st.mtimeNs}`;
      } catch (e) {
        if (errno(e) === 'ENOENT') continue;
        throw e;
      }
      if (this.crdFiles.get(f)?.key === key) continue;
      changed = true;
      const text = await readIfExists(path);
      let type: ResourceType | undefined;
      if (text !== undefined) {
        try {
          type = crdResourceType(yamlToObject(text, path));
        } catch {
          type = undefined; // an invalid CRD serves nothing, as the API server would not have accepted it
        }
      }
      this.crdFiles.set(f, { key, type });
    }
    for (const f of [...this.crdFiles.keys()]) {
      if (!seen.has(f)) {
        this.crdFiles.delete(f);
        changed = true;
      }
    }
    if (changed || !this.table) {
      const custom = [...this.crdFiles.values()].flatMap((c) => (c.type ? [c.type] : []));
      this.table = new ResourceTable([...builtinResources(), ...custom]);
    }
    return this.table;
  }

  async resourceFor(apiVersion: string, kind: string): Promise<ResourceType> {
    const t = this.builtin.find(apiVersion, kind);
    if (t) return t;
    if (!isBuiltinGroup(parseApiVersion(apiVersion).group)) {
      const c = (await this.current()).find(apiVersion, kind);
      if (c) return c;
    }
    throw new NoKindMatchError(kind, apiVersion);
  }

  async lookupResource(name: string): Promise<ResourceType> {
    const t = this.builtin.findByName(name) ?? (await this.current()).findByName(name);
    if (!t) throw new NoResourceMatchError(name);
    return t;
  }

  async resources(): Promise<ResourceType[]> {
    return [...(await this.current()).types];
  }

  async apiVersions(): Promise<string[]> {
    return (await this.current()).apiVersions();
  }
}
