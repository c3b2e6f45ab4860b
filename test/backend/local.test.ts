import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  ConflictError,
  ForbiddenError,
  InvalidObjectError,
  NoKindMatchError,
  NotFoundError,
  StateError,
  WaitTimeoutError,
} from '../../src/backend/errors.ts';
import { LocalBackend } from '../../src/backend/local/backend.ts';
import { defaultStateDir } from '../../src/backend/local/layout.ts';
import type { KubeObject } from '../../src/backend/object.ts';
import { crd } from './helpers.ts';

const FM = { fieldManager: 'test' };

function cm(name: string, data: Record<string, string> = { a: '1' }, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(labels ? { labels } : {}) }, data };
}

let dir: string;
let be: LocalBackend;
let uids = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bosun-local-'));
  uids = 0;
  be = new LocalBackend({
    dir,
    durable: false,
    now: () => new Date('2024-05-06T07:08:09.123Z'),
    uid: () => `uid-${++uids}`,
    pollIntervalMs: 5,
  });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the local backend stores objects', () => {
  it('as YAML under <namespace>/<Kind>/<name>.yaml with server fields', async () => {
    const stored = await be.apply(cm('web', { port: '80', flag: 'yes' }), FM);
    expect(stored.metadata).toEqual({
      name: 'web',
      namespace: 'default',
      uid: 'uid-1',
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '2024-05-06T07:08:09Z',
      managedFields: [{ manager: 'test', operation: 'Apply', apiVersion: 'v1', time: '2024-05-06T07:08:09Z' }],
    });
    const text = readFileSync(join(dir, 'default/ConfigMap/web.yaml'), 'utf8');
    expect(text).toContain('  port: "80"\n  flag: "yes"\n');
    expect(await be.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'web' })).toEqual(stored);
  });

  it('keeps cluster-scoped objects under _cluster/, and custom kinds under <Kind>.<group>', async () => {
    await be.apply(
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r', namespace: 'x' } },
      FM,
    );
    expect(existsSync(join(dir, '_cluster/ClusterRole/r.yaml'))).toBe(true);
    await be.apply(crd('example.com', 'Widget', 'widgets'), FM);
    expect(existsSync(join(dir, '_cluster/CustomResourceDefinition/widgets.example.com.yaml'))).toBe(true);
    await be.apply({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' } }, FM);
    expect(existsSync(join(dir, 'default/Widget.example.com/w.yaml'))).toBe(true);
  });

  it('updates: resourceVersion always, generation only when more than metadata changes', async () => {
    const a = await be.apply(cm('web'), FM);
    const same = await be.apply(cm('web'), FM);
    expect(same.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
    const labelled = await be.apply(cm('web', { a: '1' }, { tier: 'x' }), FM);
    expect(labelled.metadata.resourceVersion).toBe('2');
    expect(labelled.metadata.generation).toBe(1);
    const changed = await be.apply(cm('web', { a: '2' }), FM);
    expect(changed.metadata).toMatchObject({ uid: 'uid-1', resourceVersion: '3', generation: 2 });
    expect(changed.metadata.labels).toBeUndefined();
    expect(changed.metadata.creationTimestamp).toBe(a.metadata.creationTimestamp);
  });

  it('ignores server fields in manifests and records each field manager', async () => {
    const m = cm('web');
    m.metadata.uid = 'forged';
    m.metadata.resourceVersion = '999';
    m.metadata.generation = 7;
    const s = await be.apply(m, FM);
    expect(s.metadata).toMatchObject({ uid: 'uid-1', resourceVersion: '1', generation: 1 });
    const s2 = await be.apply(cm('web'), { fieldManager: 'other' });
    expect(s2.metadata.managedFields?.map((f) => f.manager)).toEqual(['test', 'other']);
  });

  it('creates only what does not exist, updates only what does, with resourceVersion preconditions', async () => {
    await be.create(cm('a'), FM);
    await expect(be.create(cm('a'), FM)).rejects.toThrow(new AlreadyExistsError('configmaps', 'a'));
    await expect(be.update(cm('b'), FM)).rejects.toThrow('configmaps "b" not found');
    const cur = await be.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' });
    const stale = { ...cm('a', { x: '1' }), metadata: { name: 'a', resourceVersion: '0' } };
    await expect(be.update(stale, FM)).rejects.toThrow(ConflictError);
    const ok = await be.update(
      { ...cm('a', { x: '1' }), metadata: { name: 'a', resourceVersion: cur.metadata.resourceVersion } },
      FM,
    );
    expect(ok.data).toEqual({ x: '1' });
    expect(ok.metadata.managedFields?.[0].operation).toBe('Update');
  });

  it('writes nothing on a dry run', async () => {
    const s = await be.apply(cm('dry'), { ...FM, dryRun: true });
    expect(s.metadata.uid).toBe('uid-1');
    await expect(be.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'dry' })).rejects.toThrow(NotFoundError);
  });

  it('needs the namespace to exist, and has the built-in ones', async () => {
    await expect(be.apply({ ...cm('x'), metadata: { name: 'x', namespace: 'team' } }, FM)).rejects.toThrow(
      'namespaces "team" not found',
    );
    expect(await be.ensureNamespace('team', FM)).toEqual({ created: true });
    expect(await be.ensureNamespace('team', FM)).toEqual({ created: false });
    expect(await be.ensureNamespace('kube-system', FM)).toEqual({ created: false });
    await be.apply(cm('x'), { ...FM, namespace: 'team' });
    expect(existsSync(join(dir, 'team/ConfigMap/x.yaml'))).toBe(true);
    const names = (await be.list({ apiVersion: 'v1', kind: 'Namespace' })).map((n) => n.metadata.name);
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'team']);
    await expect(be.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'default' })).rejects.toThrow(ForbiddenError);
  });

  it('deletes a namespace with everything in it', async () => {
    await be.ensureNamespace('team', FM);
    await be.apply(cm('x'), { ...FM, namespace: 'team' });
    await be.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'team' });
    expect(existsSync(join(dir, 'team'))).toBe(false);
    await expect(be.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team', name: 'x' })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('rejects invalid objects and unknown kinds', async () => {
    await expect(be.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '../x' } }, FM)).rejects.toThrow(
      InvalidObjectError,
    );
    await expect(be.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '' } }, FM)).rejects.toThrow(
      /name is required/,
    );
    await expect(
      be.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'Bad_NS' } }, FM),
    ).rejects.toThrow(/metadata.namespace/);
    await expect(
      be.apply({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, FM),
    ).rejects.toThrow(new NoKindMatchError('Widget', 'example.com/v1'));
    await expect(
      be.apply({ apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'i' } }, FM),
    ).rejects.toThrow(/no matches for kind "Ingress" in version "extensions\/v1beta1"/);
  });

  it('folds Secret stringData into data and rejects data that is not base64', async () => {
    const s = await be.apply(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==' }, stringData: { b: 'hi' } },
      FM,
    );
    expect(s.data).toEqual({ a: 'eA==', b: 'aGk=' });
    expect(s.stringData).toBeUndefined();
    await expect(
      be.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't' }, data: { a: 'not base64!' } }, FM),
    ).rejects.toThrow('Secret "t" is invalid: data[a]: Invalid value: illegal base64 data');
  });
});

