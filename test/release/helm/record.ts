// Records what the real helm 4 prints for the release command lines of scenario.ts, run against the API server
// double (test/fixtures/release/apiserver.ts) over a local backend, so that helm's own state layout can be
// compared with bosun's object by object. Writes actions.json next to this file. Run by record.sh.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalBackend } from '../../../src/backend/local/backend.ts';
import { startApiServer } from '../../fixtures/release/apiserver.ts';
import { objectsIn, type Recorded } from './objects.ts';
import { SESSIONS } from './scenario.ts';

const [here, root, helm] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'bosun-record-'));

async function main(): Promise<void> {
  const result: Record<string, Recorded> = {};
  for (const session of SESSIONS) {
    const dir = join(work, session.name.replace(/\W+/g, '-'));
    if (session.from) cpSync(join(root, session.from), dir, { recursive: true });
    const be = new LocalBackend({ dir, durable: false });
    await be.ensureNamespace('demo', { fieldManager: 'record' });
    const server = await startApiServer(be);
    const kubeconfig = join(work, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${server.url}"}}]\n` +
        'users: [{name: u, user: {token: t}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n',
    );
    try {
      for (const s of session.steps) {
        const r = await promisify(execFile)(helm, s.args, {
          cwd: root,
          env: { ...process.env, KUBECONFIG: kubeconfig, HELM_DEBUG: '', NO_COLOR: '1' },
          encoding: 'utf8',
        }).then(
          (x) => ({ code: 0, out: x.stdout, err: x.stderr }),
          (e: { code?: number; stdout?: string; stderr?: string }) => ({
            code: typeof e.code === 'number' ? e.code : 1,
            out: e.stdout ?? '',
            err: e.stderr ?? '',
          }),
        );
        result[s.id] = { args: s.args, ...r, objects: objectsIn(dir) };
      }
    } finally {
      await server.close();
    }
  }
  writeFileSync(join(here, 'actions.json'), `${JSON.stringify(result, null, 1)}\n`);
}

main()
  .catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
