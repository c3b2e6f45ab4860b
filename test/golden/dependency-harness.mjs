// Shared by scripts/gen-dependency-goldens.mjs (running helm) and test/cli/dependency.test.ts (running bosun):
// a dependency case copies fixture charts from test/fixtures/deps into a fresh directory, runs its command
// lines there one after the other, and after each records the output and what the commands left in the
// chart: the files of charts/ (archives by their entries) and the lock file, its `generated` time masked.
// A case (test/golden/dependency.yaml): name, chart (the directory the snapshot looks at), copy (fixture
// directories), steps (argument lists, without the program).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const FIXTURES = new URL('../fixtures/deps/', import.meta.url).pathname;

/** Names of the entries of a .tgz (ustar and PAX `path` records), in archive order. */
export function archiveEntries(data) {
  const tar = gunzipSync(data);
  const names = [];
  let pax;
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(h.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const type = String.fromCharCode(h[156]);
    const body = tar.subarray(off + 512, off + 512 + size);
    if (type === 'x') pax = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else {
      names.push(pax ?? name);
      pax = undefined;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

/** The text of one file of a .tgz. */
function archiveFile(data, want) {
  const tar = gunzipSync(data);
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(h.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    if (name === want) return tar.subarray(off + 512, off + 512 + size).toString('utf8');
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** Archives `package` wrote into the case's directory: their entries and their Chart.yaml. */
function packages(dir) {
  const out = {};
  for (const n of readdirSync(dir).sort()) {
    if (!n.endsWith('.tgz')) continue;
    const data = readFileSync(join(dir, n));
    // Sorted: helm adds subcharts in Go map order, which varies from run to run.
    const entries = archiveEntries(data).sort();
    const chartYaml = entries.find((e) => /^[^/]+\/Chart\.yaml$/.test(e));
    out[n] = { entries, chartYaml: chartYaml && archiveFile(data, chartYaml) };
  }
  return out;
}

function snapshot(dir, top) {
  const out = {};
  const pkgs = packages(top);
  if (Object.keys(pkgs).length > 0) out.packages = pkgs;
  const charts = join(dir, 'charts');
  if (existsSync(charts)) {
    for (const n of readdirSync(charts).sort()) {
      const p = join(charts, n);
      out[`charts/${n}`] = statSync(p).isDirectory()
        ? 'directory'
        : n.endsWith('.tgz')
          ? archiveEntries(readFileSync(p))
          : 'file';
    }
  }
  for (const lock of ['Chart.lock', 'requirements.lock']) {
    const p = join(dir, lock);
    if (existsSync(p)) out[lock] = readFileSync(p, 'utf8').replace(/^generated: .*$/m, 'generated: <time>');
  }
  return out;
}

/** Runs a case with `program` (argv prefix), returning one record per step. */
export function runCase(program, c, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bosun-deps-'));
  try {
    for (const f of c.copy) cpSync(join(FIXTURES, f), join(dir, f), { recursive: true });
    return c.steps.map((args) => {
      const r = spawnSync(program[0], [...program.slice(1), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, KUBECONFIG: '/nonexistent', HELM_DEBUG: '', ...env },
      });
      const err = r.stderr.includes('Error: ') ? r.stderr.slice(r.stderr.indexOf('Error: ')) : '';
      // The temporary directory shows in absolute paths; it is recorded as <DIR>.
      const mask = (s) => s.replaceAll(dir, '<DIR>');
      return { code: r.status, out: mask(r.stdout), err: mask(err), state: snapshot(join(dir, c.chart), dir) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
