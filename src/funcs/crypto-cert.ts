// X.509 certificates as Go's x509.CreateCertificate builds them from Sprig's templates: v3, the given serial,
// CN-only subject, UTCTime validity, and Go's extensions in Go's order (key usage, extended key usage, basic
// constraints, subject and authority key ids, SANs), signed with node:crypto.

import type { KeyObject, X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../lazy-node.ts';
import {
  bitString,
  boolean,
  children,
  explicit,
  goString,
  implicitPrimitive,
  integer,
  type Node,
  nullValue,
  octetString,
  oid,
  parseDer,
  readOid,
  sequence,
  set,
  time,
} from './crypto-asn1.ts';

/** A certificate Go would refuse to create; the message is Go's. */
export class CertError extends Error {
  override name = 'CertError';
}

export interface CertTemplate {
  readonly commonName: string;
  /** IP SANs, 4 or 16 bytes each. */
  readonly ips: readonly Uint8Array[];
  readonly dnsNames: readonly string[];
  readonly serial: bigint;
  /** Unix seconds; fractions are dropped by the encoding. */
  readonly notBefore: number;
  readonly notAfter: number;
  readonly isCA: boolean;
}

/** What a signed certificate takes from its parent. */
export interface Parent {
  /** The parent's subject, DER, which becomes the issuer. */
  readonly subject: Uint8Array;
  readonly subjectKeyId: Uint8Array | undefined;
  readonly publicKey: KeyObject;
}

export interface CertOptions {
  /** Go before 1.25 (helm 3.17) derives a CA's subject key id with SHA-1 instead of truncated SHA-256. */
  readonly sha1KeyId?: boolean;
}

const OID_CN = '2.5.4.3';
const EXT_KEY_USAGE = '2.5.29.15';
const EXT_EXT_KEY_USAGE = '2.5.29.37';
const EXT_BASIC_CONSTRAINTS = '2.5.29.19';
const EXT_SUBJECT_KEY_ID = '2.5.29.14';
const EXT_AUTHORITY_KEY_ID = '2.5.29.35';
const EXT_SAN = '2.5.29.17';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export function subjectName(commonName: string): Uint8Array {
  if (commonName === '') return sequence();
  return sequence(set(sequence(oid(OID_CN), goString(commonName))));
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

/** The signature algorithm Go picks for a key, and how node:crypto signs with it. */
function signingParams(key: KeyObject): { algorithm: Uint8Array; hash: string | null } {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { algorithm: sequence(oid('1.2.840.113549.1.1.11'), nullValue()), hash: 'sha256' };
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      if (curve === 'secp384r1') return { algorithm: sequence(oid('1.2.840.10045.4.3.3')), hash: 'sha384' };
      if (curve === 'secp521r1') return { algorithm: sequence(oid('1.2.840.10045.4.3.4')), hash: 'sha512' };
      return { algorithm: sequence(oid('1.2.840.10045.4.3.2')), hash: 'sha256' };
    }
    case 'ed25519':
      return { algorithm: sequence(oid('1.3.101.112')), hash: null };
  }
  throw new CertError('x509: certificate private key does not implement crypto.Signer');
}

/** Go's name for a public key type it cannot put in a certificate. */
function goKeyTypeName(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'dsa':
      return '*dsa.PublicKey';
    case 'x25519':
      return '*ecdh.PublicKey';
    default:
      return `${key.asymmetricKeyType}`;
  }
}

function subjectPublicKeyInfo(key: KeyObject): { spki: Uint8Array; keyBits: Uint8Array } {
  const type = key.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec' && type !== 'ed25519') {
    throw new CertError(`x509: unsupported public key type: ${goKeyTypeName(key)}`);
  }
  const spki = new Uint8Array(nodeCrypto().createPublicKey(key).export({ type: 'spki', format: 'der' }));
  const bits = children(parseDer(spki))[1];
  return { spki, keyBits: bits.content.subarray(1) };
}

