// The editor session of `secrets edit`: decrypted text in a private temporary file (mode 0600, in a directory of
// its own) for the user's editor. The caller removes it on every way out; `remove` is idempotent.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { shellSplit } from './keys/shell.ts';

export class EditorError extends Error {}

/** Hash of a file's bytes, to tell whether the editor changed it. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Writes `content` to a new 0600 file in a new private directory; `remove` deletes both. */
export function privateTempFile(name: string, content: string | Uint8Array): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bosun-secrets-'));
  const path = join(dir, basename(name) || 'secrets');
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  };
  try {
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    remove();
    throw e;
  }
  return { path, remove };
}

/** Runs $SOPS_EDITOR, $EDITOR or the first of vim, nano, vi found on PATH on a file, with the terminal. */
export async function runEditor(env: Readonly<Record<string, string | undefined>>, path: string): Promise<void> {
  const setting = env.SOPS_EDITOR || env.EDITOR;
  let argv: string[];
  if (setting) argv = [...shellSplit(setting), path];
  else {
    const dirs = (env.PATH ?? '').split(':').filter(Boolean);
    const found = ['vim', 'nano', 'vi'].map((e) => dirs.map((d) => join(d, e)).find(existsSync)).find(Boolean);
    if (!found) throw new EditorError('no editor available: set SOPS_EDITOR or EDITOR, or install vim, nano or vi');
    argv = [found, path];
  }
  await new Promise<void>((done, fail) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...env } });
    child.on('error', (e) => fail(new EditorError(`could not run editor: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? done() : fail(new EditorError(`the editor exited with code ${code}`))));
  });
}
