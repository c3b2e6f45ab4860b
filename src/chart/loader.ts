// Loading a chart: from a directory or a .tgz (I/O at this edge), or from files in memory.
//
//   loadChart(path, options?)          Promise<Chart>: a directory or an archive
//   loadChartSync(path, options?)      the same, synchronously (the CLI's path: no event-loop round trips)
//   loadChartFromFiles(files, options?) Chart from { path, data } entries, as helm's LoadFiles
//   loadChartArchive(data, options?)   Chart from the bytes of a .tgz
//
// Files are sorted into the chart model as helm does: Chart.yaml → metadata (apiVersion defaults to v1),
// Chart.lock / requirements.lock → lock, values.yaml, values.schema.json, requirements.yaml (merged into the
// metadata), templates/ → templates, charts/<name>/ or charts/<name>.tgz → subcharts (names starting with `_`
// or `.` skipped), everything else (crds/ included) → files. Subcharts nest to any depth.
// Errors are ChartErrors with helm's messages (`cannot load values.yaml: ...`,
// `error unpacking subchart sub in parent: ...`).

import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYamlInts } from '../goyaml/index.ts';
import type { GoMap } from '../template/value.ts';
import { goFileError, goReadFileError } from '../values/fs.ts';
import { readValues, ValuesFileError } from '../values/read.ts';
import type { Dialect } from '../values/strvals.ts';
import { printfWarning, type WarnFn } from '../values/warnings.ts';
import { type ArchiveLimits, isGzip, type LoadedFile, readArchive } from './archive.ts';
import { readChartDirectory } from './directory.ts';
import { ChartError } from './errors.ts';
import { extName } from './gopath.ts';
import { decodeLock, decodeMetadata, validateMetadata } from './metadata.ts';
import { Chart, type ChartFile, type ChartLock, type ChartMetadata } from './model.ts';

export interface LoadOptions extends ArchiveLimits {
  /** Which helm to imitate where they differ (values file documents, messages). Default helm4. */
  readonly dialect?: Dialect;
  /** Receives the warnings helm prints while loading. */
  readonly warn?: WarnFn;
  /**
   * helm 4 picks the chart format from Chart.yaml's apiVersion first (default true); its show and lint commands
   * call the v2 loader directly and skip that step (false).
   */
  readonly versionDispatch?: boolean;
}

/** An input file for loadChartFromFiles. */
export interface InputFile {
  readonly path: string;
  readonly data: Uint8Array | string;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

function text(data: Uint8Array): string {
  return decoder.decode(data);
}

/** Builds a chart from files named relative to the chart root. */
export function loadChartFromFiles(files: readonly InputFile[], options: LoadOptions = {}): Chart {
  return buildChart(
    files.map((f) => ({ name: f.path, data: typeof f.data === 'string' ? encoder.encode(f.data) : f.data })),
    options,
  );
}

/** Builds a chart from the bytes of a chart archive. */
export function loadChartArchive(data: Uint8Array, options: LoadOptions = {}): Chart {
  return buildChart(readArchive(data, options), options);
}

/** Loads a chart directory or archive. */
export async function loadChart(path: string, options: LoadOptions = {}): Promise<Chart> {
  return loadChartSync(path, options);
}

/** Loads a chart directory or archive, synchronously. */
export function loadChartSync(path: string, options: LoadOptions = {}): Chart {
  const dialect = options.dialect ?? 'helm4';
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    throw new ChartError(goFileError('stat', path, e), undefined, { cause: e });
  }
  const dispatch = dialect === 'helm4' && options.versionDispatch !== false;
  if (isDir) {
    if (dispatch) {
      // helm 4 reads Chart.yaml from disk first (whatever .helmignore says) to pick the chart format.
      const name = join(resolve(path), 'Chart.yaml');
      let data: Uint8Array;
      try {
        data = readFileSync(name);
      } catch (e) {
        throw new ChartError(`unable to detect chart at ${name}: ${goReadFileError(name, e)}`, undefined, {
          cause: e,
        });
      }
      checkApiVersion([{ name: 'Chart.yaml', data }], path);
    }
    return buildChart(readChartDirectory(path, options), options);
  }
  let data: Uint8Array;
  try {
    data = readFileSync(path);
  } catch (e) {
    throw new ChartError(goFileError('open', path, e), undefined, { cause: e });
  }
  if (!isGzip(data)) {
    if (path.endsWith('.yml') || path.endsWith('.yaml')) {
      throw new ChartError(`file '${path}' seems to be a YAML file, but expected a gzipped archive`);
    }
    throw new ChartError(`file '${path}' does not appear to be a gzipped archive; got '${contentType(data)}'`);
  }
  let files: LoadedFile[];
  try {
    files = readArchive(data, options);
  } catch (e) {
    if (e instanceof ChartError && e.message === 'gzip: invalid header') {
      throw new ChartError(`file '${path}' does not appear to be a valid chart file (details: ${e.message})`);
    }
    // helm 4's format-detecting loader hides the reason; its v2 loader and helm 3 give it as it is.
    if (e instanceof ChartError && dispatch) throw new ChartError('unable to load chart archive', path, { cause: e });
    throw e;
  }
  if (dispatch) {
    if (!files.some((f) => f.name === 'Chart.yaml')) {
      throw new ChartError('unable to detect chart version, no Chart.yaml found');
    }
    checkApiVersion(files, path);
  }
  return buildChart(files, options);
}

