// bosun's library API: a small, typed surface over the pipeline chart → values → render (→ release).
export { type TemplateRequest, type TemplateResult, templateChart, validateReleaseName } from './action/template.ts';
export { ChartError, ChartValidationError, SchemaValidationError } from './chart/errors.ts';
export { type LoadOptions, loadChart, loadChartArchive, loadChartFromFiles, loadChartSync } from './chart/loader.ts';
export { Chart, type ChartDependency, type ChartFile, type ChartMetadata } from './chart/model.ts';
export { parseTemplateArgs } from './cli/template-args.ts';
export type { FuncEnv } from './funcs/env.ts';
export { fixedEnv } from './funcs/env.ts';
export type { HelmDialect } from './render/dialect.ts';
export { RenderError } from './render/errors.ts';
export type { Hook, HookEvent, Manifest, ManifestHead } from './render/manifests.ts';
export { ManifestError } from './render/manifests.ts';
export { formatTemplateOutput, type RenderOptions, type RenderResult, render } from './render/render.ts';
export { decryptSops, encryptSops, SopsError } from './secrets/index.ts';
export { systemEnv } from './system-env.ts';
export { fromJS, type GoMap, toJS, type Value } from './template/value.ts';
export { coalesceValues } from './values/coalesce.ts';
export { ValuesError } from './values/errors.ts';
export { mergeValueLayers, type ValueLayers } from './values/layers.ts';
