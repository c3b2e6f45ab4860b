// Which helm bosun reproduces. helm 4.1.4 is the default; helm 3.17.2 differs in a few visible ways (default
// Kubernetes version, `.Chart` as a struct rather than a map, Go's error texts), selected by this option.
export type HelmDialect = 'helm4' | 'helm3';

export const DEFAULT_DIALECT: HelmDialect = 'helm4';
