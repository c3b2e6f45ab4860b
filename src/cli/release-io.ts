// What the release commands share: choosing the backend (the embedded local one unless a kubeconfig says there
// is a cluster), the ReleaseManager for the namespace, helm's flags, `-o table|json|yaml`, `--timeout` and colours.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Backend } from '../backend/backend.ts';
import { LockTimeoutError, StateError } from '../backend/errors.ts';
import { defaultStateDir } from '../backend/local/layout.ts';
import { parseDuration } from '../funcs/time-duration.ts';
import type { ReleaseLog } from '../release/action-config.ts';
import { ReleaseManager } from '../release/manager.ts';
import type { WarnFn } from '../values/warnings.ts';
import { formatWarning } from '../values/warnings.ts';
import { type CommandIO, UserError } from './command.ts';
import type { FlagSpec, Flags } from './flags.ts';
import { dialectFromFlags } from './template-args.ts';

/** bosun's own flag: which backend holds the releases. */
export const BACKEND_FLAG: FlagSpec = {
  name: 'backend',
  kind: 'string',
  usage: 'where releases live: "local" (the embedded backend, state in $BOSUN_LOCAL_DIR) or "kubernetes"',
};

export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  kind: 'string',
  usage: 'prints the output in the specified format. Allowed values: table, json, yaml',
  default: 'table',
};

export const REVISION_FLAG: FlagSpec = { name: 'revision', kind: 'int', usage: 'get the named release with revision' };

export const TIMEOUT_FLAG: FlagSpec = {
  name: 'timeout',
  kind: 'duration',
  usage: 'time to wait for any individual Kubernetes operation (like Jobs for hooks)',
  default: '5m0s',
};

export type OutputFormat = 'table' | 'json' | 'yaml';

export function outputFormat(flags: Flags): OutputFormat {
  const v = flags.string('output') || 'table';
  if (v === 'table' || v === 'json' || v === 'yaml') return v;
  throw new UserError(`invalid argument "${v}" for "-o, --output" flag: invalid format type`);
}

/** `--timeout` in milliseconds (Go duration syntax). */
export function timeoutMs(flags: Flags, name = 'timeout'): number {
  const v = flags.string(name) || '5m0s';
  try {
    return Number(parseDuration(v) / 1_000_000n);
  } catch (e) {
    throw new UserError(`invalid argument "${v}" for "--${name}" flag: ${(e as Error).message}`);
  }
}

export function namespaceOf(flags: Flags, io: CommandIO): string {
  return flags.string('namespace') || io.env.HELM_NAMESPACE || 'default';
}

/** The kubeconfig helm would use, if there is one: --kubeconfig, $KUBECONFIG (a path list), ~/.kube/config. */
export function findKubeconfig(flags: Flags, io: CommandIO): string | undefined {
  const explicit = flags.string('kubeconfig');
  if (explicit) return explicit;
  const env = io.env.KUBECONFIG;
  if (env) {
    for (const p of env.split(delimiter)) if (p && existsSync(p)) return p;
    return undefined;
  }
  const home = io.env.HOME || homedir();
  const def = join(home, '.kube', 'config');
  return existsSync(def) ? def : undefined;
}

/** The backend error every release command gives when a kubeconfig points at a cluster. */
export class BackendUnavailableError extends UserError {
  override name = 'BackendUnavailableError';
}

/** Opens the backend the flags and environment select. */
export async function openBackend(flags: Flags, io: CommandIO): Promise<Backend> {
  const choice = flags.string('backend') || io.env.BOSUN_BACKEND || '';
  const localDir = defaultStateDir(io.env);
  if (choice === 'kubernetes' || choice === 'k8s') {
    throw new BackendUnavailableError(
      `the kubernetes backend is not available yet in this version of bosun; use --backend local for the embedded local backend (state in ${localDir})`,
    );
  }
  if (choice !== '' && choice !== 'local') {
    throw new UserError(`invalid --backend "${choice}": use "local" or "kubernetes"`);
  }
  if (choice === '') {
    const kubeconfig = findKubeconfig(flags, io);
    if (kubeconfig) {
      throw new BackendUnavailableError(
        `a kubeconfig was found (${kubeconfig}), so helm would talk to that cluster, but bosun's kubernetes backend is not available yet; use --backend local for the embedded local backend (state in ${localDir})`,
      );
    }
  }
  const { LocalBackend } = await import('../backend/local/backend.ts');
  return new LocalBackend({ dir: localDir });
}

/** Lines to stderr: debug ones only with --debug (each names the backend in use on first use). */
export function releaseLog(flags: Flags, io: CommandIO): ReleaseLog {
  const debug = flags.bool('debug');
  return {
    debug: (m) => {
      if (debug) io.stderr(`level=DEBUG msg=${JSON.stringify(m)}\n`);
    },
    info: (m) => io.stderr(`${m}\n`),
    warn: (m) => io.stderr(`level=WARN msg=${JSON.stringify(m)}\n`),
  };
}

export function warnFn(flags: Flags, io: CommandIO): WarnFn {
  const dialect = dialectFromFlags(flags, io.env);
  return (w) => {
    const line = formatWarning(w, dialect);
    if (line !== undefined) io.stderr(`${line}\n`);
  };
}

export interface ReleaseContext {
  manager: ReleaseManager;
  backend: Backend;
  log: ReleaseLog;
}

/** The manager for the command's namespace over the selected backend; `--debug` says which backend. */
export async function releaseContext(flags: Flags, io: CommandIO): Promise<ReleaseContext> {
  const backend = await openBackend(flags, io);
  const log = releaseLog(flags, io);
  log.debug(`using the ${backend.describe()}`);
  const manager = new ReleaseManager(backend, {
    namespace: namespaceOf(flags, io),
    dialect: dialectFromFlags(flags, io.env),
    log,
  });
  return { manager, backend, log };
}

/** Runs `fn` with a release context, closing the backend afterwards and naming it in errors with --debug. */
export async function withRelease<T>(flags: Flags, io: CommandIO, fn: (ctx: ReleaseContext) => Promise<T>): Promise<T> {
  const ctx = await releaseContext(flags, io);
  try {
    return await fn(ctx);
  } catch (e) {
    if (flags.bool('debug') && e instanceof Error) ctx.log.debug(`error on the ${ctx.backend.describe()}`);
    // Errors of the backend itself (not the API-style ones helm would print) say which backend failed.
    if (e instanceof StateError || e instanceof LockTimeoutError) {
      throw new UserError(`${e.message} (${ctx.backend.describe()})`);
    }
    throw e;
  } finally {
    await ctx.backend.close();
  }
}

/** Whether helm's colours are on: `--color always`, or `auto` on a terminal without NO_COLOR / TERM=dumb. */
export function colorEnabled(flags: Flags, io: CommandIO, isTTY = !!process.stdout.isTTY): boolean {
  if (io.env.NO_COLOR) return false;
  let mode = flags.changed('color') ? flags.string('color') : flags.changed('colour') ? flags.string('colour') : '';
  if (!mode) mode = (io.env.HELM_COLOR || 'auto').toLowerCase();
  if (mode === 'never') return false;
  if (mode === 'always') return true;
  return isTTY && io.env.TERM !== 'dumb';
}

/** `--set`-style `key=value` pairs (`--labels`) as a map, as pflag's StringToString reads them. */
export function stringToString(items: readonly string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0)
      throw new UserError(`invalid argument "${item}" for "--${flag}" flag: ${item} must be formatted as key=value`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
