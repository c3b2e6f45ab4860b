// SOPS-encrypted values files on the values path: `-f secrets://path`, `--secrets path`, and any `-f` file that
// carries a `sops` metadata block. They are decrypted in memory before the (synchronous) render pipeline runs;
// the pipeline then reads every values file through the returned reader, so plaintext never touches the disk.
import { readValuesPath } from '../values/fs.ts';

export interface PreparedValueFiles {
  /** The -f list for mergeValueLayers, in order: `-f` files, then `--secrets` files. */
  valueFiles: string[];
  /** Reads a values path: decrypted text for secret files, the file (or stdin) otherwise. */
  readFile: (path: string) => string;
}

/**
 * Reads every `-f` file once, decrypting the SOPS-encrypted ones (explicit `secrets://` references, `--secrets`
 * files, and files with a `sops` metadata block). The secrets module is loaded only when a file needs it.
 */
export async function prepareValueFiles(
  valueFiles: readonly string[],
  secretFiles: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<PreparedValueFiles> {
  const texts = new Map<string, string>();
  const ordered: string[] = [];
  const decrypt = async (ref: string, text: string | undefined): Promise<string> => {
    const secrets = await import('../secrets/index.ts');
    const path = secrets.secretsPath(ref);
    // A file that cannot be read is reported as Go's os.ReadFile reports it (`open x: no such file or directory`).
    return text === undefined
      ? secrets.decryptValuesFile(path, { env, readFile: async (p: string) => readValuesPath(p) })
      : secrets.decryptValuesText(text, { path, env });
  };
  for (const ref of valueFiles) {
    ordered.push(ref);
    if (texts.has(ref)) continue;
    if (ref.startsWith('secrets://')) {
      texts.set(ref, await decrypt(ref, undefined));
      continue;
    }
    let text: string;
    try {
      text = readValuesPath(ref);
    } catch {
      continue; // mergeValueLayers reports the missing file in helm's words, in helm's order of checks
    }
    texts.set(ref, looksEncrypted(text) ? await decrypt(ref, text) : text);
  }
  for (const ref of secretFiles) {
    const key = ref.startsWith('secrets://') ? ref : `secrets://${ref}`;
    ordered.push(key);
    if (!texts.has(key)) texts.set(key, await decrypt(key, undefined));
  }
  return {
    valueFiles: ordered,
    readFile: (path) => texts.get(path) ?? readValuesPath(path),
  };
}

// A cheap test before loading the SOPS code: the metadata block always holds these keys.
function looksEncrypted(text: string): boolean {
  return text.includes('sops') && text.includes('mac') && text.includes('lastmodified') && text.includes('ENC[');
}
