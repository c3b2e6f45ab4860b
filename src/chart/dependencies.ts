// Helm's dependency processing before a render (ProcessDependencies), and the checks around it.
//
//   processDependencies(chart, values, options?)  a processed copy of the chart tree: aliases applied,
//                                                 disabled subcharts pruned, import-values merged into values
//   checkDependencies(chart)                      `found in Chart.yaml, but missing in charts/ directory: ...`
//   checkKubeVersion(chart, version, dialect?)    `chart requires kubeVersion: ...`
//   isCompatibleRange(constraint, version)        helm's IsCompatibleRange (false on any parse error)
//
// The algorithm is helm's, step for step, because its quirks show in output: every subchart is enabled, then
// tags, then conditions decide (the first condition path that resolves to a bool wins; a path after a comma
// keeps its leading space); conditions of a subchart's own dependencies are looked up in the parent's
// coalesced values under `<subchart>.`; dependency values are coalesced at each level (printing helm's
// warnings); import-values are merged below the chart's own values. The loaded chart is not modified.

import { parseConstraint } from '../funcs/semver-constraint.ts';
import { parseVersion, SEMVER_V33, SEMVER_V34 } from '../funcs/semver-version.ts';
import { formatValue } from '../template/fmt.ts';
import type { GoMap, Value } from '../template/value.ts';
import { coalesceValuesShared, deepCopyMap, mergeTables, mergeValues } from '../values/coalesce.ts';
import type { Dialect } from '../values/strvals.ts';
import type { HelmWarning, WarnFn } from '../values/warnings.ts';
import { ChartError, IncompatibleKubeVersionError } from './errors.ts';
import { type Chart, type ChartDependency, copyMetadata } from './model.ts';
import { pathValue, table } from './paths.ts';

export interface DependencyOptions {
  readonly dialect?: Dialect;
  readonly warn?: WarnFn;
}

/** helm's IsCompatibleRange: whether `version` satisfies `constraint`; false if either does not parse. */
export function isCompatibleRange(constraint: string, version: string, dialect: Dialect = 'helm4'): boolean {
  const d = dialect === 'helm3' ? SEMVER_V33 : SEMVER_V34;
  try {
    return parseConstraint(constraint, d).check(parseVersion(version, d));
  } catch {
    return false;
  }
}

