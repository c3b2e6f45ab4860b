// The values stage: user values from `-f` files and the `--set` family, and helm's coalescing.
//
//   mergeValueLayers(layers, { dialect, readFile })   -f files, --set-json, --set, --set-string, --set-file,
//                                                     --set-literal → the user's values (a GoMap)
//   parseSetFlags(flag, texts, options?, base?)       one flag's occurrences applied in order
//   applySetFlag(base, flag, text, options?)          one occurrence
//   readValues(text, dialect?) / readValuesFile        a values file into a map (helm's document rules)
//   readValuesPath(path)                              the CLI's reader for -f / --set-file paths (`-` is stdin)
//   coalesceValues(chart, user, { dialect, warn })    `.Values` of a render
//   mergeValues / coalesceTables / mergeTables        helm's variants keeping or dropping nulls
//   formatWarning(w, dialect)                         a warning as each helm prints it on stderr
// Errors are ValuesError (message as helm prints it after `Error: `).

export type { CoalesceOptions, ValuesChart } from './coalesce.ts';
export { coalesceTables, coalesceValues, deepCopy, deepCopyMap, mergeTables, mergeValues } from './coalesce.ts';
export { ValuesError } from './errors.ts';
export { readValuesPath } from './fs.ts';
export {
  applySetFlag,
  type LayerOptions,
  mergeValueLayers,
  parseSetFlags,
  readValuesFile,
  type SetFlag,
  type ValueLayers,
} from './layers.ts';
export { mergeMaps, readValues } from './read.ts';
export { type Dialect, parseStrvals, parseStrvalsInto, StrvalsError, typedVal } from './strvals.ts';
export { formatWarning, type HelmWarning, type WarnFn } from './warnings.ts';
