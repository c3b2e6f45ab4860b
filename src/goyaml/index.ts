// Go's YAML, JSON and TOML semantics as Helm uses them. See each module for the Go code it follows.
export { GoCodecError, YamlSyntaxError } from './errors.ts';
export { type ManifestHead, readManifestHead, splitManifests } from './manifest.ts';
export {
  goTrimSpace,
  type ParseYamlOptions,
  parseValues,
  parseYaml,
  parseYamlInts,
  yamlReaderDocuments,
} from './read.ts';
