// AES-256-GCM for single values, in sops's `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` form. The nonce is 32
// random bytes; the additional data binds a value to the map keys on its path. A value's plaintext is its Go text
// form (see gotext.ts), which is also what the MAC hashes.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { formatFloatF } from '../goyaml/gofloat.ts';
import { parseGoFloat, parseGoInt } from '../template/strconv-parse.ts';
import { formatRfc3339Nano, parseGoBool, parseRfc3339 } from './gotext.ts';
import { Comment, type Scalar, SopsTime } from './tree.ts';

const ENC = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]/;
const NONCE_SIZE = 32;
const TAG_SIZE = 16;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether a string has the shape of an encrypted sops value. */
export function isEncryptedValue(s: string): boolean {
  return ENC.test(s);
}

/** The plaintext bytes of a value as sops's ToBytes gives them (what the MAC hashes). */
export function scalarBytes(v: Exclude<Scalar, null> | Comment): Uint8Array {
  if (typeof v === 'string') return utf8.encode(v);
  if (v instanceof Uint8Array) return v;
  if (v instanceof Comment) return utf8.encode(v.value);
  return utf8.encode(scalarText(v));
}

function scalarText(v: bigint | number | boolean | SopsTime): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloatF(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return formatRfc3339Nano(v.time);
}

function typeName(v: Exclude<Scalar, null> | Comment): string {
  if (typeof v === 'string' || v instanceof Uint8Array) return 'str'; // sops walks []byte leaves as strings
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Comment) return 'comment';
  return 'time';
}

/** A decrypted value: the typed value and the bytes the MAC hashes for it. */
export interface Decrypted {
  readonly value: Exclude<Scalar, null> | Comment;
  readonly macBytes: Uint8Array;
}

/** Thrown by ValueCipher.decrypt; the caller adds the path and file. */
export class ValueDecryptError extends Error {}

/**
 * Encrypts and decrypts values with one data key. Like sops's cipher it remembers the nonce of every value it
 * decrypted, so that re-encrypting an unchanged value (after `edit`) gives the same ciphertext and a small diff.
 */
export class ValueCipher {
  private readonly stash = new Map<string, Uint8Array>();

  constructor(private readonly random: (n: number) => Uint8Array = randomBytes) {}

  encrypt(v: Exclude<Scalar, null> | Comment, key: Uint8Array, additionalData: string): string {
    const plain = scalarBytes(v);
    if (plain.length === 0) return '';
    const type = typeName(v);
    const stashKey = `${type}\0${additionalData}\0${Buffer.from(plain).toString('base64')}`;
    const iv = this.stash.get(stashKey) ?? this.random(NONCE_SIZE);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(utf8.encode(additionalData));
    const data = Buffer.concat([c.update(plain), c.final()]);
    const tag = c.getAuthTag();
    return `ENC[AES256_GCM,data:${data.toString('base64')},iv:${Buffer.from(iv).toString('base64')},tag:${tag.toString('base64')},type:${type}]`;
  }

  /** Decrypts one value. The empty string stands for an empty value, as in sops. */
  decrypt(text: string, key: Uint8Array, additionalData: string): Decrypted {
    if (text === '') return { value: '', macBytes: new Uint8Array(0) };
    const m = ENC.exec(text);
    if (!m) throw new ValueDecryptError('the value is not in sops format ENC[AES256_GCM,...]');
    const data = Buffer.from(m[1], 'base64');
    const iv = Buffer.from(m[2], 'base64');
    const tag = Buffer.from(m[3], 'base64');
    const type = m[4];
    if (iv.length === 0 || tag.length !== TAG_SIZE) throw new ValueDecryptError('malformed iv or tag');
    let plain: Buffer;
    try {
      const d = createDecipheriv('aes-256-gcm', key, iv);
      d.setAAD(utf8.encode(additionalData));
      d.setAuthTag(tag);
      plain = Buffer.concat([d.update(data), d.final()]);
    } catch {
      throw new ValueDecryptError(
        'authentication failed (the value was altered, moved to another key, or encrypted with another data key)',
      );
    }
    const result = decodeTyped(type, new Uint8Array(plain));
    this.stash.set(
      `${type === 'bytes' ? 'str' : type}\0${additionalData}\0${Buffer.from(result.macBytes).toString('base64')}`,
      iv,
    );
    return result;
  }
}

function decodeTyped(type: string, plain: Uint8Array): Decrypted {
  const text = () => {
    try {
      return utf8Decoder.decode(plain);
    } catch {
      return bad('UTF-8 text');
    }
  };
  const bad = (what: string): never => {
    throw new ValueDecryptError(`the plaintext is not a valid ${what}`);
  };
  switch (type) {
    case 'str': {
      // A Go string may hold any bytes (binary files do): keep those that are not UTF-8 as bytes.
      let value: string | Uint8Array = plain;
      try {
        value = utf8Decoder.decode(plain);
      } catch {}
      return { value, macBytes: plain };
    }
    case 'bytes':
      return { value: plain, macBytes: plain };
    case 'comment':
      return { value: new Comment(text()), macBytes: plain };
    case 'int': {
      const v = parseGoInt(text(), 10) ?? bad('int'); // strconv.Atoi
      return { value: v, macBytes: utf8.encode(v.toString()) };
    }
    case 'float': {
      const v = parseGoFloat(text()) ?? bad('float');
      return { value: v, macBytes: utf8.encode(formatFloatF(v)) };
    }
    case 'bool': {
      const v = parseGoBool(text()) ?? bad('bool');
      return { value: v, macBytes: utf8.encode(v ? 'True' : 'False') };
    }
    case 'time': {
      const t = parseRfc3339(text()) ?? bad('RFC 3339 time');
      return { value: new SopsTime(t), macBytes: utf8.encode(formatRfc3339Nano(t)) };
    }
    default:
      throw new ValueDecryptError(`unknown value type '${type}'`);
  }
}
