// age master keys: wrapping the data key for recipients and finding the identities that unwrap it, the way sops
// finds them: SSH keys (SOPS_AGE_SSH_PRIVATE_KEY_FILE, SOPS_AGE_SSH_PRIVATE_KEY_CMD, ~/.ssh/id_ed25519,
// ~/.ssh/id_rsa), then SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD and <user config dir>/sops/age/keys.txt.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { armor, Decrypter, Encrypter, type Identity, type Recipient } from 'age-encryption';
import { SopsEncryptError } from '../errors.ts';
import { shellSplit } from './shell.ts';

/** Where keys come from; tests and embedders pass their own. */
export interface KeyEnvironment {
  /** Environment variables (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Extra age identities (`AGE-SECRET-KEY-1…`), tried besides those found in the environment. */
  readonly ageIdentities?: readonly string[];
  /** The user's home directory (default: os.homedir()). */
  readonly home?: string;
  /** The platform, for the user config directory (default: process.platform). */
  readonly platform?: NodeJS.Platform;
}

export interface LoadedIdentities {
  readonly identities: (string | Identity)[];
  /** Problems met while loading (a malformed key file, a failing command); reported if nothing decrypts. */
  readonly errors: string[];
}

const envOf = (k: KeyEnvironment) => k.env ?? process.env;

/** Go's os.UserConfigDir, with sops's XDG_CONFIG_HOME override on macOS. */
export function userConfigDir(k: KeyEnvironment): string | undefined {
  const env = envOf(k);
  const platform = k.platform ?? process.platform;
  const home = k.home ?? env.HOME ?? homedir();
  if (platform === 'win32') return env.AppData || undefined;
  if (platform === 'darwin')
    return env.XDG_CONFIG_HOME || (home ? join(home, 'Library', 'Application Support') : undefined);
  return env.XDG_CONFIG_HOME || (home ? join(home, '.config') : undefined);
}

function runCommand(cmd: string, env: Readonly<Record<string, string | undefined>>, recipient: string) {
  const [file, ...args] = shellSplit(cmd);
  if (!file) return Promise.reject(new Error('empty command'));
  return new Promise<string>((resolve, reject) => {
    execFile(
      file,
      args,
      { env: { ...env, SOPS_AGE_RECIPIENT: recipient }, maxBuffer: 1 << 20, encoding: 'utf8' },
      (err, stdout) => (err ? reject(new Error(`failed to execute command ${cmd}: ${err.message}`)) : resolve(stdout)),
    );
  });
}

/** Parses identities, one per line (or several per line for SOPS_AGE_KEY); `#` lines and blank lines skipped. */
export function parseAgeIdentities(text: string, source: string, severalPerLine: boolean): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    for (const word of severalPerLine ? line.split(/\s+/).filter(Boolean) : [line]) {
      if (word.startsWith('AGE-SECRET-KEY-1') || word.startsWith('AGE-SECRET-KEY-PQ-1')) out.push(word);
      else if (word.startsWith('AGE-PLUGIN-'))
        throw new Error(`${source}: age plugin identities are not supported yet`);
      else if (word.startsWith('-----BEGIN AGE ENCRYPTED FILE')) {
        throw new Error(`${source}: passphrase-protected age key files are not supported yet`);
      } else throw new Error(`${source}: unknown identity type (expected AGE-SECRET-KEY-1...)`);
    }
  }
  return out;
}

async function sshIdentity(text: string, source: string): Promise<Identity> {
  const { parseSshIdentity } = await import('./ssh.ts');
  try {
    return parseSshIdentity(text);
  } catch (e) {
    throw new Error(`${source}: ${(e as Error).message}`);
  }
}

