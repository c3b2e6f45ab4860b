import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SopsMacMismatchError } from '../../src/secrets/errors.ts';
import { decryptSops, openSops } from '../../src/secrets/sops.ts';
import { fixture, gpgHome } from './helpers.ts';

let gpg: ReturnType<typeof gpgHome>;
beforeAll(() => {
  gpg = gpgHome();
});
afterAll(() => gpg.close());

const decrypt = (name: string, extra: object = {}) =>
  decryptSops(fixture(name), {
    path: name,
    format: name.endsWith('.txt') ? 'binary' : undefined,
    env: gpg.env,
    ...extra,
  });

describe('decrypting files written by sops', () => {
  it('decrypts YAML with comments and verifies the MAC', async () => {
    expect(await decrypt('comments.enc.yaml')).toBe(`${fixture('comments.plain.yaml').toString()}\n`);
  });

  it('decrypts sops example.yaml: nested maps, lists, types, unencrypted suffix, encrypted comments', async () => {
    const out = await decrypt('example.yaml');
    expect(out).toContain('myapp1: t00m4nys3cr3tzupdated\n');
    expect(out).toContain('        # private key for secret operations in app2\n');
    expect(out).toContain('\nnumber: 1234568000\n');
    expect(out).toMatch(/somebooleans:\n {4}- true\n {4}- false\n/);
    expect(out).toContain('somelist_unencrypted:\n    - all elements of this list');
    expect(out).not.toContain('ENC[');
  });

  it('decrypts JSON as Go writes it (tab indent, float kept)', async () => {
    const out = await decrypt('example.json');
    expect(out.startsWith('{\n\t"firstName": "John",\n\t"lastName": "Smith",\n\t"age": 25.4,\n')).toBe(true);
    expect(out).toContain('\t"anEmptyValue": ""\n}\n');
  });

  it('decrypts INI, keeping section comments and alignment', async () => {
    const out = await decrypt('example.ini');
    expect(out).toBe(
      '; An example file for use with sops!\n[name]\nfirstName = John\nlastName  = Smith\nage       = 25.4\n\n' +
        '[address]\ncity          = New York\npostalCode    = 10021-3100\nstate         = NY\n' +
        'streetAddress = 21 2nd Street\n\n[phoneNumbers]\nhome   = 212 555-1234\noffice = 646 555-4567\n\n' +
        '[not private]\nnotsecret_unencrypted = hi there!\n',
    );
  });

  it('decrypts a binary file', async () => {
    const out = await decrypt('example.txt');
    expect(out.startsWith('Welcome to SOPS!\n\nSOPS is a manager of encrypted files')).toBe(true);
  });

  it.each([
    ['format.enc.yaml', 'foo: bar\n'],
    ['format.enc.json', '{\n\t"foo": "bar"\n}\n'],
    ['format.enc.env', 'foo = bar\n'],
    ['format.enc.ini', '[foo]\nbar = baz\n'],
  ])('decrypts %s', async (name, plain) => {
    expect(await decrypt(name)).toBe(plain);
  });

  it('decrypts with the one PGP key present when the file has two recipients', async () => {
    expect(await decrypt('multiple_keys.yaml')).toBe('message: hello\n');
  });

  it('refuses a file without a MAC, unless the MAC is ignored', async () => {
    await expect(decrypt('no_mac.yaml')).rejects.toBeInstanceOf(SopsMacMismatchError);
    await expect(decrypt('no_mac.yaml')).rejects.toThrow(/no_mac\.yaml/);
    expect(await decrypt('no_mac.yaml', { ignoreMac: true })).toMatch(/^myapp1: /);
  });

  it('reads the metadata: key groups, suffix, version', async () => {
    const opened = await openSops(fixture('multiple_keys.yaml'), { path: 'multiple_keys.yaml', env: gpg.env });
    expect(opened.metadata.keyGroups).toHaveLength(1);
    expect(opened.metadata.keyGroups[0].map((k) => k.type)).toEqual(['pgp', 'pgp']);
    expect(opened.metadata.unencryptedSuffix).toBe('_unencrypted');
    expect(opened.dataKey).toHaveLength(32);
  });
});
