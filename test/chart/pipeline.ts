// The values side of a render for a golden case, as the render layer will run it: user layers, chart load
// (from a temporary directory, as helm loaded it), dependency checks and processing, coalescing.
import { checkDependencies, processDependencies } from '../../src/chart/dependencies.ts';
import type { Chart } from '../../src/chart/model.ts';
import type { GoMap } from '../../src/template/value.ts';
import { coalesceValues } from '../../src/values/coalesce.ts';
import { mergeValueLayers } from '../../src/values/layers.ts';
import type { Dialect } from '../../src/values/strvals.ts';
import type { HelmWarning } from '../../src/values/warnings.ts';
// @ts-expect-error: plain JS module shared with the golden generator
import { chartFiles } from '../golden/harness-shared.mjs';
import { loadFromDir } from './tmpchart.ts';

export interface GoldenCase {
  name: string;
  tpl: string;
  values?: string;
  files?: Record<string, string>;
  chart?: string;
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setLiteral?: string[];
  args?: string[];
}

export interface Prepared {
  chart: Chart;
  values: GoMap;
  skipSchema: boolean;
  warnings: HelmWarning[];
}

export function prepare(c: GoldenCase, dialect: Dialect): Prepared {
  const files = chartFiles(c) as Record<string, string>;
  const layers: { valueFiles: string[]; fileValues: string[] } = { valueFiles: [], fileValues: [] };
  let skipSchema = false;
  const args = c.args ?? [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-f') layers.valueFiles.push(args[++i]);
    else if (args[i] === '--set-file') layers.fileValues.push(args[++i]);
    else if (args[i] === '--skip-schema-validation') skipSchema = true;
    else if (args[i] === '--kube-version') i++;
    else throw new Error(`unsupported arg ${args[i]}`);
  }
  const readFile = (p: string) => {
    const rel = p.replace('$CHART/', '');
    if (!(rel in files)) throw new Error(`open ${p}: no such file or directory`);
    return files[rel];
  };
  const user = mergeValueLayers(
    { ...layers, values: c.set, stringValues: c.setString, jsonValues: c.setJson, literalValues: c.setLiteral },
    { dialect, readFile },
  );
  const warnings: HelmWarning[] = [];
  const warn = (w: HelmWarning) => warnings.push(w);
  const loaded = loadFromDir(files, { dialect, warn });
  checkDependencies(loaded, dialect);
  const chart = processDependencies(loaded, user, { dialect, warn });
  return { chart, values: coalesceValues(chart, user, { dialect, warn }), skipSchema, warnings };
}
