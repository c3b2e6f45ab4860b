// Helm's release statuses (pkg/release/common/status.go) and the transitions its actions make between them.

export const RELEASE_STATUSES = [
  'unknown',
  'deployed',
  'uninstalled',
  'superseded',
  'failed',
  'uninstalling',
  'pending-install',
  'pending-upgrade',
  'pending-rollback',
] as const;

export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export function isReleaseStatus(s: string): s is ReleaseStatus {
  return (RELEASE_STATUSES as readonly string[]).includes(s);
}

/** An install, upgrade or rollback is under way (or was interrupted). */
export function isPending(s: ReleaseStatus | undefined): boolean {
  return s === 'pending-install' || s === 'pending-upgrade' || s === 'pending-rollback';
}

/** The status a new revision starts in for each operation. */
export const PENDING_STATUS = {
  install: 'pending-install',
  upgrade: 'pending-upgrade',
  rollback: 'pending-rollback',
} as const satisfies Record<string, ReleaseStatus>;

// Which status a record may move to, as helm's actions move them:
// - a new revision is created pending and ends deployed or failed (an interrupted one is marked failed or
//   superseded when a later operation recovers the release);
// - the revision it replaces (deployed, failed, or a pending one left by a crash) becomes superseded;
// - uninstall moves the last revision through uninstalling to uninstalled (kept with --keep-history), or to
//   failed when deleting resources fails;
// - a rollback after `uninstall --keep-history` supersedes the uninstalled revision.
const TRANSITIONS: Readonly<Record<ReleaseStatus, readonly ReleaseStatus[]>> = {
  'pending-install': ['deployed', 'failed', 'superseded', 'uninstalling'],
  'pending-upgrade': ['deployed', 'failed', 'superseded', 'uninstalling'],
  'pending-rollback': ['deployed', 'failed', 'superseded', 'uninstalling'],
  deployed: ['superseded', 'failed', 'uninstalling'],
  failed: ['superseded', 'uninstalling'],
  superseded: ['uninstalling'],
  uninstalling: ['uninstalled', 'failed'],
  uninstalled: ['superseded'],
  unknown: ['deployed', 'failed', 'superseded', 'uninstalling', 'uninstalled'],
};

export function canTransition(from: ReleaseStatus, to: ReleaseStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: ReleaseStatus): readonly ReleaseStatus[] {
  return TRANSITIONS[from];
}
