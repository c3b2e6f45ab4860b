// helm 4.1.4's flags of the release commands (pkg/cmd/install.go, upgrade.go, flags.go), their argument checks
// (pkg/cmd/require) and the parsing of the flags whose values helm validates itself (--dry-run, --wait).

import type { DryRun } from '../release/install.ts';
import type { WaitStrategy } from '../release/kube.ts';
import type { ValueLayers } from '../values/layers.ts';
import { type CommandIO, UserError } from './command.ts';
import { CHART_PATH_FLAGS, INSTALL_FLAGS, VALUES_FLAGS } from './common-flags.ts';
import type { FlagSpec, Flags } from './flags.ts';
import { BACKEND_FLAG, OUTPUT_FLAG } from './release-io.ts';

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  kind: 'string',
  usage: 'simulates the operation without persisting changes. Must be one of: "none" (default), "client", or "server"',
  default: 'none',
  noOptDefault: 'unset',
};

export const WAIT_FLAG: FlagSpec = {
  name: 'wait',
  kind: 'string',
  usage: "if specified, wait until resources are ready (up to --timeout). Values: 'watcher', 'hookOnly', and 'legacy'.",
  default: 'hookOnly',
  noOptDefault: 'watcher',
};

const HIDE_SECRET: FlagSpec = {
  name: 'hide-secret',
  kind: 'bool',
  usage: 'hide Kubernetes Secrets when also using the --dry-run flag',
};

const REPLACED = new Set(['dry-run', 'wait', 'output']);

/** `bosun install`'s flags. */
export const INSTALL_COMMAND_FLAGS: readonly FlagSpec[] = [
  ...INSTALL_FLAGS.filter((f) => !REPLACED.has(f.name)),
  DRY_RUN_FLAG,
  WAIT_FLAG,
  OUTPUT_FLAG,
  HIDE_SECRET,
  ...VALUES_FLAGS,
  ...CHART_PATH_FLAGS,
  BACKEND_FLAG,
];

const maxHistoryDefault = (): number => {
  const v = Number.parseInt(process.env.HELM_MAX_HISTORY ?? '', 10);
  return Number.isNaN(v) ? 10 : v;
};

const UPGRADE_ONLY: readonly FlagSpec[] = [
  {
    name: 'install',
    short: 'i',
    kind: 'bool',
    usage: "if a release by this name doesn't already exist, run an install",
  },
  {
    name: 'server-side',
    kind: 'string',
    usage: 'must be "true", "false" or "auto". Object updates run in the server instead of the client',
    default: 'auto',
  },
  { name: 'reset-values', kind: 'bool', usage: 'when upgrading, reset the values to the ones built into the chart' },
  {
    name: 'reuse-values',
    kind: 'bool',
    usage: "when upgrading, reuse the last release's values and merge in any overrides from the command line",
  },
  {
    name: 'reset-then-reuse-values',
    kind: 'bool',
    usage: "when upgrading, reset the values to the chart's, apply the last release's values and merge in overrides",
  },
  {
    name: 'history-max',
    kind: 'int',
    usage: 'limit the maximum number of revisions saved per release. Use 0 for no limit',
    default: maxHistoryDefault(),
  },
  {
    name: 'cleanup-on-fail',
    kind: 'bool',
    usage: 'allow deletion of new resources created in this upgrade when upgrade fails',
  },
];

/** `bosun upgrade`'s flags. */
export const UPGRADE_COMMAND_FLAGS: readonly FlagSpec[] = [
  ...INSTALL_COMMAND_FLAGS.filter(
    (f) => !['server-side', 'generate-name', 'name-template', 'replace'].includes(f.name),
  ),
  ...UPGRADE_ONLY,
];

