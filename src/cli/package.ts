// `bosun package CHART...`: a chart directory into `<name>-<version>.tgz`, as helm package writes it (Chart.yaml
// re-marshalled, --version/--app-version applied, dependencies checked, optionally updated first).
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { saveChart } from '../action/chart-save.ts';
import { dependencyUpdate } from '../action/dependency.ts';
import { checkDependencies, MissingDependenciesError } from '../chart/dependencies.ts';
import { loadChartSync } from '../chart/loader.ts';
import { parseVersion, SEMVER_V33, SEMVER_V34, SemverError } from '../funcs/semver-version.ts';
import { goFileError } from '../values/fs.ts';
import type { CommandDef } from './command.ts';
import { UserError } from './command.ts';
import { dialectFromFlags } from './template-args.ts';

const pkg: CommandDef = {
  name: 'package',
  usage: 'bosun package [CHART_PATH] [...] [flags]',
  short: 'package a chart directory into a chart archive',
  flags: [
    { name: 'sign', kind: 'bool', usage: 'use a PGP private key to sign this package' },
    { name: 'key', kind: 'string', usage: 'name of the key to use when signing. Used if --sign is true' },
    { name: 'keyring', kind: 'string', usage: 'location of a public keyring' },
    {
      name: 'passphrase-file',
      kind: 'string',
      usage: 'location of a file which contains the passphrase for the signing key',
    },
    { name: 'version', kind: 'string', usage: 'set the version on the chart to this semver version' },
    { name: 'app-version', kind: 'string', usage: 'set the appVersion on the chart to this version' },
    { name: 'destination', short: 'd', kind: 'string', usage: 'location to write the chart.', default: '.' },
    {
      name: 'dependency-update',
      short: 'u',
      kind: 'bool',
      usage: 'update dependencies from "Chart.yaml" to dir "charts/" before packaging',
    },
  ],
  run(flags, io) {
    const args = flags.args;
    if (args.length === 0) throw new UserError('need at least one argument, the path to the chart');
    if (flags.bool('sign')) throw new UserError('bosun does not sign packages (--sign)');
    const dialect = dialectFromFlags(flags, io.env);
    for (const arg of args) {
      const path = resolve(io.cwd, arg);
      let isDir: boolean;
      try {
        isDir = statSync(path).isDirectory();
      } catch (e) {
        throw new UserError(goFileError('stat', arg, e));
      }
      // helm packages chart directories only (its directory loader meets a file, or an archive, so).
      if (!isDir) {
        const chartYaml = join(path, 'Chart.yaml');
        throw new UserError(
          dialect === 'helm3'
            ? 'Chart.yaml file is missing'
            : `unable to detect chart at ${chartYaml}: open ${chartYaml}: not a directory`,
        );
      }
      if (flags.bool('dependency-update')) dependencyUpdate(path, { dialect });
      const chart = loadChartSync(path, { dialect });
      const version = flags.string('version');
      if (version) chart.metadata.version = version;
      try {
        parseVersion(chart.metadata.version, dialect === 'helm3' ? SEMVER_V33 : SEMVER_V34);
      } catch (e) {
        if (e instanceof SemverError) throw new UserError(e.message);
        throw e;
      }
      const appVersion = flags.string('app-version');
      if (appVersion) chart.metadata.appVersion = appVersion;
      if (chart.metadata.dependencies?.length) {
        try {
          checkDependencies(chart, dialect);
        } catch (e) {
          if (e instanceof MissingDependenciesError) {
            throw new UserError(`found in Chart.yaml, but missing in charts/ directory: ${e.missing.join(', ')}`);
          }
          throw e;
        }
      }
      // helm prints the destination as given, except that `.` is the working directory.
      const dest = flags.string('destination') === '.' ? io.cwd : flags.string('destination');
      let file: string;
      try {
        file = saveChart(chart, dest, dialect);
      } catch (e) {
        throw new UserError(`failed to save: ${(e as Error).message}`);
      }
      io.stdout(`Successfully packaged chart and saved it to: ${file}\n`);
    }
    return 0;
  },
};
export default pkg;
