// The shape of a bosun CLI command, and the flags every helm command accepts.
import { type FlagSpec, Flags, formatFlagHelp, parseFlags } from './flags.ts';

export interface CommandIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CommandDef {
  name: string;
  usage: string;
  short: string;
  flags: readonly FlagSpec[];
  /** Returns the exit code. Throws UserError (or any typed bosun error) for failures to print as `Error: ...`. */
  run(flags: Flags, io: CommandIO): Promise<number> | number;
  /** Commands with their own argument parsing (sops-style `secrets`) receive the raw arguments instead. */
  runRaw?(argv: readonly string[], io: CommandIO): Promise<number>;
}

/** An error meant for the user: printed as `Error: <message>`, exit code 1 (or `code`). */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

/** Helm's global flags (accepted by every command; most matter only with a cluster). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'debug', kind: 'bool', usage: 'enable verbose output' },
  { name: 'namespace', short: 'n', kind: 'string', usage: 'namespace scope for this request' },
  { name: 'kube-context', kind: 'string', usage: 'name of the kubeconfig context to use' },
  { name: 'kubeconfig', kind: 'string', usage: 'path to the kubeconfig file' },
  { name: 'kube-apiserver', kind: 'string', usage: 'the address and the port for the Kubernetes API server' },
  { name: 'kube-token', kind: 'string', usage: 'bearer token used for authentication' },
  { name: 'kube-as-user', kind: 'string', usage: 'username to impersonate for the operation' },
  { name: 'kube-as-group', kind: 'stringArray', usage: 'group to impersonate for the operation' },
  {
    name: 'kube-ca-file',
    kind: 'string',
    usage: 'the certificate authority file for the Kubernetes API server connection',
  },
  {
    name: 'kube-tls-server-name',
    kind: 'string',
    usage: 'server name to use for Kubernetes API server certificate validation',
  },
  { name: 'kube-insecure-skip-tls-verify', kind: 'bool', usage: "skip Kubernetes API server's certificate validation" },
  { name: 'registry-config', kind: 'string', usage: 'path to the registry config file' },
  { name: 'repository-cache', kind: 'string', usage: 'path to the directory containing cached repository indexes' },
  { name: 'repository-config', kind: 'string', usage: 'path to the file containing repository names and URLs' },
  { name: 'burst-limit', kind: 'int', usage: 'client-side default throttling limit', default: 100 },
  { name: 'qps', kind: 'string', usage: 'queries per second used when communicating with the Kubernetes API' },
  { name: 'color', kind: 'string', usage: 'use colors in output (never, auto, always)', default: 'auto' },
  {
    name: 'colour',
    kind: 'string',
    usage: 'use colors in output (never, auto, always)',
    default: 'auto',
    hidden: true,
  },
  { name: 'help', short: 'h', kind: 'bool', usage: 'help for this command' },
];

/** bosun's own global flag: which helm to reproduce (also $BOSUN_HELM_COMPAT). */
export const HELM_COMPAT_FLAG: FlagSpec = {
  name: 'helm-compat',
  kind: 'string',
  usage: 'reproduce this helm version\'s behaviour: "4" (4.1.4, default) or "3" (3.17.2)',
};

export function commandHelp(def: CommandDef): string {
  return `${def.short}\n\nUsage:\n  ${def.usage}\n\nFlags:\n${formatFlagHelp(def.flags)}\n\nGlobal Flags:\n${formatFlagHelp(GLOBAL_FLAGS)}\n`;
}

export async function runCommand(def: CommandDef, argv: readonly string[], io: CommandIO): Promise<number> {
  if (def.runRaw) return def.runRaw(argv, io);
  const specs = [...def.flags, ...GLOBAL_FLAGS];
  if (!specs.some((f) => f.name === HELM_COMPAT_FLAG.name)) specs.push(HELM_COMPAT_FLAG);
  const flags = new Flags(parseFlags(argv, specs));
  if (flags.bool('help')) {
    io.stdout(commandHelp(def));
    return 0;
  }
  return def.run(flags, io);
}
