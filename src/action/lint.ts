// `helm lint` as a library call (pkg/action/lint.go and pkg/chart/v2/lint): each chart path — a directory or a
// .tgz, which is expanded to a temporary directory as helm does — goes through the Chart.yaml, values, templates,
// dependencies and (helm 4) CRD rules. The result keeps helm's messages and the errors that fail the chart.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readArchive } from '../chart/archive.ts';
import { decodeMetadata } from '../chart/metadata.ts';
import { parseYamlInts } from '../goyaml/index.ts';
import { DEFAULT_DIALECT, type HelmDialect } from '../render/dialect.ts';
import type { GoMap } from '../template/value.ts';
import { goFileError } from '../values/fs.ts';
import { lintChartfile } from './lint-chartfile.ts';
import { lintCrds, lintDependencies, lintValues } from './lint-rules.ts';
import { ERROR, errorText, INFO, Linter, type LintMessage, WARNING } from './lint-support.ts';
import { lintTemplates } from './lint-templates.ts';

export { formatMessage, type LintMessage } from './lint-support.ts';

export interface LintOptions {
  dialect?: HelmDialect;
  /** The user's values (`-f`, `--set`...), already merged. */
  values?: GoMap;
  /** Default `default`. */
  namespace?: string;
  /** `--kube-version` (validated by the caller). */
  kubeVersion?: string;
  /** `--strict`: warnings fail the chart too. */
  strict?: boolean;
  skipSchemaValidation?: boolean;
  /** Receives what helm logs on stderr while linting (`required`/`fail` in lint mode). */
  log?: (line: string) => void;
}

export interface LintResult {
  messages: LintMessage[];
  /** Texts of the problems that fail the chart (at or above the tolerance), or why it could not be linted. */
  errors: string[];
}

/** Lints one chart path as Lint.Run does for a single path. */
export function lintChart(path: string, options: LintOptions = {}): LintResult {
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const tolerance = options.strict ? WARNING : ERROR;
  let tmp: string | undefined;
  try {
    let chartDir = path;
    if (path.endsWith('.tgz') || path.endsWith('.tar.gz')) {
      tmp = mkdtempSync(join(tmpdir(), 'helm-lint'));
      chartDir = expandArchive(path, tmp, dialect);
    }
    try {
      statSync(join(chartDir, 'Chart.yaml'));
    } catch (e) {
      throw new LintSetupError(
        `unable to check Chart.yaml file in chart: ${goFileError('stat', join(chartDir, 'Chart.yaml'), e)}`,
      );
    }
    const linter = new Linter({
      chartDir: resolve(chartDir),
      dialect,
      values: options.values ?? new Map(),
      namespace: options.namespace ?? 'default',
      kubeVersion: options.kubeVersion,
      skipSchemaValidation: options.skipSchemaValidation ?? false,
      log: options.log ?? (() => {}),
    });
    lintChartfile(linter);
    lintValues(linter);
    lintTemplates(linter);
    lintDependencies(linter);
    if (dialect === 'helm4') lintCrds(linter);
    return {
      messages: linter.messages,
      errors: linter.messages.filter((m) => m.severity >= tolerance).map((m) => m.text),
    };
  } catch (e) {
    if (e instanceof LintSetupError) return { messages: [], errors: [e.message] };
    throw e;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** Whether a result has anything above INFO (HasWarningsOrErrors). */
export function hasWarningsOrErrors(r: LintResult): boolean {
  return r.messages.some((m) => m.severity > INFO) || r.errors.length > 0;
}

class LintSetupError extends Error {}

/**
 * chartutil.Expand into `dir`, then the chart directory lint uses: the archive's files (with the loader's safety
 * checks) written under the chart's name.
 */
function expandArchive(path: string, dir: string, dialect: HelmDialect): string {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    throw new LintSetupError(`unable to open tarball: ${goFileError('open', path, e)}`);
  }
  let name = '';
  try {
    const files = readArchive(data);
    for (const f of files) {
      if (f.name !== 'Chart.yaml') continue;
      try {
        name = decodeMetadata(parseYamlInts(new TextDecoder().decode(f.data)), dialect).name;
      } catch (e) {
        throw new LintSetupError(`unable to extract tarball: cannot load Chart.yaml: ${errorText(e)}`);
      }
    }
    if (name === '') throw new LintSetupError('unable to extract tarball: chart name not specified');
    const chartDir = join(dir, name);
    if (!resolve(chartDir).startsWith(resolve(dir))) {
      throw new LintSetupError(`unable to extract tarball: chart name ${name} leaves the extraction directory`);
    }
    for (const f of files) {
      const out = join(chartDir, f.name);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, f.data);
    }
  } catch (e) {
    if (e instanceof LintSetupError) throw e;
    throw new LintSetupError(`unable to extract tarball: ${errorText(e)}`);
  }
  const entries = readdirSync(dir, { withFileTypes: true });
  return join(dir, entries[0].name);
}
