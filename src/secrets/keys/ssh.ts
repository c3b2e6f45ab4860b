// age's ssh-ed25519 and ssh-rsa recipient types (as age's agessh package defines them), which sops accepts for
// SSH keys: an ssh-ed25519 key is used as an X25519 key with a tweak; an ssh-rsa key wraps the file key with
// RSA-OAEP-SHA256. Built on Node's crypto, plugged into age-encryption as custom Recipient/Identity objects.

import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { type Identity, type Recipient, Stanza } from 'age-encryption';

const ED25519_LABEL = 'age-encryption.org/v1/ssh-ed25519';
const RSA_LABEL = 'age-encryption.org/v1/ssh-rsa';
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');

export class SshKeyError extends Error {}

/** An SSH private key needs a passphrase, which bosun cannot ask for. */
export class SshPassphraseError extends SshKeyError {}

const b64raw = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/=+$/, '');

// --- SSH wire format -------------------------------------------------------------------------------------------

class WireReader {
  private off = 0;
  constructor(private readonly buf: Buffer) {}
  uint32(): number {
    if (this.off + 4 > this.buf.length) throw new SshKeyError('truncated SSH key');
    const v = this.buf.readUInt32BE(this.off);
    this.off += 4;
    return v;
  }
  bytes(): Buffer {
    const n = this.uint32();
    if (this.off + n > this.buf.length) throw new SshKeyError('truncated SSH key');
    const v = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    return v;
  }
  string(): string {
    return this.bytes().toString('latin1');
  }
}

