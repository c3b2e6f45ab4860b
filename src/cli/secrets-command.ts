// `bosun secrets encrypt|decrypt|edit|rotate|updatekeys`: sops's own command line, parsed by commander in
// src/cli/secrets.ts (sops's flags differ from helm's conventions, so they are not pflag-parsed).
import type { CommandDef } from './command.ts';

const secrets: CommandDef = {
  name: 'secrets',
  usage: 'bosun secrets [encrypt|decrypt|edit|rotate|updatekeys] [flags] FILE',
  short: 'encrypt, decrypt and edit SOPS files in memory',
  flags: [],
  run: () => 0,
  async runRaw(argv) {
    const [{ Command }, { registerSecretsCommands }] = await Promise.all([import('commander'), import('./secrets.ts')]);
    const program = new Command('bosun');
    registerSecretsCommands(program);
    await program.parseAsync(['node', 'bosun', 'secrets', ...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  },
};
export default secrets;
