export const BOSUN_VERSION = '0.1.0';

export function printVersion(opts: { short?: boolean }): void {
  if (opts.short) process.stdout.write(`v${BOSUN_VERSION}\n`);
  else process.stdout.write(`version.BuildInfo{Version:"v${BOSUN_VERSION}", Runtime:"node${process.versions.node}"}\n`);
}
