// Flag sets shared by helm's chart commands (template, install, upgrade, lint, show), with helm's names,
// shorthands and help texts.
import type { FlagSpec } from './flags.ts';

export const VALUES_FLAGS: readonly FlagSpec[] = [
  {
    name: 'values',
    short: 'f',
    kind: 'stringSlice',
    usage: 'specify values in a YAML file or a URL (can specify multiple)',
  },
  {
    name: 'set',
    kind: 'stringArray',
    usage: 'set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)',
  },
  {
    name: 'set-string',
    kind: 'stringArray',
    usage:
      'set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)',
  },
  {
    name: 'set-file',
    kind: 'stringArray',
    usage:
      'set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)',
  },
  {
    name: 'set-json',
    kind: 'stringArray',
    usage:
      'set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2 or using json format: {"key1": jsonval1, "key2": "jsonval2"})',
  },
  { name: 'set-literal', kind: 'stringArray', usage: 'set a literal STRING value on the command line' },
  {
    name: 'secrets',
    kind: 'stringArray',
    usage: 'specify SOPS-encrypted values files, decrypted in memory (can specify multiple)',
  },
];

export const CHART_PATH_FLAGS: readonly FlagSpec[] = [
  { name: 'version', kind: 'string', usage: 'specify a version constraint for the chart version to use' },
  { name: 'verify', kind: 'bool', usage: 'verify the package before using it' },
  { name: 'keyring', kind: 'string', usage: 'location of public keys used for verification' },
  { name: 'repo', kind: 'string', usage: 'chart repository url where to locate the requested chart' },
  { name: 'username', kind: 'string', usage: 'chart repository username where to locate the requested chart' },
  { name: 'password', kind: 'string', usage: 'chart repository password where to locate the requested chart' },
  { name: 'cert-file', kind: 'string', usage: 'identify HTTPS client using this SSL certificate file' },
  { name: 'key-file', kind: 'string', usage: 'identify HTTPS client using this SSL key file' },
  { name: 'insecure-skip-tls-verify', kind: 'bool', usage: 'skip tls certificate checks for the chart download' },
  { name: 'plain-http', kind: 'bool', usage: 'use insecure HTTP connections for the chart download' },
  { name: 'ca-file', kind: 'string', usage: 'verify certificates of HTTPS-enabled servers using this CA bundle' },
  { name: 'pass-credentials', kind: 'bool', usage: 'pass credentials to all domains' },
];

/** Flags of `helm install` that also apply to `helm template` (and upgrade). */
export const INSTALL_FLAGS: readonly FlagSpec[] = [
  { name: 'create-namespace', kind: 'bool', usage: 'create the release namespace if not present' },
  { name: 'dry-run', kind: 'string', usage: 'simulate an install: "client" or "server"', noOptDefault: 'client' },
  { name: 'force-replace', kind: 'bool', usage: 'force resource updates by replacement' },
  { name: 'force', kind: 'bool', usage: 'deprecated', hidden: true },
  { name: 'force-conflicts', kind: 'bool', usage: 'if set server-side apply will force changes against conflicts' },
  { name: 'server-side', kind: 'bool', usage: 'object updates run in the server instead of the client', default: true },
  { name: 'no-hooks', kind: 'bool', usage: 'prevent hooks from running during install' },
  {
    name: 'replace',
    kind: 'bool',
    usage: 'reuse the given name, only if that name is a deleted release which remains in the history',
  },
  {
    name: 'timeout',
    kind: 'duration',
    usage: 'time to wait for any individual Kubernetes operation (like Jobs for hooks)',
    default: '5m0s',
  },
  {
    name: 'wait',
    kind: 'string',
    usage: 'wait until resources are ready: "watcher", "hookOnly" or "legacy"',
    noOptDefault: 'watcher',
  },
  {
    name: 'wait-for-jobs',
    kind: 'bool',
    usage: 'if set and --wait enabled, will wait until all Jobs have been completed',
  },
  { name: 'generate-name', short: 'g', kind: 'bool', usage: 'generate the name (and omit the NAME parameter)' },
  { name: 'name-template', kind: 'string', usage: 'specify template used to name the release' },
  { name: 'description', kind: 'string', usage: 'add a custom description' },
  { name: 'devel', kind: 'bool', usage: "use development versions, too. Equivalent to version '>0.0.0-0'" },
  {
    name: 'dependency-update',
    kind: 'bool',
    usage: 'update dependencies if they are missing before installing the chart',
  },
  {
    name: 'disable-openapi-validation',
    kind: 'bool',
    usage:
      'if set, the installation process will not validate rendered templates against the Kubernetes OpenAPI Schema',
  },
  {
    name: 'rollback-on-failure',
    kind: 'bool',
    usage: 'if set, bosun will rollback (uninstall) the installation upon failure',
  },
  { name: 'atomic', kind: 'bool', usage: 'deprecated: use --rollback-on-failure' },
  { name: 'skip-crds', kind: 'bool', usage: 'if set, no CRDs will be installed' },
  { name: 'render-subchart-notes', kind: 'bool', usage: 'if set, render subchart notes along with the parent' },
  { name: 'skip-schema-validation', kind: 'bool', usage: 'if set, disables JSON schema validation' },
  {
    name: 'labels',
    short: 'l',
    kind: 'stringSlice',
    usage: 'Labels that would be added to release metadata. Should be divided by comma.',
  },
  { name: 'enable-dns', kind: 'bool', usage: 'enable DNS lookups when rendering templates' },
  { name: 'hide-notes', kind: 'bool', usage: 'if set, do not show notes in install output' },
  {
    name: 'take-ownership',
    kind: 'bool',
    usage: 'if set, install will ignore the check for helm annotations and take ownership of the existing resources',
  },
  { name: 'post-renderer', kind: 'string', usage: 'the path to an executable to be used for post rendering' },
  { name: 'post-renderer-args', kind: 'stringArray', usage: 'an argument to the post-renderer (can specify multiple)' },
  {
    name: 'output',
    short: 'o',
    kind: 'string',
    usage: 'prints the output in the specified format. Allowed values: table, json, yaml',
    default: 'table',
  },
];

/** Flags only `helm template` has. */
export const TEMPLATE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'show-only',
    short: 's',
    kind: 'stringArray',
    usage: 'only show manifests rendered from the given templates',
  },
  {
    name: 'output-dir',
    kind: 'string',
    usage: 'writes the executed templates to files in output-dir instead of stdout',
  },
  { name: 'validate', kind: 'bool', usage: 'deprecated', hidden: true },
  { name: 'include-crds', kind: 'bool', usage: 'include CRDs in the templated output' },
  { name: 'skip-tests', kind: 'bool', usage: 'skip tests from templated output' },
  { name: 'is-upgrade', kind: 'bool', usage: 'set .Release.IsUpgrade instead of .Release.IsInstall' },
  { name: 'kube-version', kind: 'string', usage: 'Kubernetes version used for Capabilities.KubeVersion' },
  {
    name: 'api-versions',
    short: 'a',
    kind: 'stringSlice',
    usage: 'Kubernetes api versions used for Capabilities.APIVersions (multiple can be specified)',
  },
  { name: 'release-name', kind: 'bool', usage: 'use release name in the output-dir path.' },
];
