// The order and delete policies by which hooks run (pkg/action/hooks.go). Hooks are set apart from manifests by
// render/manifests.ts (helm's SortManifests).

import { compareStrings } from '../template/gostring.ts';
import type { Hook, HookDeletePolicy, HookEvent } from './model.ts';

/** The hooks that run on an event, in helm's order: by weight, then name; equal ones keep kind order. */
export function hooksForEvent(hooks: readonly Hook[], event: HookEvent): Hook[] {
  const out = hooks.filter((h) => h.events.includes(event));
  return out.sort(compareHooks);
}

export function compareHooks(a: Hook, b: Hook): number {
  if (a.weight !== b.weight) return a.weight < b.weight ? -1 : 1;
  return a.name === b.name ? 0 : compareStrings(a.name, b.name);
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
