// Where a chart argument points, as helm's ChartPathOptions.LocateChart decides: an existing path (directory or
// archive) is used as it is; anything else would be fetched from a repository, a registry or a URL, which bosun
// does not do — it says which repository the name refers to, in helm's words where helm fails the same way.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from './command.ts';
import type { Flags } from './flags.ts';

/** The chart's path (absolute) for an argument naming a local chart; a UserError for anything remote. */
export function locateChart(name: string, flags: Flags, cwd: string): string {
  const ref = name.trim();
  const repo = flags.string('repo');
  if (repo) {
    throw new UserError(
      `cannot fetch chart ${JSON.stringify(ref)} from repository ${JSON.stringify(repo)}: bosun uses local charts only (a directory or a .tgz archive)`,
    );
  }
  if (ref.startsWith('oci://')) {
    throw new UserError(
      `cannot pull ${JSON.stringify(ref)}: bosun does not fetch charts from OCI registries; pull or package the chart and pass its path`,
    );
  }
  const path = resolve(cwd, ref);
  if (existsSync(path)) return path;
  if (isAbsolute(ref) || ref.startsWith('.')) throw new UserError(`path ${JSON.stringify(ref)} not found`);
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(ref)) {
    throw new UserError(`cannot download ${JSON.stringify(ref)}: bosun does not fetch charts over the network`);
  }
  const slash = ref.indexOf('/');
  if (slash < 0) throw new UserError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  // helm looks the first segment up in repositories.yaml; bosun keeps no repositories.
  throw new UserError(`repo ${ref.slice(0, slash)} not found`);
}
