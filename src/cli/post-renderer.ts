// `--post-renderer` and `--post-renderer-args` as each helm reads them.
// helm 4 names a plugin of type postrenderer/v1 (plugin.yaml, runtime subprocess) found under $HELM_PLUGINS
// (default $HELM_DATA_HOME/plugins, then $XDG_DATA_HOME/helm/plugins, then ~/.local/share/helm/plugins); its
// platform command runs with the args appended. helm 3 takes the path (or $PATH name) of an executable.
// Lookup failures are flag errors, as pflag reports them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { execPostRenderer, PostRenderError, type PostRenderer } from '../action/post-render.ts';
import { parseYaml } from '../goyaml/index.ts';
import type { HelmDialect } from '../render/dialect.ts';
import type { Value } from '../template/value.ts';
import type { CommandIO } from './command.ts';
import { UserError } from './command.ts';
import { goExpand } from './name-template.ts';

function flagError(value: string, why: string): UserError {
  return new UserError(`invalid argument ${JSON.stringify(value)} for "--post-renderer" flag: ${why}`);
}

/** The post-renderer the flags ask for, or undefined. */
export function postRendererFromFlags(
  name: string,
  args: readonly string[],
  dialect: HelmDialect,
  io: Pick<CommandIO, 'env' | 'cwd'>,
): PostRenderer | undefined {
  if (name === '') return undefined;
  return dialect === 'helm4' ? pluginPostRenderer(name, args, io) : execRenderer(name, args, io);
}

// ---- helm 3 ----

/** exec.LookPath, then filepath.Abs: the executable's absolute path, or Go's error text. */
function lookPath(file: string, io: Pick<CommandIO, 'env' | 'cwd'>): string {
  const executable = (p: string): string | undefined => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(resolve(io.cwd, p));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return `stat ${p}: ${code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`;
    }
    if (!st.isDirectory() && (st.mode & 0o111) !== 0) return undefined;
    return 'permission denied';
  };
  if (file.includes('/')) {
    const err = executable(file);
    if (err !== undefined) throw new Error(`exec: ${JSON.stringify(file)}: ${err}`);
    return resolve(io.cwd, file);
  }
  for (const dir of (io.env.PATH ?? '').split(delimiter)) {
    const p = join(dir === '' ? '.' : dir, file);
    if (executable(p) === undefined) return resolve(io.cwd, p);
  }
  throw new Error(`exec: ${JSON.stringify(file)}: executable file not found in $PATH`);
}

function execRenderer(binary: string, args: readonly string[], io: Pick<CommandIO, 'env' | 'cwd'>): PostRenderer {
  let path: string;
  try {
    path = lookPath(binary, io);
  } catch (e) {
    throw flagError(binary, `unable to find binary at ${binary}: ${(e as Error).message}`);
  }
  return execPostRenderer(path, args, {
    env: io.env,
    describe: (status, stderr) =>
      `error while running post render on files: error while running command ${path}. error output:\n${stderr}: ${status}`,
  });
}

// ---- helm 4 ----

interface Plugin {
  name: string;
  dir: string;
  type: string;
  commands: { os: string; arch: string; command: string; args: string[] }[];
}

