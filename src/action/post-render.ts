// Post-rendering as each helm does it.
//
// helm 4 (pkg/action/action.go): the rendered files (partials and empty files left out, in name order) are
// merged into one stream of documents, each annotated `postrenderer.helm.sh/postrender-filename: '<file>'`
// (annotateAndMerge); the stream goes through the post-renderer; its output is split back into files by that
// annotation, which is removed (splitAndDeannotate; documents without it become
// `generated-by-postrender-<n>.yaml`). Both steps rewrite the YAML with kyaml and go-yaml v3. The files then go
// to the manifest sorter as usual.
// helm 3: the final manifest text (`---\n# Source: ...` documents, CRDs included, hooks not) goes through the
// post-renderer, and what comes out is the manifest.
import { spawnSync } from 'node:child_process';
import type { HelmDialect } from '../render/dialect.ts';
import { annotations, clearAnnotation, KioError, parseAll, setAnnotation, stringAll } from './kyaml/kio.ts';
import type { YNode } from './kyaml/node.ts';
import type { PostRenderStep } from './template.ts';

export const FILENAME_ANNOTATION = 'postrenderer.helm.sh/postrender-filename';

/** A post-renderer: manifests in, manifests out (helm's postrenderer.PostRenderer). */
export interface PostRenderer {
  run(manifests: string): string;
}

export class PostRenderError extends Error {
  override name = 'PostRenderError';
}

/** fixDocSeparators: `---apiVersion` (a separator eaten by `{{-`) becomes `---\napiVersion`. */
export function fixDocSeparators(content: string): string {
  return content.replace(/(^|\n)---(?=[^\n\r \t])/g, '$1---\n');
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** annotateAndMerge */
export function annotateAndMerge(files: ReadonlyMap<string, string>): string {
  const docs: YNode[] = [];
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name) as string;
    if (baseName(name).startsWith('_') || content.trim() === '') continue;
    let parsed: YNode[];
    try {
      parsed = parseAll(fixDocSeparators(content));
    } catch (e) {
      throw new PostRenderError(`error merging manifests: parsing ${name}: ${(e as Error).message}`);
    }
    for (const d of parsed) {
      try {
        setAnnotation(d, FILENAME_ANNOTATION, name);
      } catch (e) {
        throw new PostRenderError(`error merging manifests: annotating ${name}: ${(e as Error).message}`);
      }
      docs.push(d);
    }
  }
  return stringAll(docs);
}

/** splitAndDeannotate: files (in first-seen order of their names) from the post-rendered stream. */
export function splitAndDeannotate(text: string): Map<string, string> {
  const wrap = (msg: string) => new PostRenderError(`error while parsing post rendered output: ${msg}`);
  let docs: YNode[];
  try {
    docs = parseAll(text);
  } catch (e) {
    throw wrap(`error parsing YAML: ${(e as Error).message}`);
  }
  const byFile = new Map<string, YNode[]>();
  docs.forEach((d, i) => {
    let ann: Map<string, string>;
    try {
      ann = annotations(d);
    } catch (e) {
      if (e instanceof KioError) throw wrap(`getting metadata: ${e.message}`);
      throw e;
    }
    const name = ann.get(FILENAME_ANNOTATION) || `generated-by-postrender-${i}.yaml`;
    clearAnnotation(d, FILENAME_ANNOTATION);
    let list = byFile.get(name);
    if (!list) byFile.set(name, (list = []));
    list.push(d);
  });
  const out = new Map<string, string>();
  for (const [name, list] of byFile) out.set(name, stringAll(list));
  return out;
}

/** A post-renderer that runs a program with arguments (helm 3's exec renderer, helm 4's subprocess plugin). */
export function execPostRenderer(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; describe: (status: string, stderr: string) => string; emptyError?: string },
): PostRenderer {
  return {
    run(manifests) {
      const r = spawnSync(command, args, {
        input: manifests,
        encoding: 'utf8',
        env: options.env ?? process.env,
        maxBuffer: 1 << 30,
      });
      // A program that exits without reading its input is fine, as in Go (the write error is ignored).
      if (r.error && (r.error as NodeJS.ErrnoException).code !== 'EPIPE') {
        throw new PostRenderError(options.describe(r.error.message, r.stderr ?? ''));
      }
      if (r.status !== 0) {
        const status = r.signal ? `signal: ${r.signal === 'SIGKILL' ? 'killed' : r.signal}` : `exit status ${r.status}`;
        throw new PostRenderError(options.describe(status, r.stderr ?? ''));
      }
      if (options.emptyError !== undefined && r.stdout.trim() === '') throw new PostRenderError(options.emptyError);
      return r.stdout;
    },
  };
}

/** The render step for a post-renderer, as the given helm runs it. */
export function postRenderStep(pr: PostRenderer, dialect: HelmDialect): PostRenderStep {
  if (dialect === 'helm3') return { manifest: (text) => pr.run(text) };
  return { files: (files) => splitAndDeannotate(pr.run(annotateAndMerge(files))) };
}