/** Chart.yaml dependencies with no chart in charts/ (`missing` lists their names, aliases not applied). */
export class MissingDependenciesError extends ChartError {
  override name = 'MissingDependenciesError';
  constructor(
    readonly missing: readonly string[],
    dialect: Dialect,
  ) {
    super(
      `${dialect === 'helm3' ? 'An' : 'an'} error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
      'Chart.yaml',
    );
  }
}

/**
 * Fails as `helm template`/`install` do (with their message) when a Chart.yaml dependency has no loaded
 * subchart of that name. Run on the loaded chart, before processDependencies.
 */
export function checkDependencies(chart: Chart, dialect: Dialect = 'helm4'): void {
  const missing: string[] = [];
  for (const req of chart.metadata.dependencies ?? []) {
    if (!req) continue;
    if (!chart.dependencies.some((d) => d.name === req.name)) missing.push(req.name);
  }
  if (missing.length > 0) throw new MissingDependenciesError(missing, dialect);
}

/**
 * Fails as helm does when the chart's kubeVersion constraint rejects the target Kubernetes version
 * (`version` as .Capabilities.KubeVersion.Version prints it, e.g. `v1.31.0`).
 */
export function checkKubeVersion(chart: Chart, version: string, dialect: Dialect = 'helm4'): void {
  const constraint = chart.metadata.kubeVersion;
  if (constraint === '') return;
  if (!isCompatibleRange(constraint, version, dialect)) {
    throw new IncompatibleKubeVersionError(
      `chart requires kubeVersion: ${constraint} which is incompatible with Kubernetes ${version}`,
      'Chart.yaml',
    );
  }
}

/** Runs helm's ProcessDependencies on a copy of the chart tree and returns the copy. */
export function processDependencies(chart: Chart, values: GoMap, options: DependencyOptions = {}): Chart {
  const root = copyTree(chart);
  const ctx: Ctx = { dialect: options.dialect ?? 'helm4', warn: options.warn };
  processEnabled(ctx, root, values, '');
  processImportValuesTree(ctx, root);
  return root;
}

interface Ctx {
  readonly dialect: Dialect;
  readonly warn: WarnFn | undefined;
}

/** A copy of the chart tree whose metadata and subchart lists can be changed freely. */
function copyTree(c: Chart): Chart {
  const out = c.copy();
  out.setDependencies(c.dependencies.map(copyTree));
  return out;
}

/** getAliasDependency: a copy of the loaded subchart a dependency entry refers to, renamed to its alias. */
function aliasDependency(ctx: Ctx, charts: readonly Chart[], dep: ChartDependency): Chart | undefined {
  for (const c of charts) {
    if (c.name !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version, ctx.dialect)) continue;
    const out = copyTree(c);
    if (dep.alias !== '') out.metadata.name = dep.alias;
    return out;
  }
  return undefined;
}

/** processDependencyEnabled */
function processEnabled(ctx: Ctx, c: Chart, v: GoMap, path: string): void {
  const reqs = c.metadata.dependencies;
  if (reqs === undefined) return;
  const deps: Chart[] = [];
  // Loaded subcharts no dependency entry claims stay as they are.
  for (const existing of c.dependencies) {
    const claimed = reqs.some(
      (r) => r && existing.name === r.name && isCompatibleRange(r.version, existing.metadata.version, ctx.dialect),
    );
    if (!claimed) deps.push(existing);
  }
  for (const req of reqs) {
    if (!req) continue;
    const dep = aliasDependency(ctx, c.dependencies, req);
    if (dep) deps.push(dep);
    if (req.alias !== '') req.name = req.alias;
  }
  c.setDependencies(deps);

  for (const r of reqs) if (r) r.enabled = true;
  // Read here and by the subcharts' own passes (each coalesces into a copy of its own): no full copy of v.
  const cvals = coalesceValuesShared(c, v, { dialect: ctx.dialect, warn: ctx.warn });
  processTags(ctx, reqs, cvals);
  processConditions(ctx, reqs, cvals, path);

  const removed = new Set<string>();
  for (const r of reqs) if (r && !r.enabled) removed.add(r.name);
  const kept = c.dependencies.filter((d) => !removed.has(d.metadata.name));
  const keptReqs = reqs.filter((r) => r && !removed.has(r.name));
  for (const t of kept) processEnabled(ctx, t, cvals, `${path}${t.metadata.name}.`);
  c.metadata.dependencies = keptReqs;
  c.setDependencies(kept);
}

function processTags(ctx: Ctx, reqs: readonly (ChartDependency | null)[], cvals: GoMap): void {
  const tags = cvals.get('tags');
  if (!(tags instanceof Map)) return;
  for (const r of reqs) {
    if (!r) continue;
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags) {
      if (!tags.has(k)) continue;
      const b = tags.get(k);
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        ctx.warn?.(
          warning(
            'returned non-bool value',
            [
              ['tag', k],
              ['chart', r.name],
            ],
            'dependencies.go:94',
            `Warning: Tag '${k}' for chart ${r.name} returned non-bool value`,
          ),
        );
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else r.enabled = true;
  }
}

function processConditions(ctx: Ctx, reqs: readonly (ChartDependency | null)[], cvals: GoMap, cpath: string): void {
  for (const r of reqs) {
    if (!r) continue;
    for (const cond of r.condition.trim().split(',')) {
      if (cond.length === 0) continue;
      const found = pathValue(cvals, cpath + cond);
      if (found.ok) {
        if (typeof found.value === 'boolean') {
          r.enabled = found.value;
          break;
        }
        ctx.warn?.(
          warning(
            'returned non-bool value',
            [
              ['path', cond],
              ['chart', r.name],
            ],
            'dependencies.go:63',
            `Warning: Condition path '${cond}' for chart ${r.name} returned non-bool value`,
          ),
        );
      }
    }
  }
}

/** processDependencyImportValues: children first, then the chart itself (merging, as both helms do). */
function processImportValuesTree(ctx: Ctx, c: Chart): void {
  for (const d of c.dependencies) processImportValuesTree(ctx, d);
  processImportValues(ctx, c);
}

function processImportValues(ctx: Ctx, c: Chart): void {
  const reqs = c.metadata.dependencies;
  if (reqs === undefined) return;
  const cvals = mergeValues(c, null, { dialect: ctx.dialect, warn: ctx.warn });
  let b: GoMap = new Map();
  const opts = { dialect: ctx.dialect, warn: ctx.warn };
  for (const r of reqs) {
    if (!r) continue;
    const out: Value[] = [];
    for (const iv of r.importValues) {
      if (iv instanceof Map) {
        const child = formatValue(iv.get('child') ?? null);
        const parent = formatValue(iv.get('parent') ?? null);
        out.push(
          new Map<string, Value>([
            ['child', child],
            ['parent', parent],
          ]),
        );
        const vv = table(cvals, `${r.name}.${child}`);
        if (typeof vv === 'string') {
          ctx.warn?.(
            warning(
              'ImportValues missing table from chart',
              [
                ['chart', r.name],
                ['error', vv],
              ],
              'dependencies.go:269',
              `Warning: ImportValues missing table from chart ${r.name}: ${vv}`,
            ),
          );
          continue;
        }
        b = mergeTables(b, pathToMap(parent, vv), opts) as GoMap;
      } else if (typeof iv === 'string') {
        const child = `exports.${iv}`;
        out.push(
          new Map<string, Value>([
            ['child', child],
            ['parent', '.'],
          ]),
        );
        const vm = table(cvals, `${r.name}.${child}`);
        if (typeof vm === 'string') {
          ctx.warn?.(
            warning(
              'ImportValues missing table',
              [['error', vm]],
              'dependencies.go:286',
              `Warning: ImportValues missing table: ${vm}`,
            ),
          );
          continue;
        }
        b = mergeTables(b, vm, opts) as GoMap;
      }
    }
    r.importValues = out;
  }
  // Imported values sit below the chart's own: b is merged into the values, not over them. cvals is this
  // call's own copy; it only needs copying again when imported tables (parts of it) are merged into it.
  c.values = b.size === 0 ? cvals : (mergeTables(deepCopyMap(cvals), b, opts) as GoMap);
}

/** pathToMap: `a.b` and data → {a: {b: data}}; `.` → data itself. */
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  const parts = path.split('.');
  let cur: GoMap = data;
  for (let i = parts.length - 1; i >= 0; i--) cur = new Map([[parts[i], cur]]);
  return cur;
}

function warning(msg: string, attrs: (readonly [string, string])[], helm3Site: string, helm3Text: string): HelmWarning {
  return { helm4: { level: 'WARN', msg, attrs }, helm3: { site: helm3Site, text: helm3Text } };
}

export { copyMetadata };
