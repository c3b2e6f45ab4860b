// `diff upgrade` / `diff rollback` in the helm-diff plugin's layout (databus23/helm-diff diff/diff.go, lcs.go,
// manifest/parse.go; no helm-diff binary is available here, so the expectations follow its source): objects
// keyed `namespace, name, Kind (group)`, changed ones first then removed (unless kept) then added, whole objects
// as context by default, Secrets' data masked, colours as ANSI codes.
import { afterEach, describe, expect, it } from 'vitest';
import { compareManifests, formatReport, parseManifest } from '../../src/release/diff.ts';
import { diffLines } from '../../src/release/diff-lines.ts';
import { ReleaseManager } from '../../src/release/manager.ts';
import { chartPath, DEMO, type Env, env } from './helpers.ts';

let e: Env;
afterEach(() => e?.cleanup());

const lines = (s: string) => s.split('\n');
const show = (a: string, b: string) =>
  diffLines(lines(a), lines(b))
    .map((r) => (r.delta === 'left' ? '-' : r.delta === 'right' ? '+' : ' ') + r.payload)
    .join('|');

describe('line diff (helm-diff`s alignment)', () => {
  it('keeps equal heads and tails, and prefers removal before addition', () => {
    expect(show('a\nb\nc', 'a\nx\nc')).toBe(' a|-b|+x| c');
    expect(show('a\nb', 'a\nb\nc')).toBe(' a| b|+c');
    expect(show('', 'x\ny')).toBe('-|+x|+y'); // an added object starts with a removed empty line, as in helm-diff
  });

  it('matches a single old line at its last occurrence among the new ones', () => {
    expect(show('k\nx\nk', 'k\ny\nx\ny\nk')).toBe(' k|+y| x|+y| k');
    expect(show('q\nx\nq', 'q\nx\nz\nx\nq')).toBe(' q| x|+z|+x| q');
  });
});

describe('manifest comparison', () => {
  const m = (name: string, data: string, extra = '') =>
    `---\n# Source: c/templates/${name}.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}${extra}\ndata:\n  k: ${data}\n`;

  it('reports changed, then removed (unless kept), then added objects, each keyed as helm-diff keys them', () => {
    const old = parseManifest(
      m('b', '1') + m('gone', '1') + m('kept', '1', '\n  annotations:\n    helm.sh/resource-policy: keep'),
      'ns',
    );
    const next = parseManifest(m('b', '2') + m('a-new', '1'), 'ns');
    const report = compareManifests(old, next);
    expect(report.entries.map((x) => `${x.change} ${x.key}`)).toEqual([
      'MODIFY ns, b, ConfigMap (v1)',
      'REMOVE ns, gone, ConfigMap (v1)',
      'ADD ns, a-new, ConfigMap (v1)',
    ]);
    const out = formatReport(report);
    expect(out).toContain('ns, b, ConfigMap (v1) has changed:\n  # Source: c/templates/b.yaml\n');
    expect(out).toContain('  data:\n-   k: 1\n+   k: 2\n');
    expect(out).toContain('ns, gone, ConfigMap (v1) has been removed:\n- # Source: c/templates/gone.yaml\n');
    expect(out).toContain('ns, a-new, ConfigMap (v1) has been added:\n- \n+ # Source: c/templates/a-new.yaml\n');
  });

  it('colours headers and lines, and prints only --context lines around changes', () => {
    const old = parseManifest(m('b', '1'), 'ns');
    const next = parseManifest(m('b', '2'), 'ns');
    const report = compareManifests(old, next);
    expect(formatReport(report, { color: true })).toContain('\x1b[33mns, b, ConfigMap (v1) has changed:\x1b[0m\n');
    expect(formatReport(report, { color: true })).toContain('\x1b[31m-   k: 1\x1b[0m\n\x1b[32m+   k: 2\x1b[0m\n');
    expect(formatReport(report, { context: 1 })).toBe(
      'ns, b, ConfigMap (v1) has changed:\n...\n  data:\n-   k: 1\n+   k: 2\n',
    );
  });

  it('masks Secrets: equal values REDACTED, changed ones dashes and pluses with their sizes', () => {
    const secret = (pw: string) =>
      `---\n# Source: c/templates/s.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\ndata:\n  password: ${Buffer.from(pw).toString('base64')}\nstringData:\n  user: admin\n`;
    const report = compareManifests(parseManifest(secret('old'), 'ns'), parseManifest(secret('longer'), 'ns'));
    const out = formatReport(report);
    expect(out).toBe(
      [
        'ns, s, Secret (v1) has changed:',
        '  # Source: c/templates/s.yaml',
        '  apiVersion: v1',
        '  kind: Secret',
        '  metadata:',
        '    name: s',
        '  data:',
        "-   password: '-------- # (3 bytes)'",
        "+   password: '++++++++ # (6 bytes)'",
        "    user: 'REDACTED # (5 bytes)'",
        '  type: Opaque',
        // The re-serialized Secret ends with a newline: helm-diff prints it as an empty common line.
        '',
        '',
      ].join('\n'),
    );
    expect(out).not.toContain(Buffer.from('old').toString('base64'));
    expect(
      formatReport(
        compareManifests(parseManifest(secret('a'), 'ns'), parseManifest(secret('b'), 'ns'), { showSecrets: true }),
        { showSecrets: true },
      ),
    ).toContain(`-   password: ${Buffer.from('a').toString('base64')}`);
  });

  it('leaves test hooks out unless asked', () => {
    const hook =
      '---\n# Source: c/templates/t.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n';
    expect([...parseManifest(hook, 'ns').keys()]).toEqual([]);
    expect([...parseManifest(hook, 'ns', false).keys()]).toEqual(['ns, t, Pod (v1)']);
  });
});

