// helm lint's templates rule (pkg/chart/v2/lint/rules/template.go): load the chart, coalesce the values, check the
// schema, render in lint mode (`required` and `fail` only log), then check each rendered YAML file: indentation of
// the first line, that each document decodes, object names, deprecated APIs, selectors and List annotations.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { processDependencies } from '../chart/dependencies.ts';
import { loadChartSync } from '../chart/loader.ts';
import type { Chart } from '../chart/model.ts';
import { validateSchemas } from '../chart/schema.ts';
import { parseYaml } from '../goyaml/index.ts';
import { defaultCapabilities, type KubeVersion } from '../render/capabilities.ts';
import { RenderError } from '../render/errors.ts';
import { funcMapFor } from '../render/funcmap.ts';
import { renderTemplates } from '../render/render-templates.ts';
import { systemEnv } from '../system-env.ts';
import { quote } from '../template/fmt.ts';
import type { GoMap } from '../template/value.ts';
import { coalesceValues } from '../values/coalesce.ts';
import { slogValue } from '../values/warnings.ts';
import { decodeManifest, deprecationProblem, type K8sStub, metadataNameProblem } from './lint-k8s.ts';
import { ERROR, errorText, type Linter, WARNING } from './lint-support.ts';

const DIR = 'templates/';

export function lintTemplates(linter: Linter): void {
  const { chartDir, dialect } = linter.ctx;
  const path = join(chartDir, DIR);
  let isDir: boolean | undefined;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = undefined;
  }
  if (dialect === 'helm4') {
    if (!linter.rule(WARNING, DIR, isDir === undefined ? 'directory does not exist' : undefined)) return;
  }
  if (isDir === false && !linter.rule(ERROR, DIR, 'not a directory')) return;

  let chart: Chart;
  try {
    chart = loadChartSync(chartDir, { dialect, versionDispatch: false });
  } catch (e) {
    linter.rule(ERROR, DIR, errorText(e));
    return;
  }

  const kubeVersion = linter.ctx.kubeVersion;
  const capabilities = defaultCapabilities({ dialect, kubeVersion });
  let values: GoMap;
  try {
    // lint ignores failures of dependency processing and coalescing: it simply stops.
    chart = processDependencies(chart, linter.ctx.values, { dialect });
    values = coalesceValues(chart, linter.ctx.values, { dialect });
  } catch {
    return;
  }
  if (!linter.ctx.skipSchemaValidation) {
    try {
      validateSchemas(chart, values, { dialect });
    } catch (e) {
      linter.rule(ERROR, DIR, errorText(e));
      return;
    }
  }

  let files: Map<string, string>;
  try {
    files = renderTemplates(chart, values, {
      dialect,
      capabilities,
      release: {
        name: 'test-release',
        namespace: linter.ctx.namespace,
        revision: 0,
        isUpgrade: false,
        isInstall: false,
      },
      funcs: funcMapFor(dialect, systemEnv(), false),
      lintMode: true,
      warn: (msg) => linter.ctx.log(lintLog(msg, dialect)),
    });
  } catch (e) {
    if (e instanceof RenderError || e instanceof Error) {
      linter.rule(ERROR, DIR, e.message);
      return;
    }
    throw e;
  }

  const kube = kubeNumbers(capabilities.kubeVersion);
  for (const t of chart.templates) {
    const name = t.name;
    const ext = goExt(name);
    linter.rule(
      ERROR,
      name,
      ['.yaml', '.yml', '.tpl', '.txt'].includes(ext)
        ? undefined
        : `file extension '${ext}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt`,
    );
    if (dialect === 'helm3') {
      const raw = new TextDecoder().decode(t.data);
      linter.rule(
        WARNING,
        name,
        /"?helm\.sh\/hook"?:\s+crd-install/.test(raw)
          ? 'manifest is a crd-install hook. This hook is no longer supported in v3 and all CRDs should also exist the crds/ directory at the top level of the chart'
          : undefined,
      );
      linter.rule(
        ERROR,
        name,
        /\.Release\.Time/.test(raw)
          ? '.Release.Time has been removed in v3, please replace with the `now` function in your templates'
          : undefined,
      );
    }
    // helm 4 checks .yaml and .yml (any case); helm 3 only `.yaml` exactly.
    const yamlFile = dialect === 'helm4' ? ['.yaml', '.yml'].includes(ext.toLowerCase()) : ext === '.yaml';
    if (!yamlFile) continue;
    const rendered = files.get(`${chart.name}/${name}`) ?? '';
    if (rendered.trim() === '') continue;
    linter.rule(WARNING, name, topIndentProblem(rendered));
    for (const doc of decodeManifest(rendered, dialect)) {
      if ('error' in doc) {
        linter.rule(ERROR, name, `unable to parse YAML: ${doc.error}`);
        return;
      }
      const stub = doc.stub;
      if (stub === null) continue;
      linter.rule(WARNING, name, metadataNameProblem(stub));
      linter.rule(WARNING, name, deprecationProblem(stub, kube, dialect));
      linter.rule(ERROR, name, selectorProblem(stub, rendered));
      const listProblem = listAnnotationProblem(stub, rendered, dialect);
      linter.rule(ERROR, name, listProblem);
    }
  }
}

