// A separate bosun process for the multi-process tests of the local backend (bundled by processes.test.ts).
//   worker <dir> churn              apply large objects forever, printing each resourceVersion (to be killed)
//   worker <dir> contend <id> <n>   apply n objects of its own and n updates of a shared one, printing versions
//   worker <dir> hold               take the state lock and keep it (to be killed, leaving a stale lock)
//   worker <dir> try-lock <ms>      try to apply one object, waiting at most <ms> for the lock
import { LocalBackend } from '../../src/backend/local/backend.ts';
import { StateLayout } from '../../src/backend/local/layout.ts';
import { FileLock } from '../../src/backend/local/lock.ts';

const [dir, mode, ...args] = process.argv.slice(2);
const FM = { fieldManager: 'worker' };

async function main(): Promise<void> {
  if (mode === 'churn') {
    const be = new LocalBackend({ dir });
    for (let i = 0; ; i++) {
      // 1-3 MB per object, so that a kill often lands inside a write; `end` is written last.
      const body = String(i % 10).repeat(1_000_000 * (1 + (i % 3)));
      const obj = await be.apply(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `big-${i % 4}` }, data: { body, end: `done-${i}` } },
        FM,
      );
      process.stdout.write(`${obj.metadata.resourceVersion}\n`);
    }
  }
  if (mode === 'contend') {
    const [id, n] = [args[0], Number(args[1])];
    const be = new LocalBackend({ dir });
    for (let i = 0; i < n; i++) {
      const own = await be.apply(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${id}-${i}` }, data: {} },
        FM,
      );
      const shared = await be.apply(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared' }, data: { last: `${id}-${i}` } },
        FM,
      );
      process.stdout.write(`${own.metadata.resourceVersion} ${shared.metadata.resourceVersion}\n`);
    }
    return;
  }
  if (mode === 'hold') {
    const layout = new StateLayout(dir);
    const lock = new FileLock(layout.lockPath, { tmpDir: layout.lockTmpDir });
    await lock.acquire();
    process.stdout.write('held\n');
    setInterval(() => {}, 1 << 30); // keep running until killed
    return;
  }
  if (mode === 'try-lock') {
    const be = new LocalBackend({ dir, lockTimeoutMs: Number(args[0]) });
    await be.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after-lock' }, data: {} }, FM);
    process.stdout.write('applied\n');
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).name}: ${(e as Error).message}\n`);
  process.exit(1);
});
