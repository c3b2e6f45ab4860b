// Encrypting and decrypting a whole document, and its MAC, as sops's Tree.Encrypt / Tree.Decrypt do: which
// leaves are encrypted (suffix / regex / comment-regex rules), the additional data of each value, and the SHA-512
// over the plaintext of the leaves in walk order.

import { createHash, type Hash } from 'node:crypto';
import { scalarBytes, type ValueCipher, ValueDecryptError } from './cipher.ts';
import { SopsCorruptValueError, SopsEncryptError, SopsMetadataError } from './errors.ts';
import { Comment, type SopsMap, walkTree } from './tree.ts';

/** The options of a file that decide what is encrypted. At most one of the six rules is set. */
export interface CryptRules {
  readonly unencryptedSuffix?: string;
  readonly encryptedSuffix?: string;
  readonly unencryptedRegex?: string;
  readonly encryptedRegex?: string;
  readonly unencryptedCommentRegex?: string;
  readonly encryptedCommentRegex?: string;
  readonly macOnlyEncrypted?: boolean;
}

/** sops's fixed 32-byte MAC prefix for mac_only_encrypted files (sha256 of "sops"). */
const MAC_ONLY_ENCRYPTED_PREFIX = Buffer.from(
  '8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69',
  'hex',
);

const regexCache = new Map<string, RegExp>();

/** Compiles a Go (RE2) regular expression as JS; leading inline flags such as `(?i)` become JS flags. */
export function goRegex(src: string): RegExp {
  let re = regexCache.get(src);
  if (re) return re;
  let body = src;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    body = body.slice(lead[0].length);
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  body = body
    .replace(/\(\?P</g, '(?<')
    .replace(/\\z/g, '$')
    .replace(/\\A/g, '^');
  try {
    re = new RegExp(body, flags);
  } catch (e) {
    throw new SopsMetadataError(`invalid regular expression '${src}': ${(e as Error).message}`);
  }
  regexCache.set(src, re);
  return re;
}

/** sops's shouldBeEncrypted: the decision for a leaf (or comment) from its path and the comments before it. */
function shouldEncrypt(rules: CryptRules, path: readonly string[], stack: readonly string[][], isComment: boolean) {
  let encrypted = true;
  const { unencryptedSuffix: us, encryptedSuffix: es, unencryptedRegex: ur, encryptedRegex: er } = rules;
  if (us && path.some((k) => k.endsWith(us))) encrypted = false;
  if (es) encrypted = path.some((k) => k.endsWith(es));
  if (ur && path.some((k) => goRegex(ur).test(k))) encrypted = false;
  if (er) encrypted = path.some((k) => goRegex(er).test(k));
  if (rules.unencryptedCommentRegex) {
    const re = goRegex(rules.unencryptedCommentRegex);
    if (stack.some((level) => level.some((c) => re.test(c)))) encrypted = false;
  }
  if (rules.encryptedCommentRegex) {
    const re = goRegex(rules.encryptedCommentRegex);
    encrypted = false;
    const lastLevel = stack.length - 1;
    search: for (let i = 0; i < stack.length; i++) {
      const level = stack[i];
      for (let j = 0; j < level.length; j++) {
        // A comment that matches does not encrypt itself: skip the comment being decided.
        if (isComment && i === lastLevel && j === level.length - 1) continue;
        if (re.test(level[j])) {
          encrypted = true;
          break search;
        }
      }
    }
  }
  return encrypted;
}

function newMac(rules: CryptRules): Hash {
  const h = createHash('sha512');
  if (rules.macOnlyEncrypted) h.update(MAC_ONLY_ENCRYPTED_PREFIX);
  return h;
}

const additionalData = (path: readonly string[]) => `${path.join(':')}:`;

/** Encrypts every leaf and comment the rules select, in place. Returns the MAC (upper-case hex SHA-512). */
export function encryptDocs(docs: readonly SopsMap[], key: Uint8Array, rules: CryptRules, cipher: ValueCipher) {
  const mac = newMac(rules);
  walkTree(docs, (target, path, stack) => {
    const isComment = target instanceof Comment;
    const encrypted = shouldEncrypt(rules, path, stack, isComment);
    if (!isComment && (!rules.macOnlyEncrypted || encrypted)) mac.update(scalarBytes(target.value!));
    if (!encrypted) return;
    if (isComment) {
      const enc = cipher.encrypt(target, key, additionalData(path));
      if (rules.unencryptedCommentRegex && goRegex(rules.unencryptedCommentRegex).test(enc)) {
        throw new SopsEncryptError(
          'an encrypted comment matches unencrypted_comment_regex; choose a regex that cannot match encrypted comments',
        );
      }
      target.value = enc;
    } else target.value = cipher.encrypt(target.value!, key, additionalData(path));
  });
  return mac.digest('hex').toUpperCase();
}

/** Every path prefix of a comment's branch, nearest first: comment placement differs between YAML parsers. */
function commentPaths(path: readonly string[], extra: readonly string[][] | undefined): string[] {
  const out = [additionalData(path)];
  for (let n = path.length - 1; n >= 0; n--) out.push(additionalData(path.slice(0, n)));
  if (extra) for (const p of extra) out.push(additionalData(p));
  return out;
}

export interface DecryptDocsOptions {
  /** File name for error messages. */
  readonly file?: string;
  /** Other branch paths where a comment may have been placed by sops (YAML only). */
  readonly commentCandidates?: (c: Comment) => readonly string[][] | undefined;
}

/** Decrypts every encrypted leaf and comment in place. Returns the MAC computed over the plaintext. */
export function decryptDocs(
  docs: readonly SopsMap[],
  key: Uint8Array,
  rules: CryptRules,
  cipher: ValueCipher,
  opts: DecryptDocsOptions = {},
): string {
  const mac = newMac(rules);
  walkTree(docs, (target, path, stack) => {
    const isComment = target instanceof Comment;
    const encrypted = shouldEncrypt(rules, path, stack, isComment);
    if (isComment) {
      // A comment that does not decrypt is kept as it is: sops assumes it was written unencrypted.
      if (!encrypted || target.value === '') return;
      for (const ad of commentPaths(path, opts.commentCandidates?.(target))) {
        try {
          target.value = (cipher.decrypt(target.value, key, ad).value as Comment).value;
          return;
        } catch {}
      }
      return;
    }
    let bytes: Uint8Array;
    if (encrypted) {
      const where = path.join('.') || '(root)';
      if (typeof target.value !== 'string') {
        throw new SopsCorruptValueError(where, opts.file, 'expected an encrypted string');
      }
      try {
        const d = cipher.decrypt(target.value, key, additionalData(path));
        target.value = d.value as Exclude<typeof target.value, null>;
        bytes = d.macBytes;
      } catch (e) {
        if (e instanceof ValueDecryptError) throw new SopsCorruptValueError(where, opts.file, e.message);
        throw e;
      }
    } else bytes = scalarBytes(target.value!);
    if (!rules.macOnlyEncrypted || encrypted) mac.update(bytes);
  });
  return mac.digest('hex').toUpperCase();
}
