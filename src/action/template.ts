// `helm template` as a library call: load a chart, layer the user's values, process dependencies, coalesce,
// validate, render, and format the output as helm prints it. The CLI maps its flags onto a TemplateRequest;
// library users build one directly.
import { existsSync } from 'node:fs';
import {
  checkDependencies,
  checkKubeVersion,
  MissingDependenciesError,
  processDependencies,
} from '../chart/dependencies.ts';
import { ChartError } from '../chart/errors.ts';
import { loadChartSync } from '../chart/loader.ts';
import type { Chart } from '../chart/model.ts';
import { validateSchemas } from '../chart/schema.ts';
import type { FuncEnv } from '../funcs/env.ts';
import { parseKubeVersion } from '../render/capabilities.ts';
import { DEFAULT_DIALECT, type HelmDialect } from '../render/dialect.ts';
import { formatTemplateOutput, type RenderResult, render } from '../render/render.ts';
import { systemEnv } from '../system-env.ts';
import { quote } from '../template/fmt.ts';
import type { GoMap } from '../template/value.ts';
import { coalesceValues } from '../values/coalesce.ts';
import { readValuesPath } from '../values/fs.ts';
import { mergeValueLayers, type ValueLayers } from '../values/layers.ts';
import type { WarnFn } from '../values/warnings.ts';

export interface TemplateRequest {
  /** A chart directory or archive path, or a chart already loaded. */
  chart: string | Chart;
  /** Default `release-name`, as `helm template` without a NAME. */
  releaseName?: string;
  /** Default `default`. */
  namespace?: string;
  /** `-f` files and the `--set` family, in command-line order per flag. */
  values?: ValueLayers;
  /** User values already merged (an upgrade's reused values); replaces `values` when given. */
  userValues?: GoMap;
  /** `.Release.Revision` (default 1). */
  revision?: number;
  /** Reads `-f`/`--set-file` paths (default: the file system, `-` for stdin). */
  readFile?: (path: string) => string;
  /** The helm whose behaviour to reproduce (default helm 4.1.4). */
  dialect?: HelmDialect;
  kubeVersion?: string;
  apiVersions?: readonly string[];
  isUpgrade?: boolean;
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
  subchartNotes?: boolean;
  enableDNS?: boolean;
  /** --skip-schema-validation */
  skipSchemaValidation?: boolean;
  /** Randomness and clock for the function library (default: the system's). */
  env?: FuncEnv;
  /** Receives the warnings helm prints on stderr while loading and coalescing. */
  warn?: WarnFn;
  /**
   * `--dependency-update`: called with the chart's path when Chart.yaml names dependencies charts/ lacks; the
   * chart is loaded again afterwards.
   */
  dependencyUpdate?: (chartPath: string) => void;
  /**
   * `--post-renderer` (postRenderStep in post-render.ts builds it): helm 4 post-renders the rendered files,
   * helm 3 the manifest text. Kept out of this module so that plain renders do not load the YAML round trip.
   */
  postRender?: PostRenderStep;
}

/** How a post-renderer takes part in a render; one of the two is set. */
export interface PostRenderStep {
  /** helm 4: the rendered files, NOTES set apart, before sorting. */
  files?: (files: Map<string, string>) => Map<string, string>;
  /** helm 3: the manifest text (CRDs and manifests, not hooks). */
  manifest?: (text: string) => string;
}

export interface TemplateResult {
  /** What `helm template` prints on stdout. */
  output: string;
  /** The rendered manifests, hooks and notes. */
  render: RenderResult;
  /** The values the templates saw as `.Values`. */
  values: GoMap;
  chart: Chart;
}

let sharedEnv: FuncEnv | undefined;

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A release name Helm refuses (chartutil.ValidateReleaseName). */
export class ReleaseNameError extends Error {
  override name = 'ReleaseNameError';
}

