// Go's YAML, JSON and TOML semantics as Helm uses them. See each module for the Go code it follows.
export { GoCodecError, YamlSyntaxError } from './errors.ts';
export { formatFloatG, formatJsonFloat } from './gofloat.ts';
export { GoTime, type TimeKind } from './gotime.ts';
export { JSONRangeError, type ParseJSONOptions, parseJSON } from './json-decode.ts';
export { type MarshalJSONOptions, marshalJSON, quoteJSON } from './json-encode.ts';
export { type ManifestHead, readManifestHead, splitManifests } from './manifest.ts';
export { isNilCollection, nilMap, nilSlice } from './nil.ts';
export {
  decodeYamlDocument,
  goTrimSpace,
  type ParseYamlOptions,
  parseValues,
  parseYaml,
  parseYamlInts,
  wrapConvert,
  yamlReaderDocuments,
} from './read.ts';
export { marshalYaml, sortYamlKeys } from './to-yaml.ts';
export { marshalYamlPretty } from './to-yaml-pretty.ts';
export { parseTOML } from './toml-decode.ts';
export { type MarshalTOMLOptions, marshalTOML } from './toml-encode.ts';
