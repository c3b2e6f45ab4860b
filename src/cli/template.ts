// `bosun template [NAME] [CHART]`: render a chart locally and print the manifests, as `helm template` does.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareValueFiles } from '../action/secret-values.ts';
import { type PostRenderStep, templateChart } from '../action/template.ts';
import { IncompatibleKubeVersionError } from '../chart/errors.ts';
import { RenderError } from '../render/errors.ts';
import { ManifestError } from '../render/manifests.ts';
import { goFileError } from '../values/fs.ts';
import type { CommandDef, CommandIO } from './command.ts';
import { UserError } from './command.ts';
import { locateChart } from './locate.ts';
import { matchShowOnly } from './show-only.ts';
import { dialectFromFlags, nameAndChart, requestFromFlags, TEMPLATE_COMMAND_FLAGS } from './template-args.ts';

const template: CommandDef = {
  name: 'template',
  usage: 'bosun template [NAME] [CHART] [flags]',
  short: 'locally render templates',
  flags: TEMPLATE_COMMAND_FLAGS,
  async run(flags, io) {
    const dialect = dialectFromFlags(flags, io.env);
    // helm resolves the post-renderer while parsing flags, before anything else. Post-rendering and dependency
    // updates load their modules only when asked for: start-up time matters for every plain render.
    let postRender: PostRenderStep | undefined;
    if (flags.string('post-renderer')) {
      const { postRendererFromFlags } = await import('./post-renderer.ts');
      const { postRenderStep } = await import('../action/post-render.ts');
      const pr = postRendererFromFlags(flags.string('post-renderer'), flags.list('post-renderer-args'), dialect, io);
      if (pr) postRender = postRenderStep(pr, dialect);
    }
    const update = flags.bool('dependency-update')
      ? (await import('../action/dependency.ts')).dependencyUpdate
      : undefined;
    const { name, chart: ref } = nameAndChart(flags, io);
    const chart = locateChart(ref, flags, io.cwd);
    const debug = flags.bool('debug');
    const request = { ...requestFromFlags(flags, io, dialect), chart, releaseName: name };
    const files = await prepareValueFiles(flags.list('values'), flags.list('secrets'), io.env);
    request.values = { ...request.values, valueFiles: files.valueFiles };
    request.readFile = files.readFile;
    let output: string;
    try {
      output = templateChart({
        ...request,
        postRender,
        dependencyUpdate: update ? (path) => update(path, { dialect, out: io.stdout, debug }) : undefined,
      }).output;
    } catch (e) {
      if (e instanceof ManifestError && debug && e.files) io.stdout(debugDump(e.files));
      const rendering =
        e instanceof ManifestError ||
        e instanceof RenderError ||
        e instanceof IncompatibleKubeVersionError ||
        isPostRenderError(e);
      if (rendering && !debug) {
        throw new UserError(`${(e as Error).message}\n\nUse --debug flag to render out invalid YAML`);
      }
      throw e;
    }
    const showOnly = flags.list('show-only');
    if (showOnly.length) output = matchShowOnly(output, showOnly);
    const outputDir = flags.string('output-dir');
    if (outputDir) {
      try {
        writeOutputDir(output, flags.bool('release-name') ? join(outputDir, name) : outputDir, io);
      } catch (e) {
        // helm writes the files inside its install action, whose failures it reports so.
        if (e instanceof UserError && !debug)
          throw new UserError(`${e.message}\n\nUse --debug flag to render out invalid YAML`);
        throw e;
      }
      // helm still prints its (now empty) manifest buffer: one newline.
      io.stdout('\n');
      return 0;
    }
    io.stdout(output);
    return 0;
  },
};
export default template;

/** helm --debug prints every rendered file before a YAML error, so that the invalid manifest can be seen. */
export function debugDump(files: ReadonlyMap<string, string>): string {
  let dump = '';
  for (const [file, content] of files) if (content.trim() !== '') dump += `---\n# Source: ${file}\n${content}\n`;
  return `${dump.trim()}\n`;
}

/** --output-dir: each manifest into <dir>/<source path>, documents of one file appended, as helm writes them. */
function writeOutputDir(output: string, dir: string, io: CommandIO): void {
  const written = new Set<string>();
  const re = /^---\n# Source: (.*)\n/gm;
  const starts: { path: string; at: number; body: number }[] = [];
  for (let m = re.exec(output); m !== null; m = re.exec(output)) {
    starts.push({ path: m[1], at: m.index, body: m.index + m[0].length });
  }
  for (let i = 0; i < starts.length; i++) {
    const { path, body } = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1].at : output.length;
    const content = output.slice(body, end).replace(/\n$/, '');
    const file = join(dir, path);
    writeManifestFile(file, `---\n# Source: ${path}\n${content}\n`, written.has(file));
    written.add(file);
    io.stdout(`wrote ${file}\n`);
  }
}

/** Writes (or appends) one --output-dir file; errors read as helm's writeToFile reports them (Go's *PathError). */
function writeManifestFile(file: string, chunk: string, append: boolean): void {
  const base = dirname(file);
  try {
    statSync(base);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UserError(goFileError('stat', base, e));
  }
  try {
    mkdirSync(base, { recursive: true });
  } catch (e) {
    throw new UserError(goFileError('mkdir', (e as NodeJS.ErrnoException).path ?? base, e));
  }
  try {
    writeFileSync(file, chunk, append ? { flag: 'a' } : undefined);
  } catch (e) {
    throw new UserError(goFileError('open', file, e));
  }
}

/** PostRenderError, recognised by name so that this module need not load post-rendering. */
function isPostRenderError(e: unknown): boolean {
  return e instanceof Error && e.name === 'PostRenderError';
}
