// `bosun history RELEASE_NAME` (helm 4.1.4 pkg/cmd/history.go).
import { historyEntry } from '../release/history.ts';
import type { CommandDef } from './command.ts';
import { exactArgs } from './release-flags.ts';
import { BACKEND_FLAG, OUTPUT_FLAG, outputFormat, withRelease } from './release-io.ts';
import { ansic, jsonLine, uitable, yamlOfJSON } from './release-print.ts';

const USAGE = 'bosun history RELEASE_NAME [flags]';

const historyCmd: CommandDef = {
  name: 'history',
  usage: USAGE,
  short: 'fetch release history',
  flags: [
    { name: 'max', kind: 'int', usage: 'maximum number of revision to include in history', default: 256 },
    OUTPUT_FLAG,
    BACKEND_FLAG,
  ],
  async run(flags, io) {
    const format = outputFormat(flags);
    const [name] = exactArgs(flags, 1, 'history', USAGE);
    const rels = await withRelease(flags, io, ({ manager }) => manager.history(name, flags.int('max')));
    const entries = rels.map(historyEntry);
    if (format === 'json' || format === 'yaml') {
      const json = jsonLine(entries);
      io.stdout(format === 'json' ? json : yamlOfJSON(json));
      return 0;
    }
    const rows = [['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION']];
    for (const e of entries) {
      rows.push([
        String(e.revision),
        ansic(e.updated ?? '0001-01-01T00:00:00Z'),
        e.status,
        e.chart,
        e.app_version,
        e.description,
      ]);
    }
    io.stdout(uitable(rows));
    return 0;
  },
};
export default historyCmd;
