// `bosun diff upgrade NAME CHART` and `bosun diff rollback NAME REVISION`: what an upgrade or a rollback would
// change, in the layout of the helm-diff plugin (`helm diff upgrade|rollback`), with its flags and exit codes.
import { ReleaseManager } from '../release/manager.ts';
import type { UpgradeOptions } from '../release/upgrade.ts';
import type { CommandDef, CommandIO } from './command.ts';
import { UserError } from './command.ts';
import type { Flags } from './flags.ts';
import { installOptions } from './install.ts';
import { exactArgs, UPGRADE_COMMAND_FLAGS } from './release-flags.ts';
import { colorEnabled, withRelease } from './release-io.ts';

const USAGE = `bosun diff [command]

Available Commands:
  rollback    Show a diff explaining what a helm rollback could perform
  upgrade     Show a diff explaining what a helm upgrade would change.
`;

const DIFF_FLAGS = [
  { name: 'detailed-exitcode', kind: 'bool', usage: 'return a non-zero exit code when there are changes' },
  { name: 'no-color', kind: 'bool', usage: 'remove colors from the output' },
  { name: 'show-secrets', kind: 'bool', usage: 'do not redact secret values in the output' },
  { name: 'suppress-secrets', short: 'q', kind: 'bool', usage: 'suppress secrets in the output' },
  { name: 'suppress', kind: 'stringArray', usage: 'allows suppression of the kinds listed in the diff output' },
  { name: 'context', short: 'C', kind: 'int', usage: 'output NUM lines of context around changes', default: -1 },
  { name: 'include-tests', kind: 'bool', usage: 'enable the diffing of the helm test hooks' },
  { name: 'allow-unreleased', kind: 'bool', usage: 'enables diffing of releases that are not yet deployed via Helm' },
] as const;

const diffCmd: CommandDef = {
  name: 'diff',
  usage: 'bosun diff [command]',
  short: 'show what an upgrade or a rollback would change (the helm-diff plugin)',
  flags: [...UPGRADE_COMMAND_FLAGS.filter((f) => !DIFF_FLAGS.some((d) => d.name === f.name)), ...DIFF_FLAGS],
  async run(flags, io) {
    const [sub, ...rest] = flags.args;
    if (sub === undefined) {
      io.stdout(`Show manifest differences\n\nUsage:\n  ${USAGE}`);
      return 0;
    }
    if (sub !== 'upgrade' && sub !== 'rollback') throw new UserError(`unknown command "${sub}" for "bosun diff"`);
    const sub_flags = { args: rest } as Flags;
    const opts = {
      showSecrets: flags.bool('show-secrets'),
      context: flags.int('context'),
      suppress: [...flags.list('suppress'), ...(flags.bool('suppress-secrets') ? ['Secret'] : [])],
      includeTests: flags.bool('include-tests'),
      noHooks: flags.bool('no-hooks'),
    };
    const report = await withRelease(flags, io, async ({ manager }) => {
      if (sub === 'rollback') {
        const [name, rev] = exactArgs(
          sub_flags,
          2,
          'diff rollback',
          'bosun diff rollback [flags] [RELEASE] [REVISION]',
        );
        if (!/^\d+$/.test(rev)) throw new UserError(`strconv.Atoi: parsing "${rev}": invalid syntax`);
        return manager.diff({ rollback: { name, revision: Number(rev) }, options: opts });
      }
      const [name, chart] = exactArgs(sub_flags, 2, 'diff upgrade', 'bosun diff upgrade [flags] [RELEASE] [CHART]');
      const up: UpgradeOptions & { allowUnreleased?: boolean } = {
        ...(await installOptions(flags, io, name, chart)),
        dryRun: 'client',
        serverSide: 'auto',
        reuseValues: flags.bool('reuse-values'),
        resetValues: flags.bool('reset-values'),
        resetThenReuseValues: flags.bool('reset-then-reuse-values'),
        allowUnreleased: flags.bool('allow-unreleased'),
      };
      try {
        return await manager.diff({ upgrade: up, options: opts });
      } catch (e) {
        if (e instanceof Error && e.message === 'release: not found') {
          io.stderr(
            '********************\n\n\tRelease was not present in Helm.  Include the `--allow-unreleased` to perform diff without exiting in error.\n\n********************\n',
          );
        }
        throw e;
      }
    });
    io.stdout(ReleaseManager.formatDiff(report, { ...opts, color: diffColor(flags, io) }));
    if (flags.bool('detailed-exitcode') && report.entries.length > 0) {
      throw new UserError(
        'identified at least one change, exiting with non-zero exit code (detailed-exitcode parameter enabled)',
        2,
      );
    }
    return 0;
  },
};
export default diffCmd;

// helm-diff: --no-color wins, then HELM_DIFF_COLOR, then a terminal (bosun's --color never|always too).
function diffColor(flags: Flags, io: CommandIO): boolean {
  if (flags.bool('no-color')) return false;
  const env = io.env.HELM_DIFF_COLOR;
  if (env === 'true' || env === '1') return true;
  if (env === 'false' || env === '0') return false;
  return colorEnabled(flags, io);
}