function isIA5(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function keyUsage(isCA: boolean): Uint8Array {
  // digitalSignature (bit 0) and keyEncipherment (bit 2), plus keyCertSign (bit 5) for a CA, in ASN.1 bit
  // order with the unused trailing bits counted.
  return isCA ? bitString(Uint8Array.of(0xa4), 2) : bitString(Uint8Array.of(0xa0), 5);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * x509.CreateCertificate(template, parent, subjectKey's public key, signingKey). Self-signed when parent is
 * undefined. Returns DER.
 */
export function createCertificate(
  t: CertTemplate,
  subjectKey: KeyObject,
  parent: Parent | undefined,
  signingKey: KeyObject,
  opts: CertOptions = {},
): Uint8Array {
  const { algorithm, hash } = signingParams(signingKey);
  const { spki, keyBits } = subjectPublicKeyInfo(subjectKey);
  const subject = subjectName(t.commonName);
  const issuer = parent?.subject ?? subject;

  const authorityKeyId =
    parent !== undefined && !equalBytes(issuer, subject) && parent.subjectKeyId?.length
      ? parent.subjectKeyId
      : undefined;
  let subjectKeyId: Uint8Array | undefined;
  if (t.isCA) {
    const digest = nodeCrypto()
      .createHash(opts.sha1KeyId ? 'sha1' : 'sha256')
      .update(keyBits)
      .digest();
    subjectKeyId = new Uint8Array(digest.subarray(0, 20));
  }
  const signerPublic = nodeCrypto().createPublicKey(signingKey);
  const parentPublic = parent?.publicKey ?? nodeCrypto().createPublicKey(subjectKey);
  if (!signerPublic.equals(parentPublic)) {
    throw new CertError("x509: provided PrivateKey doesn't match parent's PublicKey");
  }

  const exts: Uint8Array[] = [
    extension(EXT_KEY_USAGE, true, keyUsage(t.isCA)),
    extension(EXT_EXT_KEY_USAGE, false, sequence(oid(SERVER_AUTH), oid(CLIENT_AUTH))),
    extension(EXT_BASIC_CONSTRAINTS, true, t.isCA ? sequence(boolean(true)) : sequence()),
  ];
  if (subjectKeyId !== undefined) exts.push(extension(EXT_SUBJECT_KEY_ID, false, octetString(subjectKeyId)));
  if (authorityKeyId !== undefined) {
    exts.push(extension(EXT_AUTHORITY_KEY_ID, false, sequence(implicitPrimitive(0, authorityKeyId))));
  }
  if (t.dnsNames.length > 0 || t.ips.length > 0) {
    const names: Uint8Array[] = [];
    for (const name of t.dnsNames) {
      if (!isIA5(name)) throw new CertError(`x509: ${JSON.stringify(name)} cannot be encoded as an IA5String`);
      names.push(implicitPrimitive(2, new TextEncoder().encode(name)));
    }
    for (const ip of t.ips) names.push(implicitPrimitive(7, ip));
    // With an empty subject the SANs identify the certificate, so RFC 5280 makes them critical.
    exts.push(extension(EXT_SAN, subject.length === 2, sequence(...names)));
  }

  const tbs = sequence(
    explicit(0, integer(2n)),
    integer(t.serial),
    algorithm,
    issuer,
    sequence(time(t.notBefore), time(t.notAfter)),
    subject,
    spki,
    explicit(3, sequence(...exts)),
  );
  const signature =
    signingKey.asymmetricKeyType === 'ec'
      ? nodeCrypto().sign(hash, tbs, { key: signingKey, dsaEncoding: 'der' })
      : nodeCrypto().sign(hash, tbs, signingKey);
  return sequence(tbs, algorithm, bitString(new Uint8Array(signature)));
}

/** Reads what a signed certificate needs from its parent; throws with Go-like parse errors. */
export function readParent(der: Uint8Array): Parent {
  let cert: X509Certificate;
  let tbs: Node[];
  try {
    cert = new (nodeCrypto().X509Certificate)(der);
    tbs = children(children(parseDer(der))[0]);
  } catch {
    throw new CertError('x509: malformed certificate');
  }
  // tbsCertificate: [0] version, serial, signature, issuer, validity, subject, spki, ..., [3] extensions
  const offset = tbs[0].tag === 0xa0 ? 1 : 0;
  const subject = new Uint8Array(tbs[offset + 4].raw);
  let subjectKeyId: Uint8Array | undefined;
  const extWrapper = tbs.find((n) => n.tag === 0xa3);
  if (extWrapper !== undefined) {
    for (const ext of children(children(extWrapper)[0])) {
      const parts = children(ext);
      if (readOid(parts[0]) === EXT_SUBJECT_KEY_ID) {
        // extnValue is an OCTET STRING wrapping the key id's OCTET STRING.
        subjectKeyId = new Uint8Array(parseDer(parts[parts.length - 1].content).content);
      }
    }
  }
  return { subject, subjectKeyId, publicKey: cert.publicKey };
}
