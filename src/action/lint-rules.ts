// helm lint's other rules: values.yaml (parses, and meets values.schema.json with the user's values over it),
// dependencies (Chart.yaml and charts/ agree, names unique) and, in helm 4, crds/ (plain YAML CRDs only).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadChartSync } from '../chart/loader.ts';
import { type Chart, crdObjects } from '../chart/model.ts';
import { validateAgainstSingleSchema } from '../chart/schema.ts';
import { valuesTypeName } from '../render/objects.ts';
import type { GoMap } from '../template/value.ts';
import { coalesceTables } from '../values/coalesce.ts';
import { goReadFileError } from '../values/fs.ts';
import { readValues } from '../values/read.ts';
import { decodeManifest } from './lint-k8s.ts';
import { ERROR, errorText, INFO, type Linter, WARNING } from './lint-support.ts';

const VALUES = 'values.yaml';

export function lintValues(linter: Linter): void {
  const { chartDir, dialect } = linter.ctx;
  const path = join(chartDir, VALUES);
  if (!linter.rule(INFO, VALUES, existsSync(path) ? undefined : 'file does not exist')) return;
  let values: GoMap;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    linter.rule(ERROR, VALUES, `unable to parse YAML: ${goReadFileError(path, e)}`);
    return;
  }
  try {
    // common.ReadValuesFile: one document through sigs.k8s.io/yaml, as helm 3's loader reads values.yaml.
    values = readValues(text, 'helm3');
  } catch (e) {
    // helm unmarshals into its Values type (chartutil.Values in helm 3, common.Values in helm 4), which Go's
    // json error names.
    const why = errorText(e).replace(
      /Go value of type map\[string\]interface \{\}$/,
      `Go value of type ${valuesTypeName(dialect)}`,
    );
    linter.rule(ERROR, VALUES, `unable to parse YAML: ${why}`);
    return;
  }
  // Only the top level is checked (subchart values are not), so tables coalesce as for --reuse-values.
  // helm shares the user's nested maps here (and fills them in), as it does.
  let merged = coalesceTables(new Map(), linter.ctx.values) ?? new Map();
  merged = coalesceTables(merged, values, { dialect }) ?? merged;
  let schema: Uint8Array;
  try {
    schema = readFileSync(join(chartDir, 'values.schema.json'));
  } catch {
    return;
  }
  if (schema.length === 0) return;
  if (dialect === 'helm4' && linter.ctx.skipSchemaValidation) return;
  linter.rule(ERROR, VALUES, validateAgainstSingleSchema(schema, merged, { dialect }));
}

export function lintDependencies(linter: Linter): void {
  let chart: Chart;
  try {
    chart = loadChartSync(linter.ctx.chartDir, { dialect: linter.ctx.dialect, versionDispatch: false });
  } catch (e) {
    linter.rule(ERROR, '', `unable to load chart\n\t${errorText(e)}`);
    return;
  }
  const dir = linter.ctx.chartDir;
  const declared = (chart.metadata.dependencies ?? []).filter((d) => d !== null);
  const loaded = chart.dependencies.map((d) => d.metadata.name);
  const declaredNames = new Set(declared.map((d) => d.name));
  const notDeclared = loaded.filter((n) => !declaredNames.has(n));
  linter.rule(
    ERROR,
    dir,
    notDeclared.length > 0 ? `chart metadata is missing these dependencies: ${notDeclared.join(',')}` : undefined,
  );
  const seen = new Set<string>();
  const shadowing: string[] = [];
  for (const d of declared) {
    const key = d.alias !== '' ? d.alias : d.name;
    if (seen.has(key)) shadowing.push(key);
    seen.add(key);
  }
  linter.rule(
    ERROR,
    dir,
    shadowing.length > 0 ? `multiple dependencies with name or alias: ${shadowing.join(',')}` : undefined,
  );
  const loadedNames = new Set(loaded);
  const missing = declared.filter((d) => !loadedNames.has(d.name)).map((d) => d.name);
  linter.rule(
    WARNING,
    dir,
    missing.length > 0 ? `chart directory is missing these dependencies: ${missing.join(',')}` : undefined,
  );
}

export function lintCrds(linter: Linter): void {
  const dir = 'crds/';
  const path = join(linter.ctx.chartDir, dir);
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    linter.rule(ERROR, dir, errorText(e));
    return;
  }
  if (!linter.rule(ERROR, dir, isDir ? undefined : 'not a directory')) return;
  let chart: Chart;
  try {
    chart = loadChartSync(linter.ctx.chartDir, { dialect: linter.ctx.dialect, versionDispatch: false });
  } catch (e) {
    linter.rule(ERROR, dir, errorText(e));
    return;
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (const crd of crdObjects(chart)) {
    for (const doc of decodeManifest(decoder.decode(crd.file.data), linter.ctx.dialect)) {
      if ('error' in doc) {
        linter.rule(ERROR, crd.name, `unable to parse YAML: ${doc.error}`);
        return;
      }
      if (doc.stub === null) continue;
      linter.rule(
        ERROR,
        crd.name,
        doc.stub.apiVersion.startsWith('apiextensions.k8s.io')
          ? undefined
          : "apiVersion is not in 'apiextensions.k8s.io'",
      );
      linter.rule(
        ERROR,
        crd.name,
        doc.stub.kind === 'CustomResourceDefinition' ? undefined : "object kind is not 'CustomResourceDefinition'",
      );
    }
  }
}
