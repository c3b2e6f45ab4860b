// Rendering a chart the way `helm template` / `helm install` do before touching a cluster: templates → files,
// NOTES set apart, files → sorted manifests and hooks.

import { type Chart, crdObjects } from '../chart/model.ts';
import type { FuncEnv } from '../funcs/env.ts';
import type { GoMap } from '../template/value.ts';
import { defaultCapabilities } from './capabilities.ts';
import { DEFAULT_DIALECT, type HelmDialect } from './dialect.ts';
import { fileText } from './file-text.ts';
import { funcMapFor } from './funcmap.ts';
import { headReaderFor } from './head.ts';
import {
  type Hook,
  INSTALL_ORDER,
  INSTALL_ORDER_HELM3,
  type Manifest,
  ManifestError,
  sortManifests,
} from './manifests.ts';
import { renderTemplates } from './render-templates.ts';

export interface RenderOptions {
  releaseName: string;
  namespace?: string;
  revision?: number;
  isUpgrade?: boolean;
  /** The helm whose behaviour to reproduce (default helm 4.1.4). */
  dialect?: HelmDialect;
  kubeVersion?: string;
  apiVersions?: readonly string[];
  /** Randomness, clock and DNS for the function library (the edges pass systemEnv()). */
  env: FuncEnv;
  strict?: boolean;
  lintMode?: boolean;
  enableDNS?: boolean;
  /** Include NOTES.txt of subcharts (--render-subchart-notes). */
  subchartNotes?: boolean;
  /** helm 4's post-render step: the rendered files (NOTES set apart) replaced before they are sorted. */
  postRenderFiles?: (files: Map<string, string>) => Map<string, string>;
  warn?: (msg: string) => void;
}

export interface CrdFile {
  /** `chart/crds/x.yaml` (or `chart/charts/sub/crds/x.yaml`). */
  name: string;
  content: string;
}

export interface RenderResult {
  /** Every rendered template by name, NOTES and partials included (partials render to nothing). */
  files: Map<string, string>;
  manifests: Manifest[];
  hooks: Hook[];
  notes: string;
  crds: CrdFile[];
}

const NOTES = 'NOTES.txt';

export function render(chart: Chart, values: GoMap, opts: RenderOptions): RenderResult {
  const dialect = opts.dialect ?? DEFAULT_DIALECT;
  const capabilities = defaultCapabilities({ dialect, kubeVersion: opts.kubeVersion, apiVersions: opts.apiVersions });
  const files = renderTemplates(chart, values, {
    dialect,
    capabilities,
    release: {
      name: opts.releaseName,
      namespace: opts.namespace ?? 'default',
      revision: opts.revision ?? 1,
      isUpgrade: opts.isUpgrade ?? false,
      isInstall: !(opts.isUpgrade ?? false),
    },
    funcs: funcMapFor(dialect, opts.env, opts.enableDNS),
    strict: opts.strict,
    lintMode: opts.lintMode,
    warn: opts.warn,
  });

  const rootNotes = `${chart.name}/templates/${NOTES}`;
  let notes = '';
  const manifestFiles = new Map<string, string>();
  // Go iterates a map here, in no fixed order; notes of several charts join in template-name order in bosun.
  for (const [name, text] of files) {
    if (name.endsWith(NOTES)) {
      if (opts.subchartNotes || name === rootNotes) notes = notes ? `${notes}\n${text}` : text;
      continue;
    }
    manifestFiles.set(name, text);
  }
  const toSort = opts.postRenderFiles ? opts.postRenderFiles(manifestFiles) : manifestFiles;
  let sorted: ReturnType<typeof sortManifests>;
  try {
    sorted = sortManifests(toSort, headReaderFor(dialect), {
      order: dialect === 'helm4' ? INSTALL_ORDER : INSTALL_ORDER_HELM3,
      outputLogPolicies: dialect === 'helm4',
    });
  } catch (e) {
    if (e instanceof ManifestError) throw new ManifestError(e.message, { cause: e.cause, files: toSort });
    throw e;
  }
  const { manifests, hooks } = sorted;
  return {
    files,
    manifests,
    hooks,
    notes,
    crds: crdObjects(chart).map((c) => ({ name: c.filename, content: fileText(c.file.data) })),
  };
}

export interface TemplateOutputOptions {
  includeCrds?: boolean;
  noHooks?: boolean;
  skipTests?: boolean;
}

/** What `helm template` prints: CRDs (with --include-crds), manifests, then hooks, each under `# Source:`. */
export function formatTemplateOutput(r: RenderResult, opts: TemplateOutputOptions = {}): string {
  let manifest = '';
  if (opts.includeCrds) for (const c of r.crds) manifest += `---\n# Source: ${c.name}\n${c.content}\n`;
  for (const m of r.manifests) manifest += `---\n# Source: ${m.name}\n${m.content}\n`;
  let out = `${manifest.trim()}\n`;
  if (!opts.noHooks) {
    for (const h of r.hooks) {
      if (opts.skipTests && h.events.includes('test')) continue;
      out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    }
  }
  return out;
}
