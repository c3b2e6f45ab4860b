// `bosun get values|manifest|hooks|notes|metadata|all RELEASE_NAME` (helm 4.1.4 pkg/cmd/get*.go).
import { computedValues } from '../release/get.ts';
import type { CommandDef, CommandIO } from './command.ts';
import { UserError } from './command.ts';
import type { Flags } from './flags.ts';
import { exactArgs } from './release-flags.ts';
import { BACKEND_FLAG, colorEnabled, OUTPUT_FLAG, outputFormat, withRelease } from './release-io.ts';
import { jsonLine, jsonOf, statusTable, yamlOf, yamlOfJSON } from './release-print.ts';

const SUBCOMMANDS: Record<string, { short: string; flags: string[] }> = {
  all: { short: 'download all information for a named release', flags: ['revision', 'template'] },
  hooks: { short: 'download all hooks for a named release', flags: ['revision'] },
  manifest: { short: 'download the manifest for a named release', flags: ['revision'] },
  metadata: { short: 'This command fetches metadata for a given release', flags: ['revision', 'output'] },
  notes: { short: 'download the notes for a named release', flags: ['revision'] },
  values: { short: 'download the values file for a named release', flags: ['revision', 'all', 'output'] },
};

const USAGE = `bosun get [command]

Available Commands:
${Object.entries(SUBCOMMANDS)
  .map(([n, s]) => `  ${n.padEnd(9)} ${s.short}`)
  .join('\n')}
`;

const getCmd: CommandDef = {
  name: 'get',
  usage: 'bosun get [command]',
  short: 'download extended information of a named release',
  flags: [
    { name: 'revision', kind: 'int', usage: 'get the named release with revision' },
    { name: 'all', short: 'a', kind: 'bool', usage: 'dump all (computed) values' },
    { name: 'template', kind: 'string', usage: 'go template for formatting the output, eg: {{.Release.Name}}' },
    OUTPUT_FLAG,
    BACKEND_FLAG,
  ],
  async run(flags, io) {
    const [sub, ...rest] = flags.args;
    if (sub === undefined) {
      io.stdout(
        `This command consists of multiple subcommands to get extended information about a release.\n\nUsage:\n  ${USAGE}`,
      );
      return 0;
    }
    const spec = SUBCOMMANDS[sub];
    if (!spec) throw new UserError(`unknown command "${sub}" for "bosun get"`);
    for (const f of ['revision', 'all', 'template', 'output']) {
      if (flags.changed(f) && !spec.flags.includes(f)) throw new UserError(`unknown flag: --${f}`);
    }
    const usage = `bosun get ${sub} RELEASE_NAME [flags]`;
    const sub_flags = { args: rest } as Pick<Flags, 'args'>;
    const [name] = exactArgs(sub_flags as Flags, 1, `get ${sub}`, usage);
    return runSub(sub, name, flags, io);
  },
};
export default getCmd;

async function runSub(sub: string, name: string, flags: Flags, io: CommandIO): Promise<number> {
  const format = spec_output(sub) ? outputFormat(flags) : 'table';
  const revision = flags.int('revision');
  return withRelease(flags, io, async ({ manager }) => {
    switch (sub) {
      case 'values': {
        const all = flags.bool('all');
        const vals = await manager.values(name, { revision, all });
        if (format === 'json') io.stdout(jsonLine(vals));
        else if (format === 'yaml') io.stdout(yamlOf(vals));
        else io.stdout(`${all ? 'COMPUTED VALUES:' : 'USER-SUPPLIED VALUES:'}\n${yamlOf(vals)}`);
        return 0;
      }
      case 'metadata': {
        const md = await manager.metadata(name, revision);
        if (format === 'json' || format === 'yaml') {
          const json = jsonLine(md);
          io.stdout(format === 'json' ? json : yamlOfJSON(json));
          return 0;
        }
        const method =
          md.applyMethod === undefined
            ? 'client-side apply (defaulted)'
            : md.applyMethod === 'csa'
              ? 'client-side apply'
              : md.applyMethod === 'ssa'
                ? 'server-side apply'
                : `unknown (${JSON.stringify(md.applyMethod)})`;
        const labelSet = (m: Record<string, string> | undefined) =>
          Object.keys(m ?? {})
            .sort()
            .map((k) => `${k}=${m?.[k]}`)
            .join(',');
        const deps = (md.dependencies ?? []).map((d) => d.name).sort();
        io.stdout(
          `NAME: ${md.name}\nCHART: ${md.chart}\nVERSION: ${md.version}\nAPP_VERSION: ${md.appVersion}\n` +
            `ANNOTATIONS: ${labelSet(md.annotations)}\nLABELS: ${labelSet(md.labels)}\nDEPENDENCIES: ${deps.join(',')}\n` +
            `NAMESPACE: ${md.namespace}\nREVISION: ${md.revision}\nSTATUS: ${md.status}\n` +
            `DEPLOYED_AT: ${md.deployedAt}\nAPPLY_METHOD: ${method}\n`,
        );
        return 0;
      }
    }
    const rel = await manager.get(name, revision);
    switch (sub) {
      case 'manifest':
        io.stdout(`${rel.manifest ?? ''}\n`);
        break;
      case 'hooks':
        for (const h of rel.hooks ?? []) io.stdout(`---\n# Source: ${h.path}\n${h.manifest}\n`);
        break;
      case 'notes':
        if (rel.info?.notes) io.stdout(`NOTES:\n${rel.info.notes}\n`);
        break;
      case 'all': {
        if (flags.string('template')) {
          throw new UserError('get all --template is not supported by bosun yet; use -o json with a JSON tool');
        }
        io.stdout(
          statusTable(rel, {
            debug: true,
            showMetadata: true,
            colors: { enabled: colorEnabled(flags, io) },
            computedValues: () => computedValues(manager.config, rel),
          }),
        );
        break;
      }
    }
    return 0;
  });
}

function spec_output(sub: string): boolean {
  return SUBCOMMANDS[sub]?.flags.includes('output') ?? false;
}

export { jsonOf };
