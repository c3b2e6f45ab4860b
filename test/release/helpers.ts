// Shared by the release action tests: a local backend in a temporary directory that records the object writes
// and deletes it receives (release records left out), and a ReleaseManager over it with a ticking clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplyOptions, DeleteOptions, WriteOptions } from '../../src/backend/backend.ts';
import { LocalBackend } from '../../src/backend/local/backend.ts';
import type { KubeObject, ObjectRef } from '../../src/backend/object.ts';
import type { ReleaseLog } from '../../src/release/action-config.ts';
import { ReleaseManager, type ReleaseManagerOptions } from '../../src/release/manager.ts';
import { fixedClock } from '../../src/release/time.ts';

export const root = join(import.meta.dirname, '../..');
export const chartPath = (name: string) => join(root, 'test/release/charts', name);
export const DEMO = join(root, 'charts/demo');

const isRecord = (kind: string, name: string) => kind === 'Secret' && name.startsWith('sh.helm.release.v1.');

/** A local backend that keeps `op Kind/name` for every object write and delete. */
export class RecordingBackend extends LocalBackend {
  readonly ops: string[] = [];

  private note(op: string, kind: string, name: string): void {
    if (!isRecord(kind, name)) this.ops.push(`${op} ${kind}/${name}`);
  }

  override async create(obj: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    const r = await super.create(obj, opts);
    if (!opts.dryRun) this.note('create', obj.kind, obj.metadata.name);
    return r;
  }

  override async apply(obj: KubeObject, opts: ApplyOptions): Promise<KubeObject> {
    const r = await super.apply(obj, opts);
    if (!opts.dryRun) this.note('apply', obj.kind, obj.metadata.name);
    return r;
  }

  override async update(obj: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    const r = await super.update(obj, opts);
    if (!opts.dryRun) this.note('update', obj.kind, obj.metadata.name);
    return r;
  }

  override async delete(ref: ObjectRef, opts?: DeleteOptions): Promise<void> {
    await super.delete(ref, opts);
    if (!opts?.dryRun) this.note('delete', ref.kind, ref.name);
  }

  /** Whether an object exists now. */
  async has(kind: string, name: string, namespace = 'default', apiVersion = 'v1'): Promise<boolean> {
    try {
      await this.get({ apiVersion, kind, name, namespace });
      return true;
    } catch {
      return false;
    }
  }
}

export interface Env {
  dir: string;
  backend: RecordingBackend;
  rm: ReleaseManager;
  logs: string[];
  cleanup(): void;
}

/** A fresh state directory, backend and manager (namespace `default`, a clock one second per reading). */
export function env(opts: ReleaseManagerOptions = {}): Env {
  const dir = mkdtempSync(join(tmpdir(), 'bosun-actions-'));
  const backend = new RecordingBackend({ dir, durable: false });
  const logs: string[] = [];
  const log: ReleaseLog = {
    debug: () => {},
    info: (m) => logs.push(m),
    warn: (m) => logs.push(`WARN ${m}`),
  };
  let t = 1_700_000_000n;
  const tick = () => fixedClock((t += 1n) * 1_000_000_000n)();
  const rm = new ReleaseManager(backend, { log, clock: tick, unixNow: () => Number(t), ...opts });
  return { dir, backend, rm, logs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
