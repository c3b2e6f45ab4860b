// SOPS-encrypted values files: `-f secrets://path.yaml` (helm-secrets' form), `--secrets path.yaml`, and any values
// file carrying a `sops` metadata block. The plaintext is returned as YAML text and never written anywhere.

import { readFile } from 'node:fs/promises';
import { type DecryptOptions, openSops } from './sops.ts';
import { emitFile, formatForPath } from './stores/index.ts';

export const SECRETS_SCHEME = 'secrets://';

/** Whether a values argument uses helm-secrets' `secrets://` form. */
export function isSecretsRef(ref: string): boolean {
  return ref.startsWith(SECRETS_SCHEME);
}

/** The file path of a values argument, without `secrets://`. */
export function secretsPath(ref: string): string {
  return isSecretsRef(ref) ? ref.slice(SECRETS_SCHEME.length) : ref;
}

const YAML_SOPS_KEY = /(?:^|\n)sops:[ \t]*(?:#[^\n]*)?\r?\n/;
const JSON_SOPS_KEY = /"sops"\s*:\s*\{/;

/**
 * Whether a values file's text carries a sops metadata block (a top-level `sops` key with `mac` and `lastmodified`).
 * A cheap check on the text: a plaintext values file pays a few string searches.
 */
export function hasSopsMetadata(text: string): boolean {
  if (!text.includes('lastmodified') || !text.includes('mac')) return false;
  return YAML_SOPS_KEY.test(text) || JSON_SOPS_KEY.test(text);
}

export interface SecretValuesOptions extends DecryptOptions {
  /** Reads the file (default: fs.readFile); the CLI and stacks may pass a virtual file system. */
  readonly readFile?: (path: string) => Promise<string | Uint8Array>;
}

/**
 * Decrypts a SOPS values file given as a path or `secrets://path` and returns plaintext YAML text, in memory.
 * YAML files keep their layout and comments; other formats are converted to YAML.
 */
export async function decryptValuesFile(ref: string, opts: SecretValuesOptions = {}): Promise<string> {
  const path = secretsPath(ref);
  const content = await (opts.readFile ?? readFile)(path);
  return decryptValuesText(content, { ...opts, path });
}

/** Decrypts the text of a SOPS values file (e.g. one found to carry a `sops` block) to plaintext YAML. */
export async function decryptValuesText(content: string | Uint8Array, opts: DecryptOptions = {}): Promise<string> {
  const format = opts.format ?? (opts.path ? formatForPath(opts.path) : 'yaml');
  // A values file without a known extension is YAML (helm reads every values file as YAML).
  const opened = await openSops(content, { ...opts, format: format === 'binary' ? 'yaml' : format });
  const out = emitFile(opened.file, 'yaml', undefined, { indent: opts.indent });
  return typeof out === 'string' ? out : new TextDecoder('utf-8', { ignoreBOM: true }).decode(out);
}
