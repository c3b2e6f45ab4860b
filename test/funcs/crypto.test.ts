import { checkPrimeSync, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import bcryptjs from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { cryptoFuncs, derivePassword } from '../../src/funcs/crypto.ts';
import { SprigCertificate } from '../../src/funcs/crypto-certs.ts';
import { parseIP } from '../../src/funcs/crypto-ip.ts';
import { generateKey, parsePrivateKeyPem, privateKeyPem } from '../../src/funcs/crypto-keys.ts';
import { decodeGoBase64, pemDecode, pemEncode } from '../../src/funcs/crypto-pem.ts';
import { sieveWindow } from '../../src/funcs/crypto-rsa.ts';
import { fixedEnv } from '../../src/funcs/env.ts';
import { formatValue } from '../../src/template/fmt.ts';
import { GoError, type GoFunc, GoInt, goInt, type Value } from '../../src/template/value.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const funcs = new Map(cryptoFuncs(fixedEnv(3, 1_700_000_000_000_000_000n)).map((f) => [f.name, f]));
function call(name: string, ...args: Value[]): Value {
  const f = funcs.get(name) as GoFunc;
  expect(f.params.length).toBe(args.length);
  return f.fn(...args);
}
function callError(name: string, ...args: Value[]): string {
  try {
    call(name, ...args);
  } catch (e) {
    expect(e).toBeInstanceOf(GoError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

// Expected values below were printed by helm 4.1.4 (test/golden/cases/sprig-crypto.yaml).
describe('derivePassword', () => {
  it('matches Sprig for every template type', () => {
    const d = (type: string) => derivePassword(1, type, 'password', 'user', 'example.com');
    expect(['long', 'maximum', 'medium', 'short', 'basic', 'pin'].map(d)).toEqual([
      'ZedaFaxcZaso9*',
      'pf4zS1LjCg&LjhsZ7T2~',
      'ZedJuz8$',
      'Zed5',
      'pIS54PLs',
      '6685',
    ]);
    expect(derivePassword(2, 'long', 'password', 'user', 'example.com')).toBe('Fovi2@JifpTupx');
    expect(derivePassword(4294967295, 'pin', 'pw', 'u', 's')).toBe('6189');
    expect(derivePassword(1, 'long', 'pässwörd', 'üser', 'exämple.com')).toBe('RipaNabw7+Xoxe');
    expect(derivePassword(1, 'huge', 'p', 'u', 's')).toBe('cannot find password template huge');
    expect(derivePassword(1, 'constructor', 'p', 'u', 's')).toBe('cannot find password template constructor');
  });
  it('takes a uint32 counter', () => {
    expect(funcs.get('derivePassword')!.params[0].name).toBe('uint32');
    expect(call('derivePassword', new GoInt(0n, 'uint32'), 'long', '', '', '')).toBe('Rozi8;WilbQoyu');
  });
});

describe('bcrypt and htpasswd', () => {
  it('make $2a$10$ hashes that verify', () => {
    const h = call('bcrypt', 'hello') as string;
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.compareSync('hello', h)).toBe(true);
    const line = call('htpasswd', 'admin', 's3cret') as string;
    expect(line.startsWith('admin:$2a$10$')).toBe(true);
    expect(bcryptjs.compareSync('s3cret', line.slice(6))).toBe(true);
  });
  it('report problems in the result, as Sprig does', () => {
    expect(call('htpasswd', 'ad:min', 'pw')).toBe('invalid username: ad:min');
    expect(call('bcrypt', 'é'.repeat(40))).toBe(
      'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes',
    );
    expect((call('htpasswd', 'u', 'x'.repeat(72)) as string).length).toBe(62);
  });
});

describe('AES', () => {
  it('decrypts what Sprig encrypted', () => {
    expect(call('decryptAES', 'my-secret-key', 'VhVYLsYJhkVAgm0+wdhskZD+kPfY6B3bD5FpnZCvYq0=')).toBe('hello, sprig');
    expect(call('decryptAES', 'k', 'cCQtBQWZiUwpKVd00QzTSLaiEmk9ilWLyrZty4bKkhwRDu6XwNmk384oVwxAhYfu')).toBe(
      'exactly16bytes!!',
    );
    // Only the first 32 bytes of the password are the key.
    expect(
      call('decryptAES', 'a-very-long-password-that-is-lonXXXXXXX', '/AO/93R+QRkl7yG9Awd6TWiNVm5jm9oTtiDLGIGdfko='),
    ).toBe('ünïcödé ✓');
  });
  it('round-trips and leaves empty strings alone', () => {
    const c = call('encryptAES', 'pw', 'round trip ✓') as string;
    expect(c).toHaveLength(44);
    expect(call('decryptAES', 'pw', c)).toBe('round trip ✓');
    expect(call('encryptAES', 'pw', '')).toBe('');
    expect(call('decryptAES', 'pw', '')).toBe('');
  });
  it("fails with Go's messages", () => {
    expect(callError('decryptAES', 'pw', 'not base64!')).toBe('illegal base64 data at input byte 3');
    expect(callError('decryptAES', 'pw', 'YWJj=')).toBe('illegal base64 data at input byte 4');
    expect(callError('decryptAES', 'pw', 'YWJj')).toBe(
      'runtime error: slice bounds out of range [:16] with capacity 3',
    );
    expect(callError('decryptAES', 'pw', Buffer.from('0123456789abcdef0123').toString('base64'))).toBe(
      'crypto/cipher: input not full blocks',
    );
    expect(callError('decryptAES', 'pw', Buffer.from('0123456789abcdef').toString('base64'))).toBe(
      'runtime error: index out of range [-1]',
    );
  });
});

describe('Go base64 and PEM', () => {
  it('decodes like base64.StdEncoding', () => {
    expect(decodeGoBase64('aGk=')).toEqual({ bytes: Uint8Array.of(0x68, 0x69) });
    expect(decodeGoBase64('aG\r\nk=')).toEqual({ bytes: Uint8Array.of(0x68, 0x69) });
    expect(decodeGoBase64('aGk')).toEqual({ errorAt: 0 });
    expect(decodeGoBase64('aG==x')).toEqual({ errorAt: 4 });
    expect(decodeGoBase64('a===')).toEqual({ errorAt: 1 });
  });
  it('finds the first PEM block as pem.Decode does', () => {
    const pem = pemEncode('TEST', Uint8Array.of(1, 2, 3));
    expect(pem).toBe('-----BEGIN TEST-----\nAQID\n-----END TEST-----\n');
    expect(pemDecode(`junk\n${pem}`)).toEqual({ type: 'TEST', bytes: Uint8Array.of(1, 2, 3) });
    expect(pemDecode('-----BEGIN A-----\nAQID\n-----END B-----\n')).toBeUndefined();
    expect(pemDecode('-----BEGIN A-----\nProc-Type: 4\n\nAQID\n-----END A-----\n')?.bytes).toEqual(
      Uint8Array.of(1, 2, 3),
    );
  });
});

describe('keys', () => {
  it('re-encode parsed keys in the forms Sprig writes', () => {
    const rsa1 = fixture('rsa1.pem');
    expect(privateKeyPem(parsePrivateKeyPem(fixture('rsa8.pem')))).toBe(rsa1);
    expect(privateKeyPem(parsePrivateKeyPem(rsa1))).toBe(rsa1);
    expect(privateKeyPem(parsePrivateKeyPem(fixture('ec8.pem')))).toBe(fixture('ec1.pem'));
    expect(privateKeyPem(parsePrivateKeyPem(fixture('ed.pem')))).toBe(fixture('ed.pem'));
  });
  it("write DSA keys in Sprig's own sequence, which parses back", () => {
    const key = generateKey('dsa')!;
    const pem = privateKeyPem(key);
    expect(pem.startsWith('-----BEGIN DSA PRIVATE KEY-----\n')).toBe(true);
    const back = parsePrivateKeyPem(pem);
    expect(createPublicKey(back).equals(createPublicKey(key))).toBe(true);
  }, 20000);
  it("make RSA keys as Go's rsa.GenerateKey: two primes of half the size, top bits set, d = e⁻¹ mod φ", () => {
    const big = (s: string | undefined) => BigInt(`0x${Buffer.from(s ?? '', 'base64url').toString('hex')}`);
    for (const bits of [2048, 3072]) {
      const pem = privateKeyPem(generateKey('rsa', bits)!);
      expect(pem.startsWith('-----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
      const k = parsePrivateKeyPem(pem).export({ format: 'jwk' });
      const [n, e, d, p, q] = [k.n, k.e, k.d, k.p, k.q].map(big);
      expect(e).toBe(65537n);
      expect(p * q).toBe(n);
      expect(n.toString(2)).toHaveLength(bits);
      for (const f of [p, q]) {
        expect(f.toString(2).slice(0, 2)).toBe('11');
        expect(f.toString(2)).toHaveLength(bits / 2);
        expect(checkPrimeSync(f)).toBe(true);
      }
      expect((e * d) % ((p - 1n) * (q - 1n))).toBe(1n);
      expect([big(k.dp), big(k.dq), (big(k.qi) * q) % p]).toEqual([d % (p - 1n), d % (q - 1n), 1n]);
    }
  });
  it('sieve a window of RSA prime candidates by exactly the odd primes below 2^16', () => {
    const small: bigint[] = [];
    for (let n = 3n; n < 65536n; n += 2n) if (small.every((p) => p * p > n || n % p !== 0n)) small.push(n);
    const start = (1n << 1023n) + (1n << 1022n) + 12345678901234567n; // odd
    const sieve = new Uint8Array(600);
    sieveWindow(start, sieve);
    let kept = 0;
    for (let k = 0; k < sieve.length; k++) {
      const w = start + BigInt(2 * k);
      expect([k, sieve[k] === 1]).toEqual([k, small.some((p) => w % p === 0n)]);
      if (!sieve[k]) kept++;
    }
    // About a tenth of odd numbers have no odd prime factor below 2^16.
    expect(kept).toBeGreaterThan(30);
    expect(kept).toBeLessThan(100);
  });
  it("reject what Sprig's parser rejects", () => {
    expect(() => parsePrivateKeyPem('nope')).toThrow('no PEM data in input');
    expect(() => parsePrivateKeyPem(pemEncode('CERTIFICATE', Uint8Array.of(0)))).toThrow(
      'no private key data in PEM block of type CERTIFICATE',
    );
    expect(() => parsePrivateKeyPem(pemEncode('OPENSSH PRIVATE KEY', Uint8Array.of(0)))).toThrow(
      'invalid private key type OPENSSH PRIVATE KEY',
    );
  });
  it('accept only the curves Go reads', () => {
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey;
    expect(() => parsePrivateKeyPem(k1.export({ type: 'sec1', format: 'pem' }) as string)).toThrow(
      'parsing EC private key from PEM: x509: unknown elliptic curve',
    );
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(parsePrivateKeyPem(p384.export({ type: 'pkcs8', format: 'pem' }) as string).asymmetricKeyType).toBe('ec');
  });
  it('genPrivateKey names unknown types in its result', () => {
    expect(call('genPrivateKey', 'rsa4096')).toBe('Unknown type rsa4096');
    const ec = call('genPrivateKey', 'ecdsa') as string;
    expect(ec).toHaveLength(227);
    expect(call('genPrivateKey', 'ed25519')).toHaveLength(119);
  });
});

describe('certificate functions', () => {
  const env = fixedEnv(9, 1_700_000_000_000_000_000n);
  const f = new Map(cryptoFuncs(env).map((x) => [x.name, x]));
  const run = (name: string, ...args: Value[]) => (f.get(name) as GoFunc).fn(...args);
  it('make a CA and a certificate it signed', () => {
    const ca = run('genCAWithKey', 'ca', goInt(10), fixture('ec1.pem')) as SprigCertificate;
    expect(ca).toBeInstanceOf(SprigCertificate);
    expect(ca.goTypeName).toBe('sprig.certificate');
    expect(ca.key).toBe(fixture('ec1.pem'));
    const leaf = run('genSignedCertWithKey', 'leaf', ['10.0.0.1'], ['leaf.example'], goInt(5), ca, fixture('ed.pem'));
    const caCert = new X509Certificate((ca as SprigCertificate).cert);
    const leafCert = new X509Certificate((leaf as SprigCertificate).cert);
    expect(leafCert.verify(caCert.publicKey)).toBe(true);
    expect(leafCert.validFrom).toBe('Nov 14 22:13:20 2023 GMT');
    expect(leafCert.validTo).toBe('Nov 19 22:13:20 2023 GMT');
    expect(leafCert.subject).toBe('CN=leaf');
    expect(formatValue(leaf).startsWith('{-----BEGIN CERTIFICATE-----\n')).toBe(true);
  });
  it("report Sprig's errors", () => {
    const err = (name: string, ...args: Value[]) => {
      try {
        run(name, ...args);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const ec = fixture('ec1.pem');
    expect(err('genSelfSignedCertWithKey', 's', ['10.0.0.300'], null, goInt(1), ec)).toBe(
      'error parsing ip: 10.0.0.300',
    );
    expect(err('genSelfSignedCertWithKey', 's', [goInt(10)], null, goInt(1), ec)).toBe(
      'error parsing ip: 10 is not a string',
    );
    expect(err('genSelfSignedCertWithKey', 's', null, ['a', 1.5], goInt(1), ec)).toBe(
      'error processing alternate dns name: 1.5 is not a string',
    );
    expect(err('genCAWithKey', 'ca', goInt(1), 'not a key')).toBe('parsing private key: no PEM data in input');
    expect(err('buildCustomCert', '%%%', '')).toBe('unable to decode base64 certificate');
    expect(err('buildCustomCert', 'eA==', '%%%')).toBe('unable to decode base64 private key');
    expect(err('buildCustomCert', 'eA==', 'eQ==')).toBe('unable to decode certificate');
    expect(err('genSignedCertWithKey', 'l', null, null, goInt(1), new SprigCertificate('x', 'y'), ec)).toBe(
      'unable to decode certificate',
    );
  });
});

describe('parseIP', () => {
  it('reads IPv4, IPv6 and IPv4-mapped forms as net.ParseIP', () => {
    expect(parseIP('10.0.0.1')).toEqual(Uint8Array.of(10, 0, 0, 1));
    expect(parseIP('::1')).toEqual(Uint8Array.of(...new Array(15).fill(0), 1));
    expect(parseIP('::ffff:192.168.1.2')).toEqual(Uint8Array.of(192, 168, 1, 2));
    expect(parseIP('2001:db8::8a2e:370:7334')?.length).toBe(16);
    for (const bad of ['010.0.0.1', '10.0.0.300', '1.2.3', '::1::', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', 'x']) {
      expect(parseIP(bad)).toBeUndefined();
    }
  });
});
