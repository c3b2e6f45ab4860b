// `bosun upgrade [RELEASE] [CHART]` (helm 4.1.4 pkg/cmd/upgrade.go): upgrade a release (or install it with
// --install) and print its status.
import type { Release } from '../release/model.ts';
import type { UpgradeOptions } from '../release/upgrade.ts';
import type { CommandDef } from './command.ts';
import { UserError } from './command.ts';
import { failed, installOptions, offlineManager, prepareChartAndValues, printRelease } from './install.ts';
import { exactArgs, exclusive, UPGRADE_COMMAND_FLAGS } from './release-flags.ts';
import { outputFormat, withRelease } from './release-io.ts';

const USAGE = 'bosun upgrade [RELEASE] [CHART] [flags]';

const upgradeCmd: CommandDef = {
  name: 'upgrade',
  usage: USAGE,
  short: 'upgrade a release',
  flags: UPGRADE_COMMAND_FLAGS,
  async run(flags, io) {
    const format = outputFormat(flags);
    const [name, chart] = exactArgs(flags, 2, 'upgrade', USAGE);
    exclusive(flags, 'force-replace', 'force-conflicts');
    exclusive(flags, 'force', 'force-conflicts');
    const base = await installOptions(flags, io, name, chart);
    const serverSide = flags.string('server-side') || 'auto';
    if (!['auto', 'true', 'false'].includes(serverSide)) {
      throw new UserError(`invalid/unknown release server-side apply method: ${serverSide}`);
    }
    const opts: UpgradeOptions = {
      ...base,
      serverSide: serverSide as UpgradeOptions['serverSide'],
      reuseValues: flags.bool('reuse-values'),
      resetValues: flags.bool('reset-values'),
      resetThenReuseValues: flags.bool('reset-then-reuse-values'),
      historyMax: flags.int('history-max'),
      cleanupOnFail: flags.bool('cleanup-on-fail'),
    };
    const hideNotes = flags.bool('hide-notes');
    return withRelease(flags, io, async ({ manager }) => {
      if (flags.bool('install')) {
        // helm asks the history first: no release, or one uninstalled with its history kept, is installed.
        let versions: Release[] | undefined;
        try {
          versions = await manager.history(name, 1);
        } catch (e) {
          if (!(e instanceof Error) || e.message !== 'release: not found') throw e;
        }
        const uninstalled = versions !== undefined && versions[versions.length - 1]?.info?.status === 'uninstalled';
        if (versions === undefined || uninstalled) {
          if (format === 'table') io.stdout(`Release ${JSON.stringify(name)} does not exist. Installing it now.\n`);
          // helm's upgrade returns its install's errors as they are, without `INSTALLATION FAILED:`.
          const inst = prepareChartAndValues(
            { ...base, serverSide: serverSide !== 'false', replace: uninstalled },
            flags,
            io,
            true,
          );
          const rel =
            base.dryRun === 'client' ? await offlineManager(flags, io).install(inst) : await manager.install(inst);
          io.stdout(printRelease(rel, format, flags, io, { hideNotes }));
          return 0;
        }
      }
      const prepared = prepareChartAndValues(opts, flags, io, false);
      let rel: Release;
      try {
        rel = await manager.upgrade(prepared);
      } catch (e) {
        throw failed('UPGRADE FAILED', e);
      }
      if (format === 'table') io.stdout(`Release ${JSON.stringify(name)} has been upgraded. Happy Helming!\n`);
      io.stdout(printRelease(rel, format, flags, io, { hideNotes }));
      return 0;
    });
  },
};
export default upgradeCmd;
