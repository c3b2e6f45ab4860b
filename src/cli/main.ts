// bosun's CLI entry. Commands are loaded lazily so that start-up pays only for the command that runs.
import { Command } from 'commander';

const program = new Command('bosun')
  .description('Helm-compatible chart templating and release manager')
  .showHelpAfterError();

program
  .command('version')
  .description('print the client version information')
  .option('--short', 'print the version number')
  .action(async (opts: { short?: boolean }) => {
    const { printVersion } = await import('./version.ts');
    printVersion(opts);
  });

await program.parseAsync(process.argv);
