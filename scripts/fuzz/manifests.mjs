// Random charts of valid manifests, compared on helm's whole output: kinds in and out of helm's install order,
// several documents per file, empty and comment-only documents, hooks with weights and delete policies, test
// hooks, CRDs, NOTES.txt, subchart templates, and the flags that select what is printed.
const kinds = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'Widget',
  'Gadget',
  'PriorityClass',
];
const hooks = [
  'pre-install',
  'post-install',
  'pre-upgrade',
  'post-upgrade',
  'pre-delete',
  'test',
  'test-success',
  'pre-install,post-install',
  'crd-install',
  'pre-rollback',
];
function manifest(rng, names) {
  const kind = rng.pick(kinds);
  let name = rng.pick(['a', 'b', 'c', 'web', 'db', 'z']);
  if (rng.bool(0.7)) {
    let k = 0;
    while (names.has(`${kind}/${name}`) && k++ < 10) name += 'x';
  }
  names.add(`${kind}/${name}`);
  let s = rng.bool(0.1) ? '# leading comment\n' : '';
  s += `apiVersion: ${rng.pick(['v1', 'apps/v1', 'example.com/v1'])}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;
  if (rng.bool(0.3)) {
    s += `  annotations:\n    "helm.sh/hook": ${rng.pick(hooks)}\n`;
    if (rng.bool(0.5)) s += `    "helm.sh/hook-weight": "${rng.pick(['-5', '0', '3', '10', 'x'])}"\n`;
    if (rng.bool(0.3))
      s += `    "helm.sh/hook-delete-policy": ${rng.pick(['hook-succeeded', 'before-hook-creation,hook-failed'])}\n`;
  }
  if (rng.bool(0.3)) s += `  namespace: {{ .Release.Namespace }}\n`;
  if (rng.bool(0.3)) s += `data:\n  k: ${rng.pick(['v', '"1"', '|\n    multi\n    line'])}\n`;
  return s;
}
function file(rng, names) {
  const n = rng.int(4);
  const docs = [];
  for (let i = 0; i < n; i++) docs.push(manifest(rng, names));
  if (rng.bool(0.2))
    docs.splice(rng.int(docs.length + 1), 0, rng.pick(['', '# only a comment\n', '\n\n', '{{/* nothing */}}']));
  let s = rng.bool(0.2) ? '---\n' : '';
  s += docs.join(rng.pick(['---\n', '\n---\n', '---\n\n']));
  if (rng.bool(0.1)) s += '---\n';
  return s;
}
export function generate(rng, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const names = new Set();
    const files = {};
    const count = rng.int(4);
    for (let j = 0; j < count; j++)
      files[`templates/${rng.pick(['a', 'b', 'z', 'dir/c', '_helpers', 'tests/t'])}${j}.yaml`] = file(rng, names);
    if (rng.bool(0.3)) files['templates/NOTES.txt'] = 'Notes for {{ .Release.Name }}\n';
    if (rng.bool(0.3))
      files['crds/crd.yaml'] =
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n';
    if (rng.bool(0.3)) {
      files['charts/sub/Chart.yaml'] = 'apiVersion: v2\nname: sub\nversion: 0.1.0\n';
      files['charts/sub/templates/s.yaml'] = file(rng, names);
    }
    const args = [];
    if (rng.bool(0.15)) args.push('--skip-tests');
    if (rng.bool(0.15)) args.push('--include-crds');
    if (rng.bool(0.1)) args.push('--skip-crds');
    if (rng.bool(0.15)) args.push('--no-hooks');
    if (rng.bool(0.1)) args.push('--is-upgrade');
    if (rng.bool(0.15))
      args.push(
        '--show-only',
        rng
          .pick(
            Object.keys(files)
              .filter((f) => f.includes('templates/'))
              .concat('templates/t.yaml'),
          )
          .replace(/^/, 't/')
          .replace('t/charts/sub/', 't/charts/sub/'),
      );
    if (rng.bool(0.2)) args.push('-n', 'other');
    out.push({ whole: true, tpl: file(rng, names), files, args });
  }
  return out;
}
