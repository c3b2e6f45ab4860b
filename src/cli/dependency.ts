// `bosun dependency list|update|build [CHART]` (aliases dep, dependencies; ls, up): a chart's dependencies from
// charts/ and local file:// repositories, as helm manages them.
import { normalize } from 'node:path';
import { dependencyBuild, dependencyUpdate } from '../action/dependency.ts';
import { dependencyList } from '../action/dependency-list.ts';
import type { CommandDef } from './command.ts';
import { commandHelp, UserError } from './command.ts';
import type { FlagSpec } from './flags.ts';
import { dialectFromFlags } from './template-args.ts';

const SUBCOMMANDS: Record<string, string> = {
  build: 'rebuild the charts/ directory based on the Chart.lock file',
  list: 'list the dependencies for the given chart',
  update: 'update charts/ based on the contents of Chart.yaml',
};
const ALIASES: Record<string, string> = { ls: 'list', up: 'update' };

const FLAGS: readonly FlagSpec[] = [
  { name: 'max-col-width', kind: 'int', usage: 'maximum column width for output table (list)', default: 80 },
  { name: 'verify', kind: 'bool', usage: 'verify the packages against signatures' },
  { name: 'keyring', kind: 'string', usage: 'keyring containing public keys' },
  { name: 'skip-refresh', kind: 'bool', usage: 'do not refresh the local repository cache' },
  { name: 'username', kind: 'string', usage: 'chart repository username where to locate the requested chart' },
  { name: 'password', kind: 'string', usage: 'chart repository password where to locate the requested chart' },
  { name: 'cert-file', kind: 'string', usage: 'identify HTTPS client using this SSL certificate file' },
  { name: 'key-file', kind: 'string', usage: 'identify HTTPS client using this SSL key file' },
  { name: 'insecure-skip-tls-verify', kind: 'bool', usage: 'skip tls certificate checks for the chart download' },
  { name: 'plain-http', kind: 'bool', usage: 'use insecure HTTP connections for the chart download' },
  { name: 'ca-file', kind: 'string', usage: 'verify certificates of HTTPS-enabled servers using this CA bundle' },
];

const dependency: CommandDef = {
  name: 'dependency',
  usage: 'bosun dependency update|build|list [CHART] [flags]',
  short: `manage a chart's dependencies

Available Commands:
${Object.entries(SUBCOMMANDS)
  .map(([k, v]) => `  ${k.padEnd(8)}${v}`)
  .join('\n')}`,
  flags: FLAGS,
  run(flags, io) {
    const [raw, ...args] = flags.args;
    const sub = raw === undefined ? undefined : (ALIASES[raw] ?? raw);
    if (sub === undefined || !(sub in SUBCOMMANDS)) {
      io.stdout(commandHelp(dependency));
      return 0;
    }
    if (args.length > 1) {
      throw new UserError(
        `"bosun dependency ${sub}" accepts at most 1 argument\n\nUsage:  bosun dependency ${sub} CHART [flags]`,
      );
    }
    const dialect = dialectFromFlags(flags, io.env);
    // filepath.Clean: helm names the chart in its messages as cleaned.
    const chartPath = args.length > 0 ? normalize(args[0]).replace(/(.)\/$/, '$1') : '.';
    if (sub === 'list') {
      io.stdout(dependencyList(chartPath, { dialect, columnWidth: flags.int('max-col-width') }));
      return 0;
    }
    if (flags.bool('verify')) throw new UserError('bosun does not verify chart signatures (--verify)');
    const options = { dialect, out: io.stdout, debug: flags.bool('debug') };
    if (sub === 'update') dependencyUpdate(chartPath, options);
    else dependencyBuild(chartPath, options);
    return 0;
  },
};
export default dependency;
