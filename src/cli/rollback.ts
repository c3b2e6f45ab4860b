// `bosun rollback <RELEASE> [REVISION]` (helm 4.1.4 pkg/cmd/rollback.go).
import type { CommandDef } from './command.ts';
import { UserError } from './command.ts';
import { dryRunOf, exclusive, minimumArgs, ROLLBACK_COMMAND_FLAGS, waitOf } from './release-flags.ts';
import { timeoutMs, withRelease } from './release-io.ts';

const USAGE = 'bosun rollback <RELEASE> [REVISION] [flags]';

const rollbackCmd: CommandDef = {
  name: 'rollback',
  usage: USAGE,
  short: 'roll back a release to a previous revision',
  flags: ROLLBACK_COMMAND_FLAGS,
  async run(flags, io) {
    const args = minimumArgs(flags, 1, 'rollback', USAGE);
    exclusive(flags, 'force-replace', 'force-conflicts');
    exclusive(flags, 'force', 'force-conflicts');
    let revision = 0;
    if (args.length > 1) {
      if (!/^[+-]?\d+$/.test(args[1])) {
        throw new UserError(
          `could not convert revision to a number: strconv.Atoi: parsing "${args[1]}": invalid syntax`,
        );
      }
      revision = Number.parseInt(args[1], 10);
    }
    const serverSide = flags.string('server-side') || 'auto';
    const dryRun = dryRunOf(flags, io);
    await withRelease(flags, io, ({ manager }) =>
      manager.rollback({
        name: args[0],
        revision,
        dryRun,
        wait: waitOf(flags, io),
        waitForJobs: flags.bool('wait-for-jobs'),
        timeoutMs: timeoutMs(flags),
        noHooks: flags.bool('no-hooks'),
        forceConflicts: flags.bool('force-conflicts'),
        forceReplace: flags.bool('force-replace') || flags.bool('force'),
        cleanupOnFail: flags.bool('cleanup-on-fail'),
        historyMax: flags.int('history-max'),
        serverSide: serverSide as 'auto' | 'true' | 'false',
      }),
    );
    io.stdout('Rollback was a success! Happy Helming!\n');
    return 0;
  },
};
export default rollbackCmd;
