// Errors of the SOPS layer. Each kind of failure has its own class so that callers (and tests) can tell a wrong
// key from a missing one, a tampered file from a corrupt value. Messages never carry secret material: no
// plaintext, no data key, no computed MAC (a MAC is a hash of every secret in the file).

/** Base class of every error raised by `src/secrets`. */
export class SopsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The file is not a SOPS file (no `sops` metadata) or its metadata is malformed. */
export class SopsMetadataError extends SopsError {}

/** The document itself cannot be parsed or written in its format (YAML, JSON, dotenv, INI). */
export class SopsFormatError extends SopsError {}

/** The file's MAC does not match its contents: a value, the MAC or the metadata was changed. */
export class SopsMacMismatchError extends SopsError {
  constructor(readonly file: string | undefined) {
    super(
      `MAC mismatch in ${file ? `'${file}'` : 'the SOPS document'}: the file was modified after it was encrypted ` +
        '(a value, the order of values, the MAC or the metadata); refusing to use it. ' +
        'If you trust the file, --ignore-mac decrypts it anyway.',
    );
  }
}

/** An encrypted value cannot be decrypted or does not hold a value of its declared type. */
export class SopsCorruptValueError extends SopsError {
  constructor(
    readonly path: string,
    readonly file: string | undefined,
    detail: string,
  ) {
    super(`${file ? `${file}: ` : ''}cannot decrypt the value at '${path}': ${detail}`);
  }
}

/** Outcome of one attempt to unwrap the data key with one master key. */
export interface KeyAttempt {
  /** `age`, `pgp`, `kms`, ... */
  readonly type: string;
  /** Recipient, fingerprint, ARN, ... (public identifiers only). */
  readonly id: string;
  /** `missing`: no private key available; `wrong`: keys available, none fits; `unsupported`; `error`. */
  readonly outcome: 'missing' | 'wrong' | 'unsupported' | 'error';
  readonly detail: string;
}

function describeAttempts(attempts: readonly KeyAttempt[]): string {
  return attempts.map((a) => `\n  ${a.type} ${a.id}: ${a.detail}`).join('');
}

/** Base of the errors raised when the data key cannot be recovered. */
export class SopsDataKeyError extends SopsError {
  constructor(
    message: string,
    readonly attempts: readonly KeyAttempt[],
  ) {
    super(message + describeAttempts(attempts));
  }
}

/** No private key for any of the file's recipients is available on this machine. */
export class SopsKeyMissingError extends SopsDataKeyError {}

/** Private keys were found, but none of them belongs to a recipient of the file. */
export class SopsWrongKeyError extends SopsDataKeyError {}

/** The file can only be decrypted with key types bosun does not support yet (cloud KMS, Vault, age plugins). */
export class SopsUnsupportedKeyError extends SopsDataKeyError {}

/** `.sops.yaml` is missing a rule, is malformed, or options conflict. */
export class SopsConfigError extends SopsError {}

/** Encrypting failed: no recipients, a recipient cannot be parsed, gpg refused to encrypt, ... */
export class SopsEncryptError extends SopsError {}
