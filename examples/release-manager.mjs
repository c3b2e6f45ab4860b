// Manage releases from Node as `helm install`, `upgrade` and `rollback` do, on the embedded local backend.
// Run from the project root: node examples/release-manager.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBackend, ReleaseManager } from 'bosun';

export async function releaseDemo(dir = mkdtempSync(join(tmpdir(), 'bosun-example-'))) {
  const chart = new URL('../charts/demo', import.meta.url).pathname;
  // The state (objects and helm's release records) lives in `dir`: a directory you can read and commit.
  const releases = new ReleaseManager(new LocalBackend({ dir }), { namespace: 'prod' });

  await releases.install({ name: 'web', chart, createNamespace: true });
  await releases.upgrade({ name: 'web', chart, values: { values: ['replicaCount=3'] } });
  const diff = await releases.diff({ rollback: { name: 'web', revision: 1 } });
  await releases.rollback({ name: 'web', revision: 1 });

  const history = await releases.history('web');
  const { release, resources } = await releases.status('web');
  return {
    dir,
    history: history.map((r) => `${r.version} ${r.info.status}: ${r.info.description}`),
    status: release.info.status,
    objects: [...resources.keys()],
    diff: ReleaseManager.formatDiff(diff),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await releaseDemo();
  console.log(r.history.join('\n'));
  console.log(`state in ${r.dir}`);
}
