// `bosun test RELEASE` (helm 4.1.4 pkg/cmd/release_testing.go): run the release's test hooks and print its status.
import type { CommandDef } from './command.ts';
import { exactArgs } from './release-flags.ts';
import { BACKEND_FLAG, colorEnabled, TIMEOUT_FLAG, timeoutMs, withRelease } from './release-io.ts';
import { statusTable } from './release-print.ts';

const USAGE = 'bosun test [RELEASE] [flags]';

const testCmd: CommandDef = {
  name: 'test',
  usage: USAGE,
  short: 'run tests for a release',
  flags: [
    TIMEOUT_FLAG,
    {
      name: 'logs',
      kind: 'bool',
      usage: 'dump the logs from test pods (this runs after all tests are complete, but before any cleanup)',
    },
    {
      name: 'filter',
      kind: 'stringSlice',
      usage:
        'specify tests by attribute (currently "name") using attribute=value syntax or \'!attribute=value\' to exclude a test',
    },
    BACKEND_FLAG,
  ],
  async run(flags, io) {
    const [name] = exactArgs(flags, 1, 'test', USAGE);
    const include: string[] = [];
    const exclude: string[] = [];
    for (const f of flags.list('filter')) {
      if (f.startsWith('name=')) include.push(f.slice(5));
      else if (/^!\s?name=/.test(f)) exclude.push(f.replace(/^!\s?name=/, ''));
    }
    return withRelease(flags, io, async ({ manager, backend }) => {
      const { release, error } = await manager.test({ name, timeoutMs: timeoutMs(flags), include, exclude });
      io.stdout(
        statusTable(release, {
          debug: flags.bool('debug'),
          hideNotes: true,
          colors: { enabled: colorEnabled(flags, io) },
        }),
      );
      if (flags.bool('logs')) {
        io.stdout('\n');
        for (const h of release.hooks ?? []) {
          if (!h.events.includes('test') || exclude.includes(h.name)) continue;
          if (include.length > 0 && !include.includes(h.name)) continue;
          io.stdout(`POD LOGS: ${h.name}\n\n`);
          if (!backend.runsWorkloads)
            io.stderr(`the ${backend.name} backend runs no containers: ${h.name} has no logs\n`);
        }
      }
      if (error) throw error;
      return 0;
    });
  },
};
export default testCmd;
