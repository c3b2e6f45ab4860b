import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { decryptSops as sopsAgeDecrypt } from 'sops-age';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SopsKeyMissingError, SopsWrongKeyError } from '../../src/secrets/errors.ts';
import { decryptSops, encryptSops, openSops, rotateSops, updateKeys } from '../../src/secrets/sops.ts';
import { FIXTURES, gpgHome, isolatedEnv, TEST_FP } from './helpers.ts';

let id: string;
let recipient: string;
let other: string;
const tmp = mkdtempSync(join(tmpdir(), 'bosun-sops-test-'));
beforeAll(async () => {
  id = await generateIdentity();
  recipient = await identityToRecipient(id);
  other = await generateIdentity();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PLAIN_YAML = `# database settings
db:
    user: admin # inline note
    password: s3cr3t
    port: 5432
    ratio: 0.25
    enabled: true
    hosts:
        - a.example
        - b.example
    note_unencrypted: visible
empty: ""
`;

const keys = () => ({ env: isolatedEnv(), ageIdentities: [id] });

/** The wrapped data key of the first age recipient of an encrypted YAML file. */
function ageEnc(encrypted: string): string {
  return parseYaml(encrypted).sops.age[0].enc;
}

describe('encrypting with age', () => {
  it('round-trips YAML, keeping comments, order and the unencrypted suffix', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [recipient], ...keys() });
    expect(enc).toContain('note_unencrypted: visible');
    expect(enc).not.toContain('s3cr3t');
    expect(enc).not.toContain('database settings');
    expect(enc).toMatch(/^#ENC\[AES256_GCM,/);
    expect(enc).toContain('    port: ENC[AES256_GCM,');
    expect(enc).toContain(',type:int]');
    expect(enc).toContain(',type:float]');
    expect(enc).toContain(',type:bool]');
    expect(await decryptSops(enc, { path: 'v.yaml', ...keys() })).toBe(PLAIN_YAML);
  });

  it('writes files that sops-age (an independent implementation) decrypts', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [recipient], ...keys() });
    expect(await sopsAgeDecrypt(enc, { secretKey: id, fileType: 'yaml' })).toEqual({
      db: {
        user: 'admin',
        password: 's3cr3t',
        port: 5432,
        ratio: 0.25,
        enabled: true,
        hosts: ['a.example', 'b.example'],
        note_unencrypted: 'visible',
      },
      empty: '',
    });
    const json = await encryptSops('{"a": 1, "b": {"c": [1.5, "x", true]}}', { path: 'v.json', age: [recipient] });
    expect(await sopsAgeDecrypt(json, { secretKey: id, fileType: 'json' })).toEqual({
      a: 1,
      b: { c: [1.5, 'x', true] },
    });
    const env = await encryptSops('A=1\nB=two words\n', { path: 'v.env', age: [recipient] });
    expect(await sopsAgeDecrypt(env, { secretKey: id, fileType: 'env' })).toEqual({ A: '1', B: 'two words' });
  });

  it.each([
    ['v.json', '{\n\t"a": 1,\n\t"list": [\n\t\t1.5,\n\t\t"x\\u003c",\n\t\tnull\n\t],\n\t"e": {}\n}\n'],
    ['v.env', '#comment\nA=1\nB=multi\\nline\n'],
    ['v.ini', '; about s\n[s]\nk      = v\nlonger = w\n'],
  ])('round-trips %s byte for byte', async (path, plain) => {
    const enc = await encryptSops(plain, { path, age: [recipient] });
    expect(await decryptSops(enc, { path, ...keys() })).toBe(plain);
  });

  it('round-trips binary data', async () => {
    const data = new Uint8Array([0, 1, 2, 255, 10, 13]);
    const enc = await encryptSops(data, { format: 'binary', age: [recipient] });
    const opened = await openSops(enc, { format: 'binary', ...keys() });
    const { emitPlain } = await import('../../src/secrets/sops.ts');
    expect(Buffer.from(emitPlain(opened) as Uint8Array)).toEqual(Buffer.from(data));
  });

  it('wraps the data key so that the age command-line tool unwraps it', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [recipient] });
    const keyFile = join(tmp, 'keys.txt');
    writeFileSync(keyFile, `${id}\n`, { mode: 0o600 });
    const dataKey = execFileSync('age', ['-d', '-i', keyFile], { input: ageEnc(enc) });
    const opened = await openSops(enc, { path: 'v.yaml', ...keys() });
    expect(dataKey).toHaveLength(32);
    expect(Buffer.from(opened.dataKey)).toEqual(dataKey);
  });

  it('applies encrypted_regex and mac_only_encrypted', async () => {
    const enc = await encryptSops(PLAIN_YAML, {
      path: 'v.yaml',
      age: [recipient],
      encryptedRegex: '^password$',
      macOnlyEncrypted: true,
    });
    expect(enc).toContain('user: admin');
    expect(enc).toMatch(/password: ENC\[/);
    expect(enc).toContain('encrypted_regex: ^password$');
    expect(enc).toContain('mac_only_encrypted: true');
    // Values outside the MAC may change; those inside may not.
    const changed = enc.replace('user: admin', 'user: root');
    expect(await decryptSops(changed, { path: 'v.yaml', ...keys() })).toContain('user: root');
  });

  it('reports a missing key and a wrong key as different errors', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [recipient] });
    await expect(decryptSops(enc, { path: 'v.yaml', env: isolatedEnv() })).rejects.toBeInstanceOf(SopsKeyMissingError);
    const wrong = decryptSops(enc, { path: 'v.yaml', env: isolatedEnv(), ageIdentities: [other] });
    await expect(wrong).rejects.toBeInstanceOf(SopsWrongKeyError);
    await expect(wrong).rejects.toThrow(recipient);
  });

  it('finds identities in SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD and keys.txt', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [recipient] });
    const tryEnv = (extra: Record<string, string>) => decryptSops(enc, { path: 'v.yaml', env: isolatedEnv(extra) });
    expect(await tryEnv({ SOPS_AGE_KEY: `${other} ${id}` })).toBe(PLAIN_YAML);
    const file = join(tmp, 'age.txt');
    writeFileSync(file, `# created: now\n${id}\n`);
    expect(await tryEnv({ SOPS_AGE_KEY_FILE: file })).toBe(PLAIN_YAML);
    expect(await tryEnv({ SOPS_AGE_KEY_CMD: `cat '${file}'` })).toBe(PLAIN_YAML);
    const env = isolatedEnv();
    const dir = join(env.XDG_CONFIG_HOME, 'sops', 'age');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'keys.txt'), `${id}\n`);
    expect(await decryptSops(enc, { path: 'v.yaml', env })).toBe(PLAIN_YAML);
  });
});

