// The Go text/template engine: parse templates once, execute them many times with Go's semantics.

export type { Tree } from './ast.ts';
export { TemplateExecError, TemplateParseError } from './errors.ts';
export { type EngineOptions, type ParsedText, TemplateSet } from './template-set.ts';
