// Unit tests of the pieces sops compatibility rests on: Go text forms, go-yaml typing, Shamir, metadata layout.
import { describe, expect, it } from 'vitest';
import { formatFloatF } from '../../src/goyaml/gofloat.ts';
import { ValueCipher } from '../../src/secrets/cipher.ts';
import { decryptDocs, encryptDocs, goRegex } from '../../src/secrets/crypt.ts';
import { formatRfc3339Nano, parseRfc3339, parseYamlTimestamp } from '../../src/secrets/gotext.ts';
import {
  flattenMetadata,
  type PlainMap,
  readMetadata,
  unflattenMetadata,
  writeMetadata,
} from '../../src/secrets/metadata.ts';
import { shamirCombine, shamirSplit } from '../../src/secrets/shamir.ts';
import { emitFile, loadFile } from '../../src/secrets/stores/index.ts';
import { goJsonString } from '../../src/secrets/stores/json.ts';
import { formatFloatG, valueText } from '../../src/secrets/stores/text.ts';
import { needsQuotes, resolvePlain } from '../../src/secrets/stores/yaml-scalar.ts';
import { Leaf, type SopsMap, SopsTime } from '../../src/secrets/tree.ts';

describe('Go text forms', () => {
  it.each([
    [1234568000, '1234568000'],
    [25.4, '25.4'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-0.5, '-0.5'],
    [0, '0'],
    [Number.POSITIVE_INFINITY, '+Inf'],
    [Number.NaN, 'NaN'],
  ])("FormatFloat(%d, 'f', -1)", (x, s) => expect(formatFloatF(x)).toBe(s));

  it.each([
    [1234567, '1.234567E+06'],
    [0.00001, '1E-05'],
    [123456, '123456'],
    [2.5, '2.5'],
  ])("FormatFloat(%d, 'G', -1)", (x, s) => expect(formatFloatG(x)).toBe(s));

  it('writes flat-format values as ValToString', () => {
    expect(valueText(3)).toBe('3.0');
    expect(valueText(3n)).toBe('3');
    expect(valueText(true)).toBe('true');
    expect(valueText(null)).toBe('<nil>');
  });

  it('formats times as RFC 3339 with nanoseconds, zero offset as Z', () => {
    const t = parseRfc3339('2020-01-02T03:04:05.120000+00:00');
    expect(t && formatRfc3339Nano(t)).toBe('2020-01-02T03:04:05.12Z');
    expect(parseRfc3339('2020-02-30T00:00:00Z')).toBeUndefined();
    const y = parseYamlTimestamp('2001-2-3');
    expect(y && formatRfc3339Nano(y)).toBe('2001-02-03T00:00:00Z');
  });

  it('escapes JSON strings as encoding/json', () => {
    expect(goJsonString('a<b>&"\\\n\u2028\u0001')).toBe('"a\\u003cb\\u003e\\u0026\\"\\\\\\n\\u2028\\u0001"');
  });

  it('compiles Go regexps with leading flags', () => {
    expect(goRegex('(?i)^PASS').test('password')).toBe(true);
    expect(goRegex('(?P<x>a)\\z').test('ba')).toBe(true);
  });
});

