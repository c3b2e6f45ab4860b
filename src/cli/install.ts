// `bosun install [NAME] [CHART]` (helm 4.1.4 pkg/cmd/install.go): install a chart as a release and print its status.
import { basename } from 'node:path';
import { loadReleaseChart, userValuesOf } from '../action/release-render.ts';
import { prepareValueFiles } from '../action/secret-values.ts';
import { InstallFailedError, type InstallOptions, type RenderOptions } from '../release/install.ts';
import { ReleaseManager } from '../release/manager.ts';
import type { Release } from '../release/model.ts';
import { offlineBackend } from '../release/offline-backend.ts';
import type { CommandDef, CommandIO } from './command.ts';
import { UserError } from './command.ts';
import type { Flags } from './flags.ts';
import { locateChart } from './locate.ts';
import { dryRunOf, exclusive, INSTALL_COMMAND_FLAGS, minimumArgs, valueLayers, waitOf } from './release-flags.ts';
import {
  colorEnabled,
  namespaceOf,
  outputFormat,
  releaseLog,
  stringToString,
  timeoutMs,
  warnFn,
  withRelease,
} from './release-io.ts';
import { releaseJSON, statusTable, yamlOfJSON } from './release-print.ts';
import { dialectFromFlags } from './template-args.ts';

const USAGE = 'bosun install [NAME] [CHART] [flags]';

const installCmd: CommandDef = {
  name: 'install',
  usage: USAGE,
  short: 'install a chart',
  flags: INSTALL_COMMAND_FLAGS,
  async run(flags, io) {
    const format = outputFormat(flags);
    minimumArgs(flags, 1, 'install', USAGE);
    exclusive(flags, 'force-replace', 'force-conflicts');
    exclusive(flags, 'force', 'force-conflicts');
    let rel: Release;
    try {
      const { name, chart } = await installNameAndChart(flags, io);
      const opts = prepareChartAndValues(await installOptions(flags, io, name, chart), flags, io, true);
      // A client-side dry run talks to no backend, as helm talks to no cluster.
      rel =
        opts.dryRun === 'client'
          ? await offlineManager(flags, io).install(opts)
          : await withRelease(flags, io, ({ manager }) => manager.install(opts));
    } catch (e) {
      throw failed('INSTALLATION FAILED', e);
    }
    io.stdout(printRelease(rel, format, flags, io, { hideNotes: flags.bool('hide-notes') }));
    return 0;
  },
};
export default installCmd;

/** An action's failure as helm prints it: `<WHAT>: <error>`. */
export function failed(what: string, e: unknown): unknown {
  if (e instanceof UserError && e.name === 'BackendUnavailableError') return e;
  if (e instanceof Error) return new UserError(`${what}: ${e.message}`);
  return e;
}

