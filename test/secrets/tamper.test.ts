// A tampered file must be refused: a changed value, MAC or metadata, or values moved around.
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { SopsCorruptValueError, type SopsError, SopsMacMismatchError } from '../../src/secrets/errors.ts';
import { decryptSops, encryptSops } from '../../src/secrets/sops.ts';
import { isolatedEnv } from './helpers.ts';

const PLAIN = `app:
    password: hunter2-secret
    token: tok-secret-value
list:
    - first-secret
    - second-secret
`;

let id: string;
let enc: string;
beforeAll(async () => {
  id = await generateIdentity();
  enc = await encryptSops(PLAIN, { path: 'v.yaml', age: [await identityToRecipient(id)] });
});

const open = (text: string) => decryptSops(text, { path: 'secrets/v.yaml', env: isolatedEnv(), ageIdentities: [id] });

function encValue(text: string, key: string): string {
  const m = new RegExp(`${key}: (ENC\\[[^\\]]*\\])`).exec(text);
  if (!m) throw new Error(`no ${key}`);
  return m[1];
}

function listItems(text: string): [string, string] {
  const items = [...text.matchAll(/^ {4}- (ENC\[[^\]]*\])$/gm)].map((m) => m[1]);
  return [items[0], items[1]];
}

async function refused(text: string, kind: abstract new (...args: never[]) => SopsError) {
  const err = await open(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(kind);
  // No secret material in the message.
  for (const secret of ['hunter2', 'tok-secret', 'first-secret', 'second-secret']) {
    expect((err as Error).message).not.toContain(secret);
  }
  return err as Error;
}

describe('tampered files are refused', () => {
  it('decrypts the untouched file', async () => {
    expect(await open(enc)).toBe(PLAIN);
  });

  it('a changed value', async () => {
    const v = encValue(enc, 'password');
    const data = /data:([^,]*)/.exec(v)![1];
    const flipped = (data[0] === 'A' ? 'B' : 'A') + data.slice(1);
    const err = await refused(enc.replace(v, v.replace(`data:${data}`, `data:${flipped}`)), SopsCorruptValueError);
    expect(err.message).toContain('app.password');
    expect(err.message).toContain('secrets/v.yaml');
  });

  it('a changed type tag', async () => {
    const v = encValue(enc, 'password');
    await refused(enc.replace(v, v.replace('type:str', 'type:int')), SopsCorruptValueError);
  });

  it('a changed MAC', async () => {
    const mac = encValue(enc, 'mac');
    const data = /data:([^,]*)/.exec(mac)![1];
    const err = await refused(
      enc.replace(mac, mac.replace(data, data.split('').reverse().join(''))),
      SopsMacMismatchError,
    );
    expect(err.message).toContain('secrets/v.yaml');
  });

  it('a removed value', async () => {
    await refused(enc.replace(/ {4}token: .*\n/, ''), SopsMacMismatchError);
  });

  it('changed metadata: lastmodified', async () => {
    await refused(enc.replace(/lastmodified: "([^"]*)"/, 'lastmodified: "2001-01-01T00:00:00Z"'), SopsMacMismatchError);
  });

  it('changed metadata: the unencrypted suffix', async () => {
    const withPlain = await encryptSops(`${PLAIN}note_unencrypted: hello\n`, {
      path: 'v.yaml',
      age: [await identityToRecipient(id)],
    });
    expect(await open(withPlain)).toContain('note_unencrypted: hello');
    await refused(
      withPlain.replace('unencrypted_suffix: _unencrypted', 'unencrypted_suffix: _plain'),
      SopsCorruptValueError,
    );
    // Declaring encrypted values unencrypted leaves ciphertext in the MAC.
    await refused(
      withPlain.replace('unencrypted_suffix: _unencrypted', 'encrypted_suffix: _nothing'),
      SopsMacMismatchError,
    );
  });

  it('two list items swapped (same additional data: only the MAC notices)', async () => {
    const [a, b] = listItems(enc);
    const swapped = enc.replace(a, '@A@').replace(b, a).replace('@A@', b);
    expect(swapped).not.toBe(enc);
    await refused(swapped, SopsMacMismatchError);
  });

  it('two map values swapped (the additional data binds a value to its key)', async () => {
    const p = encValue(enc, 'password');
    const t = encValue(enc, 'token');
    await refused(enc.replace(p, '@P@').replace(t, p).replace('@P@', t), SopsCorruptValueError);
  });

  it('a value replaced by plaintext', async () => {
    await refused(enc.replace(encValue(enc, 'token'), 'plain-text'), SopsCorruptValueError);
  });

  it('ignoreMac lets a damaged MAC through, but not a damaged value', async () => {
    const noMac = enc.replace(encValue(enc, 'mac'), '""');
    await refused(noMac, SopsMacMismatchError);
    expect(await decryptSops(noMac, { path: 'v.yaml', env: isolatedEnv(), ageIdentities: [id], ignoreMac: true })).toBe(
      PLAIN,
    );
  });
});