describe('ReleaseManager.diff', () => {
  it('shows what an upgrade and a rollback would change, without changing anything', async () => {
    e = env();
    await e.rm.install({ name: 'web', chart: DEMO });
    e.backend.ops.length = 0;
    const up = await e.rm.diff({ upgrade: { name: 'web', chart: DEMO, values: { values: ['replicaCount=5'] } } });
    expect(up.entries.map((x) => `${x.change} ${x.key}`)).toEqual([
      'MODIFY default, web-demo, ConfigMap (v1)',
      'MODIFY default, web-demo, Deployment (apps)',
    ]);
    expect(ReleaseManager.formatDiff(up)).toContain('-   replicas: 2\n+   replicas: 5\n');
    expect(e.backend.ops).toEqual([]);
    expect((await e.rm.history('web')).length).toBe(1);
    await e.rm.upgrade({ name: 'web', chart: DEMO, values: { values: ['replicaCount=5'] } });
    const back = await e.rm.diff({ rollback: { name: 'web', revision: 1 } });
    expect(ReleaseManager.formatDiff(back)).toContain('-   replicas: 5\n+   replicas: 2\n');
    expect((await e.rm.diff({ upgrade: { name: 'web', chart: DEMO } })).entries).toEqual([]);
  });

  it('diffs objects that come and go, and an unreleased chart with allowUnreleased', async () => {
    e = env();
    const LIFE = chartPath('lifecycle');
    await e.rm.install({ name: 'life', chart: LIFE });
    const d = await e.rm.diff({
      upgrade: { name: 'life', chart: LIFE, values: { values: ['extra=false', 'kept=false'] } },
    });
    // The kept ConfigMap is not reported as removed (helm-diff honours the policy).
    expect(d.entries.map((x) => `${x.change} ${x.key}`)).toEqual(['REMOVE default, life-extra, ConfigMap (v1)']);
    await expect(e.rm.diff({ upgrade: { name: 'new', chart: DEMO } })).rejects.toThrow('release: not found');
    const fresh = await e.rm.diff({ upgrade: { name: 'new', chart: DEMO, allowUnreleased: true } });
    expect(fresh.entries.every((x) => x.change === 'ADD')).toBe(true);
    expect(fresh.entries.length).toBe(3);
  });
});
