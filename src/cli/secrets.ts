// `bosun secrets encrypt|decrypt|edit|rotate|updatekeys`: sops's file commands, with its flags. Decrypted data is
// written only where asked (stdout, --output, -i) and, for `edit`, to a private temporary file that is removed on
// every way out.

import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { EncryptConfig, KeyGroup, SopsFormat } from '../secrets/index.ts';

/** What the commands touch outside themselves; tests pass their own. */
export interface SecretsIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: { write(b: string | Uint8Array): unknown };
  readonly stderr: { write(s: string): unknown };
  readStdin(): Promise<Uint8Array>;
  readonly isTTY: boolean;
  setExitCode(code: number): void;
}

function processIo(): SecretsIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    isTTY: !!process.stdin.isTTY,
    setExitCode(code) {
      process.exitCode = code;
    },
  };
}

/** Exit codes as sops uses them. */
const EXIT = { generic: 1, conflict: 8, decryptTree: 25, macMismatch: 51, noKey: 128, unchanged: 200, editor: 201 };

class CliError extends Error {
  constructor(
    message: string,
    readonly code = EXIT.generic,
  ) {
    super(message);
  }
}

interface CommonOpts {
  inPlace?: boolean;
  output?: string;
  inputType?: string;
  outputType?: string;
  filenameOverride?: string;
  config?: string;
  indent?: string;
  ignoreMac?: boolean;
  decryptionOrder?: string;
}

interface EncryptFlags extends CommonOpts {
  age?: string;
  pgp?: string;
  kms?: string;
  gcpKms?: string;
  azureKv?: string;
  hcVaultTransit?: string;
  hckms?: string;
  unencryptedSuffix?: string;
  encryptedSuffix?: string;
  unencryptedRegex?: string;
  encryptedRegex?: string;
  unencryptedCommentRegex?: string;
  encryptedCommentRegex?: string;
  macOnlyEncrypted?: boolean;
  shamirSecretSharingThreshold?: string;
}

const lib = () => import('../secrets/index.ts');

class Runner {
  constructor(readonly io: SecretsIo) {}

  abs(p: string): string {
    return resolve(this.io.cwd, p);
  }

