// `bosun list` (helm 4.1.4 pkg/cmd/list.go): the latest revision of each release.

import { appVersionOf, chartLabel } from '../release/chart-record.ts';
import type { ReleaseStatus } from '../release/status.ts';
import type { CommandDef } from './command.ts';
import { noArgs } from './release-flags.ts';
import { BACKEND_FLAG, colorEnabled, OUTPUT_FLAG, outputFormat, withRelease } from './release-io.ts';
import {
  colorHeader,
  colorNamespace,
  colorStatus,
  goLayout,
  goTimeString,
  jsonLine,
  uitable,
  yamlOfJSON,
} from './release-print.ts';

const USAGE = 'bosun list [flags]';

const STATE_FLAGS: [flag: string, states: ReleaseStatus[]][] = [
  ['deployed', ['deployed']],
  ['uninstalled', ['uninstalled']],
  ['uninstalling', ['uninstalling']],
  ['pending', ['pending-install', 'pending-rollback', 'pending-upgrade']],
  ['failed', ['failed']],
  ['superseded', ['superseded']],
];

const listCmd: CommandDef = {
  name: 'list',
  usage: USAGE,
  short: 'list releases',
  flags: [
    { name: 'short', short: 'q', kind: 'bool', usage: 'output short (quiet) listing format' },
    { name: 'no-headers', kind: 'bool', usage: "don't print headers when using the default output format" },
    { name: 'time-format', kind: 'string', usage: 'format time using golang time formatter' },
    { name: 'date', short: 'd', kind: 'bool', usage: 'sort by release date' },
    { name: 'reverse', short: 'r', kind: 'bool', usage: 'reverse the sort order' },
    { name: 'all', short: 'a', kind: 'bool', usage: 'show all releases without any filter applied (helm 3)' },
    {
      name: 'uninstalled',
      kind: 'bool',
      usage: "show uninstalled releases (if 'helm uninstall --keep-history' was used)",
    },
    { name: 'superseded', kind: 'bool', usage: 'show superseded releases' },
    { name: 'uninstalling', kind: 'bool', usage: 'show releases that are currently being uninstalled' },
    { name: 'deployed', kind: 'bool', usage: 'show deployed releases' },
    { name: 'failed', kind: 'bool', usage: 'show failed releases' },
    { name: 'pending', kind: 'bool', usage: 'show pending releases' },
    { name: 'all-namespaces', short: 'A', kind: 'bool', usage: 'list releases across all namespaces' },
    { name: 'max', short: 'm', kind: 'int', usage: 'maximum number of releases to fetch', default: 256 },
    { name: 'offset', kind: 'int', usage: 'next release index in the list, used to offset from start value' },
    { name: 'filter', short: 'f', kind: 'string', usage: 'a regular expression (Perl compatible) on release names' },
    { name: 'selector', short: 'l', kind: 'string', usage: 'Selector (label query) to filter on' },
    OUTPUT_FLAG,
    BACKEND_FLAG,
  ],
  async run(flags, io) {
    const format = outputFormat(flags);
    noArgs(flags, 'list', USAGE);
    const states = STATE_FLAGS.filter(([f]) => flags.bool(f)).flatMap(([, s]) => s);
    const rels = await withRelease(flags, io, ({ manager }) =>
      manager.list({
        allNamespaces: flags.bool('all-namespaces'),
        filter: flags.string('filter'),
        selector: flags.string('selector'),
        states,
        all: flags.bool('all'),
        max: flags.int('max'),
        offset: flags.int('offset'),
        byDate: flags.bool('date'),
        reverse: flags.bool('reverse'),
      }),
    );
    if (flags.bool('short')) {
      const names = rels.map((r) => r.name);
      if (format === 'json') io.stdout(jsonLine(names));
      else if (format === 'yaml') io.stdout(yamlOfJSON(jsonLine(names)));
      else for (const n of names) io.stdout(`${n}\n`);
      return 0;
    }
    const timeFormat = flags.string('time-format');
    const elements = rels.map((r) => {
      const t = r.info?.last_deployed;
      return {
        name: r.name,
        namespace: r.namespace ?? '',
        revision: String(r.version),
        updated: t ? (timeFormat ? goLayout(t, timeFormat) : goTimeString(t)) : '-',
        status: r.info?.status ?? '',
        chart: chartLabel(r.chart),
        app_version: appVersionOf(r.chart),
      };
    });
    if (format === 'json' || format === 'yaml') {
      const json = jsonLine(elements);
      io.stdout(format === 'json' ? json : yamlOfJSON(json));
      return 0;
    }
    const colors = { enabled: colorEnabled(flags, io) };
    const rows: string[][] = [];
    if (!flags.bool('no-headers')) {
      rows.push(
        ['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'].map((h) =>
          colorHeader(h, colors),
        ),
      );
    }
    for (const e of elements) {
      rows.push([
        e.name,
        colorNamespace(e.namespace, colors),
        e.revision,
        e.updated,
        colorStatus(e.status, colors),
        e.chart,
        e.app_version,
      ]);
    }
    io.stdout(rows.length ? uitable(rows) : '\n');
    return 0;
  },
};
export default listCmd;
