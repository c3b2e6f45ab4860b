// Helm's engine.Render: every template of a chart and its enabled subcharts, each executed with its chart's
// scope of values, producing a map from template name (`chart/charts/sub/templates/x.yaml`) to rendered text.

import type { Chart, ChartFile } from '../chart/model.ts';
import { type ParsedText, TemplateExecError, TemplateParseError, TemplateSet, type Tree } from '../template/index.ts';
import { type FuncMap, type GoMap, type Value, withType } from '../template/value.ts';
import type { Capabilities } from './capabilities.ts';
import type { HelmDialect } from './dialect.ts';
import { execErrorMessage, parseErrorMessage, RenderError } from './errors.ts';
import { fileText } from './file-text.ts';
import { newFiles } from './files.ts';
import { bindHelmFuncs, type HelmFuncOptions } from './helm-funcs.ts';
import {
  chartObject,
  plainMapView,
  type ReleaseInfo,
  releaseObject,
  templateObject,
  valuesTypeName,
} from './objects.ts';

export interface RenderTemplatesOptions extends HelmFuncOptions {
  dialect: HelmDialect;
  release: ReleaseInfo;
  capabilities: Capabilities;
  /** Sprig's and Helm's functions other than those bound to the template set (see funcs/index.ts). */
  funcs: FuncMap;
}

interface Renderable {
  text: string;
  /** The chart file's bytes: the key of its parsed trees from an earlier render. */
  data: Uint8Array;
  scope: GoMap;
  basePath: string;
}

/** Each template file's parse, kept while the chart is: rendering a loaded chart again reuses the trees. */
const parsedFiles = new WeakMap<Uint8Array, ParsedText>();

/** Renders all templates; partials are parsed but not executed. `<no value>` is removed as Helm removes it. */
export function renderTemplates(chart: Chart, values: GoMap, opts: RenderTemplatesOptions): Map<string, string> {
  const top = new Map<string, Value>([
    ['Release', releaseObject(opts.release)],
    ['Capabilities', opts.capabilities],
    ['Values', values],
  ]);
  const tpls = new Map<string, Renderable>();
  collect(chart, top, tpls, opts.dialect);

  const { funcs, bind } = bindHelmFuncs(opts.funcs, opts);
  const set = new TemplateSet(funcs, { missingKey: opts.strict ? 'error' : 'zero', dialect: opts.dialect });
  bind(set);

  const names = defineTemplates(chart, set, tpls, opts);

  const out = new Map<string, string>();
  for (const name of names) {
    if (baseName(name).startsWith('_')) continue;
    const r = tpls.get(name)!;
    r.scope.set('Template', templateObject(name, r.basePath, opts.dialect));
    let text: string;
    try {
      text = set.execute(name, r.scope);
    } catch (e) {
      if (e instanceof TemplateExecError) {
        throw new RenderError(execErrorMessage(name, errorChain(e), opts.dialect), name, e);
      }
      throw e;
    }
    out.set(name, text.includes('<no value>') ? text.replaceAll('<no value>', '') : text);
  }
  return out;
}

/**
 * What the parse phase of a render defined, kept for the next render of the same loaded chart (keyed on its
 * root's template list, which dependency processing's copies share). The definitions depend only on the files
 * (names, in order, and bytes), on which functions exist (the function map) and on the dialect: when all match,
 * the next render adopts them instead of sorting, checking and inserting every file's trees again.
 */
interface ParsePlan {
  readonly funcs: FuncMap;
  readonly dialect: HelmDialect;
  readonly names: readonly string[];
  readonly data: readonly Uint8Array[];
  readonly sorted: readonly string[];
  readonly templates: ReadonlyMap<string, Tree>;
}

const plans = new WeakMap<readonly ChartFile[], ParsePlan>();