describe('go-yaml v3 typing of plain scalars', () => {
  it.each([
    ['123', 123n],
    ['0x1F', 31n],
    ['0o17', 15n],
    ['017', 15n],
    ['1_000', 1000n],
    ['-0b101', -5n],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['.inf', Number.POSITIVE_INFINITY],
    ['true', true],
    ['False', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['~', null],
    ['', null],
    ['08', 8],
    ['1.2.3', '1.2.3'],
    ['hello', 'hello'],
    // strconv.ParseFloat fails on overflow, and go-yaml then keeps the text.
    ['.1e999', '.1e999'],
    ['1e999', '1e999'],
  ])('%s', (src, v) => expect(resolvePlain(src)).toEqual(v));

  it('types timestamps as times, with time.Parse taking a comma before the fraction too', () => {
    expect(resolvePlain('2020-01-01')).toBeInstanceOf(SopsTime);
    const t = resolvePlain('2001-2-3 1:2:3,5');
    expect(t).toBeInstanceOf(SopsTime);
    expect((t as SopsTime).time.nanos).toBe(500_000_000);
  });

  it('quotes strings that would read back as another type', () => {
    for (const s of ['yes', 'No', 'on', '123', '1.5', 'true', '', '~', '2020-01-01', '1:20', '<<']) {
      expect(needsQuotes(s)).toBe(true);
    }
    for (const s of ['hello', 'ENC[AES256_GCM,data:x]', '3.13.2']) expect(needsQuotes(s)).toBe(false);
  });
});

describe('Shamir over GF(256)', () => {
  it('recovers the secret from any threshold of parts', () => {
    const secret = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);
    const parts = shamirSplit(secret, 5, 3);
    expect(parts.map((p) => p[32])).toEqual([1, 2, 3, 4, 5]);
    expect(shamirCombine([parts[0], parts[2], parts[4]])).toEqual(secret);
    expect(shamirCombine([parts[3], parts[1], parts[0]])).toEqual(secret);
    expect(shamirCombine(parts)).toEqual(secret);
    expect(shamirCombine([parts[0], parts[1]])).not.toEqual(secret);
  });

  it('matches a share computed by hand (degree-1 polynomial 7 + 3x)', () => {
    const parts = shamirSplit(new Uint8Array([7]), 2, 2, () => new Uint8Array([3]));
    // GF(256): f(1) = 7 ^ 3 = 4, f(2) = 7 ^ (3*2 = 6) = 1
    expect([...parts[0]]).toEqual([4, 1]);
    expect([...parts[1]]).toEqual([1, 2]);
  });

  it('refuses what sops refuses', () => {
    expect(() => shamirSplit(new Uint8Array([1]), 3, 1)).toThrow(/at least 2/);
    expect(() => shamirCombine([new Uint8Array([1, 1]), new Uint8Array([2, 1])])).toThrow(/duplicate/);
  });
});

describe('metadata', () => {
  const raw: PlainMap = {
    lastmodified: '2020-10-07T15:49:13Z',
    mac: 'ENC[...]',
    version: '3.13.2',
    shamir_threshold: '2',
    key_groups: [
      { age: [{ recipient: 'age1abc', enc: 'x' }], hc_vault: [] },
      { pgp: [{ fp: 'FP', created_at: '2020-10-07T15:49:13Z', enc: 'y' }], kms: [{ arn: 'arn:k', enc: 'z' }] },
    ],
  };

  it('reads weakly typed fields and defaults the suffix', () => {
    const md = readMetadata(raw);
    expect(md.shamirThreshold).toBe(2);
    expect(md.unencryptedSuffix).toBe('_unencrypted');
    expect(md.keyGroups.map((g) => g.map((k) => k.type))).toEqual([['age'], ['kms', 'pgp']]);
  });

  it('writes keys sorted, as sops serialises its metadata', () => {
    const out = writeMetadata(readMetadata(raw));
    expect(Object.keys(out)).toEqual([
      'key_groups',
      'lastmodified',
      'mac',
      'shamir_threshold',
      'unencrypted_suffix',
      'version',
    ]);
    expect(Object.keys((out.key_groups as object[])[1])).toEqual(['age', 'hc_vault', 'kms', 'pgp']);
  });

  it('flattens and unflattens for dotenv and INI', () => {
    const out = writeMetadata(readMetadata(raw));
    const flat = flattenMetadata(out);
    expect(flat.map(([k]) => k)).toContain('key_groups__list_1__map_pgp__list_0__map_fp');
    expect(readMetadata(unflattenMetadata(flat))).toEqual(readMetadata(raw));
  });

  it('refuses two encryption rules', () => {
    expect(() => readMetadata({ ...raw, unencrypted_suffix: 'a', encrypted_regex: 'b' })).toThrow(/more than one/);
  });
});