describe('SSH keys as age recipients', () => {
  const ssh = join(FIXTURES, 'ssh');
  it.each(['id_ed25519', 'id_rsa'])('encrypts for %s.pub and decrypts with the private key', async (name) => {
    const pub = readFileSync(join(ssh, `${name}.pub`), 'utf8').trim();
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [pub] });
    const env = isolatedEnv({ SOPS_AGE_SSH_PRIVATE_KEY_FILE: join(ssh, name) });
    expect(await decryptSops(enc, { path: 'v.yaml', env })).toBe(PLAIN_YAML);
    // The age tool unwraps what bosun wrapped...
    const opened = await openSops(enc, { path: 'v.yaml', env });
    const key = execFileSync('age', ['-d', '-i', join(ssh, name)], { input: ageEnc(enc) });
    expect(Buffer.from(opened.dataKey)).toEqual(key);
    // ...and bosun unwraps what the age tool wrapped.
    const viaAge = execFileSync('age', ['-e', '-a', '-r', pub], { input: Buffer.from(opened.dataKey) }).toString();
    const { ageDecrypt } = await import('../../src/secrets/keys/age.ts');
    const { parseSshIdentity } = await import('../../src/secrets/keys/ssh.ts');
    const ident = parseSshIdentity(readFileSync(join(ssh, name), 'utf8'));
    expect(Buffer.from(await ageDecrypt(viaAge, [ident]))).toEqual(key);
  });

  it('says so when an SSH key needs a passphrase', async () => {
    const pub = readFileSync(join(ssh, 'id_ed25519_passphrase.pub'), 'utf8').trim();
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [pub] });
    const env = isolatedEnv({ SOPS_AGE_SSH_PRIVATE_KEY_FILE: join(ssh, 'id_ed25519_passphrase') });
    await expect(decryptSops(enc, { path: 'v.yaml', env })).rejects.toThrow(/passphrase/);
  });
});