function pluginDirs(env: NodeJS.ProcessEnv): string[] {
  if (env.HELM_PLUGINS) return env.HELM_PLUGINS.split(delimiter);
  const data = env.HELM_DATA_HOME || join(env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share'), 'helm');
  return [join(data, 'plugins')];
}

const str = (v: Value): string => (typeof v === 'string' ? v : '');

/** A v1 plugin.yaml (legacy plugins are never post-renderers); undefined when it does not load. */
function loadPlugin(dir: string): Plugin | undefined {
  let doc: Value;
  try {
    doc = parseYaml(readFileSync(join(dir, 'plugin.yaml'), 'utf8'));
  } catch {
    return undefined;
  }
  if (!(doc instanceof Map) || doc.get('apiVersion') !== 'v1') return undefined;
  const known = ['apiVersion', 'name', 'type', 'runtime', 'version', 'sourceURL', 'config', 'runtimeConfig'];
  if ([...doc.keys()].some((k) => !known.includes(k))) return undefined;
  const name = str(doc.get('name'));
  if (!/^[A-Za-z0-9_-]+$/.test(name) || str(doc.get('version')) === '' || str(doc.get('runtime')) !== 'subprocess') {
    return undefined;
  }
  const rc = doc.get('runtimeConfig');
  const cmds = rc instanceof Map ? rc.get('platformCommand') : undefined;
  const commands = Array.isArray(cmds)
    ? cmds
        .filter((c): c is Map<string, Value> => c instanceof Map)
        .map((c) => ({
          os: str(c.get('os')),
          arch: str(c.get('arch')),
          command: str(c.get('command')),
          args: Array.isArray(c.get('args')) ? (c.get('args') as Value[]).map((a) => String(a)) : [],
        }))
    : [];
  return { name, dir, type: str(doc.get('type')), commands };
}

function findPlugin(name: string, env: NodeJS.ProcessEnv): Plugin | undefined {
  for (const base of pluginDirs(env)) {
    let entries: string[];
    try {
      entries = readdirSync(base).sort();
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = loadPlugin(join(base, e));
      if (p && p.name === name && p.type === 'postrenderer/v1') return p;
    }
  }
  return undefined;
}

const GOOS = process.platform === 'win32' ? 'windows' : process.platform;
const GOARCH =
  ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;

/** getPlatformCommand: an exact os/arch match, else os with no arch, else the first with neither. */
function platformCommand(cmds: Plugin['commands']): { parts: string[]; args: string[] } | undefined {
  const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  let found: Plugin['commands'][number] | undefined;
  let foundOs = false;
  for (const c of cmds) {
    if (eq(c.os, GOOS) && eq(c.arch, GOARCH)) return { parts: c.command.split(' '), args: c.args };
    if ((c.os !== '' && !eq(c.os, GOOS)) || c.arch !== '') continue;
    if (!foundOs && c.os !== '' && eq(c.os, GOOS)) {
      found = c;
      foundOs = true;
    } else if (!found) found = c;
  }
  return found ? { parts: found.command.split(' '), args: found.args } : undefined;
}

function pluginPostRenderer(name: string, extra: readonly string[], io: Pick<CommandIO, 'env' | 'cwd'>): PostRenderer {
  const plugin = findPlugin(name, io.env);
  if (!plugin) throw flagError(name, `plugin: {Name:${name} Type:postrenderer/v1} not found`);
  const env: NodeJS.ProcessEnv = { ...io.env, HELM_PLUGIN_NAME: plugin.name, HELM_PLUGIN_DIR: plugin.dir };
  const lookup = (k: string) => env[k] ?? '';
  return {
    run(manifests) {
      const cmd = platformCommand(plugin.commands);
      if (!cmd || cmd.parts[0] === '') {
        throw new PostRenderError(
          `error while running post render on files: failed to invoke post-renderer plugin ${JSON.stringify(name)}: failed to prepare plugin command: no plugin command is applicable`,
        );
      }
      const main = goExpand(cmd.parts[0], lookup);
      const args = [...cmd.parts.slice(1), ...cmd.args].map((a) => goExpand(a, lookup));
      const renderer = execPostRenderer(
        isAbsolute(main) || !main.includes('/') ? main : resolve(io.cwd, main),
        [...args, ...extra],
        {
          env,
          describe: () =>
            `error while running post render on files: failed to invoke post-renderer plugin ${JSON.stringify(name)}: plugin ${JSON.stringify(name)} exited with error`,
          emptyError: `error while running post render on files: post-renderer ${JSON.stringify(name)} produced empty output`,
        },
      );
      return renderer.run(manifests);
    },
  };
}