  async read(file: string | undefined): Promise<Uint8Array> {
    if (file === undefined) return this.io.readStdin();
    try {
      return await readFile(this.abs(file));
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 2);
    }
  }

  async formats(
    file: string | undefined,
    o: CommonOpts,
  ): Promise<{ input: SopsFormat; output: SopsFormat; name: string }> {
    const { formatForPath } = await lib();
    const { parseFormat } = await import('../secrets/stores/index.ts');
    const name = o.filenameOverride ?? file ?? '';
    const input = o.inputType ? parseFormat(o.inputType) : formatForPath(name);
    const output = o.outputType ? parseFormat(o.outputType) : o.inputType ? input : formatForPath(name);
    return { input, output, name };
  }

  async configFile(o: CommonOpts): Promise<string | undefined> {
    const explicit = o.config ?? this.io.env.SOPS_CONFIG;
    if (explicit) return this.abs(explicit);
    const { findConfigFile } = await lib();
    return findConfigFile(this.io.cwd);
  }

  async indent(o: CommonOpts, format: SopsFormat): Promise<number | undefined> {
    if (o.indent !== undefined) return Number(o.indent);
    const path = await this.configFile(o);
    if (!path) return undefined;
    const { loadConfig } = await lib();
    const c = loadConfig(path);
    return format === 'json' || format === 'binary' ? c.jsonIndent : c.yamlIndent;
  }

  keyOptions(o: CommonOpts) {
    return {
      env: this.io.env,
      decryptionOrder: (o.decryptionOrder ?? this.io.env.SOPS_DECRYPTION_ORDER)?.split(',').map((s) => s.trim()),
    };
  }

  async write(data: string | Uint8Array, o: CommonOpts, file: string | undefined): Promise<void> {
    if (o.inPlace && o.output) throw new CliError('cannot operate on both --output and --in-place', EXIT.conflict);
    if (o.inPlace) {
      if (file === undefined) throw new CliError('--in-place needs a file', EXIT.conflict);
      await writeFile(this.abs(file), data);
    } else if (o.output) await writeFile(this.abs(o.output), data);
    else this.io.stdout.write(data);
  }

  /** Key groups and options for a new file: from flags, else the matching `.sops.yaml` creation rule. */
  async encryptConfig(o: EncryptFlags, name: string): Promise<EncryptConfig> {
    const unsupported = [
      ['kms', o.kms],
      ['gcp-kms', o.gcpKms],
      ['azure-kv', o.azureKv],
      ['hc-vault-transit', o.hcVaultTransit],
      ['hckms', o.hckms],
    ].filter(([, v]) => v);
    if (unsupported.length)
      throw new CliError(`--${unsupported[0][0]}: ${unsupported[0][0]} keys are not supported yet`);
    const age = o.age ?? this.io.env.SOPS_AGE_RECIPIENTS;
    const pgp = o.pgp ?? this.io.env.SOPS_PGP_FP;
    const { creationRuleFor, loadConfig } = await lib();
    const path = await this.configFile(o);
    const rule = path ? creationRuleFor(loadConfig(path), this.abs(name || '.')) : undefined;
    let keyGroups: KeyGroup[];
    if (age || pgp) {
      const list = (s: string | undefined) =>
        (s ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
      keyGroups = [
        [
          ...list(pgp).map((fp) => ({ type: 'pgp' as const, fp: fp.replaceAll(' ', ''), createdAt: '', enc: '' })),
          ...list(age).map((recipient) => ({ type: 'age' as const, recipient, enc: '' })),
        ],
      ];
    } else if (rule) keyGroups = rule.keyGroups;
    else {
      throw new CliError(
        'config file not found, or has no creation rules, and no keys provided through command line options (--age, --pgp)',
        EXIT.noKey,
      );
    }
    const pick = (flag: string | undefined, fromRule: string | undefined) => flag || fromRule || undefined;
    const threshold = o.shamirSecretSharingThreshold ? Number(o.shamirSecretSharingThreshold) : rule?.shamirThreshold;
    return {
      keyGroups,
      shamirThreshold: threshold,
      unencryptedSuffix: pick(o.unencryptedSuffix, rule?.unencryptedSuffix),
      encryptedSuffix: pick(o.encryptedSuffix, rule?.encryptedSuffix),
      unencryptedRegex: pick(o.unencryptedRegex, rule?.unencryptedRegex),
      encryptedRegex: pick(o.encryptedRegex, rule?.encryptedRegex),
      unencryptedCommentRegex: pick(o.unencryptedCommentRegex, rule?.unencryptedCommentRegex),
      encryptedCommentRegex: pick(o.encryptedCommentRegex, rule?.encryptedCommentRegex),
      macOnlyEncrypted: o.macOnlyEncrypted || rule?.macOnlyEncrypted,
    };
  }
}

function exitCodeOf(e: unknown, names: Record<string, number>): number {
  if (e instanceof CliError) return e.code;
  const name = (e as Error)?.constructor?.name ?? '';
  return names[name] ?? EXIT.generic;
}

const ERROR_CODES: Record<string, number> = {
  SopsMacMismatchError: EXIT.macMismatch,
  SopsKeyMissingError: EXIT.noKey,
  SopsWrongKeyError: EXIT.noKey,
  SopsUnsupportedKeyError: EXIT.noKey,
  SopsDataKeyError: EXIT.noKey,
  SopsCorruptValueError: EXIT.decryptTree,
};

function action<A extends unknown[]>(io: SecretsIo, f: (r: Runner, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await f(new Runner(io), ...args);
    } catch (e) {
      io.stderr.write(`Error: ${(e as Error).message}\n`);
      io.setExitCode(exitCodeOf(e, ERROR_CODES));
    }
  };
}

function addIoOptions(c: Command, inPlace = true): Command {
  if (inPlace) {
    c.option('-i, --in-place', 'write output back to the same file instead of stdout');
    c.option('--output <file>', 'save the output to the file specified');
  }
  return c
    .option('--input-type <type>', 'yaml, json, dotenv, ini or binary (default: from the file extension)')
    .option('--output-type <type>', 'yaml, json, dotenv, ini or binary (default: the input type)')
    .option('--filename-override <name>', 'use this name for the config rules and the file type (needed with stdin)')
    .option('--config <path>', "path to sops' config file (default: .sops.yaml found from the working directory)")
    .option('--indent <n>', 'spaces of indentation for YAML or JSON output');
}