/** `bosun rollback`'s flags. */
export const ROLLBACK_COMMAND_FLAGS: readonly FlagSpec[] = [
  { name: 'force-replace', kind: 'bool', usage: 'force resource updates by replacement' },
  { name: 'force', kind: 'bool', usage: 'deprecated', hidden: true },
  { name: 'force-conflicts', kind: 'bool', usage: 'if set server-side apply will force changes against conflicts' },
  UPGRADE_ONLY[1],
  { name: 'no-hooks', kind: 'bool', usage: 'prevent hooks from running during rollback' },
  INSTALL_FLAGS.find((f) => f.name === 'timeout') as FlagSpec,
  INSTALL_FLAGS.find((f) => f.name === 'wait-for-jobs') as FlagSpec,
  {
    name: 'cleanup-on-fail',
    kind: 'bool',
    usage: 'allow deletion of new resources created in this rollback when rollback fails',
  },
  UPGRADE_ONLY[5],
  DRY_RUN_FLAG,
  WAIT_FLAG,
  BACKEND_FLAG,
];

/** cmdGetDryRunFlagStrategy: `--dry-run` alone means client (with helm's deprecation warning). */
export function dryRunOf(flags: Flags, io: CommandIO): DryRun {
  const v = flags.string('dry-run') || 'none';
  switch (v) {
    case 'unset':
      io.stderr(`level=WARN msg="--dry-run is deprecated and should be replaced with '--dry-run=client'"\n`);
      return 'client';
    case 'client':
    case 'server':
    case 'none':
      return v;
  }
  const b = parseGoBool(v);
  if (b === undefined) throw new UserError(`invalid dry-run value ("${v}"). Must be "none", "server", or "client"`);
  const result = b ? 'client' : 'none';
  io.stderr(
    `level=WARN msg="boolean '--dry-run=${v}' flag is deprecated and must be replaced with '--dry-run=${result}'"\n`,
  );
  return result;
}

export function waitOf(flags: Flags, io: CommandIO): WaitStrategy {
  const v = flags.string('wait') || 'hookOnly';
  switch (v) {
    case 'watcher':
    case 'legacy':
    case 'hookOnly':
      return v;
    case 'true':
      io.stderr('level=WARN msg="--wait=true is deprecated (boolean value) and can be replaced with --wait=watcher"\n');
      return 'watcher';
    case 'false':
      io.stderr(
        'level=WARN msg="--wait=false is deprecated (boolean value) and can be replaced with --wait=hookOnly"\n',
      );
      return 'hookOnly';
  }
  throw new UserError(
    `invalid argument "${v}" for "--wait" flag: invalid wait input "${v}". Valid inputs are watcher, hookOnly, and legacy`,
  );
}

function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s)) return false;
  return undefined;
}

/** The `-f`/`--set` family as ValueLayers. */
export function valueLayers(flags: Flags): ValueLayers {
  return {
    valueFiles: flags.list('values'),
    values: flags.list('set'),
    stringValues: flags.list('set-string'),
    jsonValues: flags.list('set-json'),
    fileValues: flags.list('set-file'),
    literalValues: flags.list('set-literal'),
  };
}

export function hasValueFlags(flags: Flags): boolean {
  const l = valueLayers(flags);
  return flags.list('secrets').length > 0 || Object.values(l).some((v) => Array.isArray(v) && v.length > 0);
}

// pkg/cmd/require: cobra argument checks with helm's messages.
function usageLine(usage: string): string {
  return usage;
}

export function exactArgs(flags: Flags, n: number, command: string, usage: string): string[] {
  if (flags.args.length !== n) {
    throw new UserError(
      `"bosun ${command}" requires ${n} argument${n === 1 ? '' : 's'}\n\nUsage:  ${usageLine(usage)}`,
    );
  }
  return flags.args;
}

export function minimumArgs(flags: Flags, n: number, command: string, usage: string): string[] {
  if (flags.args.length < n) {
    throw new UserError(
      `"bosun ${command}" requires at least ${n} argument${n === 1 ? '' : 's'}\n\nUsage:  ${usageLine(usage)}`,
    );
  }
  return flags.args;
}

export function noArgs(flags: Flags, command: string, usage: string): void {
  if (flags.args.length > 0) {
    throw new UserError(`"bosun ${command}" accepts no arguments\n\nUsage:  ${usageLine(usage)}`);
  }
}

/** Flags that cannot be given together (cobra's MarkFlagsMutuallyExclusive). */
export function exclusive(flags: Flags, a: string, b: string): void {
  if (flags.changed(a) && flags.changed(b)) {
    throw new UserError(
      `if any flags in the group [${a} ${b}] are set none of the others can be; [${a} ${b}] were all set`,
    );
  }
}
