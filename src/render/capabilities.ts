// `.Capabilities`: what Helm tells templates about the cluster. With no cluster (`helm template`), Helm reports
// the Kubernetes version its client library was built for and the API group/versions compiled into that library;
// bosun reports the same values as the helm it emulates, so that charts branch the same way.

import { quote as goQuote } from '../template/strconv.ts';
import { type GoSlice, GoStruct, goFunc, NO_FIELD, T, type Value, withType } from '../template/value.ts';
import type { HelmDialect } from './dialect.ts';

/** helm 4.1.4's default APIVersions (client-go v0.35's scheme), in Helm's order. */
const API_VERSIONS_HELM4: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1alpha1',
  'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1',
  'resource.k8s.io/v1beta2',
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

/** helm 3.17.2's default APIVersions (client-go v0.32's scheme), in Helm's order. */
const API_VERSIONS_HELM3: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1alpha1',
  'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1',
  'networking.k8s.io/v1alpha1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

interface BuildInfo {
  version: string;
  gitCommit: string;
  gitTreeState: string;
  goVersion: string;
  kubeClientVersion?: string;
}

const BUILD_INFO: Record<HelmDialect, BuildInfo> = {
  helm4: {
    version: 'v4.1.4',
    gitCommit: '05fa37973dc9e42b76e1d2883494c87174b6074f',
    gitTreeState: 'clean',
    goVersion: 'go1.25.9',
    kubeClientVersion: 'v1.35',
  },
  helm3: {
    version: 'v3.17.2',
    gitCommit: 'cc0bbbd6d6276b83880042c1ecb34087e84d41eb',
    gitTreeState: 'clean',
    goVersion: 'go1.23.7',
  },
};

const DEFAULT_KUBE_VERSION: Record<HelmDialect, string> = { helm4: 'v1.35.0', helm3: 'v1.32.0' };
const PKG: Record<HelmDialect, string> = { helm4: 'common', helm3: 'chartutil' };

export class KubeVersionError extends Error {
  override name = 'KubeVersionError';
}

/** `.Capabilities.KubeVersion`: fields Version, Major, Minor; methods String and GitVersion. */
export class KubeVersion extends GoStruct {
  readonly goTypeName: string;
  constructor(
    readonly version: string,
    readonly major: string,
    readonly minor: string,
    /** What String() returns: helm 4 normalizes `v1.29.3-gke.1` to `v1.29.3`; helm 3 prints Version. */
    readonly normalized: string,
    private readonly dialect: HelmDialect,
  ) {
    super();
    this.goTypeName = `${PKG[dialect]}.KubeVersion`;
  }
  fieldNames(): readonly string[] {
    // helm 4's struct has an unexported normalizedVersion, which fmt prints and encoding/json skips.
    return this.dialect === 'helm4'
      ? ['Version', 'normalizedVersion', 'Major', 'Minor']
      : ['Version', 'Major', 'Minor'];
  }
  field(name: string): Value | typeof NO_FIELD {
    switch (name) {
      case 'Version':
        return this.version;
      case 'normalizedVersion':
        return this.dialect === 'helm4' ? this.normalized : NO_FIELD;
      case 'Major':
        return this.major;
      case 'Minor':
        return this.minor;
    }
    return NO_FIELD;
  }
  override method(name: string) {
    if (name === 'String') return goFunc('String', [], () => this.normalized);
    if (name === 'GitVersion') return goFunc('GitVersion', [], () => this.version);
    return undefined;
  }
  override goString(): string {
    return this.normalized;
  }
  // Helm declares `func (kv *KubeVersion) String()`: `{{ .Capabilities.KubeVersion }}` uses it, `print` does not.
  override get stringerOnPointer(): boolean {
    return true;
  }
}

/** Helm's version.BuildInfo, printed `{v4.1.4 <commit> clean go1.25.9 v1.35}` and marshalled with JSON tags. */
class HelmBuildInfo extends GoStruct {
  readonly goTypeName = 'version.BuildInfo';
  constructor(private readonly info: BuildInfo) {
    super();
  }
  fieldNames(): readonly string[] {
    const names = ['Version', 'GitCommit', 'GitTreeState', 'GoVersion'];
    if (this.info.kubeClientVersion !== undefined) names.push('KubeClientVersion');
    return names;
  }
  field(name: string): Value | typeof NO_FIELD {
    switch (name) {
      case 'Version':
        return this.info.version;
      case 'GitCommit':
        return this.info.gitCommit;
      case 'GitTreeState':
        return this.info.gitTreeState;
      case 'GoVersion':
        return this.info.goVersion;
      case 'KubeClientVersion':
        return this.info.kubeClientVersion ?? NO_FIELD;
    }
    return NO_FIELD;
  }
  override jsonValue(): Value {
    // json tags: all omitempty except kube_client_version
    const m = new Map<string, Value>();
    if (this.info.version) m.set('version', this.info.version);
    if (this.info.gitCommit) m.set('git_commit', this.info.gitCommit);
    if (this.info.gitTreeState) m.set('git_tree_state', this.info.gitTreeState);
    if (this.info.goVersion) m.set('go_version', this.info.goVersion);
    if (this.info.kubeClientVersion !== undefined) m.set('kube_client_version', this.info.kubeClientVersion);
    return m;
  }
}