function addKeyOptions(c: Command): Command {
  return c
    .option('-a, --age <recipients>', 'comma separated list of age recipients (env SOPS_AGE_RECIPIENTS)')
    .option('-p, --pgp <fingerprints>', 'comma separated list of PGP fingerprints (env SOPS_PGP_FP)')
    .addOption(new Option('-k, --kms <arns>', 'AWS KMS keys (not supported yet)').hideHelp())
    .addOption(new Option('--gcp-kms <ids>', 'GCP KMS keys (not supported yet)').hideHelp())
    .addOption(new Option('--azure-kv <urls>', 'Azure Key Vault keys (not supported yet)').hideHelp())
    .addOption(new Option('--hc-vault-transit <uris>', 'Vault transit keys (not supported yet)').hideHelp())
    .addOption(new Option('--hckms <ids>', 'HuaweiCloud KMS keys (not supported yet)').hideHelp())
    .option('--unencrypted-suffix <suffix>', 'keys ending with it stay unencrypted (default _unencrypted)')
    .option('--encrypted-suffix <suffix>', 'only keys ending with it are encrypted')
    .option('--unencrypted-regex <re>', 'keys matching it stay unencrypted')
    .option('--encrypted-regex <re>', 'only keys matching it are encrypted')
    .option('--unencrypted-comment-regex <re>', 'values after a comment matching it stay unencrypted')
    .option('--encrypted-comment-regex <re>', 'only values after a comment matching it are encrypted')
    .option('--mac-only-encrypted', 'compute the MAC only over values which end up encrypted')
    .option('--shamir-secret-sharing-threshold <n>', 'number of key groups needed to recover the data key');
}

/** Registers `secrets` and its subcommands on a program. */
export function registerSecretsCommands(program: Command, io: SecretsIo = processIo()): Command {
  const secrets = program.command('secrets').description('encrypt, decrypt and edit SOPS files (age and PGP keys)');

  addKeyOptions(addIoOptions(secrets.command('encrypt [file]').description('encrypt a file (stdin if none)'))).action(
    action(io, async (r, file: string | undefined, o: EncryptFlags) => {
      const { input, output, name } = await r.formats(file, o);
      if (file === undefined && !o.filenameOverride && !o.inputType) {
        throw new CliError('must specify --filename-override or --input-type when reading from stdin', EXIT.conflict);
      }
      const { encryptSops } = await lib();
      const config = await r.encryptConfig(o, name);
      const text = await encryptSops(await r.read(file), {
        ...config,
        ...r.keyOptions(o),
        path: name || undefined,
        format: input,
        outputFormat: output,
        indent: await r.indent(o, output),
      });
      await r.write(text, o, file);
    }),
  );

  addIoOptions(secrets.command('decrypt [file]').description('decrypt a file to stdout (stdin if none)'))
    .option('--extract <path>', 'extract a key or branch, e.g. \'["somekey"][0]\'')
    .option('--ignore-mac', 'ignore the Message Authentication Code (recovery only)')
    .option('--decryption-order <types>', 'comma separated key types to try in order (env SOPS_DECRYPTION_ORDER)')
    .action(
      action(io, async (r, file: string | undefined, o: CommonOpts & { extract?: string }) => {
        const { input, output, name } = await r.formats(file, o);
        const { openSops } = await lib();
        const { emitPlain } = await import('../secrets/sops.ts');
        const opened = await openSops(await r.read(file), {
          ...r.keyOptions(o),
          path: name || undefined,
          format: input,
          ignoreMac: o.ignoreMac,
        });
        const indent = await r.indent(o, output);
        if (o.extract) {
          const { extract } = await import('../secrets/extract.ts');
          await r.write(extract(opened.file.docs[0], o.extract, output, indent), o, file);
          return;
        }
        await r.write(emitPlain(opened, { outputFormat: output, indent }), o, file);
      }),
    );

  addKeyOptions(addIoOptions(secrets.command('edit <file>').description('edit an encrypted file in $EDITOR'), false))
    .option('--ignore-mac', 'ignore the Message Authentication Code (recovery only)')
    .option('--decryption-order <types>', 'comma separated key types to try in order')
    .action(
      action(io, async (r, file: string, o: EncryptFlags) => {
        await editFile(r, file, o);
      }),
    );

  addIoOptions(secrets.command('rotate <file>').description('re-encrypt a file with a new data key'))
    .option('--add-age <recipients>', 'age recipients to add')
    .option('--rm-age <recipients>', 'age recipients to remove')
    .option('--add-pgp <fingerprints>', 'PGP fingerprints to add')
    .option('--rm-pgp <fingerprints>', 'PGP fingerprints to remove')
    .addOption(new Option('--add-kms <arns>').hideHelp())
    .addOption(new Option('--add-gcp-kms <ids>').hideHelp())
    .addOption(new Option('--add-azure-kv <urls>').hideHelp())
    .addOption(new Option('--add-hc-vault-transit <uris>').hideHelp())
    .option('--ignore-mac', 'ignore the Message Authentication Code (recovery only)')
    .option('--decryption-order <types>', 'comma separated key types to try in order')
    .action(
      action(io, async (r, file: string, o: CommonOpts & Record<string, string | undefined>) => {
        for (const t of ['addKms', 'addGcpKms', 'addAzureKv', 'addHcVaultTransit']) {
          if (o[t]) throw new CliError(`${t.slice(3)} keys are not supported yet`);
        }
        const list = (s: string | undefined) =>
          (s ?? '')
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
        const { input, output, name } = await r.formats(file, o);
        const { rotateSops } = await lib();
        const out = await rotateSops(await r.read(file), {
          ...r.keyOptions(o),
          path: name,
          format: input,
          outputFormat: output,
          indent: await r.indent(o, output),
          ignoreMac: !!o.ignoreMac,
          add: [
            ...list(o.addPgp).map((fp) => ({ type: 'pgp' as const, fp, createdAt: '', enc: '' })),
            ...list(o.addAge).map((recipient) => ({ type: 'age' as const, recipient, enc: '' })),
          ],
          remove: [...list(o.rmAge), ...list(o.rmPgp)],
        });
        await r.write(out, o, file);
      }),
    );

  secrets
    .command('updatekeys <files...>')
    .description('re-wrap the data key of files for the keys of their .sops.yaml creation rule')
    .option('-y, --yes', 'pre-approve all changes and run non-interactively')
    .option('--input-type <type>', 'yaml, json, dotenv, ini or binary (default: from the file extension)')
    .option('--config <path>', "path to sops' config file")
    .option('--shamir-secret-sharing-threshold <n>', 'number of key groups needed to recover the data key')
    .option('--decryption-order <types>', 'comma separated key types to try in order')
    .action(
      action(
        io,
        async (r, files: string[], o: CommonOpts & { yes?: boolean; shamirSecretSharingThreshold?: string }) => {
          for (const file of files) await updateKeysOf(r, file, o);
        },
      ),
    );

  return secrets;
}

