import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { children, parseDer, readInteger } from '../../src/funcs/crypto-asn1.ts';
import { type CertTemplate, createCertificate, readParent } from '../../src/funcs/crypto-cert.ts';
import { parseIP } from '../../src/funcs/crypto-ip.ts';
import { parsePrivateKeyPem, privateKeyPem } from '../../src/funcs/crypto-keys.ts';
import { pemDecode } from '../../src/funcs/crypto-pem.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** The PEM blocks of a fixture, in order. */
function blocks(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([A-Z ]+)-----\n[\s\S]*?-----END \1-----\n/g)].map((m) => m[0]);
}

function utcTime(text: string): number {
  const y = Number(text.slice(0, 2));
  const year = y < 50 ? 2000 + y : 1900 + y;
  const [mo, d, h, mi, s] = [2, 4, 6, 8, 10].map((i) => Number(text.slice(i, i + 2)));
  return Date.UTC(year, mo - 1, d, h, mi, s) / 1000;
}

/** Serial and validity of a certificate, to rebuild it with the same random and clock inputs. */
function inputsOf(pem: string): { serial: bigint; notBefore: number; notAfter: number } {
  const tbs = children(children(parseDer(pemDecode(pem)!.bytes))[0]);
  const validity = children(tbs[4]).map((n) => utcTime(new TextDecoder().decode(n.content)));
  return { serial: readInteger(tbs[1]), notBefore: validity[0], notAfter: validity[1] };
}

function der(pem: string): Uint8Array {
  return pemDecode(pem)!.bytes;
}

for (const [helm, file, sha1KeyId] of [
  ['helm 4.1.4', 'certs-helm4.pem', false],
  ['helm 3.17.2', 'certs-helm3.pem', true],
] as const) {
  describe(`certificates are byte for byte those ${helm} makes from the same inputs`, () => {
    // Calls (see the fixture): genCA "bosun test CA" 3650; genSignedCert "leaf.example" (list "10.0.0.1" "::1"
    // "::ffff:192.168.1.2") (list "leaf.example" "*.leaf.example") 365 $ca; genSelfSignedCert "" nil
    // (list "only-san.example") 7; genCAWithKey "ed & co" 30 ed.pem; genSignedCertWithKey "ed leaf" nil nil
    // 30 $ed rsa1.pem. RSA PKCS#1 v1.5 and Ed25519 signatures are deterministic, so the DER must match.
    const [caCert, caKeyPem, leafCert, leafKeyPem, selfCert, selfKeyPem, edCert, edLeafCert] = blocks(fixture(file));
    const caKey = parsePrivateKeyPem(caKeyPem);
    const edKey = parsePrivateKeyPem(fixture('ed.pem'));
    const opts = { sha1KeyId };
    const template = (pem: string, t: Omit<CertTemplate, 'serial' | 'notBefore' | 'notAfter'>): CertTemplate => ({
      ...inputsOf(pem),
      ...t,
    });

    it('genCA', () => {
      const t = template(caCert, { commonName: 'bosun test CA', ips: [], dnsNames: [], isCA: true });
      expect(Buffer.from(createCertificate(t, caKey, undefined, caKey, opts))).toEqual(Buffer.from(der(caCert)));
      expect(privateKeyPem(caKey)).toBe(caKeyPem);
    });
    it('genSignedCert, with IP and DNS SANs and the CA key id as authority key id', () => {
      const t = template(leafCert, {
        commonName: 'leaf.example',
        ips: ['10.0.0.1', '::1', '::ffff:192.168.1.2'].map((ip) => parseIP(ip)!),
        dnsNames: ['leaf.example', '*.leaf.example'],
        isCA: false,
      });
      const parent = readParent(der(caCert));
      const leafKey = parsePrivateKeyPem(leafKeyPem);
      expect(Buffer.from(createCertificate(t, leafKey, parent, caKey, opts))).toEqual(Buffer.from(der(leafCert)));
    });
    it('genSelfSignedCert with an empty subject (critical SANs)', () => {
      const t = template(selfCert, { commonName: '', ips: [], dnsNames: ['only-san.example'], isCA: false });
      const key = parsePrivateKeyPem(selfKeyPem);
      expect(Buffer.from(createCertificate(t, key, undefined, key, opts))).toEqual(Buffer.from(der(selfCert)));
    });
    it('genCAWithKey (Ed25519, UTF8String subject) and genSignedCertWithKey under it', () => {
      const t = template(edCert, { commonName: 'ed & co', ips: [], dnsNames: [], isCA: true });
      expect(Buffer.from(createCertificate(t, edKey, undefined, edKey, opts))).toEqual(Buffer.from(der(edCert)));
      const leaf = template(edLeafCert, { commonName: 'ed leaf', ips: [], dnsNames: [], isCA: false });
      const rsa = parsePrivateKeyPem(fixture('rsa1.pem'));
      const built = createCertificate(leaf, rsa, readParent(der(edCert)), edKey, opts);
      expect(Buffer.from(built)).toEqual(Buffer.from(der(edLeafCert)));
    });
    it('verify with node:crypto', () => {
      const ca = new X509Certificate(caCert);
      const leaf = new X509Certificate(leafCert);
      expect(ca.ca).toBe(true);
      expect(leaf.ca).toBe(false);
      expect(leaf.checkIssued(ca)).toBe(true);
      expect(leaf.verify(ca.publicKey)).toBe(true);
      expect(leaf.subjectAltName).toBe(
        'DNS:leaf.example, DNS:*.leaf.example, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:192.168.1.2',
      );
    });
  });
}

describe('createCertificate', () => {
  const key = createPrivateKey(fixture('ec1.pem'));
  const base: CertTemplate = {
    commonName: 'x',
    ips: [],
    dnsNames: [],
    serial: 1n,
    notBefore: 1700000000,
    notAfter: 1700086400,
    isCA: false,
  };
  it('signs with ECDSA and verifies', () => {
    const cert = new X509Certificate(createCertificate(base, key, undefined, key));
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.serialNumber).toBe('01');
    expect(cert.validFrom).toBe('Nov 14 22:13:20 2023 GMT');
  });
  it('signs with the hash Go picks for the curve', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    const der = createCertificate(base, p384, undefined, p384);
    const cert = new X509Certificate(der);
    expect(cert.verify(cert.publicKey)).toBe(true);
    // ecdsa-with-SHA384
    expect(Buffer.from(children(parseDer(der))[1].raw).toString('hex')).toBe('300a06082a8648ce3d040303');
  });
  it('uses GeneralizedTime from 2050', () => {
    const cert = new X509Certificate(createCertificate({ ...base, notAfter: 2556144000 }, key, undefined, key));
    expect(cert.validTo).toBe('Jan  1 00:00:00 2051 GMT');
  });
  it("refuses what Go's x509 refuses", () => {
    expect(() => createCertificate({ ...base, dnsNames: ['bücher.example'] }, key, undefined, key)).toThrow(
      'x509: "bücher.example" cannot be encoded as an IA5String',
    );
    const other = createPrivateKey(fixture('rsa1.pem'));
    const parent = readParent(createCertificate({ ...base, isCA: true }, key, undefined, key));
    expect(() => createCertificate(base, key, parent, other)).toThrow(
      "x509: provided PrivateKey doesn't match parent's PublicKey",
    );
  });
});