describe('PGP through gpg', () => {
  let gpg: ReturnType<typeof gpgHome>;
  beforeAll(() => {
    gpg = gpgHome();
  });
  afterAll(() => gpg.close());

  it('wraps the data key with gpg, and gpg unwraps it', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', pgp: [TEST_FP], env: gpg.env });
    const md = parseYaml(enc).sops;
    expect(md.pgp[0].fp).toBe(TEST_FP);
    expect(md.pgp[0].enc).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    const key = execFileSync('gpg', ['--batch', '-d'], { input: md.pgp[0].enc, env: gpg.env, stdio: 'pipe' });
    const opened = await openSops(enc, { path: 'v.yaml', env: gpg.env });
    expect(Buffer.from(opened.dataKey)).toEqual(key);
    expect(await decryptSops(enc, { path: 'v.yaml', env: gpg.env })).toBe(PLAIN_YAML);
  });

  it('reports a missing PGP secret key', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', pgp: [TEST_FP], env: gpg.env });
    const empty = mkdtempSync(join(tmpdir(), 'bosun-gpg-empty-'));
    try {
      await expect(decryptSops(enc, { path: 'v.yaml', env: isolatedEnv({ GNUPGHOME: empty }) })).rejects.toBeInstanceOf(
        SopsKeyMissingError,
      );
    } finally {
      try {
        execFileSync('gpgconf', ['--homedir', empty, '--kill', 'gpg-agent'], { stdio: 'ignore' });
      } catch {}
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('key groups and Shamir', () => {
  it('needs the threshold of groups', async () => {
    const ids = await Promise.all([generateIdentity(), generateIdentity(), generateIdentity()]);
    const recs = await Promise.all(ids.map((i) => identityToRecipient(i)));
    const keyGroups = recs.map((r) => [{ type: 'age' as const, recipient: r, enc: '' }]);
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', keyGroups, shamirThreshold: 2 });
    const md = parseYaml(enc).sops;
    expect(md.shamir_threshold).toBe(2);
    expect(md.key_groups).toHaveLength(3);
    for (const pair of [
      [ids[0], ids[1]],
      [ids[1], ids[2]],
      [ids[0], ids[2]],
    ]) {
      expect(await decryptSops(enc, { path: 'v.yaml', env: isolatedEnv(), ageIdentities: pair })).toBe(PLAIN_YAML);
    }
    await expect(decryptSops(enc, { path: 'v.yaml', env: isolatedEnv(), ageIdentities: [ids[2]] })).rejects.toThrow(
      /1 of the 2 key groups/,
    );
  });
});

describe('key groups in the flat formats', () => {
  it.each([
    ['v.env', 'A=1\nB=two\n'],
    ['v.ini', '[s]\nk = v\n'],
    ['v.json', '{\n\t"a": "b"\n}\n'],
  ])('%s keeps key groups and the threshold through flattening', async (path, plain) => {
    const ids = await Promise.all([generateIdentity(), generateIdentity()]);
    const keyGroups = await Promise.all(
      ids.map(async (i) => [{ type: 'age' as const, recipient: await identityToRecipient(i), enc: '' }]),
    );
    const enc = await encryptSops(plain, { path, keyGroups });
    expect(enc).toContain('shamir_threshold');
    const opened = await openSops(enc, { path, env: isolatedEnv(), ageIdentities: ids });
    expect(opened.metadata.keyGroups).toHaveLength(2);
    expect(opened.metadata.shamirThreshold).toBe(2);
    expect(await decryptSops(enc, { path, env: isolatedEnv(), ageIdentities: ids })).toBe(plain);
  });
});

describe('rotate and updatekeys', () => {
  it('rotate makes a new data key and can add and remove recipients', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [recipient] });
    const before = await openSops(enc, { path: 'v.yaml', ...keys() });
    const otherRecipient = await identityToRecipient(other);
    const rotated = (await rotateSops(enc, {
      path: 'v.yaml',
      ...keys(),
      add: [{ type: 'age', recipient: otherRecipient, enc: '' }],
      remove: [recipient],
    })) as string;
    const after = await openSops(rotated, { path: 'v.yaml', env: isolatedEnv(), ageIdentities: [other] });
    expect(Buffer.from(after.dataKey)).not.toEqual(Buffer.from(before.dataKey));
    await expect(decryptSops(rotated, { path: 'v.yaml', ...keys() })).rejects.toBeInstanceOf(SopsWrongKeyError);
  });

  it('updatekeys re-wraps the same data key and leaves values alone', async () => {
    const enc = await encryptSops(PLAIN_YAML, { path: 'v.yaml', age: [recipient] });
    const otherRecipient = await identityToRecipient(other);
    const { output } = await updateKeys(
      enc,
      { keyGroups: [[{ type: 'age', recipient: otherRecipient, enc: '' }]] },
      { path: 'v.yaml', ...keys() },
    );
    const valueLines = (s: string) => s.split('sops:')[0];
    expect(valueLines(output as string)).toBe(valueLines(enc));
    expect(await decryptSops(output, { path: 'v.yaml', env: isolatedEnv(), ageIdentities: [other] })).toBe(PLAIN_YAML);
  });
});
