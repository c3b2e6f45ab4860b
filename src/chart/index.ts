// The chart stage: loading charts, processing their dependencies, checking them, validating values.
//
//   loadChart(path, options?) / loadChartSync(path, options?)   a directory or .tgz (I/O here only)
//   loadChartFromFiles(files, options?) / loadChartArchive(bytes, options?)
//   checkDependencies(chart, dialect?)      Chart.yaml dependencies missing from charts/ (helm's message)
//   processDependencies(chart, values, { dialect, warn })   aliases, tags, conditions, pruning, import-values
//   checkKubeVersion(chart, version, dialect?)               the chart's kubeVersion constraint
//   validateSchemas(chart, values, { dialect })              values.schema.json of the chart and subcharts
//   Chart, ChartMetadata, ChartDependency, ChartFile, crdObjects(chart)   the model
// Options: { dialect: 'helm4' | 'helm3', warn: (HelmWarning) => void, maxBytes, maxFileBytes }.
// Errors are ChartError and subclasses (message as helm prints it after `Error: `).
export { MAX_CHART_BYTES, MAX_FILE_BYTES } from './archive.ts';
export {
  checkDependencies,
  checkKubeVersion,
  type DependencyOptions,
  isCompatibleRange,
  MissingDependenciesError,
  processDependencies,
} from './dependencies.ts';
export { ChartError, ChartValidationError, SchemaValidationError } from './errors.ts';
export { IgnoreRules } from './ignore.ts';
export {
  type InputFile,
  type LoadOptions,
  loadChart,
  loadChartArchive,
  loadChartFromFiles,
  loadChartSync,
} from './loader.ts';
export {
  Chart,
  type ChartDependency,
  type ChartFile,
  type ChartLock,
  type ChartMetadata,
  type CrdObject,
  crdObjects,
  type Maintainer,
} from './model.ts';
export { type SchemaOptions, validateSchemas } from './schema.ts';
