// The local backend across processes: a process killed mid-write leaves nothing half-written, two processes never
// corrupt each other, and a lock left by a dead process is reclaimed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockTimeoutError } from '../../src/backend/errors.ts';
import { LocalBackend } from '../../src/backend/local/backend.ts';
import { FileLock, processAlive, readLock } from '../../src/backend/local/lock.ts';
import { yamlToObject } from '../../src/backend/local/yaml-io.ts';

let work: string;
let worker: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bosun-procs-'));
  worker = join(work, 'worker.cjs');
  buildSync({
    entryPoints: [new URL('./worker.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: worker,
    logLevel: 'error',
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function start(
  dir: string,
  ...args: string[]
): { child: ChildProcess; out: () => string; done: Promise<number | null> } {
  const child = spawn(process.execPath, [worker, dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const done = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, out: () => out, done };
}

async function until(cond: () => boolean, ms = 20000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the worker');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function freshDir(): string {
  return mkdtempSync(join(work, 'state-'));
}

describe('a process killed mid-write', () => {
  it('leaves every object whole, and the next process recovers the lock', async () => {
    const dir = freshDir();
    let kills = 0;
    let interrupted = 0;
    for (let round = 0; round < 6; round++) {
      const w = start(dir, 'churn');
      const before = w.out().length;
      // Let it write a few objects, then kill it while a temporary file exists: inside a write.
      await until(() => w.out().length > before && w.out().split('\n').length > 2);
      const tmp = join(dir, '.bosun/tmp');
      const end = Date.now() + 10000;
      while (readdirSync(tmp).length === 0 && Date.now() < end) {
        // spin: a write lasts only milliseconds
      }
      w.child.kill('SIGKILL');
      await w.done;
      kills++;
      // A temporary file left behind means the kill landed inside a write.
      interrupted += readdirSync(join(dir, '.bosun/tmp')).length;
    }
    expect(kills).toBe(6);
    expect(interrupted).toBeGreaterThan(0);
    const cmDir = join(dir, 'default/ConfigMap');
    for (const f of readdirSync(cmDir)) {
      const obj = yamlToObject(readFileSync(join(cmDir, f), 'utf8'), f);
      const data = obj.data as Record<string, string>;
      expect(data.end).toMatch(/^done-\d+$/);
      const i = Number(data.end.slice(5));
      expect(data.body).toBe(String(i % 10).repeat(1_000_000 * (1 + (i % 3))));
    }
    // The next process takes over the lock a killed one may have left, and sweeps its temporary files.
    const be = new LocalBackend({ dir, lockTimeoutMs: 5000 });
    await be.apply(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after' }, data: {} },
      { fieldManager: 't' },
    );
    expect(readdirSync(join(dir, '.bosun/tmp'))).toEqual([]);
    const versions = readdirSync(cmDir).map((f) =>
      Number(yamlToObject(readFileSync(join(cmDir, f), 'utf8'), f).metadata.resourceVersion),
    );
    expect(new Set(versions).size).toBe(versions.length);
  }, 120000);
});

describe('two processes at once', () => {
  it('never lose or duplicate a change', async () => {
    const dir = freshDir();
    const n = 25;
    const a = start(dir, 'contend', 'a', String(n));
    const b = start(dir, 'contend', 'b', String(n));
    expect(await a.done).toBe(0);
    expect(await b.done).toBe(0);
    const versions = [...a.out().trim().split(/\s+/), ...b.out().trim().split(/\s+/)].map(Number);
    const be = new LocalBackend({ dir });
    const shared = await be.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'shared' });
    // Each apply of `shared` changed its data, so its generation counts all 2n of them.
    expect(shared.metadata.generation).toBe(2 * n);
    expect(await be.list({ apiVersion: 'v1', kind: 'ConfigMap' })).toHaveLength(2 * n + 1);
    // Every apply changed something, so each got its own resourceVersion; the counter saw exactly 4n writes.
    expect(new Set(versions).size).toBe(4 * n);
    expect(readFileSync(join(dir, '.bosun/revision'), 'utf8')).toBe(`${4 * n}\n`);
  }, 120000);
});

describe('the state lock', () => {
  it('makes another process wait, and times out naming the holder', async () => {
    const dir = freshDir();
    const holder = start(dir, 'hold');
    await until(() => holder.out().includes('held'));
    const waiter = start(dir, 'try-lock', '300');
    expect(await waiter.done).toBe(1);
    expect(waiter.out()).toContain(`LockTimeoutError: timed out after 0s waiting for the lock`);
    expect(waiter.out()).toContain(`held by process ${holder.child.pid} on ${hostname()}`);
    holder.child.kill('SIGKILL');
    await holder.done;
  }, 60000);

  it('is reclaimed from a dead process', async () => {
    const dir = freshDir();
    const holder = start(dir, 'hold');
    await until(() => holder.out().includes('held'));
    const pid = holder.child.pid!;
    holder.child.kill('SIGKILL');
    await holder.done;
    expect(processAlive(pid)).toBe(false);
    expect((await readLock(join(dir, '.bosun/lock')))?.pid).toBe(pid);
    const w = start(dir, 'try-lock', '5000');
    expect(await w.done).toBe(0);
    expect(w.out()).toBe('applied\n');
  }, 60000);

  it('is reclaimed when another host`s lock is old, and kept when it is recent', async () => {
    const dir = freshDir();
    const layout = { path: join(dir, '.bosun/lock'), tmp: join(dir, '.bosun/lock-tmp') };
    const be = new LocalBackend({ dir, durable: false, lockTimeoutMs: 200 });
    await be.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: {} }, { fieldManager: 't' });
    const foreign = (since: number) =>
      writeFileSync(layout.path, JSON.stringify({ pid: 1, host: 'elsewhere', since, token: `t${since}` }));
    foreign(Date.now());
    await expect(
      be.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' }, data: {} }, { fieldManager: 't' }),
    ).rejects.toThrow(LockTimeoutError);
    foreign(Date.now() - 3_600_000);
    await be.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' }, data: {} }, { fieldManager: 't' });
    // Unreadable content (not written by bosun) counts as abandoned.
    writeFileSync(layout.path, 'garbage');
    const lock = new FileLock(layout.path, { tmpDir: layout.tmp, timeoutMs: 200 });
    await lock.acquire();
    expect(lock.held).toBe(true);
    await lock.release();
  });

  it('is reclaimed by only one of many contenders', async () => {
    const dir = freshDir();
    const path = join(dir, '.bosun/lock');
    const tmp = join(dir, '.bosun/lock-tmp');
    // A stale lock of a dead pid, then several lockers at once: they must take turns, never overlap.
    mkdirSync(join(dir, '.bosun'), { recursive: true });
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 0, token: 'dead' }));
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const lock = new FileLock(path, { tmpDir: tmp, timeoutMs: 10000 });
        await lock.acquire();
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 2));
        inside--;
        await lock.release();
      }),
    );
    expect(maxInside).toBe(1);
  });
});
