// `bosun lint PATH...`: examine charts for possible issues, printing helm's `==> Linting`, `[INFO]`/`[WARNING]`/
// `[ERROR]` lines and summary, with helm's exit code (1 when a chart fails).
import { lstatSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatMessage, hasWarningsOrErrors, lintChart } from '../action/lint.ts';
import { parseKubeVersion } from '../render/capabilities.ts';
import { readValuesPath } from '../values/fs.ts';
import { mergeValueLayers } from '../values/layers.ts';
import type { CommandDef } from './command.ts';
import { UserError } from './command.ts';
import { VALUES_FLAGS } from './common-flags.ts';
import { dialectFromFlags } from './template-args.ts';

const lint: CommandDef = {
  name: 'lint',
  usage: 'bosun lint PATH [flags]',
  short: 'examine a chart for possible issues',
  flags: [
    { name: 'strict', kind: 'bool', usage: 'fail on lint warnings' },
    { name: 'with-subcharts', kind: 'bool', usage: 'lint dependent charts' },
    { name: 'quiet', kind: 'bool', usage: 'print only warnings and errors' },
    { name: 'skip-schema-validation', kind: 'bool', usage: 'if set, disables JSON schema validation' },
    {
      name: 'kube-version',
      kind: 'string',
      usage: 'Kubernetes version used for capabilities and deprecation checks',
    },
    ...VALUES_FLAGS.filter((f) => f.name !== 'secrets'),
  ],
  run(flags, io) {
    const dialect = dialectFromFlags(flags, io.env);
    let paths = [...flags.args];
    if (paths.length === 0) {
      if (dialect === 'helm4') {
        throw new UserError('"bosun lint" requires at least 1 argument\n\nUsage:  bosun lint PATH [flags]');
      }
      paths = ['.'];
    }
    const kubeVersion = flags.string('kube-version') || undefined;
    if (kubeVersion !== undefined) {
      try {
        parseKubeVersion(kubeVersion, dialect);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
    }
    if (flags.bool('with-subcharts')) {
      for (const p of [...paths]) paths.push(...subchartPaths(p));
    }
    const values = mergeValueLayers(
      {
        valueFiles: flags.list('values'),
        values: flags.list('set'),
        stringValues: flags.list('set-string'),
        jsonValues: flags.list('set-json'),
        fileValues: flags.list('set-file'),
        literalValues: flags.list('set-literal'),
      },
      { dialect, readFile: readValuesPath },
    );
    const quiet = flags.bool('quiet');
    let message = '';
    let failed = 0;
    let errorsOrWarnings = 0;
    for (const path of paths) {
      const result = lintChart(path, {
        dialect,
        values,
        namespace: flags.string('namespace') || io.env.HELM_NAMESPACE || 'default',
        kubeVersion,
        strict: flags.bool('strict'),
        skipSchemaValidation: flags.bool('skip-schema-validation'),
        log: (line) => io.stderr(`${line}\n`),
      });
      const noisy = hasWarningsOrErrors(result);
      if (noisy) errorsOrWarnings++;
      if (quiet && !noisy) continue;
      message += `==> Linting ${path}\n`;
      if (result.messages.length === 0) for (const err of result.errors) message += `Error ${err}\n`;
      for (const m of result.messages) if (!quiet || m.severity > 1) message += `${formatMessage(m)}\n`;
      if (result.errors.length > 0) failed++;
      message += '\n';
    }
    io.stdout(message);
    const summary = `${paths.length} chart(s) linted, ${failed} chart(s) failed`;
    if (failed > 0) throw new UserError(summary);
    if (!quiet || errorsOrWarnings > 0) io.stdout(`${summary}\n`);
    return 0;
  },
};
export default lint;

/** helm's filepath.Walk over <path>/charts: directories holding a Chart.yaml, and .tgz/.tar.gz files, in order. */
function subchartPaths(given: string): string[] {
  const out: string[] = [];
  const walk = (dirAbs: string, dirGiven: string) => {
    let names: string[];
    try {
      names = readdirSync(dirAbs).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const a = join(dirAbs, name);
      const g = join(dirGiven, name);
      let isDir = false;
      try {
        isDir = lstatSync(a).isDirectory();
      } catch {
        continue;
      }
      if (name === 'Chart.yaml') out.push(dirname(g));
      else if (g.endsWith('.tgz') || g.endsWith('.tar.gz')) out.push(g);
      if (isDir) walk(a, g);
    }
  };
  walk(join(given, 'charts'), join(given, 'charts'));
  return out;
}
