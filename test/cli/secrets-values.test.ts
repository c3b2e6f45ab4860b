// SOPS-encrypted values on the template path (issue 5): `-f secrets://file`, `--secrets file` and auto-detected
// `-f file` render exactly as the plaintext values do, and nothing with plaintext is written anywhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSops } from '../../src/secrets/index.ts';

const root = join(import.meta.dirname, '../..');
const PLAIN = 'replicaCount: 4\nconfig:\n  greeting: "top secret greeting"\n  features: [a, b]\n';
let dir: string;
let scratch: string;
let key: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bosun-secret-values-'));
  scratch = mkdtempSync(join(tmpdir(), 'bosun-scratch-'));
  key = await generateIdentity();
  const enc = await encryptSops(PLAIN, { age: [await identityToRecipient(key)], format: 'yaml' });
  expect(enc).not.toContain('top secret greeting');
  writeFileSync(join(dir, 'plain.yaml'), PLAIN);
  writeFileSync(join(dir, 'secrets.yaml'), enc);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function template(args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'bin/bosun.js'), 'template', 'demo', join(root, 'charts/demo'), ...args],
    {
      cwd: scratch,
      encoding: 'utf8',
      // An empty TMPDIR and cwd: any file written during the run would show up there.
      env: { PATH: process.env.PATH, HOME: scratch, TMPDIR: scratch, SOPS_AGE_KEY: key },
    },
  );
}

describe('SOPS values in template', () => {
  it('renders encrypted values exactly as their plaintext, in every form', () => {
    const plain = template(['-f', join(dir, 'plain.yaml')]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('top secret greeting');
    for (const args of [
      ['-f', `secrets://${join(dir, 'secrets.yaml')}`],
      ['--secrets', join(dir, 'secrets.yaml')],
      ['-f', join(dir, 'secrets.yaml')],
    ]) {
      const r = template(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe(plain.stdout);
    }
    expect(readdirSync(scratch)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['plain.yaml', 'secrets.yaml']);
  });

  it('fails clearly without the key, naming the file and printing no secret', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/bosun.js'), 'template', 'demo', join(root, 'charts/demo'), '-f', join(dir, 'secrets.yaml')],
      { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: scratch, TMPDIR: scratch } },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stderr).not.toContain('top secret');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('SOPS values in install and upgrade', () => {
  it('installs and upgrades with encrypted values, writing nothing outside the backend state', () => {
    const state = mkdtempSync(join(tmpdir(), 'bosun-secret-state-'));
    try {
      const env = { PATH: process.env.PATH, HOME: scratch, TMPDIR: scratch, SOPS_AGE_KEY: key, BOSUN_LOCAL_DIR: state };
      const run = (args: string[]) =>
        spawnSync(process.execPath, [join(root, 'bin/bosun.js'), ...args], { cwd: scratch, encoding: 'utf8', env });
      const install = run(['install', 'demo', join(root, 'charts/demo'), '--secrets', join(dir, 'secrets.yaml')]);
      expect(install.status, install.stderr).toBe(0);
      const upgrade = run([
        'upgrade',
        'demo',
        join(root, 'charts/demo'),
        '-f',
        `secrets://${join(dir, 'secrets.yaml')}`,
      ]);
      expect(upgrade.status, upgrade.stderr).toBe(0);
      const values = run(['get', 'values', 'demo', '-o', 'json']);
      expect(JSON.parse(values.stdout)).toEqual({
        config: { features: ['a', 'b'], greeting: 'top secret greeting' },
        replicaCount: 4,
      });
      expect(readdirSync(scratch)).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual(['plain.yaml', 'secrets.yaml']);
      // The backend keeps what was deployed (as a cluster would), never a decrypted copy of the values file.
      const files = readdirSync(state, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      for (const f of files) {
        const text = readFileSync(join(f.parentPath, f.name), 'utf8');
        expect(text.includes(PLAIN), `${f.name} holds the decrypted values file`).toBe(false);
      }
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
