// The report of `diff upgrade|rollback` and its printing in the helm-diff plugin's `--output diff` layout
// (databus23/helm-diff diff/report.go, diff/diff.go printDiffRecords).

import { changeDistances, type DiffRecord } from './diff-lines.ts';

export interface DiffOptions {
  /** Print Secrets' data as it is. */
  showSecrets?: boolean;
  /** Lines of context around changes; negative (default) prints whole objects. */
  context?: number;
  /** Kinds whose changes are not shown (`--suppress`). */
  suppress?: string[];
  /** Include `test` hooks. */
  includeTests?: boolean;
  /** Leave hooks out (upgrade). */
  noHooks?: boolean;
}

export type ChangeType = 'ADD' | 'REMOVE' | 'MODIFY';

export interface DiffEntry {
  /** `namespace, name, Kind (group)`. */
  key: string;
  kind: string;
  change: ChangeType;
  records: DiffRecord[];
}

export interface DiffReport {
  entries: DiffEntry[];
}

const COLORS = { ADD: '32', REMOVE: '31', MODIFY: '33' } as const;
const MESSAGES = { ADD: 'has been added:', REMOVE: 'has been removed:', MODIFY: 'has changed:' } as const;

/** The report as helm-diff prints it (`--output diff`), ANSI colours optional. */
export function formatReport(report: DiffReport, opts: DiffOptions & { color?: boolean } = {}): string {
  const color = (text: string, code: string) => (opts.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  let out = '';
  for (const e of report.entries) {
    out += `${color(`${e.key} ${MESSAGES[e.change]}`, COLORS[e.change])}\n`;
    if (opts.suppress?.includes(e.kind)) {
      out += color(`+ Changes suppressed on sensitive content of type ${e.kind}\n`, '33');
      continue;
    }
    const context = opts.context ?? -1;
    const distances = context >= 0 ? changeDistances(e.records) : undefined;
    let omitting = false;
    e.records.forEach((r, i) => {
      if (distances && distances[i] > context) {
        if (!omitting) out += '...\n';
        omitting = true;
        return;
      }
      omitting = false;
      if (r.delta === 'right') out += `${color(`+ ${r.payload}`, '32')}\n`;
      else if (r.delta === 'left') out += `${color(`- ${r.payload}`, '31')}\n`;
      else out += r.payload === '' ? '\n' : `  ${r.payload}\n`;
    });
  }
  return out;
}
