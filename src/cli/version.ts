import type { CommandDef } from './command.ts';

export const BOSUN_VERSION = '0.1.0';

const version: CommandDef = {
  name: 'version',
  usage: 'bosun version [flags]',
  short: 'Print the version information',
  flags: [
    { name: 'short', kind: 'bool', usage: 'print the version number' },
    { name: 'template', kind: 'string', usage: 'template for version string format' },
  ],
  run(flags, io) {
    if (flags.bool('short')) io.stdout(`v${BOSUN_VERSION}\n`);
    else io.stdout(`version.BuildInfo{Version:"v${BOSUN_VERSION}", Runtime:"node${process.versions.node}"}\n`);
    return 0;
  },
};
export default version;
