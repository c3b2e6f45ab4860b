// The data key: recovering it from the master keys of a file (one key per group is enough; with several groups
// the parts are combined with Shamir's scheme), and wrapping a data key for every master key.

import { randomBytes } from 'node:crypto';
import {
  type KeyAttempt,
  SopsDataKeyError,
  SopsEncryptError,
  SopsKeyMissingError,
  SopsUnsupportedKeyError,
  SopsWrongKeyError,
} from '../errors.ts';
import { formatRfc3339, timeFromDate } from '../gotext.ts';
import { type KeyGroup, keyId, type MasterKey, type SopsMetadata } from '../metadata.ts';
import { shamirCombine, shamirSplit } from '../shamir.ts';
import {
  AgeNoMatchError,
  ageDecrypt,
  ageEncrypt,
  type KeyEnvironment,
  type LoadedIdentities,
  loadAgeIdentities,
} from './age.ts';
import { GpgError, pgpDecrypt, pgpEncrypt } from './pgp.ts';

export const DEFAULT_DECRYPTION_ORDER = ['age', 'pgp'];

export interface KeyOptions extends KeyEnvironment {
  /** Key types in the order they are tried within a group (sops's --decryption-order); default age, pgp. */
  readonly decryptionOrder?: readonly string[];
  /** The clock, for the creation date of PGP keys and `lastmodified` (default: now). */
  readonly now?: () => Date;
}

function sortedGroup(group: KeyGroup, order: readonly string[]): MasterKey[] {
  const rank = (k: MasterKey) => {
    const i = order.indexOf(k.type);
    return i < 0 ? order.length : i;
  };
  return [...group].sort((a, b) => rank(a) - rank(b)); // stable: file order within a type
}

class Unwrapper {
  readonly attempts: KeyAttempt[] = [];
  private readonly ageCache = new Map<string, Promise<LoadedIdentities>>();
  constructor(private readonly k: KeyOptions) {}

  private ageIdentities(recipient: string): Promise<LoadedIdentities> {
    const env = this.k.env ?? process.env;
    // The key command is told which recipient it is asked for; otherwise one load serves every recipient.
    const cacheKey =
      env.SOPS_AGE_KEY_CMD !== undefined || env.SOPS_AGE_SSH_PRIVATE_KEY_CMD !== undefined ? recipient : '';
    let p = this.ageCache.get(cacheKey);
    if (!p) this.ageCache.set(cacheKey, (p = loadAgeIdentities(this.k, recipient)));
    return p;
  }

  private fail(key: MasterKey, outcome: KeyAttempt['outcome'], detail: string): undefined {
    this.attempts.push({ type: key.type, id: keyId(key), outcome, detail });
    return undefined;
  }

  async unwrap(key: MasterKey): Promise<Uint8Array | undefined> {
    if (key.type === 'age') {
      const { identities, errors } = await this.ageIdentities(key.recipient);
      const notes = errors.length ? ` (problems while loading age identities: ${errors.join('; ')})` : '';
      if (identities.length === 0) {
        return this.fail(
          key,
          'missing',
          'no age identity found (looked at SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD, ' +
            `SOPS_AGE_SSH_PRIVATE_KEY_FILE, ~/.ssh/id_ed25519, ~/.ssh/id_rsa and <user config dir>/sops/age/keys.txt)${notes}`,
        );
      }
      try {
        return await ageDecrypt(key.enc, identities);
      } catch (e) {
        if (e instanceof AgeNoMatchError) {
          return this.fail(key, 'wrong', `none of the ${identities.length} age identities found matches${notes}`);
        }
        return this.fail(key, 'error', (e as Error).message);
      }
    }
    if (key.type === 'pgp') {
      try {
        return await pgpDecrypt(this.k, key.enc);
      } catch (e) {
        const missing = e instanceof GpgError && e.missingKey;
        return this.fail(key, missing ? 'missing' : 'error', (e as Error).message.replace(/\s*\n\s*/g, '; '));
      }
    }
    return this.fail(key, 'unsupported', `${key.type} keys are not supported yet`);
  }
}

/** Recovers the data key of a file. Errors name every master key tried and why it failed. */
export async function unwrapDataKey(md: SopsMetadata, k: KeyOptions = {}): Promise<Uint8Array> {
  const order = k.decryptionOrder?.length ? k.decryptionOrder : DEFAULT_DECRYPTION_ORDER;
  const u = new Unwrapper(k);
  const groups = md.keyGroups;
  const needed = groups.length > 1 ? md.shamirThreshold || groups.length : 1;
  const parts: Uint8Array[] = [];
  for (const group of groups) {
    for (const key of sortedGroup(group, order)) {
      const part = await u.unwrap(key);
      if (part) {
        parts.push(part);
        break;
      }
    }
    if (parts.length >= needed) break;
  }
  if (parts.length >= needed) {
    if (groups.length === 1) return parts[0];
    try {
      return shamirCombine(parts);
    } catch (e) {
      throw new SopsDataKeyError(`could not combine the data key from its Shamir parts: ${(e as Error).message}`, []);
    }
  }
  const what =
    groups.length > 1
      ? `could only decrypt ${parts.length} of the ${needed} key groups needed to recover the data key`
      : 'failed to get the data key required to decrypt the SOPS file';
  const outcomes = new Set(u.attempts.map((a) => a.outcome));
  if (outcomes.has('wrong')) throw new SopsWrongKeyError(`${what}: the keys available do not fit`, u.attempts);
  if (outcomes.has('missing')) throw new SopsKeyMissingError(`${what}: no private key available`, u.attempts);
  if (outcomes.size === 1 && outcomes.has('unsupported')) {
    throw new SopsUnsupportedKeyError(`${what}: the file uses only key types bosun does not support yet`, u.attempts);
  }
  throw new SopsDataKeyError(what, u.attempts);
}

/**
 * Wraps `dataKey` for every master key of the metadata, in place: the whole key for one group, a Shamir part per
 * group otherwise (threshold: the metadata's, or all groups).
 */
export async function wrapDataKey(md: SopsMetadata, dataKey: Uint8Array, k: KeyOptions = {}): Promise<void> {
  const groups = md.keyGroups;
  if (groups.length === 0)
    throw new SopsEncryptError('no key groups: give recipients (--age, --pgp) or a .sops.yaml rule');
  let parts: Uint8Array[];
  if (groups.length === 1) parts = [dataKey];
  else {
    if (!md.shamirThreshold) md.shamirThreshold = groups.length;
    try {
      parts = shamirSplit(dataKey, groups.length, md.shamirThreshold);
    } catch (e) {
      throw new SopsEncryptError(`could not split the data key into parts for Shamir: ${(e as Error).message}`);
    }
  }
  const createdAt = formatRfc3339(timeFromDate(k.now?.() ?? new Date()));
  await Promise.all(
    groups.flatMap((group, i) => {
      if (group.length === 0) throw new SopsEncryptError('empty key group provided');
      return group.map(async (key) => {
        if (key.type === 'age') key.enc = await ageEncrypt(key.recipient, parts[i]);
        else if (key.type === 'pgp') {
          try {
            key.enc = await pgpEncrypt(k, key.fp, parts[i]);
          } catch (e) {
            throw new SopsEncryptError(
              `failed to encrypt the data key with PGP key ${key.fp}: ${(e as Error).message}`,
            );
          }
          key.createdAt = createdAt;
        } else {
          throw new SopsEncryptError(
            `${key.type} keys are not supported yet: cannot wrap the data key for ${key.type} key ${keyId(key) || '(unnamed)'}`,
          );
        }
      });
    }),
  );
}

/** A fresh random data key. */
export function newDataKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}
