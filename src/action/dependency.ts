// `helm dependency list|update|build` as library calls (pkg/action/dependency.go, pkg/downloader/manager.go,
// internal/resolver): dependencies from the chart's own charts/ directory (no repository) and from local
// `file://` repositories, archived into charts/ and locked in Chart.lock (requirements.lock for v1 charts).
// Remote repositories (http(s), oci, @alias, repository names) are refused with an error naming them.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChartError } from '../chart/errors.ts';
import { loadChartSync } from '../chart/loader.ts';
import type { Chart, ChartDependency, ChartLock } from '../chart/model.ts';
import { emptyDependency } from '../chart/model.ts';
import { parseConstraint } from '../funcs/semver-constraint.ts';
import { parseVersion, SEMVER_V33, SEMVER_V34, type SemverDialect } from '../funcs/semver-version.ts';
import type { HelmDialect } from '../render/dialect.ts';
import { systemEnv } from '../system-env.ts';
import { goFileError } from '../values/fs.ts';
import { saveChart } from './chart-save.ts';
import { goNowRFC3339, hashReq, hashV2Req, lockYaml } from './lockfile.ts';

/** A dependency operation that fails; the message is helm's. */
export class DependencyError extends ChartError {
  override name = 'DependencyError';
}

export interface DependencyOptions {
  dialect?: HelmDialect;
  /** Receives what helm prints while updating (`Saving 2 charts`, ...). */
  out?: (text: string) => void;
  /** helm's --debug: also `Archiving x from repo file://...`. */
  debug?: boolean;
}

const semverDialect = (d: HelmDialect): SemverDialect => (d === 'helm3' ? SEMVER_V33 : SEMVER_V34);

function load(path: string, dialect: HelmDialect): Chart {
  return loadChartSync(path, { dialect, versionDispatch: false });
}

/** Manager.loadChartDir */
function loadChartDir(chartPath: string, dialect: HelmDialect): Chart {
  let isDir: boolean;
  try {
    isDir = statSync(chartPath).isDirectory();
  } catch (e) {
    throw new DependencyError(`could not find ${chartPath}: ${goFileError('stat', chartPath, e)}`);
  }
  if (!isDir) throw new DependencyError('only unpacked charts can be updated');
  return load(chartPath, dialect);
}

/** resolver.GetLocalPath: the directory a `file://` repository (or `charts/<name>`) names. */
export function localPath(repo: string, chartPath: string): string {
  const p = repo.startsWith('file://') ? repo.slice('file://'.length) : repo;
  const dep = p.startsWith('/') ? resolve(p) : join(chartPath, p);
  if (!existsSync(dep)) throw new DependencyError(`directory ${dep} not found`);
  return dep;
}

/** The repositories bosun does not fetch from, checked before anything is written. */
function refuseRemote(deps: readonly (ChartDependency | null)[]): void {
  const remote = deps.filter((d): d is ChartDependency => d !== null && d.repository !== '');
  for (const d of remote) {
    if (d.repository.startsWith('file://')) continue;
    throw new DependencyError(
      `dependency ${JSON.stringify(d.name)} comes from the repository ${JSON.stringify(d.repository)}: bosun resolves dependencies from local file:// repositories and charts/ only; download the chart into charts/ or use a file:// repository`,
    );
  }
}

function satisfies(constraint: string, version: string, dialect: HelmDialect): boolean {
  return parseConstraint(constraint, semverDialect(dialect)).check(parseVersion(version, semverDialect(dialect)));
}

function lockedDependency(name: string, repository: string, version: string): ChartDependency {
  return { ...emptyDependency(), name, repository, version };
}