describe('listing', () => {
  beforeEach(async () => {
    await be.ensureNamespace('b', FM);
    await be.apply(cm('one', {}, { app: 'web', tier: 'front' }), FM);
    await be.apply(cm('two', {}, { app: 'web', tier: 'back' }), FM);
    await be.apply(cm('three', {}, { app: 'db' }), FM);
    await be.apply(cm('four', {}, { app: 'web' }), { ...FM, namespace: 'b' });
  });

  const names = (objs: KubeObject[]) => objs.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

  it('lists one namespace or all, sorted', async () => {
    expect(names(await be.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default' }))).toEqual([
      'default/one',
      'default/three',
      'default/two',
    ]);
    expect(names(await be.list({ apiVersion: 'v1', kind: 'ConfigMap' }))).toEqual([
      'b/four',
      'default/one',
      'default/three',
      'default/two',
    ]);
    expect(await be.list({ apiVersion: 'v1', kind: 'Secret' })).toEqual([]);
  });

  it('filters by equality and set-based selectors', async () => {
    const list = (labelSelector: string | Record<string, string>) =>
      be.list({ apiVersion: 'v1', kind: 'ConfigMap', labelSelector }).then(names);
    expect(await list('app=web,tier!=back')).toEqual(['b/four', 'default/one']);
    expect(await list('tier in (front,back)')).toEqual(['default/one', 'default/two']);
    expect(await list('!tier')).toEqual(['b/four', 'default/three']);
    expect(await list({ app: 'db' })).toEqual(['default/three']);
  });
});

