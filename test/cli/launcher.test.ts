// bin/bosun, the shell launcher that npm links as `bosun`: it starts bin/bosun.js without NODE_EXTRA_CA_CERTS
// (which Node 20 would load before any code runs) and bosun puts the variable back for the processes it starts.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = join(root, 'bin/bosun');
const scratch = mkdtempSync(join(tmpdir(), 'bosun-launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A file that does not exist: Node warns on start-up when NODE_EXTRA_CA_CERTS names one.
const missing = join(scratch, 'no-such-bundle.pem');
const env = { ...process.env, NODE_EXTRA_CA_CERTS: missing, BOSUN_NODE_EXTRA_CA_CERTS: undefined };

describe('bin/bosun launcher', () => {
  it('runs bosun without letting Node load NODE_EXTRA_CA_CERTS at start-up', () => {
    const direct = spawnSync(process.execPath, [join(root, 'bin/bosun.js'), 'version'], { env, encoding: 'utf8' });
    expect(direct.stderr).toContain('Ignoring extra certs'); // what the launcher avoids
    const r = spawnSync(launcher, ['version'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^version\.BuildInfo\{Version:"v/);
  });

  it('works through a chain of symbolic links, as node_modules/.bin/bosun', () => {
    const first = join(scratch, 'bosun-link');
    symlinkSync(launcher, first);
    const second = join(scratch, 'helm');
    symlinkSync('bosun-link', second);
    const r = spawnSync(second, ['version'], { env: process.env, encoding: 'utf8', cwd: tmpdir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^version\.BuildInfo/);
  });

  it('passes arguments through unchanged and keeps the exit code', () => {
    const r = spawnSync(launcher, ['template', 'a b', join(root, 'charts/nope dir')], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`Error: path "${join(root, 'charts/nope dir')}" not found\n`);
  });

  it('gives processes that bosun starts the variable back', () => {
    // helm 3's post-renderer is an executable: it records what it was given.
    const seen = join(scratch, 'env.txt');
    const renderer = join(scratch, 'post-render.sh');
    writeFileSync(
      renderer,
      `#!/bin/sh\nprintf '%s\\n%s\\n' "$NODE_EXTRA_CA_CERTS" "\${BOSUN_NODE_EXTRA_CA_CERTS-unset}" > '${seen}'\ncat\n`,
    );
    chmodSync(renderer, 0o755);
    const args = ['--helm-compat', '3', 'template', 'demo', join(root, 'charts/demo'), '--post-renderer', renderer];
    const r = spawnSync(launcher, args, { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Source: demo/templates/');
    expect(readFileSync(seen, 'utf8')).toBe(`${missing}\nunset\n`);
  });

  it("keeps the build's code cache when Node runs with other V8 flags, and gives those flags a cache of their own", () => {
    const dist = join(root, 'dist');
    const caches = () => new Set(readdirSync(dist).filter((f) => f.endsWith('.cache')));
    const before = readFileSync(join(dist, 'cli.cache'));
    const known = caches();
    const flagged = { ...process.env, NODE_OPTIONS: '--max-old-space-size=3071' };
    try {
      expect(spawnSync(launcher, ['version'], { env: flagged, encoding: 'utf8' }).status).toBe(0);
      const added = [...caches()].filter((f) => !known.has(f));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^cli\.[0-9a-f]{8}\.cache$/);
      expect(readFileSync(join(dist, 'cli.cache')).equals(before)).toBe(true);
      // The next run under the same flags takes that cache as it is.
      const made = statSync(join(dist, added[0])).mtimeMs;
      expect(spawnSync(launcher, ['version'], { env: flagged, encoding: 'utf8' }).status).toBe(0);
      expect(statSync(join(dist, added[0])).mtimeMs).toBe(made);
    } finally {
      for (const f of caches()) if (!known.has(f)) rmSync(join(dist, f));
    }
  });
});