/** Parses (or adopts) every template into `set`; returns the template names in Helm's parse order. */
function defineTemplates(
  chart: Chart,
  set: TemplateSet,
  tpls: Map<string, Renderable>,
  opts: RenderTemplatesOptions,
): readonly string[] {
  const plan = plans.get(chart.templates);
  if (plan !== undefined && plan.funcs === opts.funcs && plan.dialect === opts.dialect && sameFiles(plan, tpls)) {
    set.adoptTemplates(plan.templates);
    return plan.sorted;
  }
  const names = sortTemplates([...tpls.keys()]);
  // Subcharts often carry identical copies of a library chart: each text is parsed once per render.
  const byText = new Map<string, ParsedText>();
  for (const name of names) {
    const r = tpls.get(name)!;
    try {
      const earlier = parsedFiles.get(r.data);
      const parsed = set.parse(name, r.text, earlier?.text === r.text ? earlier : byText.get(r.text));
      parsedFiles.set(r.data, parsed);
      byText.set(r.text, parsed);
    } catch (e) {
      if (e instanceof TemplateParseError) throw new RenderError(parseErrorMessage(name, e.message), name, e);
      throw e;
    }
  }
  plans.set(chart.templates, {
    funcs: opts.funcs,
    dialect: opts.dialect,
    names: [...tpls.keys()],
    data: Array.from(tpls.values(), (r) => r.data),
    sorted: names,
    templates: set.definedTemplates(),
  });
  return names;
}

function sameFiles(plan: ParsePlan, tpls: Map<string, Renderable>): boolean {
  if (plan.names.length !== tpls.size) return false;
  let i = 0;
  for (const [name, r] of tpls) {
    if (plan.names[i] !== name || plan.data[i] !== r.data) return false;
    i++;
  }
  return true;
}

/** Go's error chain (errors.Unwrap) as Error() texts, outermost first. */
function errorChain(e: unknown): string[] {
  const chain: string[] = [];
  let cur: unknown = e;
  while (cur instanceof Error) {
    chain.push(cur.message);
    cur = cur.cause;
  }
  return chain;
}

// recAllTpls: a chart's scope holds its own .Chart, .Files, .Values (its section of the parent's values) and
// .Subcharts; Release and Capabilities are shared.
function collect(chart: Chart, parent: GoMap, tpls: Map<string, Renderable>, dialect: HelmDialect): GoMap {
  const isRoot = chart.isRoot;
  const fullPath = chart.chartFullPath();
  const subcharts: GoMap = new Map();
  let vals: Value = new Map();
  if (isRoot) vals = parent.get('Values') ?? new Map();
  else {
    const pv = parent.get('Values');
    const section = pv instanceof Map ? pv.get(chart.name) : undefined;
    if (section instanceof Map) vals = section;
  }
  const valuesType = { name: valuesTypeName(dialect) };
  if (vals instanceof Map) withType(vals, valuesType);
  // Templates get the scope as Values; the parent's .Subcharts holds the same map untyped (see plainMapView).
  const scope = withType(
    new Map<string, Value>([
      ['Chart', chartObject(chart.metadata, isRoot, dialect)],
      ['Files', newFiles(chart.files)],
      ['Release', parent.get('Release')],
      ['Capabilities', parent.get('Capabilities')],
      ['Values', vals],
      ['Subcharts', subcharts],
    ]),
    valuesType,
  );
  for (const dep of chart.dependencies) subcharts.set(dep.name, plainMapView(collect(dep, scope, tpls, dialect)));
  const library = chart.isLibrary;
  for (const t of chart.templates) {
    if (library && !baseName(t.name).startsWith('_')) continue;
    tpls.set(`${fullPath}/${t.name}`, {
      text: fileText(t.data),
      data: t.data,
      scope,
      basePath: `${fullPath}/templates`,
    });
  }
  return scope;
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function slashes(p: string): number {
  let n = 0;
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) n++;
  return n;
}

/** Deepest paths first, then reverse lexical order: later-parsed (shallower) definitions win, as in Helm. */
export function sortTemplates(names: string[]): string[] {
  // Each name's depth is counted once, not once per comparison.
  const depth = new Map<string, number>();
  for (let i = 0; i < names.length; i++) depth.set(names[i], slashes(names[i]));
  return names.sort((a, b) => {
    const d = depth.get(b)! - depth.get(a)!;
    if (d !== 0) return d;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}