describe('discovery through the backend', () => {
  it('serves the kinds of applied CRDs, and stops when they are deleted', async () => {
    expect((await be.discovery.apiVersions()).includes('example.com/v1')).toBe(false);
    await be.apply(crd('example.com', 'Widget', 'widgets'), FM);
    const t = await be.discovery.resourceFor('example.com/v1alpha1', 'Widget');
    expect(t).toMatchObject({ resource: 'widgets', namespaced: true, builtin: false });
    expect((await be.discovery.lookupResource('widgets.example.com')).kind).toBe('Widget');
    expect(await be.discovery.apiVersions()).toContain('example.com/v1/Widget');
    await be.apply({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, FM);
    await be.delete({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'widgets.example.com',
    });
    expect(existsSync(join(dir, 'default/Widget.example.com'))).toBe(false);
    await expect(be.discovery.resourceFor('example.com/v1', 'Widget')).rejects.toThrow(NoKindMatchError);
  });

  it('rejects an invalid CRD', async () => {
    const bad = crd('example.com', 'Widget', 'widgets');
    bad.metadata.name = 'oops';
    await expect(be.apply(bad, FM)).rejects.toThrow(/must be spec.names.plural/);
  });

  it('sees CRDs added by another backend on the same directory', async () => {
    const other = new LocalBackend({ dir, durable: false });
    await expect(be.discovery.resourceFor('example.com/v1', 'Widget')).rejects.toThrow(NoKindMatchError);
    await other.apply(crd('example.com', 'Widget', 'widgets', 'Cluster'), FM);
    expect((await be.discovery.resourceFor('example.com/v1', 'Widget')).namespaced).toBe(false);
  });
});

describe('deletion', () => {
  it('deletes, and reports what is missing', async () => {
    await be.apply(cm('a'), FM);
    await be.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' });
    expect(existsSync(join(dir, 'default'))).toBe(false);
    await expect(be.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' })).rejects.toThrow(
      'configmaps "a" not found',
    );
  });

  it('deletes dependents with their owner, or orphans them', async () => {
    const owner = await be.apply(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: {} },
      FM,
    );
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: owner.metadata.uid! };
    await be.apply({ ...cm('dep1'), metadata: { name: 'dep1', ownerReferences: [ref] } }, FM);
    await be.apply({ ...cm('dep2'), metadata: { name: 'dep2', ownerReferences: [ref] } }, FM);
    await be.apply(cm('free'), FM);
    await be.delete({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
    expect((await be.list({ apiVersion: 'v1', kind: 'ConfigMap' })).map((o) => o.metadata.name)).toEqual(['free']);

    const owner2 = await be.apply(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web2' }, spec: {} },
      FM,
    );
    await be.apply(
      {
        ...cm('kept'),
        metadata: { name: 'kept', ownerReferences: [{ ...ref, name: 'web2', uid: owner2.metadata.uid! }] },
      },
      FM,
    );
    await be.delete({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web2' }, { propagationPolicy: 'Orphan' });
    const kept = await be.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'kept' });
    expect(kept.metadata.ownerReferences).toBeUndefined();
  });
});

describe('waiting', () => {
  it('finds stored objects ready at once', async () => {
    await be.apply({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: {} }, FM);
    await be.wait([{ apiVersion: 'batch/v1', kind: 'Job', name: 'j', namespace: 'default' }], {
      condition: 'hook',
      timeoutMs: 1000,
    });
    expect(be.runsWorkloads).toBe(false);
  });

  it('times out on what never appears, naming it', async () => {
    const ref = { apiVersion: 'v1', kind: 'Pod', name: 'p', namespace: 'default' };
    await expect(be.wait([ref], { condition: 'ready', timeoutMs: 30 })).rejects.toThrow(
      new WaitTimeoutError(['Pod default/p'], 30),
    );
    await be.wait([ref], { condition: 'deleted', timeoutMs: 30 });
  });
});

describe('release records', () => {
  it('are helm`s Secrets in the release namespace', async () => {
    const record = {
      key: 'sh.helm.release.v1.web.v1',
      namespace: 'default',
      labels: { name: 'web', owner: 'helm', status: 'deployed', version: '1' },
      data: 'H4sIAAAAAAAC/6uuBQBDv6ajAgAAAA==',
    };
    await be.releases.create(record);
    const s = await be.get({ apiVersion: 'v1', kind: 'Secret', namespace: 'default', name: record.key });
    expect(s.type).toBe('helm.sh/release.v1');
    expect(Buffer.from((s.data as Record<string, string>).release, 'base64').toString()).toBe(record.data);
    expect(existsSync(join(dir, 'default/Secret/sh.helm.release.v1.web.v1.yaml'))).toBe(true);
    expect(await be.releases.get('default', record.key)).toEqual(record);
    await expect(be.releases.create(record)).rejects.toThrow(AlreadyExistsError);
    await be.releases.update({ ...record, labels: { ...record.labels, status: 'superseded' } });
    expect((await be.releases.query(undefined, { owner: 'helm', status: 'superseded' })).map((r) => r.key)).toEqual([
      record.key,
    ]);
    expect(await be.releases.query('default', { status: 'deployed' })).toEqual([]);
    await expect(be.releases.update({ ...record, key: 'sh.helm.release.v1.web.v9' })).rejects.toThrow(NotFoundError);
    expect((await be.releases.delete('default', record.key)).key).toBe(record.key);
    await expect(be.releases.get('default', record.key)).rejects.toThrow(NotFoundError);
  });
});

describe('the state directory', () => {
  it('defaults to $BOSUN_LOCAL_DIR, then the XDG state home', () => {
    expect(defaultStateDir({ BOSUN_LOCAL_DIR: '/s/b' })).toBe('/s/b');
    expect(defaultStateDir({ XDG_STATE_HOME: '/x' })).toBe('/x/bosun');
    expect(defaultStateDir({ XDG_STATE_HOME: 'relative', HOME: '/h' })).toMatch(/\.local\/state\/bosun$/);
  });

  it('names the file it cannot read', async () => {
    await be.apply(cm('a'), FM);
    writeFileSync(join(dir, 'default/ConfigMap/a.yaml'), 'data: [unclosed');
    await expect(be.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' })).rejects.toThrow(StateError);
    await expect(be.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' })).rejects.toThrow(
      /default\/ConfigMap\/a.yaml/,
    );
  });

  it('writes durably by default and leaves no temporary files or lock behind', async () => {
    const durable = new LocalBackend({ dir });
    await durable.apply(cm('d'), FM);
    await durable.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'd' });
    expect(readdirSync(join(dir, '.bosun/tmp'))).toEqual([]);
    expect(existsSync(join(dir, '.bosun/lock'))).toBe(false);
    expect(readFileSync(join(dir, '.bosun/revision'), 'utf8')).toBe('1\n');
  });

  it('serialises concurrent operations of one process', async () => {
    const other = new LocalBackend({ dir, durable: false });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? be : other).apply(cm(`c${i}`), FM)),
    );
    const versions = results.map((r) => Number(r.metadata.resourceVersion)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('describes itself', () => {
    expect(be.describe()).toBe(`local backend (state in ${dir})`);
  });
});