const EXAMPLES: Record<SopsFormat, string> = {
  yaml: '# Welcome to SOPS! Edit this file as you please!\nexample_key: example_value\n',
  json: '{\n\t"example_key": "example_value"\n}\n',
  dotenv: 'example_key=example_value\n',
  ini: '[example]\nexample_key = example_value\n',
  binary: 'Welcome to SOPS! Edit this file as you please!\n',
};

/**
 * Decrypts a file (or starts a new one), lets the user edit the plaintext in a private temporary file, and writes
 * the file back encrypted with the same data key. The temporary file is removed on success, error and signals.
 */
async function editFile(r: Runner, file: string, o: EncryptFlags): Promise<void> {
  const io = r.io;
  const { input, output, name } = await r.formats(file, o);
  if (input !== output)
    throw new CliError('edit keeps the file format: --output-type must match the input type', EXIT.conflict);
  const sops = await import('../secrets/sops.ts');
  const target = r.abs(file);
  const indent = await r.indent(o, input);
  let opened: import('../secrets/sops.ts').OpenedFile;
  if (existsSync(target)) {
    opened = await sops.openSops(await r.read(file), {
      ...r.keyOptions(o),
      path: name,
      format: input,
      ignoreMac: o.ignoreMac,
    });
  } else {
    const config = await r.encryptConfig(o, name);
    const { newDataKey, wrapDataKey } = await import('../secrets/keys/datakey.ts');
    const { ValueCipher } = await import('../secrets/cipher.ts');
    const metadata = sops.newMetadata(config, input);
    const dataKey = newDataKey();
    await wrapDataKey(metadata, dataKey, r.keyOptions(o));
    opened = { file: sops.loadPlain(EXAMPLES[input], { format: input }), metadata, dataKey, cipher: new ValueCipher() };
  }
  const plain = sops.emitPlain(opened, { indent });
  const { fileHash, privateTempFile, runEditor, EditorError } = await import('../secrets/editor.ts');
  const tmp = privateTempFile(file, plain);
  const onSignal = (signal: NodeJS.Signals) => {
    tmp.remove();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  process.on('exit', tmp.remove);
  try {
    const before = fileHash(tmp.path);
    for (;;) {
      try {
        await runEditor(io.env, tmp.path);
      } catch (e) {
        throw e instanceof EditorError ? new CliError(e.message, EXIT.editor) : e;
      }
      if (fileHash(tmp.path) === before) throw new CliError('File has not changed, exiting.', EXIT.unchanged);
      try {
        const edited = sops.loadPlain(readFileSync(tmp.path), { format: input, path: name });
        const out = sops.reseal(opened, edited, { indent, outputFormat: input });
        await writeFile(target, out);
        return;
      } catch (e) {
        if (!io.isTTY) throw e;
        io.stderr.write(`Error: ${(e as Error).message}\nPress enter to return to the editor, or Ctrl+C to exit.\n`);
        await new Promise((done) => process.stdin.once('data', done));
      }
    }
  } finally {
    tmp.remove();
    for (const s of signals) process.off(s, onSignal);
    process.off('exit', tmp.remove);
  }
}

/** `updatekeys` for one file: shows the change of master keys, asks (unless --yes), writes the file in place. */
async function updateKeysOf(
  r: Runner,
  file: string,
  o: CommonOpts & { yes?: boolean; shamirSecretSharingThreshold?: string },
): Promise<void> {
  const io = r.io;
  const { input, name } = await r.formats(file, o);
  const { creationRuleFor, loadConfig, updateKeys } = await lib();
  const { keyId } = await import('../secrets/metadata.ts');
  const configPath = await r.configFile(o);
  if (!configPath) throw new CliError('config file not found: updatekeys needs a .sops.yaml', 61);
  const rule = creationRuleFor(loadConfig(configPath), r.abs(name));
  if (!rule) throw new CliError(`the config file ${configPath} does not contain any creation rule`, 61);
  const threshold = o.shamirSecretSharingThreshold ? Number(o.shamirSecretSharingThreshold) : undefined;
  const { loadEncrypted } = await import('../secrets/sops.ts');
  const content = await r.read(file);
  const current = loadEncrypted(content, { path: name, format: input }).metadata;
  const ids = (g: KeyGroup | undefined) => new Set((g ?? []).map((k) => `${k.type} ${keyId(k)}`));
  let changes = '';
  const groups = Math.max(current.keyGroups.length, rule.keyGroups.length);
  for (let i = 0; i < groups; i++) {
    const was = ids(current.keyGroups[i]);
    const now = ids(rule.keyGroups[i]);
    const lines = [...now].filter((k) => !was.has(k)).map((k) => `+++ ${k}`);
    lines.push(...[...was].filter((k) => !now.has(k)).map((k) => `--- ${k}`));
    if (lines.length) changes += `Group ${i + 1}\n${lines.join('\n')}\n`;
  }
  const newThreshold = Math.min(threshold || current.shamirThreshold, rule.keyGroups.length);
  if (!changes && newThreshold === current.shamirThreshold) {
    io.stderr.write(`File ${file} already up to date\n`);
    return;
  }
  io.stdout.write(`The following changes will be made to the file's groups:\n${changes}`);
  if (!o.yes) {
    if (!io.isTTY) throw new CliError('refusing to change keys without confirmation: pass --yes', EXIT.conflict);
    io.stdout.write('Is this okay? (y/n):');
    const answer = await new Promise<string>((done) => process.stdin.once('data', (b) => done(String(b).trim())));
    if (answer !== 'y') {
      io.stderr.write(`File ${file} left unchanged\n`);
      return;
    }
  }
  const { output } = await updateKeys(
    content,
    { keyGroups: rule.keyGroups, shamirThreshold: threshold },
    { ...r.keyOptions(o), path: name, format: input, indent: await r.indent(o, input) },
  );
  await writeFile(r.abs(file), output);
  io.stderr.write(`File ${file} synced with new keys\n`);
}
