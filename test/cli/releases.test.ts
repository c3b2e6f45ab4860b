// The release commands end to end through bin/bosun.js on the local backend: backend choice, the record helm
// writes for the same chart and values, hooks, failures and --atomic, diff, a process killed in the middle of an
// upgrade (the next run recovers, nothing is corrupt), and two processes at once.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalBackend } from '../../src/backend/local/backend.ts';
import { yamlToObject } from '../../src/backend/local/yaml-io.ts';
import { decodeRecordData } from '../../src/release/codec.ts';

const root = join(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function tmp(prefix = 'bosun-cli-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

function bosun(args: string[], dir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, 'bin/bosun.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BOSUN_LOCAL_DIR: dir, KUBECONFIG: '/nonexistent', NO_COLOR: '', ...env },
  });
}

function start(
  args: string[],
  dir: string,
): { child: ChildProcess; done: Promise<{ code: number | null; out: string; err: string }> } {
  const child = spawn(process.execPath, [join(root, 'bin/bosun.js'), ...args], {
    cwd: root,
    env: { ...process.env, BOSUN_LOCAL_DIR: dir, KUBECONFIG: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; out: string; err: string }>((res) =>
    child.on('exit', (code) => res({ code, out, err })),
  );
  return { child, done };
}

const HOOKS = 'test/release/charts/hooks';

describe('backend choice', () => {
  it('uses the local backend without a kubeconfig, and says so with --debug', () => {
    const dir = tmp();
    const r = bosun(['list', '--debug'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`using the local backend (state in ${dir})`);
  });

  it('refuses to pretend when a kubeconfig points at a cluster, and --backend local selects the embedded one', () => {
    const dir = tmp();
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\n');
    const r = bosun(['install', 'web', 'charts/demo'], dir, { KUBECONFIG: kubeconfig });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `Error: a kubeconfig was found (${kubeconfig}), so helm would talk to that cluster, but bosun's kubernetes backend is not available yet; use --backend local for the embedded local backend (state in ${dir})\n`,
    );
    expect(bosun(['list', '--backend', 'kubernetes'], dir).stderr).toMatch(
      /^Error: the kubernetes backend is not available yet in this version of bosun; use --backend local/,
    );
    const ok = bosun(['install', 'web', 'charts/demo', '--backend', 'local'], dir, { KUBECONFIG: kubeconfig });
    expect(ok.status, ok.stderr).toBe(0);
    expect(existsSync(join(dir, 'default/Secret/sh.helm.release.v1.web.v1.yaml'))).toBe(true);
    // A client-side dry run talks to no backend, as helm talks to no cluster.
    expect(bosun(['install', 'x', 'charts/demo', '--dry-run=client'], dir, { KUBECONFIG: kubeconfig }).status).toBe(0);
  });
});

describe('the record bosun writes', () => {
  const fx = join(root, 'test/fixtures/release');
  const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
  const maskTimes = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(maskTimes)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskTimes(x)]))
        : typeof v === 'string' && TIME.test(v)
          ? '<time>'
          : v;

  it('is, field by field, the JSON helm 4 writes for the same chart and values (install --dry-run=client -o json)', () => {
    const args = ['install', 'fixture', './chart', '--namespace', 'demo', '--dry-run=client', '-o', 'json'];
    const values = ['-f', 'user-values.yaml', '--set', 'count=7', '--set', 'flag=true', '--set-string', 's=007'];
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/bosun.js'), ...args, ...values, '--set', 'nested.a.b=x', '--description', 'fixture install'],
      { cwd: fx, encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/nonexistent' } },
    );
    expect(r.status, r.stderr).toBe(0);
    const helm = readFileSync(join(fx, 'helm4-install.out'), 'utf8');
    expect(maskTimes(JSON.parse(r.stdout))).toEqual(maskTimes(JSON.parse(helm)));
    // Same field order and escapes: identical text once the times are the same.
    const times = (s: string) => s.replace(/"\d{4}-\d{2}-\d{2}T[^"]+"/g, '"<time>"');
    expect(times(r.stdout)).toBe(times(helm));
  });

  it('is stored as helm`s Secret driver stores it, and helm`s records are read and upgraded by bosun', async () => {
    const dir = tmp();
    const r = bosun(['install', 'web', 'charts/demo', '--set', 'replicaCount=3'], dir);
    expect(r.status, r.stderr).toBe(0);
    const secret = yamlToObject(
      readFileSync(join(dir, 'default/Secret/sh.helm.release.v1.web.v1.yaml'), 'utf8'),
      'record',
    );
    expect(secret.type).toBe('helm.sh/release.v1');
    expect(secret.metadata.labels).toMatchObject({ name: 'web', owner: 'helm', status: 'deployed', version: '1' });
    const data = Buffer.from((secret.data as { release: string }).release, 'base64').toString();
    const rel = decodeRecordData(data);
    expect([rel.name, rel.version, rel.info?.status, rel.apply_method]).toEqual(['web', 1, 'deployed', 'ssa']);
    // helm's own records (install, then upgrade --reuse-values): bosun reads them and upgrades the release.
    const state = tmp();
    cpSync(join(root, 'test/fixtures/release/helm-state'), state, { recursive: true });
    const chart = 'test/fixtures/release/chart';
    // helm's state kept only its records, not the namespace: helm would fail the same way.
    expect(bosun(['upgrade', 'fixture', chart, '-n', 'demo'], state).stderr).toBe(
      'Error: UPGRADE FAILED: namespaces "demo" not found\n',
    );
    const be = new LocalBackend({ dir: state, durable: false });
    await be.ensureNamespace('demo', { fieldManager: 'test' });
    const up = bosun(['upgrade', 'fixture', chart, '-n', 'demo', '--reuse-values', '--set', 'count=9'], state);
    expect(up.status, up.stderr).toBe(0);
    expect(bosun(['get', 'values', 'fixture', '-n', 'demo', '-o', 'json'], state).stdout).toBe(
      '{"count":9,"image":{"tag":"1.26"},"replicas":3}\n',
    );
    const hist = JSON.parse(bosun(['history', 'fixture', '-n', 'demo', '-o', 'json'], state).stdout) as {
      status: string;
      description: string;
    }[];
    expect(hist.map((h) => `${h.status}:${h.description}`)).toEqual([
      'superseded:Install complete',
      'superseded:Upgrade complete',
      'deployed:Upgrade complete',
    ]);
  });
});

