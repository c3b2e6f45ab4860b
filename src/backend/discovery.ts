// Resource discovery: which kinds a backend serves, in which API versions, under which resource names, and whether
// they are namespaced. The built-in table is the core of a current Kubernetes (1.30+); CustomResourceDefinitions
// add their kinds.

import { InvalidObjectError } from './errors.ts';
import { isObject, type KubeObject, parseApiVersion } from './object.ts';

export interface ResourceType {
  readonly group: string;
  /** Served versions, the preferred one first. */
  readonly versions: readonly string[];
  readonly kind: string;
  /** The plural resource name (`deployments`). */
  readonly resource: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  /** False for kinds defined by a CustomResourceDefinition. */
  readonly builtin: boolean;
}

/** The discovery half of a backend. */
export interface Discovery {
  /** The type of a kind in an API version; throws NoKindMatchError when it is not served. */
  resourceFor(apiVersion: string, kind: string): Promise<ResourceType>;
  /** The type named by a resource name as kubectl takes it (`deploy`, `deployments`, `deployments.apps`). */
  lookupResource(name: string): Promise<ResourceType>;
  resources(): Promise<ResourceType[]>;
  /** `group/version` and `group/version/Kind` of every served type, sorted (helm's .Capabilities.APIVersions). */
  apiVersions(): Promise<string[]>;
}

/** `deployments.apps`, or `pods` for the core group: how the API server names a resource in messages. */
export function qualifiedResource(t: Pick<ResourceType, 'resource' | 'group'>): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

type Row = [group: string, versions: string, kind: string, plural: string, namespaced: boolean, shortNames?: string];

