// `helm template --show-only`: keep the manifests rendered from the given templates. Helm splits its own output
// back into documents and matches each pattern (Go's filepath.Match) against the path after the chart name in
// the `# Source:` line, in pattern order.
import { goMatch } from '../chart/gomatch.ts';
import { splitManifests } from '../goyaml/index.ts';
import { UserError } from './command.ts';

const SOURCE = /# Source: [^/]+\/(.+)/;

export function matchShowOnly(output: string, patterns: readonly string[]): string {
  const docs = splitManifests(output);
  let out = '';
  for (const raw of patterns) {
    const pattern = raw.replaceAll('\\', '/');
    let found = false;
    for (const doc of docs) {
      const m = SOURCE.exec(doc);
      if (!m) continue;
      let matched = false;
      try {
        matched = goMatch(pattern, m[1]);
      } catch {
        matched = false;
      }
      if (!matched) continue;
      out += `---\n${doc}\n`;
      found = true;
    }
    if (!found) throw new UserError(`could not find template ${raw} in chart`);
  }
  return out;
}
