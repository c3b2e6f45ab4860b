// Sprig's crypto functions other than certificates: genPrivateKey, derivePassword, bcrypt, htpasswd,
// encryptAES, decryptAES, randBytes.

import { bcryptPackage, nodeCrypto } from '../lazy-node.ts';
import { GoError, type GoFunc, type GoInt, goFunc, T, type Value } from '../template/value.ts';
import { certFuncs } from './crypto-certs.ts';
import { generateKey, privateKeyPem } from './crypto-keys.ts';
import { decodeGoBase64 } from './crypto-pem.ts';
import type { FuncEnv } from './env.ts';

const MASTER_PASSWORD_SEED = 'com.lyndir.masterpassword';

// Master Password's site templates, by password type; each letter names a character class below.
const PASSWORD_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const TEMPLATE_CHARACTERS: Readonly<Record<string, string>> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const utf8 = new TextEncoder();

function uint32BE(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** Master Password (v3 algorithm, as Sprig implements it): deterministic for its inputs. */
export function derivePassword(counter: number, type: string, password: string, user: string, site: string): string {
  const templates = PASSWORD_TEMPLATES[type];
  if (templates === undefined || !Object.hasOwn(PASSWORD_TEMPLATES, type)) {
    return `cannot find password template ${type}`;
  }
  const seed = utf8.encode(MASTER_PASSWORD_SEED);
  const userBytes = utf8.encode(user);
  const siteBytes = utf8.encode(site);
  const salt = Buffer.concat([seed, uint32BE(userBytes.length), userBytes]);
  const key = nodeCrypto().scryptSync(utf8.encode(password), salt, 64, {
    N: 32768,
    r: 8,
    p: 2,
    maxmem: 64 * 1024 * 1024,
  });
  const message = Buffer.concat([seed, uint32BE(siteBytes.length), siteBytes, uint32BE(counter)]);
  const digest = nodeCrypto().createHmac('sha256', key).update(message).digest();
  const template = templates[digest[0] % templates.length];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = TEMPLATE_CHARACTERS[template[i]];
    out += chars[digest[i + 1] % chars.length];
  }
  return out;
}

/** golang.org/x/crypto/bcrypt GenerateFromPassword at DefaultCost (10), `$2a$` form, salt from FuncEnv. */
function bcryptHash(env: FuncEnv, password: string): string {
  if (utf8.encode(password).length > 72) {
    return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  }
  const salt = `$2a$10$${bcryptPackage().encodeBase64(env.randomBytes(16), 16)}`;
  return bcryptPackage().hashSync(password, salt);
}

/** Sprig's AES key: the password's bytes, truncated or zero-padded to 32 (AES-256). */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  key.set(utf8.encode(password).subarray(0, 32));
  return key;
}

function encryptAES(env: FuncEnv, password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = env.randomBytes(16);
  const cipher = nodeCrypto().createCipheriv('aes-256-cbc', aesKey(password), iv);
  // PKCS#7 padding, as Sprig pads by hand; node's default padding is the same.
  const body = Buffer.concat([cipher.update(utf8.encode(plaintext)), cipher.final()]);
  return Buffer.concat([iv, body]).toString('base64');
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const decoded = decodeGoBase64(crypt64);
  if ('errorAt' in decoded) throw new GoError(`illegal base64 data at input byte ${decoded.errorAt}`);
  const crypt = decoded.bytes;
  // Sprig slices and indexes without checks; Go's runtime panics become these template errors.
  if (crypt.length < 16) {
    const capacity = Math.floor(utf8.encode(crypt64).length / 4) * 3;
    throw new GoError(`runtime error: slice bounds out of range [:16] with capacity ${capacity}`);
  }
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoError('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new GoError('runtime error: index out of range [-1]');
  const decipher = nodeCrypto().createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  const end = plain.length - plain[plain.length - 1];
  if (end < 0) throw new GoError(`runtime error: slice bounds out of range [:${end}]`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(plain.subarray(0, end));
}

function count(v: Value): number {
  return Number((v as GoInt).value);
}

export function cryptoFuncs(env: FuncEnv, legacy = false): GoFunc[] {
  return [
    goFunc('genPrivateKey', [T.string], (type) => {
      const key = generateKey(type as string);
      return key === undefined ? `Unknown type ${type}` : privateKeyPem(key);
    }),
    goFunc('derivePassword', [T.uint32, T.string, T.string, T.string, T.string], (counter, type, pw, user, site) =>
      derivePassword(count(counter), type as string, pw as string, user as string, site as string),
    ),
    goFunc('bcrypt', [T.string], (s) => bcryptHash(env, s as string)),
    goFunc('htpasswd', [T.string, T.string], (user, pw) => {
      if ((user as string).includes(':')) return `invalid username: ${user}`;
      return `${user}:${bcryptHash(env, pw as string)}`;
    }),
    goFunc('encryptAES', [T.string, T.string], (pw, text) => encryptAES(env, pw as string, text as string)),
    goFunc('decryptAES', [T.string, T.string], (pw, text) => decryptAES(pw as string, text as string)),
    goFunc('randBytes', [T.int], (n) => {
      const c = count(n);
      if (c < 0) throw new GoError('runtime error: makeslice: len out of range');
      return Buffer.from(env.randomBytes(c)).toString('base64');
    }),
    ...certFuncs(env, { sha1KeyId: legacy }),
  ];
}
