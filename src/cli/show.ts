// `bosun show chart|values|readme|crds|all CHART` (alias `inspect`): a chart's Chart.yaml, values, README and
// CRDs, as `helm show` prints them.

import { type ShowFormat, showChart } from '../action/show.ts';
import { loadChartSync } from '../chart/loader.ts';
import type { CommandDef } from './command.ts';
import { commandHelp, UserError } from './command.ts';
import { CHART_PATH_FLAGS } from './common-flags.ts';
import type { FlagSpec } from './flags.ts';
import { locateChart } from './locate.ts';
import { dialectFromFlags, warnTo } from './template-args.ts';

const SUBCOMMANDS: Record<ShowFormat, string> = {
  all: 'show all information of the chart',
  chart: "show the chart's definition",
  readme: "show the chart's README",
  values: "show the chart's values",
  crds: "show the chart's CRDs",
};

const FLAGS: readonly FlagSpec[] = [
  {
    name: 'devel',
    kind: 'bool',
    usage: "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored",
  },
  { name: 'jsonpath', kind: 'string', usage: 'supply a JSONPath expression to filter the output (values only)' },
  ...CHART_PATH_FLAGS,
];

const show: CommandDef = {
  name: 'show',
  usage: 'bosun show [command]',
  short: `show information of a chart

Available Commands:
${Object.entries(SUBCOMMANDS)
  .map(([k, v]) => `  ${k.padEnd(8)}${v}`)
  .join('\n')}`,
  flags: FLAGS,
  run(flags, io) {
    const [sub, ...args] = flags.args;
    const format = sub as ShowFormat;
    // Like cobra, `show` alone or with an unknown subcommand prints the help.
    if (sub === undefined || !(sub in SUBCOMMANDS)) {
      io.stdout(commandHelp(show));
      return 0;
    }
    if (args.length !== 1) {
      throw new UserError(`"bosun show ${sub}" requires 1 argument\n\nUsage:  bosun show ${sub} [CHART] [flags]`);
    }
    if (flags.changed('jsonpath') && format !== 'values') throw new UserError('unknown flag: --jsonpath');
    const dialect = dialectFromFlags(flags, io.env);
    const path = locateChart(args[0], flags, io.cwd);
    const chart = loadChartSync(path, { dialect, warn: warnTo(io, dialect), versionDispatch: false });
    io.stdout(showChart(chart, format, { dialect, jsonpath: flags.string('jsonpath') || undefined }));
    return 0;
  },
};
export default show;
