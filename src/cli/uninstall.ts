// `bosun uninstall RELEASE_NAME [...]` (helm 4.1.4 pkg/cmd/uninstall.go).
import type { CommandDef } from './command.ts';
import { UserError } from './command.ts';
import { minimumArgs, WAIT_FLAG } from './release-flags.ts';
import { BACKEND_FLAG, TIMEOUT_FLAG, timeoutMs, withRelease } from './release-io.ts';

const USAGE = 'bosun uninstall RELEASE_NAME [...] [flags]';

const uninstallCmd: CommandDef = {
  name: 'uninstall',
  usage: USAGE,
  short: 'uninstall a release',
  flags: [
    { name: 'dry-run', kind: 'bool', usage: 'simulate a uninstall' },
    { name: 'no-hooks', kind: 'bool', usage: 'prevent hooks from running during uninstallation' },
    { name: 'ignore-not-found', kind: 'bool', usage: 'Treat "release not found" as a successful uninstall' },
    {
      name: 'keep-history',
      kind: 'bool',
      usage: 'remove all associated resources and mark the release as deleted, but retain the release history',
    },
    {
      name: 'cascade',
      kind: 'string',
      usage:
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents.',
      default: 'background',
    },
    TIMEOUT_FLAG,
    { name: 'description', kind: 'string', usage: 'add a custom description' },
    WAIT_FLAG,
    BACKEND_FLAG,
  ],
  async run(flags, io) {
    const names = minimumArgs(flags, 1, 'uninstall', USAGE);
    const cascade = flags.string('cascade');
    if (cascade !== 'background' && cascade !== 'foreground' && cascade !== 'orphan') {
      throw new UserError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
    }
    await withRelease(flags, io, async ({ manager }) => {
      for (const name of names) {
        const res = await manager.uninstall({
          name,
          dryRun: flags.bool('dry-run'),
          noHooks: flags.bool('no-hooks'),
          ignoreNotFound: flags.bool('ignore-not-found'),
          keepHistory: flags.bool('keep-history'),
          cascade,
          timeoutMs: timeoutMs(flags),
          description: flags.string('description'),
        });
        if (res.info) io.stdout(`${res.info}\n`);
        io.stdout(`release "${name}" uninstalled\n`);
      }
    });
    return 0;
  },
};
export default uninstallCmd;