/** `.Capabilities`. */
export class Capabilities extends GoStruct {
  readonly goTypeName: string;
  constructor(
    readonly kubeVersion: KubeVersion,
    readonly apiVersions: GoSlice,
    readonly helmVersion: GoStruct,
    dialect: HelmDialect,
  ) {
    super();
    this.goTypeName = `*${PKG[dialect]}.Capabilities`;
  }
  fieldNames(): readonly string[] {
    return ['KubeVersion', 'APIVersions', 'HelmVersion'];
  }
  field(name: string): Value | typeof NO_FIELD {
    switch (name) {
      case 'KubeVersion':
        return this.kubeVersion;
      case 'APIVersions':
        return this.apiVersions;
      case 'HelmVersion':
        return this.helmVersion;
    }
    return NO_FIELD;
  }
}

/**
 * Parses `--kube-version` as the emulated helm does: helm 4 with Kubernetes' generic version parser (`v1.30`
 * stays `v1.30`; pre-release and build parts are kept in Version but dropped from String()), helm 3 with
 * Masterminds semver (`v1.30` becomes `v1.30.0`).
 */
export function parseKubeVersion(text: string, dialect: HelmDialect): KubeVersion {
  if (dialect === 'helm4') {
    // Kubernetes' version.ParseGeneric, with its messages.
    const fail = (why: string): never => {
      throw new KubeVersionError(`invalid kube version '${text}': ${why}`);
    };
    const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/.exec(text);
    if (!m) fail(`could not parse ${goQuote(text)} as version`);
    const components = (m as RegExpExecArray)[1].split('.');
    if (components.length < 2) fail(`illegal version string ${goQuote(text)}`);
    components.forEach((c, i) => {
      if (i === 0 && c.length > 1 && c.startsWith('0')) {
        fail(`illegal zero-prefixed version component ${goQuote(c)} in ${goQuote(text)}`);
      }
      if (BigInt(c) > 0xffffffffffffffffn) {
        fail(
          `illegal non-numeric version component ${goQuote(c)} in ${goQuote(text)}: strconv.ParseUint: parsing ${goQuote(c)}: value out of range`,
        );
      }
    });
    const parts = components.map((p) => String(BigInt(p)));
    const version = text.startsWith('v') ? text : `v${text}`;
    return new KubeVersion(version, parts[0], parts[1], `v${parts.join('.')}`, dialect);
  }
  const m = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(text);
  if (!m) throw new KubeVersionError(`invalid kube version '${text}': Invalid Semantic Version`);
  const [major, minor = '0', patch = '0'] = [m[1], m[2], m[3]].map((p) => (p === undefined ? p : String(BigInt(p))));
  let v = `v${major}.${minor}.${patch}`;
  if (m[4]) v += `-${m[4]}`;
  if (m[5]) v += `+${m[5]}`;
  return new KubeVersion(v, major, minor, v, dialect);
}

export interface CapabilitiesOptions {
  dialect: HelmDialect;
  /** `--kube-version` */
  kubeVersion?: string;
  /** `--api-versions`, appended to the defaults */
  apiVersions?: readonly string[];
}

/** `.Capabilities` as `helm template` builds it, with no cluster. */
export function defaultCapabilities(opts: CapabilitiesOptions): Capabilities {
  const { dialect } = opts;
  const kv = parseKubeVersion(opts.kubeVersion ?? DEFAULT_KUBE_VERSION[dialect], dialect);
  const base = dialect === 'helm4' ? API_VERSIONS_HELM4 : API_VERSIONS_HELM3;
  const versions = [...base, ...(opts.apiVersions ?? [])];
  const set = withType(versions as GoSlice, {
    name: `${PKG[dialect]}.VersionSet`,
    elem: 'string',
    methods: {
      // Methods of a typed slice receive the slice itself first.
      Has: goFunc('Has', [T.string], (_set, v) => versions.includes(v as string)),
    },
  });
  return new Capabilities(kv, set, new HelmBuildInfo(BUILD_INFO[dialect]), dialect);
}
