// Sprig's certificate functions: genCA, genCAWithKey, genSelfSignedCert(+WithKey), genSignedCert(+WithKey),
// buildCustomCert. They return `certificate` structs ({Cert, Key} PEM strings); errors carry Sprig's wording.

import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../lazy-node.ts';
import { formatValue } from '../template/fmt.ts';
import { GoError, type GoFunc, type GoInt, GoStruct, goFunc, NO_FIELD, T, type Value } from '../template/value.ts';
import { CertError, type CertOptions, createCertificate, type Parent, readParent } from './crypto-cert.ts';
import { parseIP } from './crypto-ip.ts';
import { generateKey, KeyError, parsePrivateKeyPem, privateKeyPem } from './crypto-keys.ts';
import { decodeStdBase64, pemDecode, pemEncode } from './crypto-pem.ts';
import type { FuncEnv } from './env.ts';
import { RandomReader } from './random-source.ts';

/** Sprig's `certificate` struct. */
export class SprigCertificate extends GoStruct {
  readonly goTypeName = 'sprig.certificate';
  constructor(
    readonly cert: string,
    readonly key: string,
  ) {
    super();
  }
  fieldNames(): readonly string[] {
    return ['Cert', 'Key'];
  }
  field(name: string): Value | typeof NO_FIELD {
    if (name === 'Cert') return this.cert;
    if (name === 'Key') return this.key;
    return NO_FIELD;
  }
}

export const CERTIFICATE_PARAM = { kind: 'struct', name: 'sprig.certificate' } as const;

const SERIAL_BOUND = 1n << 128n;
const NANOS_PER_DAY = 86400n * 1000000000n;

function ips(list: Value): Uint8Array[] {
  if (list === null || list === undefined) return [];
  const out: Uint8Array[] = [];
  for (const ip of list as Value[]) {
    if (typeof ip !== 'string') throw new GoError(`error parsing ip: ${formatValue(ip)} is not a string`);
    const parsed = parseIP(ip);
    if (parsed === undefined) throw new GoError(`error parsing ip: ${ip}`);
    out.push(parsed);
  }
  return out;
}

function dnsNames(list: Value): string[] {
  if (list === null || list === undefined) return [];
  return (list as Value[]).map((d) => {
    if (typeof d !== 'string') {
      throw new GoError(`error processing alternate dns name: ${formatValue(d)} is not a string`);
    }
    return d;
  });
}

function days(v: Value): bigint {
  return (v as GoInt).value;
}

function withKey(pem: Value): KeyObject {
  try {
    return parsePrivateKeyPem(pem as string);
  } catch (e) {
    throw new GoError(`parsing private key: ${(e as Error).message}`);
  }
}

export function certFuncs(env: FuncEnv, opts: CertOptions = {}): GoFunc[] {
  /** Sprig's getBaseCertTemplate and getCertAndKey: build, sign, and PEM-encode certificate and key. */
  const issue = (
    cn: Value,
    ipList: Value,
    dnsList: Value,
    daysValid: Value,
    isCA: boolean,
    key: KeyObject,
    parent?: { parent: Parent; key: KeyObject },
  ): SprigCertificate => {
    const ipAddresses = ips(ipList);
    const names = dnsNames(dnsList);
    const serial = new RandomReader(env).bigInt(SERIAL_BOUND);
    const now = env.nowNanos();
    const notAfter = now + BigInt.asIntN(64, NANOS_PER_DAY * days(daysValid));
    const template = {
      commonName: cn as string,
      ips: ipAddresses,
      dnsNames: names,
      serial,
      notBefore: Number(now / 1000000000n),
      notAfter: Number(notAfter / 1000000000n),
      isCA,
    };
    let der: Uint8Array;
    try {
      der = createCertificate(template, key, parent?.parent, parent?.key ?? key, opts);
    } catch (e) {
      if (e instanceof CertError) throw new GoError(`error creating certificate: ${e.message}`);
      throw e;
    }
    return new SprigCertificate(pemEncode('CERTIFICATE', der), privateKeyPem(key));
  };

  /** The CA of genSignedCert: its certificate and key, read back from PEM. */
  const signer = (ca: Value): { parent: Parent; key: KeyObject } => {
    const c = ca as SprigCertificate;
    const block = pemDecode(c.cert);
    if (block === undefined) throw new GoError('unable to decode certificate');
    let parent: Parent;
    try {
      parent = readParent(block.bytes);
    } catch (e) {
      throw new GoError(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
    }
    try {
      return { parent, key: parsePrivateKeyPem(c.key) };
    } catch (e) {
      throw new GoError(`error parsing private key: ${(e as Error).message}`);
    }
  };

  const rsa2048 = (): KeyObject => generateKey('rsa', 2048)!;
  const hostParams = [T.string, T.anySlice, T.anySlice, T.int];

  return [
    goFunc('genCA', [T.string, T.int], (cn, d) => issue(cn, null, null, d, true, rsa2048())),
    goFunc('genCAWithKey', [T.string, T.int, T.string], (cn, d, pem) => issue(cn, null, null, d, true, withKey(pem))),
    goFunc('genSelfSignedCert', hostParams, (cn, i, n, d) => issue(cn, i, n, d, false, rsa2048())),
    goFunc('genSelfSignedCertWithKey', [...hostParams, T.string], (cn, i, n, d, pem) =>
      issue(cn, i, n, d, false, withKey(pem)),
    ),
    goFunc('genSignedCert', [...hostParams, CERTIFICATE_PARAM], (cn, i, n, d, ca) => {
      const key = rsa2048();
      return issue(cn, i, n, d, false, key, signer(ca));
    }),
    goFunc('genSignedCertWithKey', [...hostParams, CERTIFICATE_PARAM, T.string], (cn, i, n, d, ca, pem) => {
      const key = withKey(pem);
      return issue(cn, i, n, d, false, key, signer(ca));
    }),
    goFunc('buildCustomCert', [T.string, T.string], (b64cert, b64key) => {
      const cert = decodeStdBase64(b64cert as string);
      if (cert === undefined) throw new GoError('unable to decode base64 certificate');
      const key = decodeStdBase64(b64key as string);
      if (key === undefined) throw new GoError('unable to decode base64 private key');
      const certText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(cert);
      const keyText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(key);
      const block = pemDecode(certText);
      if (block === undefined) throw new GoError('unable to decode certificate');
      try {
        new (nodeCrypto().X509Certificate)(block.bytes);
      } catch {
        throw new GoError('error parsing certificate: decodedCert.Bytes: x509: malformed certificate');
      }
      try {
        parsePrivateKeyPem(keyText);
      } catch (e) {
        if (e instanceof KeyError) throw new GoError(`error parsing private key: ${e.message}`);
        throw e;
      }
      return new SprigCertificate(certText, keyText);
    }),
  ];
}
