// `helm show chart|values|readme|crds|all` as a library call (helm's pkg/action/show.go): Chart.yaml as
// sigs.k8s.io/yaml writes the metadata struct, values.yaml as it is on disk, the first README, the CRD files of
// the chart and its subcharts, with `---` separators where `show all` joins them.
import type { Chart } from '../chart/model.ts';
import { crdObjects } from '../chart/model.ts';
import { marshalYaml } from '../goyaml/index.ts';
import { DEFAULT_DIALECT, type HelmDialect } from '../render/dialect.ts';
import { metadataJSON } from '../render/objects.ts';
import { executeJSONPath } from './jsonpath.ts';

export type ShowFormat = 'all' | 'chart' | 'values' | 'readme' | 'crds';

export interface ShowOptions {
  dialect?: HelmDialect;
  /** `show values --jsonpath`: print what this k8s JSONPath template selects from the values instead. */
  jsonpath?: string;
}

const README_NAMES = ['readme.md', 'readme.txt', 'readme'];
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function showChart(chart: Chart, format: ShowFormat, options: ShowOptions = {}): string {
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const all = format === 'all';
  let out = '';
  if (format === 'chart' || all) out += `${marshalYaml(metadataJSON(chart.metadata))}\n`;

  if ((format === 'values' || all) && hasValues(chart)) {
    if (all) out += '---\n';
    if (options.jsonpath) out += executeJSONPath(options.jsonpath, chart.values);
    else for (const f of chart.raw) if (f.name === 'values.yaml') out += `${decoder.decode(f.data)}\n`;
  }

  if (format === 'readme' || all) {
    const readme = findReadme(chart);
    if (readme !== undefined) out += `${all ? '---\n' : ''}${readme}\n`;
  }

  if (format === 'crds' || all) {
    const crds = crdObjects(chart);
    crds.forEach((crd, i) => {
      const text = decoder.decode(crd.file.data);
      // helm 4 separates every CRD that lacks its own `---`; helm 3 only the first, and only in `show all`.
      const separate = dialect === 'helm4' ? !text.startsWith('---') : all && i === 0 && !text.startsWith('---');
      out += `${separate ? '---\n' : ''}${text}\n`;
    });
  }
  return out;
}

/** Whether the loaded chart's Values are non-nil: both helms set them from any values.yaml, even an empty one. */
function hasValues(chart: Chart): boolean {
  return chart.raw.some((f) => f.name === 'values.yaml');
}

function findReadme(chart: Chart): string | undefined {
  for (const f of chart.files) {
    const lower = f.name.toLowerCase();
    if (README_NAMES.includes(lower)) return decoder.decode(f.data);
  }
  return undefined;
}