function wireString(b: Uint8Array | string): Buffer {
  const body = typeof b === 'string' ? Buffer.from(b, 'latin1') : Buffer.from(b);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

/** An SSH mpint from unsigned big-endian bytes. */
function mpint(b: Uint8Array): Buffer {
  let i = 0;
  while (i < b.length && b[i] === 0) i++;
  const v = Buffer.from(b.subarray(i));
  return wireString(v.length && v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const unsigned = (b: Buffer) => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
};

function rsaWire(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.concat([
    wireString('ssh-rsa'),
    mpint(Buffer.from(jwk.e as string, 'base64url')),
    mpint(Buffer.from(jwk.n as string, 'base64url')),
  ]);
}

const tagOf = (wire: Uint8Array) => b64raw(createHash('sha256').update(wire).digest().subarray(0, 4));

// --- Curve25519 --------------------------------------------------------------------------------------------------

const P = 2n ** 255n - 19n;
const D = (-121665n * modInv(121666n)) % P;

function modPow(b: bigint, e: bigint): bigint {
  let r = 1n;
  let x = ((b % P) + P) % P;
  while (e > 0n) {
    if (e & 1n) r = (r * x) % P;
    x = (x * x) % P;
    e >>= 1n;
  }
  return r;
}

function modInv(a: bigint): bigint {
  return modPow(a, P - 2n);
}

const leToBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).reverse().toString('hex') || '0'}`);
const bigToLe = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex').reverse();

/** The Montgomery form (X25519 public key) of an Ed25519 public key, rejecting points not on the curve. */
export function ed25519ToX25519(pub: Uint8Array): Buffer {
  if (pub.length !== 32) throw new SshKeyError('invalid Ed25519 public key length');
  const bytes = Buffer.from(pub);
  bytes[31] &= 0x7f;
  const y = leToBig(bytes) % P;
  const y2 = (y * y) % P;
  const x2 = (((y2 - 1n + P) % P) * modInv((D * y2 + 1n) % P)) % P;
  if (x2 !== 0n && modPow(x2, (P - 1n) / 2n) !== 1n) throw new SshKeyError('invalid Ed25519 public key');
  const u = ((1n + y) * modInv((1n - y + P) % P)) % P;
  return bigToLe(u);
}

function x25519(scalar: Uint8Array, point: Uint8Array): Buffer {
  const privateKey = createPrivateKey({ key: Buffer.concat([X25519_PKCS8, scalar]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey({ key: Buffer.concat([X25519_SPKI, point]), format: 'der', type: 'spki' });
  return diffieHellman({ privateKey, publicKey });
}

function x25519Base(scalar: Uint8Array): Buffer {
  const privateKey = createPrivateKey({ key: Buffer.concat([X25519_PKCS8, scalar]), format: 'der', type: 'pkcs8' });
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(X25519_SPKI.length);
}

function chachaSeal(key: Uint8Array, plain: Uint8Array): Buffer {
  const c = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

function chachaOpen(key: Uint8Array, sealed: Uint8Array): Buffer {
  if (sealed.length < 16) throw new SshKeyError('invalid stanza body');
  const d = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
}

/** The tweaked shared secret and wrapping key of an ssh-ed25519 stanza. */
function ed25519WrapKey(shared: Buffer, wire: Uint8Array, ephemeral: Uint8Array, theirs: Uint8Array): Buffer {
  const tweak = Buffer.from(hkdfSync('sha256', Buffer.alloc(0), wire, ED25519_LABEL, 32));
  const tweaked = x25519(tweak, shared);
  return Buffer.from(hkdfSync('sha256', tweaked, Buffer.concat([ephemeral, theirs]), ED25519_LABEL, 32));
}

// --- Recipients ----------------------------------------------------------------------------------------------------

class Ed25519Recipient implements Recipient {
  private readonly theirs: Buffer;
  constructor(private readonly wire: Buffer) {
    const r = new WireReader(wire);
    r.string();
    this.theirs = ed25519ToX25519(r.bytes());
  }
  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const eph = randomBytes(32);
    const ours = x25519Base(eph);
    const key = ed25519WrapKey(x25519(eph, this.theirs), this.wire, ours, this.theirs);
    return [new Stanza(['ssh-ed25519', tagOf(this.wire), b64raw(ours)], chachaSeal(key, fileKey))];
  }
}

class RsaRecipient implements Recipient {
  constructor(
    private readonly wire: Buffer,
    private readonly key: KeyObject,
  ) {}
  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const body = publicEncrypt(
      {
        key: this.key,
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: 'sha256',
        oaepLabel: Buffer.from(RSA_LABEL),
      },
      fileKey,
    );
    return [new Stanza(['ssh-rsa', tagOf(this.wire)], body)];
  }
}

/** Parses an `ssh-ed25519 AAAA…` or `ssh-rsa AAAA…` public key line as an age recipient. */
export function parseSshRecipient(line: string): Recipient {
  const m = /(?:^|\s)(ssh-ed25519|ssh-rsa)\s+([A-Za-z0-9+/=]+)/.exec(line.trim());
  if (!m) throw new SshKeyError(`malformed SSH recipient: ${JSON.stringify(line)}`);
  const wire = Buffer.from(m[2], 'base64');
  const r = new WireReader(wire);
  const type = r.string();
  if (type !== m[1]) throw new SshKeyError(`malformed SSH recipient: key type mismatch in ${JSON.stringify(line)}`);
  if (type === 'ssh-ed25519') return new Ed25519Recipient(wire);
  const e = unsigned(r.bytes());
  const n = unsigned(r.bytes());
  const key = createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(e) }, format: 'jwk' });
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new SshKeyError('RSA key size is too small');
  return new RsaRecipient(wire, key);
}

// --- Identities ------------------------------------------------------------------------------------------------

class Ed25519Identity implements Identity {
  private readonly secret: Buffer;
  private readonly ours: Buffer;
  private readonly tag: string;
  constructor(
    seed: Uint8Array,
    private readonly wire: Buffer,
  ) {
    this.secret = createHash('sha512').update(seed).digest().subarray(0, 32);
    this.ours = x25519Base(this.secret);
    this.tag = tagOf(wire);
  }
  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const s of stanzas) {
      if (s.args[0] !== 'ssh-ed25519') continue;
      if (s.args.length !== 3) throw new SshKeyError('invalid ssh-ed25519 recipient block');
      if (s.args[1] !== this.tag) continue;
      const share = Buffer.from(s.args[2], 'base64');
      if (share.length !== 32) throw new SshKeyError('invalid ssh-ed25519 recipient block');
      const key = ed25519WrapKey(x25519(this.secret, share), this.wire, share, this.ours);
      return chachaOpen(key, s.body);
    }
    return null;
  }
}

class RsaIdentity implements Identity {
  private readonly tag: string;
  constructor(private readonly key: KeyObject) {
    this.tag = tagOf(rsaWire(key));
  }
  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const s of stanzas) {
      if (s.args[0] !== 'ssh-rsa') continue;
      if (s.args.length !== 2) throw new SshKeyError('invalid ssh-rsa recipient block');
      if (s.args[1] !== this.tag) continue;
      return privateDecrypt(
        {
          key: this.key,
          padding: constants.RSA_PKCS1_OAEP_PADDING,
          oaepHash: 'sha256',
          oaepLabel: Buffer.from(RSA_LABEL),
        },
        s.body,
      );
    }
    return null;
  }
}

function parseOpenSshKey(pem: string): Identity {
  const body = pem.replace(/-----(BEGIN|END) OPENSSH PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  const buf = Buffer.from(body, 'base64');
  const magic = 'openssh-key-v1\0';
  if (buf.subarray(0, magic.length).toString('latin1') !== magic) throw new SshKeyError('not an OpenSSH private key');
  const r = new WireReader(buf.subarray(magic.length));
  const cipher = r.string();
  r.string(); // kdf name
  r.bytes(); // kdf options
  if (cipher !== 'none') throw new SshPassphraseError('the SSH private key is protected by a passphrase');
  if (r.uint32() !== 1) throw new SshKeyError('OpenSSH key files with several keys are not supported');
  const wire = Buffer.from(r.bytes());
  const priv = new WireReader(r.bytes());
  const check = priv.uint32();
  if (check !== priv.uint32()) throw new SshKeyError('corrupt OpenSSH private key');
  const type = priv.string();
  if (type === 'ssh-ed25519') {
    priv.bytes();
    const k = priv.bytes();
    if (k.length !== 64) throw new SshKeyError('invalid Ed25519 private key');
    return new Ed25519Identity(k.subarray(0, 32), wire);
  }
  if (type === 'ssh-rsa') {
    const [n, e, d, iqmp, p, q] = [0, 0, 0, 0, 0, 0].map(() => unsigned(priv.bytes()));
    const big = (b: Buffer) => BigInt(`0x${b.toString('hex') || '0'}`);
    const toBuf = (v: bigint) => {
      const h = v.toString(16);
      return Buffer.from(h.length % 2 ? `0${h}` : h, 'hex');
    };
    const dp = toBuf(big(d) % (big(p) - 1n));
    const dq = toBuf(big(d) % (big(q) - 1n));
    const jwk = {
      kty: 'RSA',
      n: b64url(n),
      e: b64url(e),
      d: b64url(d),
      p: b64url(p),
      q: b64url(q),
      dp: b64url(dp),
      dq: b64url(dq),
      qi: b64url(iqmp),
    };
    return new RsaIdentity(createPrivateKey({ key: jwk, format: 'jwk' }));
  }
  throw new SshKeyError(`unsupported SSH identity type: ${type}`);
}

/** Parses an SSH private key (OpenSSH, PKCS#1 or PKCS#8 PEM) as an age identity, as agessh.ParseIdentity does. */
export function parseSshIdentity(pem: string): Identity {
  if (pem.includes('BEGIN OPENSSH PRIVATE KEY')) return parseOpenSshKey(pem);
  if (/Proc-Type:\s*4,ENCRYPTED/.test(pem) || pem.includes('BEGIN ENCRYPTED PRIVATE KEY')) {
    throw new SshPassphraseError('the SSH private key is protected by a passphrase');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    throw new SshKeyError(`cannot parse the SSH private key: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType === 'rsa') return new RsaIdentity(key);
  if (key.asymmetricKeyType === 'ed25519') {
    const jwk = key.export({ format: 'jwk' });
    const pub = Buffer.from(jwk.x as string, 'base64url');
    const wire = Buffer.concat([wireString('ssh-ed25519'), wireString(pub)]);
    return new Ed25519Identity(Buffer.from(jwk.d as string, 'base64url'), wire);
  }
  throw new SshKeyError(`unsupported SSH identity type: ${key.asymmetricKeyType}`);
}