/** resolver.Resolve for local dependencies: the exact versions, as a lock. */
function resolveLock(chartPath: string, reqs: readonly (ChartDependency | null)[], dialect: HelmDialect): ChartLock {
  const locked: (ChartDependency | null)[] = [];
  const missing: string[] = [];
  const d = semverDialect(dialect);
  for (const req of reqs) {
    if (req === null) {
      locked.push(null);
      continue;
    }
    try {
      parseConstraint(req.version, d);
    } catch (e) {
      throw new DependencyError(
        `dependency ${JSON.stringify(req.name)} has an invalid version/constraint format: ${(e as Error).message}`,
      );
    }
    if (req.repository === '') {
      localPath(join('charts', req.name), chartPath);
      locked.push(lockedDependency(req.name, '', req.version));
      continue;
    }
    const sub = load(localPath(req.repository, chartPath), dialect);
    let ok: boolean;
    try {
      ok = satisfies(req.version, sub.metadata.version, dialect);
    } catch {
      locked.push(null); // not a legit version: helm leaves the entry empty
      continue;
    }
    if (!ok) {
      missing.push(
        `${JSON.stringify(req.name)} (repository ${JSON.stringify(req.repository)}, version ${JSON.stringify(req.version)})`,
      );
      locked.push(null);
      continue;
    }
    locked.push(lockedDependency(req.name, req.repository, sub.metadata.version));
  }
  if (missing.length > 0) {
    throw new DependencyError(
      `can't get a valid version for ${missing.length} subchart(s): ${missing.join(', ')}. Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml`,
    );
  }
  return { generated: goNowRFC3339(systemEnv().nowNanos()), digest: hashReq(reqs, locked), dependencies: locked };
}