/** helm's Install.NameAndChart: NAME CHART, or CHART with --generate-name. */
export async function installNameAndChart(flags: Flags, io: CommandIO): Promise<{ name: string; chart: string }> {
  const args = flags.args;
  if (args.length > 2) {
    throw new UserError(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(', ')}`);
  }
  if (args.length === 2) {
    if (flags.bool('generate-name')) throw new UserError('cannot set --generate-name and also specify a name');
    if (flags.string('name-template')) throw new UserError('cannot set --name-template and also specify a name');
    return { name: args[0], chart: args[1] };
  }
  const template = flags.string('name-template');
  if (template) return { name: await renderNameTemplate(template, flags, io), chart: args[0] };
  if (!flags.bool('generate-name')) throw new UserError('must either provide a name or specify --generate-name');
  let base = basename(args[0]);
  if (base === '.' || base === '') base = 'chart';
  const dot = base.indexOf('.');
  if (dot >= 0) base = base.slice(0, dot);
  return { name: `${base}-${Math.floor(Date.now() / 1000)}`, chart: args[0] };
}

// --name-template: a Go template with Sprig's functions, executed with no data.
async function renderNameTemplate(text: string, flags: Flags, io: CommandIO): Promise<string> {
  const dialect = dialectFromFlags(flags, io.env);
  const [{ TemplateSet }, { funcMapFor }, { systemEnv }] = await Promise.all([
    import('../template/index.ts'),
    import('../render/funcmap.ts'),
    import('../system-env.ts'),
  ]);
  const set = new TemplateSet(funcMapFor(dialect, systemEnv()), { dialect });
  set.parse('name-template', text);
  return set.execute('name-template', null);
}

/** A manager over no backend, for client-side dry runs. */
export function offlineManager(flags: Flags, io: CommandIO): ReleaseManager {
  return new ReleaseManager(offlineBackend(), {
    namespace: namespaceOf(flags, io),
    dialect: dialectFromFlags(flags, io.env),
    log: releaseLog(flags, io),
    locks: false,
  });
}

export async function installOptions(
  flags: Flags,
  io: CommandIO,
  name: string,
  chart: string,
): Promise<InstallOptions> {
  // SOPS-encrypted -f files and --secrets are decrypted in memory before the render reads them.
  const files = await prepareValueFiles(flags.list('values'), flags.list('secrets'), io.env);
  return {
    name,
    chart,
    values: { ...valueLayers(flags), valueFiles: files.valueFiles },
    readFile: files.readFile,
    dryRun: dryRunOf(flags, io),
    wait: waitOf(flags, io),
    waitForJobs: flags.bool('wait-for-jobs'),
    timeoutMs: timeoutMs(flags),
    rollbackOnFailure: flags.bool('rollback-on-failure') || flags.bool('atomic'),
    noHooks: flags.bool('no-hooks'),
    description: flags.string('description'),
    forceConflicts: flags.bool('force-conflicts'),
    forceReplace: flags.bool('force-replace') || flags.bool('force'),
    createNamespace: flags.bool('create-namespace'),
    skipCrds: flags.bool('skip-crds'),
    replace: flags.bool('replace'),
    serverSide: flags.changed('server-side') ? flags.bool('server-side') : true,
    labels: stringToString(flags.list('labels'), 'labels'),
    subchartNotes: flags.bool('render-subchart-notes'),
    skipSchemaValidation: flags.bool('skip-schema-validation'),
    enableDNS: flags.bool('enable-dns'),
    hideSecret: flags.bool('hide-secret'),
    takeOwnership: flags.bool('take-ownership'),
    warn: warnFn(flags, io),
  };
}

/**
 * The chart located, the user's values merged and the chart loaded, as helm's commands do before they run the
 * action: `helm upgrade`
 * prints these errors without its `UPGRADE FAILED:` prefix. `install: false` for an upgrade (any chart type).
 */
export function prepareChartAndValues<T extends RenderOptions>(
  opts: T,
  flags: Flags,
  io: CommandIO,
  install: boolean,
): T {
  // helm's LocateChart comes first, with its messages for a chart that is not there.
  const path = typeof opts.chart === 'string' ? locateChart(opts.chart, flags, io.cwd) : opts.chart;
  const dialect = dialectFromFlags(flags, io.env);
  const userValues = opts.userValues ?? userValuesOf(opts.values, { dialect, readFile: opts.readFile });
  const chart = loadReleaseChart(path, { dialect, warn: opts.warn, install });
  return { ...opts, userValues, chart };
}

/** The status block after install/upgrade (`-o table`), or the release as JSON/YAML. */
export function printRelease(
  rel: Release,
  format: string,
  flags: Flags,
  io: CommandIO,
  opts: { hideNotes?: boolean } = {},
): string {
  if (format === 'json') return releaseJSON(rel);
  if (format === 'yaml') return yamlOfJSON(releaseJSON(rel));
  return statusTable(rel, {
    debug: flags.bool('debug'),
    hideNotes: opts.hideNotes,
    colors: { enabled: colorEnabled(flags, io) },
  });
}

export { InstallFailedError };
