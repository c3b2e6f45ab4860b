// bosun's CLI entry: a helm-compatible command line. Each command's module is loaded only when it runs, so that
// start-up pays for nothing else (node alone takes most of a small chart's budget).

import { type CommandDef, type CommandIO, GLOBAL_FLAGS, HELM_COMPAT_FLAG, runCommand, UserError } from './command.ts';
import { brokenPipe, writeFd } from './fd-write.ts';

type Loader = () => Promise<{ default: CommandDef }>;

const COMMANDS: Record<string, Loader> = {
  dependency: () => import('./dependency.ts'),
  lint: () => import('./lint.ts'),
  package: () => import('./package.ts'),
  show: () => import('./show.ts'),
  template: () => import('./template.ts'),
  secrets: () => import('./secrets-command.ts'),
  version: () => import('./version.ts'),
  install: () => import('./install.ts'),
  upgrade: () => import('./upgrade.ts'),
  rollback: () => import('./rollback.ts'),
  uninstall: () => import('./uninstall.ts'),
  history: () => import('./history.ts'),
  status: () => import('./status.ts'),
  list: () => import('./list.ts'),
  get: () => import('./get.ts'),
  test: () => import('./test.ts'),
  diff: () => import('./diff.ts'),
};

const ALIASES: Record<string, string> = {
  ls: 'list',
  hist: 'history',
  del: 'uninstall',
  delete: 'uninstall',
  un: 'uninstall',
  inspect: 'show',
  dep: 'dependency',
  dependencies: 'dependency',
};

const USAGE = `bosun: a Helm-compatible chart templating and release manager

Usage:
  bosun [command]

Available Commands:
  dependency  manage a chart's dependencies
  diff        show what an upgrade or a rollback would change
  get         download extended information of a named release
  history     fetch release history
  install     install a chart
  lint        examine a chart for possible issues
  list        list releases
  package     package a chart directory into a chart archive
  rollback    roll back a release to a previous revision
  secrets     encrypt, decrypt and edit SOPS files in memory
  show        show information of a chart
  status      display the status of the named release
  template    locally render templates
  test        run tests for a release
  uninstall   uninstall a release
  upgrade     upgrade a release
  version     print the client version information

Use "bosun [command] --help" for more information about a command.
`;

async function main(argv: string[]): Promise<number> {
  const io: CommandIO = {
    stdout: (s) => writeFd(1, s),
    stderr: (s) => writeFd(2, s),
    env: process.env,
    cwd: process.cwd(),
  };
  const at = commandIndex(argv);
  const name = at < 0 ? undefined : argv[at];
  if (name === undefined || name === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const load = COMMANDS[ALIASES[name] ?? name];
  if (!load) {
    io.stderr(`Error: unknown command "${name}" for "bosun"\nRun 'bosun --help' for usage.\n`);
    return 1;
  }
  const def = (await load()).default;
  try {
    // Flags may come before the command name, as with helm (`bosun --debug template ...`).
    return await runCommand(def, [...argv.slice(0, at), ...argv.slice(at + 1)], io);
  } catch (e) {
    return reportError(e, io);
  }
}

/** Index of the command name: the first argument that is neither a flag nor a global flag's value. */
function commandIndex(argv: readonly string[]): number {
  const takesValue = new Set<string>();
  for (const f of [...GLOBAL_FLAGS, HELM_COMPAT_FLAG]) {
    if (f.kind === 'bool') continue;
    takesValue.add(`--${f.name}`);
    if (f.short) takesValue.add(`-${f.short}`);
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (!a.includes('=') && takesValue.has(a)) i++;
  }
  return -1;
}

/** Prints an error as helm does (`Error: ...`), never a stack trace for expected failures. */
function reportError(e: unknown, io: CommandIO): number {
  if (e instanceof Error) {
    io.stderr(`Error: ${e.message}\n`);
    if (process.env.BOSUN_TRACE && e.stack) io.stderr(`${e.stack}\n`);
    // Only a UserError chooses its exit code: other errors' `code` means something else (a backend error's is
    // the API's HTTP status, which as an exit status would be 400 % 256 = 144).
    return e instanceof UserError && e.code > 0 ? e.code : 1;
  }
  io.stderr(`Error: ${String(e)}\n`);
  return 1;
}

// Let pending writes flush rather than exiting at once; the exit code is set when main settles.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = brokenPipe() ? 141 : code;
});