/** helm 4 reads apiVersion first: v1, v2 or none load as v2 charts; v3 is not enabled; others fail. */
function checkApiVersion(files: readonly LoadedFile[], path: string): void {
  const chartYaml = files.find((f) => f.name === 'Chart.yaml');
  if (!chartYaml) throw new ChartError(`unable to detect chart at ${path}/Chart.yaml: no such file or directory`);
  let doc: unknown;
  try {
    doc = parseYamlInts(text(chartYaml.data));
  } catch (e) {
    throw new ChartError(`cannot load Chart.yaml: ${(e as Error).message}`, 'Chart.yaml', { cause: e });
  }
  if (doc !== null && !(doc instanceof Map)) {
    throw new ChartError(
      `cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc === 'boolean' ? 'bool' : typeof doc === 'string' ? 'string' : 'number'} into Go value of type loader.chartBase`,
      'Chart.yaml',
    );
  }
  const api = doc instanceof Map ? doc.get('apiVersion') : undefined;
  if (api === undefined || api === null || api === 'v1' || api === 'v2' || api === '') return;
  if (api === 'v3') throw new ChartError('invalid chart apiVersion', 'Chart.yaml');
  throw new ChartError('unsupported chart version', 'Chart.yaml');
}

/** Go's http.DetectContentType for what a non-gzip file usually is. */
function contentType(data: Uint8Array): string {
  // helm sniffs a 512-byte buffer: a shorter file is padded with zero bytes, which read as binary.
  if (data.length < 512) return 'application/octet-stream';
  const head = data.subarray(0, 512);
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) {
      return 'application/octet-stream';
    }
  }
  return 'text/plain; charset=utf-8';
}