describe('comment rules (YAML)', () => {
  const key = new Uint8Array(32).fill(7);

  it('encrypted_comment_regex encrypts only the value after a matching comment', () => {
    const file = loadFile('yaml', '# sops:enc\npassword: x\nuser: y\n', false);
    encryptDocs(file.docs, key, { encryptedCommentRegex: 'sops:enc' }, new ValueCipher());
    const out = emitFile(file, 'yaml', undefined) as string;
    expect(out).toMatch(/^# sops:enc\npassword: ENC\[.*\nuser: y\n$/);
    const back = loadFile('yaml', out, true);
    decryptDocs(back.docs, key, { encryptedCommentRegex: 'sops:enc' }, new ValueCipher());
    expect(emitFile(back, 'yaml', undefined)).toBe('# sops:enc\npassword: x\nuser: y\n');
  });

  it('unencrypted_comment_regex leaves the value after a matching comment', () => {
    const file = loadFile('yaml', 'a: 1\n# plain\nb: 2\n', false);
    encryptDocs(file.docs, key, { unencryptedCommentRegex: 'plain' }, new ValueCipher());
    const out = emitFile(file, 'yaml', undefined) as string;
    expect(out).toMatch(/^a: ENC\[.*\n# plain\nb: 2\n$/);
  });
});

describe('YAML store', () => {
  it('expands aliases, keeps several documents, and refuses non-string keys', () => {
    const file = loadFile('yaml', 'base: &b {x: 1}\ncopy: *b\n---\nsecond: doc\n', false);
    expect(file.docs).toHaveLength(2);
    const copy = file.docs[0].get('copy') as SopsMap;
    expect((copy.get('x') as Leaf).value).toBe(1n);
    expect(String(emitFile(file, 'yaml', undefined))).toContain('---\nsecond: doc');
    expect(() => loadFile('yaml', '1: one\n', false)).toThrow(/not a string/);
    expect(() => loadFile('yaml', '- a\n', false)).toThrow(/sequences are not supported/);
  });
});

describe('INI store', () => {
  it('reads go-ini syntax: inline comments, quotes, continuation, DEFAULT keys', () => {
    const f = loadFile('ini', 'top = 1\n[s]\na = "quoted" ; note\nb = one \\\n  two\nc: """x\ny"""\n', false);
    const s = f.docs[0].get('s') as SopsMap;
    expect((s.get('a') as Leaf).value).toBe('quoted');
    expect((s.get('b') as Leaf).value).toBe('one two');
    expect((s.get('c') as Leaf).value).toBe('x\ny');
    expect(((f.docs[0].get('DEFAULT') as SopsMap).get('top') as Leaf).value).toBe('1');
    expect(emitFile(f, 'ini', undefined)).toBe('top = 1\n\n[s]\n; note\na = quoted\nb = one two\nc = """x\ny"""\n');
  });

  it('refuses nested values', () => {
    const f = loadFile('yaml', 's:\n  k:\n    deep: 1\n', false);
    expect(() => emitFile(f, 'ini', undefined)).toThrow(/scalars/);
  });
});

describe('dotenv store', () => {
  it('refuses a line without =', () => {
    expect(() => loadFile('dotenv', 'JUSTAWORD\n', false)).toThrow(/invalid dotenv/);
  });
  it('writes a JSON tree as dotenv only when it is flat', () => {
    const f = loadFile('json', '{"A": "x", "N": 2}', false);
    expect(emitFile(f, 'dotenv', undefined)).toBe('A=x\nN=2\n');
    expect(() => emitFile(loadFile('json', '{"A": {"b": 1}}', false), 'dotenv', undefined)).toThrow(/complex/);
  });
});

void new Leaf(null);