/** What helm logs for `required` and `fail` in lint mode (slog in helm 4, log in helm 3). */
function lintLog(msg: string, dialect: 'helm4' | 'helm3'): string {
  const required = msg.startsWith('missing required value: ');
  const text = required ? msg.slice('missing required value: '.length) : msg.replace(/^fail: /, '');
  if (dialect === 'helm3') {
    return required ? `engine.go:206: [INFO] Missing required value: ${text}` : `engine.go:227: [INFO] Fail: ${text}`;
  }
  return required
    ? `level=WARN msg="missing required value" message=${slogValue(text)}`
    : `level=INFO msg="funcMap fail" message=${slogValue(text)}`;
}

function kubeNumbers(kv: KubeVersion): { major: number; minor: number } {
  const major = Number.parseInt(kv.major, 10);
  const minor = Number.parseInt(/^\d+/.exec(kv.minor)?.[0] ?? '0', 10);
  return { major: Number.isNaN(major) ? 0 : major, minor: Number.isNaN(minor) ? 0 : minor };
}

/** filepath.Ext */
function goExt(name: string): string {
  for (let i = name.length - 1; i >= 0 && name[i] !== '/'; i--) if (name[i] === '.') return name.slice(i);
  return '';
}

/** bufio.Scanner's limit: a line (with its newline) must fit in 64 KiB. */
const MAX_TOKEN = 64 * 1024;

function topIndentProblem(content: string): string | undefined {
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const last = i === lines.length - 1;
    if (Buffer.byteLength(raw) + (last ? 0 : 1) > MAX_TOKEN) return 'bufio.Scanner: token too long';
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      return `document starts with an illegal indent: ${quote(line)}, which may cause parsing problems`;
    }
    return undefined;
  }
  return undefined;
}

function selectorProblem(stub: K8sStub, manifest: string): string | undefined {
  if (!['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].includes(stub.kind)) return undefined;
  if (manifest.includes('matchLabels') || manifest.includes('matchExpressions')) return undefined;
  return `a ${stub.kind} must contain matchLabels or matchExpressions, and ${quote(stub.name)} does not`;
}

/** validateListAnnotations: helm.sh/resource-policy on an item of a List is ignored by helm. */
function listAnnotationProblem(stub: K8sStub, manifest: string, dialect: 'helm4' | 'helm3'): string | undefined {
  if (stub.kind !== 'List') return undefined;
  let doc: unknown;
  try {
    doc = parseYaml(manifest);
  } catch (e) {
    return `unable to parse YAML: ${errorText(e)}`;
  }
  const items = doc instanceof Map ? fold(doc, 'Items') : undefined;
  if (!Array.isArray(items)) return undefined;
  for (const item of items) {
    const md = item instanceof Map ? fold(item, 'Metadata') : undefined;
    const ann = md instanceof Map ? fold(md, 'Annotations') : undefined;
    if (ann instanceof Map && ann.has('helm.sh/resource-policy')) {
      return `${dialect === 'helm4' ? 'annotation' : 'Annotation'} 'helm.sh/resource-policy' within List objects are ignored`;
    }
  }
  return undefined;
}

function fold(m: Map<string, unknown>, name: string): unknown {
  let out: unknown;
  for (const k of [...m.keys()].sort()) if (k.toLowerCase() === name.toLowerCase()) out = m.get(k);
  return out;
}