/** helm's LoadFiles. */
function buildChart(files: readonly LoadedFile[], options: LoadOptions): Chart {
  const dialect = options.dialect ?? 'helm4';
  let metadata: ChartMetadata | undefined;
  let lock: ChartLock | undefined;
  let values: GoMap | undefined;
  let schema: Uint8Array | undefined;
  const templates: ChartFile[] = [];
  const other: ChartFile[] = [];
  const raw: ChartFile[] = [];
  const subcharts = new Map<string, LoadedFile[]>();

  for (const f of files) {
    raw.push(f);
    if (f.name === 'Chart.yaml') {
      metadata = decodeYamlInto('Chart.yaml', f, (doc) => decodeMetadata(doc, dialect, metadata));
      if (metadata.apiVersion === '') metadata.apiVersion = 'v1';
    }
  }
  for (const f of files) {
    const name = f.name;
    if (name === 'Chart.yaml') continue;
    if (name === 'Chart.lock') {
      lock = decodeYamlInto('Chart.lock', f, (doc) => decodeLock(doc, dialect));
    } else if (name === 'values.yaml') {
      try {
        values = readValues(text(f.data), dialect);
      } catch (e) {
        if (e instanceof ValuesFileError) {
          throw new ChartError(`cannot load values.yaml: ${e.message}`, 'values.yaml', { cause: e });
        }
        throw e;
      }
    } else if (name === 'values.schema.json') {
      schema = f.data;
    } else if (name === 'requirements.yaml') {
      if (metadata?.apiVersion !== 'v1') {
        options.warn?.(
          printfWarning(
            'Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
            'load.go:120',
          ),
        );
      }
      metadata = decodeYamlInto('requirements.yaml', f, (doc) => decodeMetadata(doc, dialect, metadata));
      if (metadata.apiVersion === 'v1') other.push(f);
    } else if (name === 'requirements.lock') {
      lock = decodeYamlInto('requirements.lock', f, (doc) => decodeLock(doc, dialect));
      if (metadata?.apiVersion !== 'v1') {
        options.warn?.(
          printfWarning(
            'Warning: Dependency locking is handled in Chart.lock since apiVersion "v2". We recommend migrating to Chart.lock.',
            'load.go:138',
          ),
        );
      }
      if (metadata?.apiVersion === 'v1') other.push(f);
    } else if (name.startsWith('templates/')) {
      templates.push(f);
    } else if (name.startsWith('charts/')) {
      if (extName(name) === '.prov') {
        other.push(f);
        continue;
      }
      const rest = name.slice('charts/'.length);
      const slash = rest.indexOf('/');
      const cname = slash < 0 ? rest : rest.slice(0, slash);
      let list = subcharts.get(cname);
      if (!list) subcharts.set(cname, (list = []));
      list.push({ name: rest, data: f.data });
    } else {
      other.push(f);
    }
  }

  if (!metadata) throw new ChartError('Chart.yaml file is missing');
  validateMetadata(metadata, dialect);

  const chart = new Chart({ metadata, lock, templates, values, schema, files: other, raw });
  for (const [n, subFiles] of subcharts) {
    const c0 = n.charCodeAt(0);
    if (c0 === 0x5f /* _ */ || c0 === 0x2e /* . */) continue;
    let sub: Chart;
    try {
      if (extName(n) === '.tgz') {
        const file = subFiles[0];
        if (file.name !== n) {
          throw new ChartError(`error unpacking subchart tar in ${metadata.name}: expected ${n}, got ${file.name}`);
        }
        sub = buildChart(readArchive(file.data, options), options);
      } else {
        const inner: LoadedFile[] = [];
        for (const f of subFiles) {
          const slash = f.name.indexOf('/');
          if (slash < 0) continue;
          inner.push({ name: f.name.slice(slash + 1), data: f.data });
        }
        sub = buildChart(inner, options);
      }
    } catch (e) {
      if (e instanceof ChartError && e.message.startsWith('error unpacking subchart tar in ')) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      throw new ChartError(`error unpacking subchart ${n} in ${metadata.name}: ${msg}`, `charts/${n}`, { cause: e });
    }
    chart.addDependency(sub);
  }
  return chart;
}

function decodeYamlInto<T>(file: string, f: LoadedFile, decode: (doc: ReturnType<typeof parseYamlInts>) => T): T {
  try {
    return decode(parseYamlInts(text(f.data)));
  } catch (e) {
    if (e instanceof ChartError) throw e;
    throw new ChartError(`cannot load ${file}: ${(e as Error).message}`, file, { cause: e });
  }
}