// biome-ignore format: a table reads best one row per line
const BUILTIN_ROWS: readonly Row[] = [
  ['', 'v1', 'ConfigMap', 'configmaps', true, 'cm'],
  ['', 'v1', 'Endpoints', 'endpoints', true, 'ep'],
  ['', 'v1', 'Event', 'events', true, 'ev'],
  ['', 'v1', 'LimitRange', 'limitranges', true, 'limits'],
  ['', 'v1', 'Namespace', 'namespaces', false, 'ns'],
  ['', 'v1', 'Node', 'nodes', false, 'no'],
  ['', 'v1', 'PersistentVolume', 'persistentvolumes', false, 'pv'],
  ['', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, 'pvc'],
  ['', 'v1', 'Pod', 'pods', true, 'po'],
  ['', 'v1', 'PodTemplate', 'podtemplates', true],
  ['', 'v1', 'ReplicationController', 'replicationcontrollers', true, 'rc'],
  ['', 'v1', 'ResourceQuota', 'resourcequotas', true, 'quota'],
  ['', 'v1', 'Secret', 'secrets', true],
  ['', 'v1', 'Service', 'services', true, 'svc'],
  ['', 'v1', 'ServiceAccount', 'serviceaccounts', true, 'sa'],
  ['admissionregistration.k8s.io', 'v1', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false],
  ['admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false],
  ['admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false],
  ['admissionregistration.k8s.io', 'v1', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false],
  ['apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, 'crd,crds'],
  ['apiregistration.k8s.io', 'v1', 'APIService', 'apiservices', false],
  ['apps', 'v1', 'ControllerRevision', 'controllerrevisions', true],
  ['apps', 'v1', 'DaemonSet', 'daemonsets', true, 'ds'],
  ['apps', 'v1', 'Deployment', 'deployments', true, 'deploy'],
  ['apps', 'v1', 'ReplicaSet', 'replicasets', true, 'rs'],
  ['apps', 'v1', 'StatefulSet', 'statefulsets', true, 'sts'],
  ['autoscaling', 'v2,v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, 'hpa'],
  ['batch', 'v1', 'CronJob', 'cronjobs', true, 'cj'],
  ['batch', 'v1', 'Job', 'jobs', true],
  ['certificates.k8s.io', 'v1', 'CertificateSigningRequest', 'certificatesigningrequests', false, 'csr'],
  ['coordination.k8s.io', 'v1', 'Lease', 'leases', true],
  ['discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true],
  ['events.k8s.io', 'v1', 'Event', 'events', true, 'ev'],
  ['flowcontrol.apiserver.k8s.io', 'v1', 'FlowSchema', 'flowschemas', false],
  ['flowcontrol.apiserver.k8s.io', 'v1', 'PriorityLevelConfiguration', 'prioritylevelconfigurations', false],
  ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, 'ing'],
  ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false],
  ['networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, 'netpol'],
  ['node.k8s.io', 'v1', 'RuntimeClass', 'runtimeclasses', false],
  ['policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, 'pdb'],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false],
  ['rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true],
  ['rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true],
  ['scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, 'pc'],
  ['storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', false],
  ['storage.k8s.io', 'v1', 'CSINode', 'csinodes', false],
  ['storage.k8s.io', 'v1', 'CSIStorageCapacity', 'csistoragecapacities', true],
  ['storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, 'sc'],
  ['storage.k8s.io', 'v1', 'VolumeAttachment', 'volumeattachments', false],
];

let builtins: readonly ResourceType[] | undefined;

/** The built-in resource types. */
export function builtinResources(): readonly ResourceType[] {
  builtins ??= BUILTIN_ROWS.map(([group, versions, kind, resource, namespaced, short]) => ({
    group,
    versions: versions.split(','),
    kind,
    resource,
    singular: kind.toLowerCase(),
    shortNames: short ? short.split(',') : [],
    namespaced,
    builtin: true,
  }));
  return builtins;
}

const BUILTIN_GROUPS = new Set(BUILTIN_ROWS.map((r) => r[0]));

/** Whether a group belongs to Kubernetes itself (its kinds cannot be redefined by a CRD). */
export function isBuiltinGroup(group: string): boolean {
  return BUILTIN_GROUPS.has(group) || group.endsWith('.k8s.io');
}

/** The type a CustomResourceDefinition (apiextensions.k8s.io/v1) defines; throws InvalidObjectError. */
export function crdResourceType(crd: KubeObject): ResourceType {
  const name = crd.metadata.name;
  const invalid = (field: string, detail: string): never => {
    throw new InvalidObjectError('CustomResourceDefinition', name, field, detail);
  };
  const spec = isObject(crd.spec) ? crd.spec : invalid('spec', 'Required value');
  const group = typeof spec.group === 'string' && spec.group ? spec.group : invalid('spec.group', 'Required value');
  const names = isObject(spec.names) ? spec.names : invalid('spec.names', 'Required value');
  const kind = typeof names.kind === 'string' && names.kind ? names.kind : invalid('spec.names.kind', 'Required value');
  const plural =
    typeof names.plural === 'string' && names.plural ? names.plural : invalid('spec.names.plural', 'Required value');
  if (name !== `${plural}.${group}`) {
    invalid('metadata.name', `Invalid value: ${JSON.stringify(name)}: must be spec.names.plural+"."+spec.group`);
  }
  if (!group.includes('.'))
    invalid('spec.group', `Invalid value: ${JSON.stringify(group)}: should be a domain with at least one dot`);
  if (isBuiltinGroup(group))
    invalid('spec.group', `Invalid value: ${JSON.stringify(group)}: is reserved for Kubernetes`);
  const scope = spec.scope;
  if (scope !== 'Namespaced' && scope !== 'Cluster') {
    invalid('spec.scope', `Unsupported value: ${JSON.stringify(scope)}: supported values: "Cluster", "Namespaced"`);
  }
  const versions: string[] = [];
  let storage: string | undefined;
  for (const v of Array.isArray(spec.versions) ? spec.versions : []) {
    if (!isObject(v) || typeof v.name !== 'string') continue;
    if (v.served !== false) versions.push(v.name);
    if (v.storage === true) storage = v.name;
  }
  if (versions.length === 0) invalid('spec.versions', 'Invalid value: must have at least one served version');
  // The storage version is the preferred one.
  if (storage && versions.includes(storage)) versions.sort((a, b) => (a === storage ? -1 : b === storage ? 1 : 0));
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    group,
    versions,
    kind,
    resource: plural,
    singular: typeof names.singular === 'string' && names.singular ? names.singular : kind.toLowerCase(),
    shortNames: strings(names.shortNames),
    namespaced: scope === 'Namespaced',
    builtin: false,
  };
}

/** An index of resource types by group and kind, and by resource names. */
export class ResourceTable {
  private readonly byGroupKind = new Map<string, ResourceType>();
  private readonly byName = new Map<string, ResourceType[]>();

  constructor(readonly types: readonly ResourceType[]) {
    for (const t of types) {
      this.byGroupKind.set(`${t.group}/${t.kind}`, t);
      for (const n of new Set([t.resource, t.singular, ...t.shortNames])) {
        const list = this.byName.get(n) ?? [];
        list.push(t);
        this.byName.set(n, list);
      }
    }
  }

  /** The type of a kind in an apiVersion, if that version is served. */
  find(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = parseApiVersion(apiVersion);
    const t = this.byGroupKind.get(`${group}/${kind}`);
    return t?.versions.includes(version) ? t : undefined;
  }

  /** The type named `name` or `name.group`; built-in types win over custom ones of the same name. */
  findByName(name: string): ResourceType | undefined {
    const lower = name.toLowerCase();
    const direct = this.byName.get(lower);
    if (direct) return direct.find((t) => t.builtin) ?? direct[0];
    const dot = lower.indexOf('.');
    if (dot < 0) return undefined;
    const group = lower.slice(dot + 1);
    return this.byName.get(lower.slice(0, dot))?.find((t) => t.group === group);
  }

  apiVersions(): string[] {
    const out = new Set<string>();
    for (const t of this.types) {
      for (const v of t.versions) {
        const gv = t.group ? `${t.group}/${v}` : v;
        out.add(gv);
        out.add(`${gv}/${t.kind}`);
      }
    }
    return [...out].sort();
  }
}
