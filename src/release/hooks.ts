// Sorting rendered files into hooks and ordinary manifests (helm's SortManifests), and the order and delete
// policies by which hooks run (pkg/action/hooks.go).

import { compareBytes } from './gojson.ts';
import { parseHead, type SimpleHead } from './head.ts';
import { type HelmCompat, INSTALL_ORDER, type KindOrder, kindComparator } from './kind-order.ts';
import { splitManifests } from './manifest.ts';
import { type Hook, type HookDeletePolicy, type HookEvent, newHook } from './model.ts';

export const HOOK_ANNOTATION = 'helm.sh/hook';
export const HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';
export const HOOK_DELETE_ANNOTATION = 'helm.sh/hook-delete-policy';
export const HOOK_OUTPUT_LOG_ANNOTATION = 'helm.sh/hook-output-log-policy';

/** A rendered document that is not a hook. */
export interface Manifest {
  /** The template path, `<chart>/templates/<file>`. */
  name: string;
  content: string;
  head: SimpleHead;
}

/** A document annotated as a hook for an event helm does not know: helm skips it (and logs it). */
export interface SkippedHook {
  path: string;
  name: string;
  kind: string;
  hookTypes: string;
}

export interface SortedManifests {
  /** Hooks, stably sorted by kind. */
  hooks: Hook[];
  /** Ordinary manifests, stably sorted by kind. */
  manifests: Manifest[];
  skipped: SkippedHook[];
}

export interface SortOptions {
  /** The kind order (default: helm 4's install order). */
  order?: KindOrder;
  /** helm 3 does not read `helm.sh/hook-output-log-policy` and names its types differently in errors. */
  compat?: HelmCompat;
}

const EVENTS: ReadonlyMap<string, HookEvent> = new Map<string, HookEvent>([
  ['pre-install', 'pre-install'],
  ['post-install', 'post-install'],
  ['pre-delete', 'pre-delete'],
  ['post-delete', 'post-delete'],
  ['pre-upgrade', 'pre-upgrade'],
  ['post-upgrade', 'post-upgrade'],
  ['pre-rollback', 'pre-rollback'],
  ['post-rollback', 'post-rollback'],
  ['test', 'test'],
  ['test-success', 'test'], // helm 2's name, still accepted
]);

/** The event an annotation word names (trimmed, case-insensitive), or undefined for an unknown word. */
export function parseHookEvent(word: string): HookEvent | undefined {
  return EVENTS.get(word.trim().toLowerCase());
}

/**
 * Splits rendered files (path → text) into hooks and manifests as helm does: files in path order, documents in
 * file order; partials (`_*`) and blank files skipped; a document whose `helm.sh/hook` names only known events
 * is a hook; one naming an unknown event is skipped. Throws ManifestParseError on an unreadable document.
 */
export function sortManifests(
  files: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
  opts: SortOptions = {},
): SortedManifests {
  const compat = opts.compat ?? 'helm4';
  const entries = files instanceof Map ? [...files] : Object.entries(files as Record<string, string>);
  entries.sort((a, b) => compareBytes(a[0], b[0]));
  const hooks: Hook[] = [];
  const manifests: Manifest[] = [];
  const skipped: SkippedHook[] = [];
  for (const [path, content] of entries) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base.startsWith('_')) continue;
    for (const doc of splitManifests(content)) {
      const head = parseHead(doc, path, compat);
      const annotations = head.metadata?.annotations;
      const hookTypes = annotations ? annotations[HOOK_ANNOTATION] : undefined;
      if (hookTypes === undefined) {
        manifests.push({ name: path, content: doc, head });
        continue;
      }
      const events: HookEvent[] = [];
      let known = true;
      for (const word of hookTypes.split(',')) {
        const e = parseHookEvent(word);
        if (e === undefined) {
          known = false;
          break;
        }
        events.push(e);
      }
      const name = head.metadata?.name ?? '';
      if (!known) {
        skipped.push({ path, name, kind: head.kind, hookTypes });
        continue;
      }
      const ann = annotations as Record<string, string>;
      hooks.push(
        newHook({
          name,
          kind: head.kind,
          path,
          manifest: doc,
          events,
          weight: parseWeight(ann[HOOK_WEIGHT_ANNOTATION]),
          delete_policies: annotationWords(ann[HOOK_DELETE_ANNOTATION]),
          output_log_policies: compat === 'helm4' ? annotationWords(ann[HOOK_OUTPUT_LOG_ANNOTATION]) : [],
        }),
      );
    }
  }
  const cmp = kindComparator(opts.order ?? INSTALL_ORDER);
  hooks.sort((a, b) => cmp(a.kind, b.kind));
  manifests.sort((a, b) => cmp(a.head.kind, b.head.kind));
  return { hooks, manifests, skipped };
}

const GO_ATOI = /^[+-]?[0-9]+$/;

/** Go's strconv.Atoi of the weight annotation; anything it rejects (or out of int64 range) is 0. */
export function parseWeight(s: string | undefined): number {
  if (s === undefined || !GO_ATOI.test(s)) return 0;
  const n = BigInt(s);
  if (n < -(1n << 63n) || n >= 1n << 63n) return 0;
  return Number(n);
}

// helm splits on commas and keeps every word lower-cased and trimmed, empty or unknown ones included.
function annotationWords(s: string | undefined): string[] {
  if (s === undefined) return [];
  return s.split(',').map((w) => w.trim().toLowerCase());
}

/** The hooks that run on an event, in helm's order: by weight, then name; equal ones keep kind order. */
export function hooksForEvent(hooks: readonly Hook[], event: HookEvent): Hook[] {
  const out = hooks.filter((h) => h.events.includes(event));
  return out.sort(compareHooks);
}

export function compareHooks(a: Hook, b: Hook): number {
  if (a.weight !== b.weight) return a.weight < b.weight ? -1 : 1;
  return a.name === b.name ? 0 : compareBytes(a.name, b.name);
}

/** Gives a hook without delete policies helm's default, `before-hook-creation` (helm records it so). */
export function applyDefaultDeletePolicy(h: Hook): void {
  if (h.delete_policies.length === 0) h.delete_policies = ['before-hook-creation'];
}

/** Whether a hook is to be deleted under a policy; CustomResourceDefinitions never are. */
export function hookHasDeletePolicy(h: Hook, policy: HookDeletePolicy): boolean {
  if (h.kind === 'CustomResourceDefinition') return false;
  return h.delete_policies.includes(policy);
}

/** Whether helm copies the hook's container logs for this outcome (`hook-succeeded` or `hook-failed`). */
export function hookHasOutputLogPolicy(h: Hook, policy: 'hook-succeeded' | 'hook-failed'): boolean {
  return (h.kind === 'Job' || h.kind === 'Pod') && h.output_log_policies.includes(policy);
}
