// The command lines run by the real helm 4 (record.ts, through the API server double over a local backend) and by
// bosun (test/cli/releases-helm.test.ts, on its local backend), in order, each session from an empty state.
// helm runs without hooks (the double has no watches) and without OpenAPI validation (it serves no schema).

export interface Step {
  id: string;
  args: string[];
}

export interface Session {
  name: string;
  /** A state directory to start from (relative to the repository), else an empty one with namespace `demo`. */
  from?: string;
  steps: Step[];
}

const DEMO = 'charts/demo';
const LIFE = 'test/release/charts/lifecycle';
const NS = ['-n', 'demo'];
const APPLY = ['--no-hooks', '--disable-openapi-validation'];

const step = (id: string, ...args: string[]): Step => ({ id, args: [...args, ...NS] });

export const SESSIONS: Session[] = [
  {
    name: 'lifecycle of charts/demo',
    steps: [
      step('install', 'install', 'demo', DEMO, ...APPLY),
      step('install-again', 'install', 'demo', DEMO, ...APPLY),
      step('install-bad-name', 'install', 'Bad_Name', DEMO, ...APPLY),
      step('upgrade-missing', 'upgrade', 'nope', DEMO, ...APPLY),
      step('upgrade-set', 'upgrade', 'demo', DEMO, ...APPLY, '--set', 'replicaCount=3'),
      step('upgrade-reuse-json', 'upgrade', 'demo', DEMO, ...APPLY, '-o', 'json'),
      step('upgrade-reset-yaml', 'upgrade', 'demo', DEMO, ...APPLY, '--reset-values', '-o', 'yaml'),
      step('history', 'history', 'demo'),
      step('history-json', 'history', 'demo', '-o', 'json'),
      step('history-yaml', 'history', 'demo', '-o', 'yaml'),
      step('history-max', 'history', 'demo', '--max', '2'),
      step('list', 'list'),
      step('list-json', 'list', '-o', 'json'),
      step('list-yaml', 'list', '-o', 'yaml'),
      step('list-short', 'list', '-q'),
      step('list-superseded', 'list', '--superseded'),
      step('list-filter', 'list', '--filter', '^d.m'),
      step('list-filter-none', 'list', '--filter', 'nothing'),
      step('status', 'status', 'demo'),
      step('status-json', 'status', 'demo', '-o', 'json'),
      step('status-yaml', 'status', 'demo', '-o', 'yaml'),
      step('status-revision', 'status', 'demo', '--revision', '2'),
      step('get-values', 'get', 'values', 'demo', '--revision', '2'),
      step('get-values-json', 'get', 'values', 'demo', '--revision', '2', '-o', 'json'),
      step('get-values-all', 'get', 'values', 'demo', '-a'),
      step('get-manifest', 'get', 'manifest', 'demo'),
      step('get-hooks', 'get', 'hooks', 'demo'),
      step('get-notes', 'get', 'notes', 'demo'),
      step('get-metadata', 'get', 'metadata', 'demo'),
      step('get-metadata-json', 'get', 'metadata', 'demo', '--revision', '1', '-o', 'json'),
      step('get-metadata-yaml', 'get', 'metadata', 'demo', '-o', 'yaml'),
      step('get-all', 'get', 'all', 'demo'),
      step('rollback', 'rollback', 'demo', '1', '--no-hooks'),
      step('rollback-missing-revision', 'rollback', 'demo', '9', '--no-hooks'),
      step('rollback-previous', 'rollback', 'demo', '--no-hooks'),
      step('history-after-rollback', 'history', 'demo'),
      step('upgrade-install', 'upgrade', '--install', 'other', DEMO, ...APPLY, '--description', 'hi'),
      step('uninstall-keep-history', 'uninstall', 'other', '--no-hooks', '--keep-history'),
      step('list-uninstalled', 'list', '--uninstalled'),
      step('list-all', 'list'),
      step('install-over-uninstalled', 'install', 'other', DEMO, ...APPLY),
      step('uninstall-uninstalled', 'uninstall', 'other', '--no-hooks', '--keep-history'),
      step('upgrade-install-replace', 'upgrade', '-i', 'other', DEMO, ...APPLY),
      step('history-replaced', 'history', 'other'),
      step('uninstall-purge', 'uninstall', 'other', '--no-hooks'),
      step('uninstall-missing', 'uninstall', 'other', '--no-hooks'),
      step('uninstall-ignore', 'uninstall', 'other', '--no-hooks', '--ignore-not-found'),
      step('history-missing', 'history', 'other'),
      step('status-missing', 'status', 'other'),
      step('get-values-missing', 'get', 'values', 'other'),
      step('rollback-missing', 'rollback', 'other', '--no-hooks'),
      // Bad input: helm's commands print what fails before the action without `UPGRADE FAILED:`, and
      // `upgrade --install` prints its install's errors without `INSTALLATION FAILED:`.
      step('install-missing-chart', 'install', 'other', 'nope', ...APPLY),
      step('install-missing-chart-path', 'install', 'other', './nope', ...APPLY),
      step('upgrade-missing-chart', 'upgrade', 'demo', 'nope', ...APPLY),
      step('upgrade-missing-values-file', 'upgrade', 'demo', DEMO, ...APPLY, '-f', 'nope.yaml'),
      step('upgrade-bad-set', 'upgrade', 'demo', DEMO, ...APPLY, '--set', 'a[x]=1'),
      step('upgrade-render-error', 'upgrade', 'demo', DEMO, ...APPLY, '--set', 'config=5'),
      step('upgrade-install-missing-values-file', 'upgrade', '-i', 'other', DEMO, ...APPLY, '-f', 'nope.yaml'),
      step('upgrade-install-render-error', 'upgrade', '-i', 'other', DEMO, ...APPLY, '--set', 'config=5'),
      step('upgrade-install-missing-chart', 'upgrade', '-i', 'other', 'nope', ...APPLY),
      step('list-bad-selector', 'list', '-l', 'bad selector!!'),
    ],
  },
  {
    name: 'objects that come and go (charts: lifecycle)',
    steps: [
      step('life-install', 'install', 'life', LIFE, ...APPLY),
      step('life-upgrade-drop', 'upgrade', 'life', LIFE, ...APPLY, '--set', 'extra=false,kept=false'),
      step('life-status', 'status', 'life'),
      step('life-upgrade-back', 'upgrade', 'life', LIFE, ...APPLY, '--reset-values', '--history-max', '2'),
      step('life-history-trimmed', 'history', 'life'),
      step('life-uninstall', 'uninstall', 'life', '--no-hooks'),
      step('life-list-empty', 'list'),
    ],
  },
  {
    name: 'records written by helm (test/fixtures/release/helm-state)',
    from: 'test/fixtures/release/helm-state',
    steps: [
      step('helm-history', 'history', 'fixture'),
      step('helm-get-values', 'get', 'values', 'fixture', '-o', 'json'),
      step('helm-get-manifest', 'get', 'manifest', 'fixture'),
      step('helm-get-notes', 'get', 'notes', 'fixture', '--revision', '1'),
      step('helm-status-json', 'status', 'fixture', '-o', 'json'),
      step('helm-list', 'list'),
    ],
  },
];
