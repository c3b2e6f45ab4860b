// helm template's command line as a TemplateRequest: shared by `bosun template`, the golden tests, the benchmark
// and library users who want helm's argument handling.
import type { TemplateRequest } from '../action/template.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { systemEnv } from '../system-env.ts';
import { formatWarning, type WarnFn } from '../values/warnings.ts';
import { type CommandIO, GLOBAL_FLAGS, HELM_COMPAT_FLAG, UserError } from './command.ts';
import { CHART_PATH_FLAGS, INSTALL_FLAGS, TEMPLATE_FLAGS, VALUES_FLAGS } from './common-flags.ts';
import { type FlagSpec, Flags, parseFlags } from './flags.ts';
import { renderNameTemplate } from './name-template.ts';

/** The flags `bosun template` accepts besides the global ones. */
export const TEMPLATE_COMMAND_FLAGS: readonly FlagSpec[] = [
  ...TEMPLATE_FLAGS,
  ...INSTALL_FLAGS.filter((f) => f.name !== 'output'),
  ...VALUES_FLAGS,
  ...CHART_PATH_FLAGS,
];

export function dialectFromFlags(flags: Flags, env: NodeJS.ProcessEnv = {}): HelmDialect {
  const v = flags.string('helm-compat') || env.BOSUN_HELM_COMPAT || '';
  if (v === '4' || v === '' || v === 'helm4' || v.startsWith('4.')) return 'helm4';
  if (v === '3' || v === 'helm3' || v.startsWith('3.')) return 'helm3';
  throw new UserError(`invalid --helm-compat "${v}": use 4 or 3`);
}

/**
 * helm's Install.NameAndChart. `template` presets the release name `release-name`, which wins over
 * --generate-name (so that renders are reproducible) but not over --name-template.
 */
export function nameAndChart(
  flags: Flags,
  io: Pick<CommandIO, 'env'> = { env: {} },
  preset = 'release-name',
): { name: string; chart: string } {
  const args = flags.args;
  if (args.length > 2) {
    throw new UserError(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(', ')}`);
  }
  if (args.length === 0)
    throw new UserError(
      '"bosun template" requires at least 1 argument\n\nUsage:  bosun template [NAME] [CHART] [flags]',
    );
  if (args.length === 2) {
    if (flags.bool('generate-name')) throw new UserError('cannot set --generate-name and also specify a name');
    if (flags.string('name-template')) throw new UserError('cannot set --name-template and also specify a name');
    return { name: args[0], chart: args[1] };
  }
  const nameTemplate = flags.string('name-template');
  if (nameTemplate) {
    const dialect = dialectFromFlags(flags, io.env);
    return { name: renderNameTemplate(nameTemplate, dialect, systemEnv(), io.env), chart: args[0] };
  }
  if (preset) return { name: preset, chart: args[0] };
  if (!flags.bool('generate-name')) throw new UserError('must either provide a name or specify --generate-name');
  return { name: `${generatedBase(args[0])}-${Math.floor(Date.now() / 1000)}`, chart: args[0] };
}

/** The chart argument's base name up to its first dot, as --generate-name uses it. */
function generatedBase(ref: string): string {
  let base = ref.replace(/\/+$/, '').split('/').pop() ?? '';
  if (base === '.' || base === '') base = 'chart';
  const dot = base.indexOf('.');
  return dot >= 0 ? base.slice(0, dot) : base;
}

/** The library request for the chart-rendering flags shared by template, install and upgrade. */
export function requestFromFlags(flags: Flags, io: CommandIO, dialect: HelmDialect): Omit<TemplateRequest, 'chart'> {
  return {
    namespace: flags.string('namespace') || io.env.HELM_NAMESPACE || 'default',
    values: {
      valueFiles: flags.list('values'),
      values: flags.list('set'),
      stringValues: flags.list('set-string'),
      jsonValues: flags.list('set-json'),
      fileValues: flags.list('set-file'),
      literalValues: flags.list('set-literal'),
    },
    dialect,
    kubeVersion: flags.string('kube-version') || undefined,
    apiVersions: flags.list('api-versions'),
    isUpgrade: flags.bool('is-upgrade'),
    includeCrds: flags.bool('include-crds'),
    skipTests: flags.bool('skip-tests'),
    noHooks: flags.bool('no-hooks'),
    subchartNotes: flags.bool('render-subchart-notes'),
    enableDNS: flags.bool('enable-dns'),
    skipSchemaValidation: flags.bool('skip-schema-validation'),
    warn: warnTo(io, dialect),
  };
}

/** Prints the warnings helm prints on stderr while loading and coalescing. */
export function warnTo(io: CommandIO, dialect: HelmDialect): WarnFn {
  return (w) => {
    const line = formatWarning(w, dialect);
    if (line !== undefined) io.stderr(`${line}\n`);
  };
}

/**
 * `helm template` arguments (`[NAME] CHART` and flags, without the word `template`) as a TemplateRequest.
 * Warnings go to `io.stderr` as helm prints them.
 */
export function parseTemplateArgs(argv: readonly string[], io?: Partial<CommandIO>): TemplateRequest {
  const flags = new Flags(parseFlags(argv, [...TEMPLATE_COMMAND_FLAGS, ...GLOBAL_FLAGS, HELM_COMPAT_FLAG]));
  const full: CommandIO = {
    stdout: io?.stdout ?? (() => {}),
    stderr: io?.stderr ?? (() => {}),
    env: io?.env ?? {},
    cwd: io?.cwd ?? process.cwd(),
  };
  const dialect = dialectFromFlags(flags, full.env);
  const { name, chart } = nameAndChart(flags, full);
  return { ...requestFromFlags(flags, full, dialect), chart, releaseName: name };
}
