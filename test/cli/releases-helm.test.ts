// The release commands through bosun's CLI on its local backend, against what the real helm 4 printed for the same
// command lines through the API server double over a local backend (test/release/helm/record.sh): outputs, errors,
// exit codes, and the objects left in the state after every step. Times, ages and uids differ by nature and are
// masked; table cells are compared with their padding removed (timestamps differ in width), and bosun's own
// padding is checked separately. helm prints status RESOURCES in Go's random map order: sections are compared
// as a set.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { LocalBackend } from '../../src/backend/local/backend.ts';
import { objectsIn, type Recorded } from '../release/helm/objects.ts';
import { SESSIONS } from '../release/helm/scenario.ts';

const root = join(import.meta.dirname, '../..');
const recorded = JSON.parse(readFileSync(join(root, 'test/release/helm/actions.json'), 'utf8')) as Record<
  string,
  Recorded
>;
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function bosun(args: string[], dir: string) {
  return spawnSync(process.execPath, [join(root, 'bin/bosun.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BOSUN_LOCAL_DIR: dir, KUBECONFIG: '/nonexistent', NO_COLOR: '1', HELM_MAX_HISTORY: '' },
  });
}

const TIMES: RegExp[] = [
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g,
  /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4} \S+/g,
  /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}/g,
];

function maskText(s: string): string {
  let out = s;
  for (const re of TIMES) out = out.replace(re, '<TIME>');
  out = out.replace(/(createdAt|modifiedAt)(=|: |":)("?)\d+/g, '$1$2$3<UNIX>');
  // Ages in the RESOURCES tables.
  out = out.replace(/^(\S+ +)(?:\d+[smhdy])+$/gm, '$1<AGE>');
  return out;
}

/** Table rows as cells without padding. */
function cells(s: string): string[][] {
  return maskText(s)
    .split('\n')
    .map((l) => l.split('\t').map((c) => c.trimEnd()));
}

/** The status text with its RESOURCES sections sorted (and their rows unpadded: header printing moves). */
function statusShape(s: string): unknown {
  const text = maskText(s);
  const start = text.indexOf('RESOURCES:\n');
  if (start < 0) return text;
  const end = text.search(/\n(?:TEST SUITE|NOTES):/);
  const sections = text
    .slice(start + 'RESOURCES:\n'.length, end)
    .split('==> ')
    .filter((x) => x.trim())
    .map((sec) =>
      sec
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('NAME '))
        .map((l) => l.replace(/ +/g, ' '))
        .join('|'),
    )
    .sort();
  return { head: text.slice(0, start), sections, tail: text.slice(end) };
}

// Live objects differ in what the server assigns (uids, versions, field managers); the rest must match.
const SERVER_FIELDS = new Set(['uid', 'resourceVersion', 'managedFields', 'creationTimestamp']);
function maskData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskData);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (SERVER_FIELDS.has(k)) continue;
      out[k] = k === 'createdAt' || k === 'modifiedAt' ? '<UNIX>' : maskData(x);
    }
    return out;
  }
  return typeof v === 'string' ? maskText(v) : v;
}

function compareOutput(id: string, args: string[], got: string, want: string): void {
  const format = args.includes('-o') ? args[args.indexOf('-o') + 1] : 'table';
  if (format === 'json') {
    expect(maskData(JSON.parse(got)), id).toEqual(maskData(JSON.parse(want)));
    // Field order and escapes: the text with live objects left out.
    if (!got.includes('"resources"')) expect(maskText(got), id).toBe(maskText(want));
  } else if (format === 'yaml') {
    expect(maskData(parseYaml(got)), id).toEqual(maskData(parseYaml(want)));
    if (!got.includes('resources:')) expect(maskText(got), id).toBe(maskText(want));
  } else if (want.includes('RESOURCES:')) {
    expect(statusShape(got), id).toEqual(statusShape(want));
  } else if (want.includes('\t')) {
    expect(cells(got), id).toEqual(cells(want));
  } else {
    expect(maskText(got), id).toBe(maskText(want));
  }
}

/** uitable pads every cell of a column to one width: bosun's tables must be consistent with themselves. */
function checkPadding(out: string): void {
  const rows = out.split('\n').filter((l) => l.includes('\t'));
  if (rows.length < 2) return;
  const widths = rows[0].split('\t').map((c) => c.length);
  for (const r of rows) expect(r.split('\t').map((c) => c.length)).toEqual(widths);
}

for (const session of SESSIONS) {
  describe(`bosun against helm 4: ${session.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'bosun-cli-rel-'));
    temps.push(dir);
    it('prepares the state as the recording did', async () => {
      if (session.from) cpSync(join(root, session.from), dir, { recursive: true });
      const be = new LocalBackend({ dir, durable: false });
      await be.ensureNamespace('demo', { fieldManager: 'record' });
      await be.close();
    });
    for (const step of session.steps) {
      it(`${step.id}: bosun ${step.args.join(' ')}`, () => {
        const want = recorded[step.id];
        expect(want, `no recording for ${step.id}: run test/release/helm/record.sh`).toBeDefined();
        expect(want.args).toEqual(step.args);
        const r = bosun(step.args, dir);
        expect(r.status, r.stderr).toBe(want.code);
        if (want.code !== 0) {
          expect(r.stderr.slice(r.stderr.indexOf('Error: '))).toBe(want.err.slice(want.err.indexOf('Error: ')));
        }
        compareOutput(step.id, step.args, r.stdout, want.out);
        checkPadding(r.stdout);
        expect(objectsIn(dir)).toEqual(want.objects);
      });
    }
  });
}
