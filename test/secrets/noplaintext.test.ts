// Decryption keeps plaintext in memory: no file is written anywhere while a secrets values file is read and
// decrypted (by the library helper and by `bosun secrets decrypt` to stdout). Every fs write entry point is
// watched, and TMPDIR points at an empty directory that must stay empty.
import fs, { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecretsCommands } from '../../src/cli/secrets.ts';
import { decryptValuesFile, encryptSops, hasSopsMetadata } from '../../src/secrets/index.ts';
import { isolatedEnv } from './helpers.ts';

const PLAIN = 'db:\n    password: very-secret-password\n    user: admin\n';
let dir: string;
let id: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bosun-noplain-'));
  id = await generateIdentity();
  file = join(dir, 'secrets.yaml');
  writeFileSync(file, await encryptSops(PLAIN, { path: file, age: [await identityToRecipient(id)] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Fn = (...args: unknown[]) => unknown;
const WRITERS = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'createWriteStream',
  'copyFile',
  'copyFileSync',
  'rename',
  'renameSync',
  'mkdtemp',
  'mkdtempSync',
  'symlink',
  'symlinkSync',
];
const PROMISE_WRITERS = ['writeFile', 'appendFile', 'copyFile', 'rename', 'mkdtemp'];

/** Runs `f` with every fs write entry point recording its target; returns what was written to. */
async function watchWrites(f: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const emptyTmp = mkdtempSync(join(dir, 'tmp-'));
  const saved: Array<[Record<string, Fn>, string, Fn]> = [];
  const wrap = (obj: Record<string, Fn>, name: string) => {
    const orig = obj[name];
    saved.push([obj, name, orig]);
    obj[name] = function (this: unknown, ...args: unknown[]) {
      written.push(`${name}:${String(args[0])}`);
      return orig.apply(this, args);
    };
  };
  const fsObj = fs as unknown as Record<string, Fn>;
  for (const n of WRITERS) wrap(fsObj, n);
  for (const n of PROMISE_WRITERS) wrap(fs.promises as unknown as Record<string, Fn>, n);
  const origOpen = fsObj.openSync;
  saved.push([fsObj, 'openSync', origOpen]);
  fsObj.openSync = function (this: unknown, ...args: unknown[]) {
    if (args[1] !== undefined && args[1] !== 'r' && args[1] !== 0) written.push(`openSync:${String(args[0])}`);
    return origOpen.apply(this, args);
  };
  syncBuiltinESMExports();
  const oldTmp = process.env.TMPDIR;
  process.env.TMPDIR = emptyTmp;
  try {
    await f();
  } finally {
    if (oldTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = oldTmp;
    for (const [obj, name, orig] of saved.reverse()) obj[name] = orig;
    syncBuiltinESMExports();
  }
  for (const e of readdirSync(emptyTmp)) written.push(`tmpdir:${e}`);
  return written;
}

describe('decryption writes no plaintext to disk', () => {
  it('the values helper (secrets://) decrypts in memory', async () => {
    let text = '';
    const env = isolatedEnv();
    const written = await watchWrites(async () => {
      text = await decryptValuesFile(`secrets://${file}`, { env, ageIdentities: [id] });
    });
    expect(text).toBe(PLAIN);
    expect(written).toEqual([]);
  });

  it('`bosun secrets decrypt` writes only to stdout', async () => {
    let out = '';
    const env = isolatedEnv({ SOPS_AGE_KEY: id });
    const written = await watchWrites(async () => {
      const program = new Command('bosun').exitOverride();
      registerSecretsCommands(program, {
        env,
        cwd: dir,
        stdout: { write: (b) => (out += String(b)) },
        stderr: { write: () => {} },
        readStdin: async () => new Uint8Array(),
        isTTY: false,
        setExitCode: () => {},
      });
      await program.parseAsync(['node', 'bosun', 'secrets', 'decrypt', file]);
    });
    expect(out).toBe(PLAIN);
    expect(written).toEqual([]);
  });

  it('the watch does see writes (the test can fail)', async () => {
    const written = await watchWrites(async () => {
      await fs.promises.writeFile(join(dir, 'x.txt'), 'x');
      writeFileSync(join(dir, 'y.txt'), 'y');
      fs.writeFileSync(join(tmpdir(), 'z.txt'), 'z');
    });
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.some((w) => w.startsWith('tmpdir:z.txt'))).toBe(true);
  });

  it('recognises a values file carrying sops metadata', () => {
    expect(hasSopsMetadata(fs.readFileSync(file, 'utf8'))).toBe(true);
    expect(hasSopsMetadata(PLAIN)).toBe(false);
    expect(hasSopsMetadata('sops:\n  enabled: true\n')).toBe(false);
  });
});
