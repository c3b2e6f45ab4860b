// `bosun template [NAME] [CHART]`: render a chart locally and print the manifests, as `helm template` does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type TemplateRequest, templateChart } from '../action/template.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { RenderError } from '../render/errors.ts';
import { ManifestError } from '../render/manifests.ts';
import { formatWarning } from '../values/warnings.ts';
import { type CommandDef, type CommandIO, UserError } from './command.ts';
import { CHART_PATH_FLAGS, INSTALL_FLAGS, TEMPLATE_FLAGS, VALUES_FLAGS } from './common-flags.ts';
import type { Flags } from './flags.ts';
import { matchShowOnly } from './show-only.ts';

export function dialectFromFlags(flags: Flags): HelmDialect {
  const v = flags.string('helm-compat');
  if (v === '4' || v === '' || v === 'helm4' || v.startsWith('4.')) return 'helm4';
  if (v === '3' || v === 'helm3' || v.startsWith('3.')) return 'helm3';
  throw new UserError(`invalid --helm-compat "${v}": use 4 or 3`);
}

/** helm's Install.NameAndChart for `template`: NAME defaults to `release-name`. */
export function nameAndChart(flags: Flags): { name: string; chart: string } {
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
  if (flags.bool('generate-name'))
    return { name: `${chartBase(args[0])}-${Math.floor(Date.now() / 1000)}`, chart: args[0] };
  return { name: 'release-name', chart: args[0] };
}

function chartBase(ref: string): string {
  const base = ref.replace(/\/+$/, '').split('/').pop() ?? ref;
  return base.replace(/-\d+\.\d+\.\d+.*\.tgz$/, '').replace(/\.tgz$/, '');
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
    warn: (w) => {
      const line = formatWarning(w, dialect);
      if (line !== undefined) io.stderr(`${line}\n`);
    },
  };
}

const template: CommandDef = {
  name: 'template',
  usage: 'bosun template [NAME] [CHART] [flags]',
  short: 'locally render templates',
  flags: [...TEMPLATE_FLAGS, ...INSTALL_FLAGS.filter((f) => f.name !== 'output'), ...VALUES_FLAGS, ...CHART_PATH_FLAGS],
  run(flags, io) {
    const dialect = dialectFromFlags(flags);
    const { name, chart } = nameAndChart(flags);
    const debug = flags.bool('debug');
    let output: string;
    try {
      output = templateChart({ ...requestFromFlags(flags, io, dialect), chart, releaseName: name }).output;
    } catch (e) {
      if (e instanceof ManifestError && debug && e.files) {
        // helm --debug prints every rendered file before the error, so the invalid YAML can be seen.
        let dump = '';
        for (const [file, content] of e.files)
          if (content.trim() !== '') dump += `---\n# Source: ${file}\n${content}\n`;
        io.stdout(`${dump.trim()}\n`);
      }
      if ((e instanceof ManifestError || e instanceof RenderError) && !debug) {
        throw new UserError(`${e.message}\n\nUse --debug flag to render out invalid YAML`);
      }
      throw e;
    }
    const showOnly = flags.list('show-only');
    if (showOnly.length) output = matchShowOnly(output, showOnly);
    const outputDir = flags.string('output-dir');
    if (outputDir) {
      writeOutputDir(output, flags.bool('release-name') ? join(outputDir, name) : outputDir, io);
      return 0;
    }
    io.stdout(output);
    return 0;
  },
};
export default template;

/** helm --debug prints every rendered file before a YAML error, so that the invalid manifest can be seen. */
export function debugDump(files: ReadonlyMap<string, string>): string {
  let dump = '';
  for (const [file, content] of files) if (content.trim() !== '') dump += `---\n# Source: ${file}\n${content}\n`;
  return `${dump.trim()}\n`;
}

/** --output-dir: each manifest into <dir>/<source path>, documents of one file appended, as helm writes them. */
function writeOutputDir(output: string, dir: string, io: CommandIO): void {
  const written = new Set<string>();
  const re = /^---\n# Source: (.*)\n/gm;
  const starts: { path: string; at: number; body: number }[] = [];
  for (let m = re.exec(output); m !== null; m = re.exec(output)) {
    starts.push({ path: m[1], at: m.index, body: m.index + m[0].length });
  }
  for (let i = 0; i < starts.length; i++) {
    const { path, body } = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1].at : output.length;
    const content = output.slice(body, end).replace(/\n$/, '');
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    const chunk = `---\n# Source: ${path}\n${content}\n`;
    if (written.has(file)) writeFileSync(file, chunk, { flag: 'a' });
    else {
      writeFileSync(file, chunk);
      written.add(file);
    }
    io.stdout(`wrote ${file}\n`);
  }
}