export function validateReleaseName(name: string, dialect: HelmDialect): void {
  if (name !== '' && name.length <= 53 && RELEASE_NAME.test(name)) return;
  // Install.availableName wraps ValidateReleaseName's error with the name, empty or not.
  const why = `release name ${quote(name)}: ${
    name === ''
      ? 'no name provided'
      : `invalid release name, must match regex ${RELEASE_NAME.source} and the length must not be longer than 53`
  }`;
  throw new ReleaseNameError(dialect === 'helm4' ? `release name check failed: ${why}` : why);
}

/** Renders a chart as `helm template` does, following helm's order of checks (so the same error wins). */
export function templateChart(req: TemplateRequest): TemplateResult {
  const dialect = req.dialect ?? DEFAULT_DIALECT;
  const warn = req.warn;
  const releaseName = req.releaseName ?? 'release-name';
  if (typeof req.chart === 'string' && !existsSync(req.chart)) throw new ChartError(`path "${req.chart}" not found`);
  const user =
    req.userValues ?? mergeValueLayers(req.values ?? {}, { dialect, readFile: req.readFile ?? readValuesPath });
  let loaded = typeof req.chart === 'string' ? loadChartSync(req.chart, { dialect, warn }) : req.chart;
  const type = loaded.metadata.type;
  if (type !== '' && type !== 'application') throw new ChartError(`${type} charts are not installable`);
  if (loaded.metadata.dependencies?.length) {
    try {
      checkDependencies(loaded, dialect);
    } catch (e) {
      if (!(e instanceof MissingDependenciesError && req.dependencyUpdate && typeof req.chart === 'string')) throw e;
      req.dependencyUpdate(req.chart);
      try {
        loaded = loadChartSync(req.chart, { dialect, warn });
      } catch (err) {
        throw new ChartError(`failed reloading chart after repo update: ${(err as Error).message}`, undefined, {
          cause: err,
        });
      }
    }
  }
  validateReleaseName(releaseName, dialect);
  let chart: Chart;
  try {
    chart = processDependencies(loaded, user, { dialect, warn });
  } catch (e) {
    // helm 4's install action says which step failed; helm 3's returns the error as it is.
    if (dialect !== 'helm4' || !(e instanceof Error)) throw e;
    throw new ChartError(`chart dependencies processing failed: ${e.message}`, undefined, { cause: e });
  }
  const values = coalesceValues(chart, user, { dialect, warn });
  if (!req.skipSchemaValidation) validateSchemas(chart, values, { dialect });
  if (chart.metadata.kubeVersion) {
    const kv = parseKubeVersion(req.kubeVersion ?? (dialect === 'helm4' ? 'v1.35.0' : 'v1.32.0'), dialect);
    checkKubeVersion(chart, kv.goString(), dialect);
  }
  const pr = req.postRender;
  const result = render(chart, values, {
    releaseName,
    namespace: req.namespace ?? 'default',
    revision: req.revision,
    isUpgrade: req.isUpgrade,
    dialect,
    kubeVersion: req.kubeVersion,
    apiVersions: req.apiVersions,
    env: req.env ?? (sharedEnv ??= systemEnv()),
    subchartNotes: req.subchartNotes,
    enableDNS: req.enableDNS,
    postRenderFiles: pr?.files,
  });
  const format = { includeCrds: req.includeCrds, skipTests: req.skipTests, noHooks: req.noHooks };
  let output: string;
  if (pr?.manifest) {
    // helm 3 post-renders the manifest text (CRDs and manifests, not hooks), which becomes the manifest.
    let text = '';
    if (req.includeCrds) for (const c of result.crds) text += `---\n# Source: ${c.name}\n${c.content}\n`;
    for (const m of result.manifests) text += `---\n# Source: ${m.name}\n${m.content}\n`;
    const manifest = pr.manifest(text);
    const hooks = formatTemplateOutput({ ...result, crds: [], manifests: [] }, { ...format, includeCrds: false });
    output = `${manifest.trim()}\n${hooks.slice(1)}`;
  } else output = formatTemplateOutput(result, format);
  return { output, render: result, values, chart };
}