/** Manager.downloadAll for local dependencies: archives into a temporary directory, then safeMoveDeps. */
function downloadAll(
  chartPath: string,
  deps: readonly (ChartDependency | null)[],
  opts: Required<DependencyOptions>,
): void {
  const dest = join(chartPath, 'charts');
  const tmp = join(chartPath, `tmpcharts-${process.pid}`);
  try {
    if (!statSync(dest).isDirectory()) throw new DependencyError(`${JSON.stringify(dest)} is not a directory`);
  } catch (e) {
    if (e instanceof DependencyError) throw e;
    mkdirSync(dest, { recursive: true });
  }
  mkdirSync(tmp, { recursive: true });
  try {
    opts.out(`Saving ${deps.length} charts\n`);
    let saveError: string | undefined;
    for (const dep of deps) {
      if (dep === null) continue;
      if (dep.repository === '') {
        opts.out(`Dependency ${dep.name} did not declare a repository. Assuming it exists in the charts directory\n`);
        const path = join(dest, dep.name);
        let sub: Chart;
        try {
          sub = load(path, opts.dialect);
        } catch (e) {
          throw new DependencyError(`unable to load chart '${path}': ${(e as Error).message}`);
        }
        try {
          parseConstraint(dep.version, semverDialect(opts.dialect));
        } catch (e) {
          throw new DependencyError(
            `dependency ${dep.name} has an invalid version/constraint format: ${(e as Error).message}`,
          );
        }
        if (!satisfies(dep.version, sub.metadata.version, opts.dialect)) {
          saveError = `dependency ${dep.name} at version ${sub.metadata.version} does not satisfy the constraint ${dep.version}`;
          break;
        }
        continue;
      }
      if (opts.debug) opts.out(`Archiving ${dep.name} from repo ${dep.repository}\n`);
      try {
        dep.version = archiveLocal(chartPath, dep, tmp, opts.dialect);
      } catch (e) {
        saveError = (e as Error).message;
        break;
      }
    }
    if (saveError !== undefined) {
      opts.out(`Save error occurred:  ${saveError}\n`);
      throw new DependencyError(saveError);
    }
    safeMoveDeps(deps, tmp, dest, opts);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** tarFromLocalDir: the chart a file:// repository names, saved as an archive if its version fits. */
function archiveLocal(chartPath: string, dep: ChartDependency, tmp: string, dialect: HelmDialect): string {
  const sub = load(localPath(dep.repository, chartPath), dialect);
  try {
    parseConstraint(dep.version, semverDialect(dialect));
  } catch (e) {
    throw new DependencyError(
      `dependency ${dep.name} has an invalid version/constraint format: ${(e as Error).message}`,
    );
  }
  parseVersion(sub.metadata.version, semverDialect(dialect));
  if (!satisfies(dep.version, sub.metadata.version, dialect)) {
    throw new DependencyError(`can't get a valid version for dependency ${dep.name}`);
  }
  saveChart(sub, tmp, dialect);
  return sub.metadata.version;
}

function safeMoveDeps(
  deps: readonly (ChartDependency | null)[],
  source: string,
  dest: string,
  opts: Required<DependencyOptions>,
): void {
  const local = new Set(deps.filter((d) => d !== null && d.repository === '').map((d) => d!.name));
  const destFiles = readdirSync(dest, { withFileTypes: true });
  const moved = new Set<string>();
  for (const f of readdirSync(source, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (f.isDirectory()) continue;
    moved.add(f.name);
    renameSync(join(source, f.name), join(dest, f.name));
  }
  opts.out('Deleting outdated charts\n');
  for (const f of destFiles.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (f.isDirectory() || moved.has(f.name)) continue;
    const file = join(dest, f.name);
    let ch: Chart;
    try {
      if (statSync(file).isDirectory()) continue;
      ch = load(file, opts.dialect);
    } catch (e) {
      opts.out(`Could not verify ${file} for deletion: ${(e as Error).message} (Skipping)\n`);
      continue;
    }
    if (local.has(ch.name)) continue;
    rmSync(file);
  }
}

function defaults(o: DependencyOptions): Required<DependencyOptions> {
  return { dialect: o.dialect ?? 'helm4', out: o.out ?? (() => {}), debug: o.debug ?? false };
}

/** `helm dependency update`: resolve, archive into charts/, write the lock file if it changed. */
export function dependencyUpdate(chartPath: string, options: DependencyOptions = {}): void {
  const opts = defaults(options);
  const chart = loadChartDir(chartPath, opts.dialect);
  const reqs = chart.metadata.dependencies;
  if (reqs === undefined) return;
  refuseRemote(reqs);
  for (const d of reqs) if (d?.repository.startsWith('file://')) localPath(d.repository, chartPath);
  const lock = resolveLock(chartPath, reqs, opts.dialect);
  downloadAll(chartPath, lock.dependencies, opts);
  lock.digest = hashReq(reqs, lock.dependencies);
  if (chart.lock && chart.lock.digest === lock.digest) return;
  writeLock(chartPath, lock, chart.metadata.apiVersion === 'v1');
}

/** `helm dependency build`: rebuild charts/ from the lock file (an update when there is none). */
export function dependencyBuild(chartPath: string, options: DependencyOptions = {}): void {
  const opts = defaults(options);
  const chart = loadChartDir(chartPath, opts.dialect);
  const lock = chart.lock;
  if (!lock) {
    dependencyUpdate(chartPath, options);
    return;
  }
  const reqs = chart.metadata.dependencies ?? [];
  const v1 = chart.metadata.apiVersion === 'v1';
  refuseRemote(reqs);
  for (const d of reqs) if (d?.repository.startsWith('file://')) localPath(d.repository, chartPath);
  if (hashReq(reqs, lock.dependencies) !== lock.digest) {
    if (!v1 || hashV2Req(reqs) !== lock.digest) {
      throw new DependencyError(
        v1
          ? 'the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies'
          : 'the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies',
      );
    }
  }
  refuseRemote(lock.dependencies);
  downloadAll(chartPath, lock.dependencies, opts);
}

function writeLock(chartPath: string, lock: ChartLock, legacy: boolean): void {
  const name = legacy ? 'requirements.lock' : 'Chart.lock';
  const dest = join(chartPath, name);
  try {
    if (lstatSync(dest).isSymbolicLink()) throw new DependencyError(`the ${name} file is a symlink`);
  } catch (e) {
    if (e instanceof DependencyError) throw e;
  }
  try {
    writeFileSync(dest, lockYaml(lock));
  } catch (e) {
    throw new DependencyError(goFileError('open', dest, e));
  }
}

/** Chart.yaml dependencies with no subchart loaded (CheckDependencies), for `template --dependency-update`. */
export function hasMissingDependencies(chart: Chart): boolean {
  return (chart.metadata.dependencies ?? []).some(
    (r) => r !== null && !chart.dependencies.some((d) => d.name === r.name),
  );
}
