// Go's YAML, JSON and TOML semantics as Helm uses them. See each module for the Go code it follows.
//
//   parseYaml / parseYamlInts / parseValues   sigs.k8s.io/yaml.Unmarshal over go-yaml v2 (values files, fromYaml)
//   splitManifests / readManifestHead         the manifest sorter's split and SimpleHead decode
//   marshalYaml / marshalYamlPretty           toYaml (sigs.k8s.io/yaml.Marshal) and toYamlPretty (go-yaml v3)
//   marshalJSON / parseJSON                   encoding/json
//   marshalTOML / parseTOML                   BurntSushi/toml (parsing through smol-toml)
// Errors are GoCodecErrors whose message is Go's error text.
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
