import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecretsCommands, type SecretsIo } from '../../src/cli/secrets.ts';
import { isolatedEnv } from './helpers.ts';

let dir: string;
let id: string;
let recipient: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bosun-secrets-cli-'));
  id = await generateIdentity();
  recipient = await identityToRecipient(id);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], extraEnv: Record<string, string> = {}, stdin = '') {
  let out = Buffer.alloc(0);
  let err = '';
  let code = 0;
  const io: SecretsIo = {
    env: isolatedEnv({ SOPS_AGE_KEY: id, ...extraEnv }),
    cwd: dir,
    stdout: { write: (b) => (out = Buffer.concat([out, Buffer.from(b)])) },
    stderr: { write: (s) => (err += s) },
    readStdin: async () => Buffer.from(stdin),
    isTTY: false,
    setExitCode: (c) => {
      code = c;
    },
  };
  const program = new Command('bosun').exitOverride();
  registerSecretsCommands(program, io);
  await program.parseAsync(['node', 'bosun', 'secrets', ...args]);
  return { out: out.toString(), err, code };
}

const PLAIN = 'app:\n    password: s3cr3t\n    port: 5432\n';

describe('bosun secrets', () => {
  it('encrypts to stdout with --age and decrypts back', async () => {
    writeFileSync(join(dir, 'a.yaml'), PLAIN);
    const enc = await run(['encrypt', '--age', recipient, 'a.yaml']);
    expect(enc.code).toBe(0);
    expect(enc.out).toContain('password: ENC[AES256_GCM');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(PLAIN);
    writeFileSync(join(dir, 'a.enc.yaml'), enc.out);
    const dec = await run(['decrypt', 'a.enc.yaml']);
    expect(dec).toEqual({ out: PLAIN, err: '', code: 0 });
  });

  it('encrypts in place with the .sops.yaml creation rule that matches the path', async () => {
    writeFileSync(
      join(dir, '.sops.yaml'),
      `creation_rules:\n  - path_regex: ^secrets/.*\\.yaml$\n    age: ${recipient}\n    encrypted_regex: ^password$\n  - path_regex: .*\n    pgp: DEADBEEF\n`,
    );
    execMkdir(join(dir, 'secrets'));
    writeFileSync(join(dir, 'secrets', 'b.yaml'), PLAIN);
    const r = await run(['encrypt', '-i', 'secrets/b.yaml']);
    expect(r).toMatchObject({ out: '', code: 0 });
    const enc = readFileSync(join(dir, 'secrets', 'b.yaml'), 'utf8');
    expect(enc).toContain('port: 5432');
    expect(enc).toContain('encrypted_regex: ^password$');
    expect(enc).toContain(`recipient: ${recipient}`);
    expect((await run(['decrypt', 'secrets/b.yaml'])).out).toBe(PLAIN);
    expect((await run(['decrypt', '--extract', '["app"]["password"]', 'secrets/b.yaml'])).out).toBe('s3cr3t');
    expect((await run(['decrypt', '--output-type', 'json', 'secrets/b.yaml'])).out).toBe(
      '{\n\t"app": {\n\t\t"password": "s3cr3t",\n\t\t"port": 5432\n\t}\n}\n',
    );
    rmSync(join(dir, '.sops.yaml'));
  });

  it('reads stdin with --input-type and refuses stdin without a type', async () => {
    const r = await run(['encrypt', '--input-type', 'dotenv', '--age', recipient], {}, 'A=1\n');
    expect(r.out).toMatch(/^A=ENC\[/);
    expect((await run(['decrypt', '--input-type', 'dotenv'], {}, r.out)).out).toBe('A=1\n');
    expect((await run(['encrypt', '--age', recipient], {}, 'A=1\n')).code).toBe(8);
  });

  it('fails with sops exit codes and no stack trace', async () => {
    writeFileSync(join(dir, 'c.yaml'), PLAIN);
    const enc = await run(['encrypt', '--age', recipient, 'c.yaml']);
    writeFileSync(
      join(dir, 'c.enc.yaml'),
      enc.out.replace(/lastmodified: "[^"]*"/, 'lastmodified: "2001-01-01T00:00:00Z"'),
    );
    const mac = await run(['decrypt', 'c.enc.yaml']);
    expect(mac.code).toBe(51);
    expect(mac.err).toMatch(/^Error: MAC mismatch in 'c\.enc\.yaml'/);
    expect(mac.out).toBe('');
    const nokey = await run(['decrypt', 'c.enc.yaml'], { SOPS_AGE_KEY: '' });
    expect(nokey.code).toBe(128);
    expect((await run(['encrypt', '--kms', 'arn:aws:kms:x', 'c.yaml'])).err).toContain('not supported yet');
    expect((await run(['encrypt', 'c.yaml'])).code).toBe(128);
  });

  it('rotate makes a new data key; updatekeys adds a recipient from .sops.yaml', async () => {
    writeFileSync(join(dir, 'd.yaml'), PLAIN);
    await run(['encrypt', '-i', '--age', recipient, 'd.yaml']);
    const before = readFileSync(join(dir, 'd.yaml'), 'utf8');
    await run(['rotate', '-i', 'd.yaml']);
    const after = readFileSync(join(dir, 'd.yaml'), 'utf8');
    expect(after).not.toBe(before);
    expect((await run(['decrypt', 'd.yaml'])).out).toBe(PLAIN);
    const id2 = await generateIdentity();
    const r2 = await identityToRecipient(id2);
    writeFileSync(join(dir, '.sops.yaml'), `creation_rules:\n  - age: ${recipient},${r2}\n`);
    expect((await run(['updatekeys', 'd.yaml'])).code).toBe(8); // no --yes, no terminal
    const u = await run(['updatekeys', '-y', 'd.yaml']);
    expect(u.code).toBe(0);
    expect(u.out).toContain(`+++ age ${r2}`);
    expect((await run(['decrypt', 'd.yaml'], { SOPS_AGE_KEY: id2 })).out).toBe(PLAIN);
    rmSync(join(dir, '.sops.yaml'));
  });
});

function execMkdir(p: string) {
  if (!existsSync(p)) mkdirSync(p, { recursive: true });
}

describe('bosun secrets edit', () => {
  /** An editor script that records the file it was given and its mode, then applies `sed`. */
  function editor(sed: string, exit = 0): string {
    const script = join(dir, `editor-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(
      script,
      `#!/bin/sh\necho "$1" > "${script}.path"\nstat -c %a "$1" > "${script}.mode"\n${sed ? `sed -i '${sed}' "$1"\n` : ''}exit ${exit}\n`,
    );
    chmodSync(script, 0o755);
    return script;
  }

  it('edits the plaintext in a private temp file, re-encrypts, and removes the temp file', async () => {
    writeFileSync(join(dir, 'e.yaml'), PLAIN);
    await run(['encrypt', '-i', '--age', recipient, 'e.yaml']);
    const before = readFileSync(join(dir, 'e.yaml'), 'utf8');
    const ed = editor('s/s3cr3t/n3w-s3cr3t/');
    const r = await run(['edit', 'e.yaml'], { EDITOR: ed });
    expect(r).toMatchObject({ code: 0, out: '' });
    const tmp = readFileSync(`${ed}.path`, 'utf8').trim();
    expect(readFileSync(`${ed}.mode`, 'utf8').trim()).toBe('600');
    expect(existsSync(tmp)).toBe(false);
    const after = readFileSync(join(dir, 'e.yaml'), 'utf8');
    expect((await run(['decrypt', 'e.yaml'])).out).toBe(PLAIN.replace('s3cr3t', 'n3w-s3cr3t'));
    // The unchanged value keeps its ciphertext (nonce reused for identical plaintext).
    const port = (s: string) => /port: (ENC\[[^\]]*\])/.exec(s)?.[1];
    expect(port(after)).toBe(port(before));
    expect(statSync(join(dir, 'e.yaml')).size).toBeGreaterThan(0);
  });

  it('removes the temp file when the editor fails or changes nothing', async () => {
    writeFileSync(join(dir, 'f.yaml'), PLAIN);
    await run(['encrypt', '-i', '--age', recipient, 'f.yaml']);
    const before = readFileSync(join(dir, 'f.yaml'), 'utf8');
    const failing = editor('', 3);
    const r = await run(['edit', 'f.yaml'], { EDITOR: failing });
    expect(r.code).toBe(201);
    expect(existsSync(readFileSync(`${failing}.path`, 'utf8').trim())).toBe(false);
    const noop = editor('');
    const r2 = await run(['edit', 'f.yaml'], { EDITOR: noop });
    expect(r2.code).toBe(200);
    expect(existsSync(readFileSync(`${noop}.path`, 'utf8').trim())).toBe(false);
    const broken = editor('s/^app:/app: [/');
    const r3 = await run(['edit', 'f.yaml'], { EDITOR: broken });
    expect(r3.code).toBe(1);
    expect(existsSync(readFileSync(`${broken}.path`, 'utf8').trim())).toBe(false);
    expect(readFileSync(join(dir, 'f.yaml'), 'utf8')).toBe(before);
  });

  it('creates a new encrypted file', async () => {
    const ed = editor('s/example_value/created/');
    const r = await run(['edit', '--age', recipient, 'new.yaml'], { EDITOR: ed });
    expect(r.code).toBe(0);
    expect((await run(['decrypt', 'new.yaml'])).out).toContain('example_key: created');
  });
});
