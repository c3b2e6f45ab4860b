// `bosun status RELEASE_NAME` (helm 4.1.4 pkg/cmd/status.go): the revision's status, its live objects and test runs.
import type { CommandDef } from './command.ts';
import { exactArgs } from './release-flags.ts';
import { BACKEND_FLAG, colorEnabled, OUTPUT_FLAG, outputFormat, withRelease } from './release-io.ts';
import { releaseJSON, statusTable, yamlOfJSON } from './release-print.ts';

const USAGE = 'bosun status RELEASE_NAME [flags]';

const statusCmd: CommandDef = {
  name: 'status',
  usage: USAGE,
  short: 'display the status of the named release',
  flags: [
    { name: 'revision', kind: 'int', usage: 'if set, display the status of the named release with revision' },
    OUTPUT_FLAG,
    BACKEND_FLAG,
  ],
  async run(flags, io) {
    const format = outputFormat(flags);
    const [name] = exactArgs(flags, 1, 'status', USAGE);
    const { release, resources } = await withRelease(flags, io, ({ manager }) =>
      manager.status(name, flags.int('revision')),
    );
    // helm strips the chart from what it prints.
    const rel = { ...release, chart: undefined };
    if (format === 'json') io.stdout(releaseJSON(rel, resources));
    else if (format === 'yaml') io.stdout(yamlOfJSON(releaseJSON(rel, resources)));
    else io.stdout(statusTable(rel, { colors: { enabled: colorEnabled(flags, io) }, resources }));
    return 0;
  },
};
export default statusCmd;
