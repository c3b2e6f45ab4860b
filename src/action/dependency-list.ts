// `helm dependency list`: a table of the chart's dependencies with their status (ok, unpacked, missing, wrong
// version, ...), then warnings for what charts/ holds that Chart.yaml does not name.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { goMatch } from '../chart/gomatch.ts';
import { loadChartSync } from '../chart/loader.ts';
import type { Chart, ChartDependency } from '../chart/model.ts';
import { parseConstraint } from '../funcs/semver-constraint.ts';
import { parseVersion, SEMVER_V33, SEMVER_V34 } from '../funcs/semver-version.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { quote } from '../template/fmt.ts';

export interface DependencyListOptions {
  dialect?: HelmDialect;
  /** --max-col-width (default 80). */
  columnWidth?: number;
}

/** The text `helm dependency list` prints. */
export function dependencyList(chartPath: string, options: DependencyListOptions = {}): string {
  const dialect = options.dialect ?? 'helm4';
  const chart = loadChartSync(chartPath, { dialect, versionDispatch: false });
  const reqs = chart.metadata.dependencies;
  if (reqs === undefined) return `WARNING: no dependencies at ${join(chartPath, 'charts')}\n`;
  const rows = [['NAME', 'VERSION', 'REPOSITORY', 'STATUS']];
  for (const r of reqs) {
    if (r === null) continue;
    rows.push([r.name, r.version, r.repository, status(chartPath, r, chart, dialect)]);
  }
  let out = `${uitable(rows, options.columnWidth ?? 80)}\n\n`;
  out += missingWarnings(chartPath, reqs, dialect);
  return out;
}

function versionFits(constraint: string, version: string, dialect: HelmDialect): string | undefined {
  const d = dialect === 'helm3' ? SEMVER_V33 : SEMVER_V34;
  try {
    const c = parseConstraint(constraint, d);
    return c.check(parseVersion(version, d)) ? undefined : 'wrong version';
  } catch {
    return 'invalid version';
  }
}

function strictSemver(v: string): boolean {
  return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/.test(
    v,
  );
}

/** Dependency.dependencyStatus */
function status(chartPath: string, dep: ChartDependency, parent: Chart, dialect: HelmDialect): string {
  const chartsDir = join(chartPath, 'charts');
  let archives: string[] = [];
  try {
    archives = readdirSync(chartsDir)
      .filter((n) => goMatch(`${dep.name}-*.tgz`, n))
      .sort()
      .map((n) => join(chartsDir, n));
  } catch {
    archives = [];
  }
  const archiveStatus = (arc: string): string => {
    let c: Chart;
    try {
      c = loadChartSync(arc, { dialect, versionDispatch: false });
    } catch {
      return 'corrupt';
    }
    if (c.name !== dep.name) return 'misnamed';
    if (c.metadata.version !== dep.version) {
      const why = versionFits(dep.version, c.metadata.version, dialect);
      if (why) return why;
    }
    return 'ok';
  };
  if (archives.length > 1) {
    const found = archives.filter((a) => strictSemver(a.slice(a.lastIndexOf('/') + 1, -4).slice(dep.name.length + 1)));
    if (found.length === 1) return archiveStatus(found[0]);
    if (found.length > 1) return 'too many matches';
  } else if (archives.length === 1) return archiveStatus(archives[0]);

  let sub: Chart | undefined;
  for (const d of parent.dependencies) if (d.name === dep.name) sub = d;
  if (!sub) return 'missing';
  if (sub.metadata.version !== dep.version) {
    const why = versionFits(dep.version, sub.metadata.version, dialect);
    if (why) return why;
  }
  return 'unpacked';
}

/** printMissing: entries of charts/ that are not charts, or not named in Chart.yaml. */
function missingWarnings(chartPath: string, reqs: readonly (ChartDependency | null)[], dialect: HelmDialect): string {
  const dir = join(chartPath, 'charts');
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return '';
  }
  let out = '';
  for (const n of names) {
    const f = join(dir, n);
    let isDir: boolean;
    try {
      isDir = statSync(f).isDirectory();
    } catch (e) {
      out += `Warning: ${(e as Error).message}\n`;
      continue;
    }
    if (!isDir && !n.endsWith('.tgz')) continue;
    let c: Chart;
    try {
      c = loadChartSync(f, { dialect, versionDispatch: false });
    } catch {
      out += `WARNING: ${quote(f)} is not a chart.\n`;
      continue;
    }
    if (!reqs.some((r) => r !== null && r.name === c.name)) out += `WARNING: ${quote(f)} is not in Chart.yaml.\n`;
  }
  return out;
}

/** gosuri/uitable with helm's settings: cells padded to their column's width (cut to `max` with `...`), tabs between. */
export function uitable(rows: readonly (readonly string[])[], max: number): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      const w = Math.min([...cell].length, max || Number.POSITIVE_INFINITY);
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  }
  return rows.map((row) => row.map((cell, i) => resize(cell, widths[i])).join('\t')).join('\n');
}

function resize(s: string, n: number): string {
  const runes = [...s];
  if (runes.length === n) return s;
  if (runes.length < n) return s + ' '.repeat(n - runes.length);
  let out = '';
  let w = 0;
  for (const r of runes) {
    out += r;
    if (w + 1 >= n - 3) break;
    w++;
  }
  return `${out}...`;
}