/** Loads every age identity the environment provides, as sops does, for unwrapping `recipient`'s key. */
export async function loadAgeIdentities(k: KeyEnvironment, recipient: string): Promise<LoadedIdentities> {
  const env = envOf(k);
  const identities: (string | Identity)[] = [...(k.ageIdentities ?? [])];
  const errors: string[] = [];
  const attempt = async (f: () => Promise<void> | void) => {
    try {
      await f();
    } catch (e) {
      errors.push((e as Error).message);
    }
  };
  const sshFile = env.SOPS_AGE_SSH_PRIVATE_KEY_FILE;
  if (sshFile !== undefined)
    await attempt(async () => void identities.push(await sshIdentity(readFileSync(sshFile, 'utf8'), sshFile)));
  const sshCmd = env.SOPS_AGE_SSH_PRIVATE_KEY_CMD;
  if (sshCmd !== undefined) {
    await attempt(
      async () => void identities.push(await sshIdentity(await runCommand(sshCmd, env, recipient), sshCmd)),
    );
  }
  const home = k.home ?? env.HOME ?? homedir();
  if (home) {
    for (const name of ['id_ed25519', 'id_rsa']) {
      const p = join(home, '.ssh', name);
      if (existsSync(p)) await attempt(async () => void identities.push(await sshIdentity(readFileSync(p, 'utf8'), p)));
    }
  }
  const sources: Array<[string, () => Promise<string> | string, boolean]> = [];
  if (env.SOPS_AGE_KEY !== undefined) sources.push(['SOPS_AGE_KEY', () => env.SOPS_AGE_KEY as string, true]);
  const keyFile = env.SOPS_AGE_KEY_FILE;
  if (keyFile !== undefined) sources.push([keyFile, () => readFileSync(keyFile, 'utf8'), false]);
  const keyCmd = env.SOPS_AGE_KEY_CMD;
  if (keyCmd !== undefined) sources.push([keyCmd, () => runCommand(keyCmd, env, recipient), false]);
  const configDir = userConfigDir(k);
  if (configDir) {
    const p = join(configDir, 'sops', 'age', 'keys.txt');
    if (existsSync(p)) sources.push([p, () => readFileSync(p, 'utf8'), false]);
  }
  for (const [source, read, several] of sources) {
    await attempt(async () => void identities.push(...parseAgeIdentities(await read(), source, several)));
  }
  return { identities, errors };
}

export class AgeNoMatchError extends Error {}

/** Unwraps an age-wrapped data key with the given identities. */
export async function ageDecrypt(armored: string, identities: readonly (string | Identity)[]): Promise<Uint8Array> {
  const d = new Decrypter();
  for (const id of identities) d.addIdentity(id);
  let file: Uint8Array;
  try {
    file = armor.decode(armored);
  } catch (e) {
    throw new Error(`the age-wrapped data key is not valid armor: ${(e as Error).message}`);
  }
  try {
    return await d.decrypt(file);
  } catch (e) {
    const msg = (e as Error).message;
    if (/no identity matched/i.test(msg)) throw new AgeNoMatchError('no age identity matches this recipient');
    throw new Error(`age decryption failed: ${msg}`);
  }
}

/** Parses a recipient as sops accepts it: age1… (X25519 or post-quantum hybrid) or an SSH public key. */
export async function parseAgeRecipient(recipient: string): Promise<string | Recipient> {
  const r = recipient.trim();
  if (r.startsWith('ssh-')) {
    const { parseSshRecipient } = await import('./ssh.ts');
    try {
      return parseSshRecipient(r);
    } catch (e) {
      throw new SopsEncryptError(`failed to parse input as age-ssh public key: ${(e as Error).message}`);
    }
  }
  if (r.startsWith('age1pq1')) return r;
  if (r.startsWith('age1') && r.split('1').length > 2) {
    throw new SopsEncryptError(`age plugin recipients are not supported yet: ${r}`);
  }
  if (r.startsWith('age1')) return r;
  throw new SopsEncryptError(`failed to parse input, unknown recipient type: ${JSON.stringify(r)}`);
}

/** Wraps a data key for one age recipient, as ASCII-armored age output. */
export async function ageEncrypt(recipient: string, dataKey: Uint8Array): Promise<string> {
  const e = new Encrypter();
  try {
    e.addRecipient(await parseAgeRecipient(recipient));
    return armor.encode(await e.encrypt(dataKey));
  } catch (err) {
    if (err instanceof SopsEncryptError) throw err;
    throw new SopsEncryptError(
      `failed to encrypt the data key for age recipient ${recipient}: ${(err as Error).message}`,
    );
  }
}