describe('hooks through the CLI', () => {
  it('runs them, says that no containers ran, and reports failures as helm does', () => {
    const dir = tmp();
    const ok = bosun(['install', 'h', HOOKS], dir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toBe(
      'hook h-migrate (Job, pre-install): recorded as succeeded; the local backend runs no containers\n',
    );
    const test = bosun(['test', 'h'], dir);
    expect(test.status).toBe(0);
    expect(test.stdout).toMatch(
      /TEST SUITE: {5}h-test\nLast Started: {3}.+\nLast Completed: .+\nPhase: {10}Succeeded\n$/,
    );
    const bad = bosun(['upgrade', 'h', HOOKS, '--set', 'failAt=pre-upgrade'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'Error: UPGRADE FAILED: pre-upgrade hooks failed: resource Job/default/h-failing not ready. status: Failed, message: simulated by bosun.dev/local-outcome: failed (the local backend runs no containers)\n',
    );
    const atomic = bosun(['upgrade', 'h', HOOKS, '--set', 'failAt=post-upgrade', '--atomic'], dir);
    expect(atomic.status).toBe(1);
    expect(atomic.stderr).toMatch(
      /Error: UPGRADE FAILED: release h failed, and has been rolled back due to rollback-on-failure being set: post-upgrade hooks failed: /,
    );
    const hist = bosun(['history', 'h', '-o', 'json'], dir);
    expect((JSON.parse(hist.stdout) as { status: string; description: string }[]).map((x) => x.status)).toEqual([
      'superseded',
      'failed',
      'failed',
      'deployed',
    ]);
    const un = bosun(['uninstall', 'h'], dir);
    expect(un.stdout).toBe('release "h" uninstalled\n');
    // Delete hooks ran and stay (before-hook-creation only); the release's objects are gone.
    expect(existsSync(join(dir, 'default/ConfigMap/h-post-delete-late.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'default/Deployment/h-app.yaml'))).toBe(false);
  });
});

describe('diff', () => {
  it('prints a coloured diff, masks Secrets, and exits 2 on changes with --detailed-exitcode', () => {
    const dir = tmp();
    bosun(['install', 'life', 'test/release/charts/lifecycle'], dir);
    const args = ['diff', 'upgrade', 'life', 'test/release/charts/lifecycle', '--set', 'password=other,replicas=2'];
    const plain = bosun([...args, '--no-color'], dir);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('default, life-config, ConfigMap (v1) has changed:\n');
    expect(plain.stdout).toContain('-   replicas: "1"\n+   replicas: "2"\n');
    expect(plain.stdout).toContain("-   password: '-------- # (6 bytes)'\n+   password: '++++++++ # (5 bytes)'\n");
    expect(plain.stdout).not.toContain(Buffer.from('s3cret').toString('base64'));
    const colored = bosun(args, dir, { HELM_DIFF_COLOR: 'true' });
    expect(colored.stdout).toContain('\x1b[33mdefault, life-config, ConfigMap (v1) has changed:\x1b[0m\n');
    const detailed = bosun([...args, '--detailed-exitcode', '--no-color'], dir);
    expect(detailed.status).toBe(2);
    expect(detailed.stderr).toBe(
      'Error: identified at least one change, exiting with non-zero exit code (detailed-exitcode parameter enabled)\n',
    );
    const same = bosun(['diff', 'upgrade', 'life', 'test/release/charts/lifecycle', '--detailed-exitcode'], dir);
    expect([same.status, same.stdout]).toEqual([0, '']);
    bosun(['upgrade', 'life', 'test/release/charts/lifecycle', '--set', 'replicas=3'], dir);
    const back = bosun(['diff', 'rollback', 'life', '1', '--no-color'], dir);
    expect(back.stdout).toContain('-   replicas: "3"\n+   replicas: "1"\n');
    // Nothing was changed by diffing.
    expect(JSON.parse(bosun(['history', 'life', '-o', 'json'], dir).stdout).length).toBe(2);
  });
});

/** A chart of many ConfigMaps, so that an upgrade takes long enough to be killed in the middle. */
function bigChart(n: number): string {
  const dir = join(tmp('bosun-big-'), 'big');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: big\nversion: 1.0.0\n');
  writeFileSync(join(dir, 'values.yaml'), `count: ${n}\nv: one\n`);
  writeFileSync(
    join(dir, 'templates/cms.yaml'),
    '{{- range $i := until (int .Values.count) }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{{ $i }}\ndata:\n  v: {{ $.Values.v | quote }}\n{{- end }}\n',
  );
  return dir;
}

/** Every object and record in a state directory parses; returns how many ConfigMaps say `v`. */
function checkState(dir: string, v: string): number {
  let count = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (e === '.bosun') continue;
      if (statSync(p).isDirectory()) walk(p);
      else {
        const obj = yamlToObject(readFileSync(p, 'utf8'), p);
        if (obj.kind === 'Secret' && obj.type === 'helm.sh/release.v1') {
          decodeRecordData(Buffer.from((obj.data as { release: string }).release, 'base64').toString());
        }
        if (obj.kind === 'ConfigMap' && (obj.data as { v?: string })?.v === v) count++;
      }
    }
  };
  walk(dir);
  return count;
}

describe('a process killed in the middle of an upgrade', () => {
  it('leaves nothing corrupt, and the next upgrade recovers the release', async () => {
    const dir = tmp();
    const chart = bigChart(300);
    expect(bosun(['install', 'big', chart], dir).status).toBe(0);
    const pending = join(dir, 'default/Secret/sh.helm.release.v1.big.v2.yaml');
    let killedPending = false;
    let value = '';
    for (let attempt = 0; attempt < 5 && !killedPending; attempt++) {
      value = `two-${attempt}`;
      const p = start(['upgrade', 'big', chart, '--set', `v=${value}`], dir);
      const deadline = Date.now() + 20000;
      while (
        Date.now() < deadline &&
        !(existsSync(pending) && readFileSync(pending, 'utf8').includes('pending-upgrade'))
      ) {
        if (p.child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      p.child.kill('SIGKILL');
      const { code } = await p.done;
      killedPending = code === null && readFileSync(pending, 'utf8').includes('status: pending-upgrade');
      if (!killedPending) {
        // It finished first: start again from a deployed release.
        rmSync(dir, { recursive: true, force: true });
        expect(bosun(['install', 'big', chart], dir).status).toBe(0);
      }
    }
    expect(killedPending).toBe(true);
    // Every object file and record is whole; the upgrade stopped part way (not every ConfigMap was updated).
    expect(readdirSync(join(dir, 'default/ConfigMap')).length).toBe(300);
    expect(checkState(dir, value)).toBeLessThan(300);
    expect(bosun(['status', 'big', '-o', 'json'], dir).stdout).toContain('"status":"pending-upgrade"');
    // The next operation finds the lock of a dead process, marks the interrupted revision failed and goes on.
    const next = bosun(['upgrade', 'big', chart, '--set', 'v=three'], dir);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(
      'release "big" revision 2 was left pending-upgrade by an interrupted operation; marked failed',
    );
    const hist = JSON.parse(bosun(['history', 'big', '-o', 'json'], dir).stdout) as {
      revision: number;
      status: string;
    }[];
    expect(hist.map((h) => `${h.revision}:${h.status}`)).toEqual(['1:superseded', '2:failed', '3:deployed']);
    expect(checkState(dir, 'three')).toBe(300);
  });
});

describe('two processes at once', () => {
  it('never corrupt each other: one upgrade wins, the other is refused with helm`s message or runs after', async () => {
    const dir = tmp();
    const chart = bigChart(60);
    expect(bosun(['install', 'big', chart], dir).status).toBe(0);
    expect(bosun(['install', 'other', 'charts/demo'], dir).status).toBe(0);
    const runs = await Promise.all([
      start(['upgrade', 'big', chart, '--set', 'v=a'], dir).done,
      start(['upgrade', 'big', chart, '--set', 'v=b'], dir).done,
      start(['upgrade', 'other', 'charts/demo', '--set', 'replicaCount=4'], dir).done,
    ]);
    expect(runs[2].code, runs[2].err).toBe(0);
    const ok = runs.slice(0, 2).filter((r) => r.code === 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of runs.slice(0, 2)) {
      if (r.code !== 0)
        expect(r.err).toBe('Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n');
    }
    const hist = JSON.parse(bosun(['history', 'big', '-o', 'json'], dir).stdout) as {
      revision: number;
      status: string;
    }[];
    expect(hist.map((h) => h.revision)).toEqual(Array.from({ length: 1 + ok.length }, (_, i) => i + 1));
    expect(hist.filter((h) => h.status === 'deployed').length).toBe(1);
    // The deployed revision's values are what every ConfigMap says.
    const last = JSON.parse(bosun(['get', 'values', 'big', '-o', 'json'], dir).stdout) as { v: string };
    expect(checkState(dir, last.v)).toBe(60);
  });
});

describe('other command lines', () => {
  it('--generate-name, --dry-run and the README`s quick start', () => {
    const dir = tmp();
    const gen = bosun(['install', 'charts/demo', '--generate-name'], dir);
    expect(gen.status, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/^NAME: demo-\d{10}\n/);
    expect(bosun(['install', 'charts/demo'], dir).stderr).toBe(
      'Error: INSTALLATION FAILED: must either provide a name or specify --generate-name\n',
    );
    const dry = bosun(['install', 'web', 'charts/demo', '--dry-run=server'], dir);
    expect(dry.stdout).toContain('DESCRIPTION: Dry run complete\n');
    expect(dry.stdout).toContain('MANIFEST:\n---\n# Source: demo/templates/configmap.yaml\n');
    expect(existsSync(join(dir, 'default/Secret/sh.helm.release.v1.web.v1.yaml'))).toBe(false);
    // The README's quick start, as written (the dependencies are installed already).
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const line = /```sh\n(npm install && [^\n]+)\n/.exec(readme)?.[1] ?? '';
    expect(line).toContain('bin/bosun install demo charts/demo');
    const quick = spawnSync('sh', ['-c', line.replace(/^npm install && /, '')], {
      cwd: root,
      encoding: 'utf8',
      // mktemp makes the state directory under TMPDIR: ours, removed after the tests.
      env: { ...process.env, KUBECONFIG: '/nonexistent', TMPDIR: dir },
    });
    expect(quick.status, quick.stderr).toBe(0);
    expect(quick.stdout).toMatch(/Rollback was a success! Happy Helming!\n$/);
  });
});
