// PGP master keys through the user's GnuPG, run as sops runs it (`gpg -d`, `gpg --encrypt -a -r FP ...`), so the
// user's keyring, agent and GNUPGHOME apply. SOPS_GPG_EXEC names another binary.

import { spawn } from 'node:child_process';
import type { KeyEnvironment } from './age.ts';

export class GpgError extends Error {
  constructor(
    message: string,
    /** gpg has no secret key for the message. */
    readonly missingKey = false,
  ) {
    super(message);
  }
}

function gpgBinary(k: KeyEnvironment): string {
  return (k.env ?? process.env).SOPS_GPG_EXEC || 'gpg';
}

function runGpg(k: KeyEnvironment, args: string[], input: Uint8Array | string): Promise<Buffer> {
  const bin = gpgBinary(k);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...(k.env ?? process.env) }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        new GpgError(
          e.code === 'ENOENT' ? `the GnuPG binary '${bin}' was not found; install GnuPG to use PGP keys` : e.message,
        ),
      );
    });
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GpgError(stderr || `gpg exited with code ${code}`, /no secret key/i.test(stderr)));
    });
    child.stdin.on('error', () => {}); // gpg may exit before reading everything; 'close' reports it
    child.stdin.end(input);
  });
}

/** Decrypts a PGP-wrapped data key with `gpg -d`. */
export async function pgpDecrypt(k: KeyEnvironment, armored: string): Promise<Uint8Array> {
  const out = await runGpg(k, ['-d'], armored);
  if (out.length === 0) throw new GpgError('failed to decrypt sops data key with pgp: zero bytes returned');
  return new Uint8Array(out);
}

/** The 16 hex digits of a fingerprint's long key ID (keeping a trailing `!`), as sops passes to --trusted-key. */
function shortFingerprint(fp: string): string {
  let offset = fp.length - 16;
  if (fp.endsWith('!')) offset -= 1;
  return offset > 0 ? fp.slice(offset) : fp;
}

/** Wraps a data key for a PGP key (by fingerprint) with gpg; returns the armored message. */
export async function pgpEncrypt(k: KeyEnvironment, fingerprint: string, dataKey: Uint8Array): Promise<string> {
  const args = [
    '--no-default-recipient',
    '--yes',
    '--encrypt',
    '-a',
    '-r',
    fingerprint,
    '--trusted-key',
    shortFingerprint(fingerprint),
    '--no-encrypt-to',
  ];
  const out = await runGpg(k, args, dataKey);
  return out.toString('utf8').trim();
}
