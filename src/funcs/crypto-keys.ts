// Private keys as Sprig makes and reads them: generation (node:crypto, synchronous; RSA as Go does it), the PEM forms Sprig writes
// (PKCS#1 "RSA PRIVATE KEY", SEC 1 "EC PRIVATE KEY", PKCS#8 "PRIVATE KEY" for Ed25519, and Sprig's own
// "DSA PRIVATE KEY" sequence), and Sprig's parsePrivateKeyPEM with its error messages.

import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../lazy-node.ts';
import { children, integer, parseDer, readInteger, readNode, readOid, sequence } from './crypto-asn1.ts';
import { pemDecode, pemEncode } from './crypto-pem.ts';
import { generateRsaKey } from './crypto-rsa.ts';

/** A key Sprig could not use; the message is the text Sprig reports. */
export class KeyError extends Error {
  override name = 'KeyError';
}

/** Generates a key of a Sprig type name; undefined for names Sprig does not know. */
export function generateKey(type: string, rsaBits = 4096): KeyObject | undefined {
  switch (type) {
    case '':
    case 'rsa':
      return generateRsaKey(rsaBits);
    case 'dsa':
      return nodeCrypto().generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey;
    case 'ecdsa':
      return nodeCrypto().generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    case 'ed25519':
      return nodeCrypto().generateKeyPairSync('ed25519').privateKey;
  }
  return undefined;
}

function der(k: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1' | 'spki'): Uint8Array {
  return new Uint8Array(k.export({ type, format: 'der' } as never) as Buffer);
}

/** Sprig's DSA layout: SEQUENCE { version 0, p, q, g, y, x }, from the PKCS#8 and SPKI forms. */
function dsaSequence(k: KeyObject): Uint8Array {
  const pkcs8 = children(parseDer(der(k, 'pkcs8')));
  const params = children(children(pkcs8[1])[1]).map(readInteger);
  const x = readInteger(readNode(pkcs8[2].content).node);
  const spki = children(parseDer(der(nodeCrypto().createPublicKey(k), 'spki')));
  const y = readInteger(readNode(spki[1].content.subarray(1)).node);
  return sequence(integer(0n), integer(params[0]), integer(params[1]), integer(params[2]), integer(y), integer(x));
}

/** Sprig's pemBlockForKey, encoded. */
export function privateKeyPem(k: KeyObject): string {
  switch (k.asymmetricKeyType) {
    case 'rsa':
      return pemEncode('RSA PRIVATE KEY', der(k, 'pkcs1'));
    case 'ec':
      return pemEncode('EC PRIVATE KEY', der(k, 'sec1'));
    case 'dsa':
      return pemEncode('DSA PRIVATE KEY', dsaSequence(k));
    default:
      return pemEncode('PRIVATE KEY', der(k, 'pkcs8'));
  }
}

const PKCS8_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['1.2.840.113549.1.1.1', 'rsa'],
  ['1.2.840.10045.2.1', 'ec'],
  ['1.3.101.112', 'ed25519'],
  ['1.3.101.110', 'x25519'],
]);

function pkcs8Algorithm(bytes: Uint8Array): string | undefined {
  try {
    const top = children(parseDer(bytes));
    const algo = children(top[1])[0];
    return readOid(algo);
  } catch {
    return undefined;
  }
}

function load(bytes: Uint8Array, type: 'pkcs1' | 'pkcs8' | 'sec1'): KeyObject {
  return nodeCrypto().createPrivateKey({ key: Buffer.from(bytes), format: 'der', type });
}

// The curves Go's crypto/x509 reads (P-224, P-256, P-384, P-521); OpenSSL knows more.
const GO_CURVES = new Set(['secp224r1', 'prime256v1', 'secp384r1', 'secp521r1']);

function goCurve(k: KeyObject): boolean {
  return k.asymmetricKeyType !== 'ec' || GO_CURVES.has(k.asymmetricKeyDetails?.namedCurve ?? '');
}

/** Sprig's parsePrivateKeyPEM; throws KeyError with Sprig's wording. */
export function parsePrivateKeyPem(text: string): KeyObject {
  const block = pemDecode(text);
  if (block === undefined) throw new KeyError('no PEM data in input');
  if (block.type === 'PRIVATE KEY') {
    const algo = pkcs8Algorithm(block.bytes);
    if (algo !== undefined && !PKCS8_ALGORITHMS.has(algo)) {
      throw new KeyError(
        `decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm: ${algo}`,
      );
    }
    let key: KeyObject;
    try {
      key = load(block.bytes, 'pkcs8');
    } catch {
      throw new KeyError('decoding PEM as PKCS#8: x509: failed to parse private key');
    }
    if (!goCurve(key)) {
      throw new KeyError(
        'decoding PEM as PKCS#8: x509: failed to parse EC private key embedded in PKCS#8: x509: unknown elliptic curve',
      );
    }
    return key;
  }
  if (!block.type.endsWith(' PRIVATE KEY')) {
    throw new KeyError(`no private key data in PEM block of type ${block.type}`);
  }
  switch (block.type.slice(0, -12)) {
    case 'RSA':
      try {
        return load(block.bytes, 'pkcs1');
      } catch {
        throw new KeyError('parsing RSA private key from PEM: x509: failed to parse private key');
      }
    case 'EC': {
      let key: KeyObject;
      try {
        key = load(block.bytes, 'sec1');
      } catch {
        throw new KeyError('parsing EC private key from PEM: x509: failed to parse EC private key');
      }
      if (!goCurve(key)) throw new KeyError('parsing EC private key from PEM: x509: unknown elliptic curve');
      return key;
    }
    case 'DSA':
      try {
        return nodeCrypto().createPrivateKey({ key: pemEncode('DSA PRIVATE KEY', block.bytes), format: 'pem' });
      } catch {
        throw new KeyError('parsing DSA private key from PEM: asn1: structure error');
      }
    default:
      throw new KeyError(`invalid private key type ${block.type}`);
  }
}
