// The public API of bosun's SOPS support: decrypt and encrypt SOPS documents in memory (age and PGP keys), and the
// helpers the values layer uses for `-f secrets://…`, `--secrets` and files carrying a `sops` block.

export { creationRuleFor, findConfigFile, loadConfig, type SopsConfig } from './config.ts';
export type { CryptRules } from './crypt.ts';
export {
  type KeyAttempt,
  SopsConfigError,
  SopsCorruptValueError,
  SopsDataKeyError,
  SopsEncryptError,
  SopsError,
  SopsFormatError,
  SopsKeyMissingError,
  SopsMacMismatchError,
  SopsMetadataError,
  SopsUnsupportedKeyError,
  SopsWrongKeyError,
} from './errors.ts';
export type { KeyEnvironment } from './keys/age.ts';
export type { KeyOptions } from './keys/datakey.ts';
export type { KeyGroup, MasterKey, SopsMetadata } from './metadata.ts';
export {
  type DecryptOptions,
  decryptSops,
  type EncryptConfig,
  type EncryptOptions,
  encryptSops,
  type OpenedFile,
  openSops,
  type RotateOptions,
  rotateSops,
  type SopsFileOptions,
  updateKeys,
} from './sops.ts';
export { formatForPath, type SopsFormat } from './stores/index.ts';
export {
  decryptValuesFile,
  decryptValuesText,
  hasSopsMetadata,
  isSecretsRef,
  SECRETS_SCHEME,
  type SecretValuesOptions,
  secretsPath,
} from './values.ts';
