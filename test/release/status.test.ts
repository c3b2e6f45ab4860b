import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canTransition,
  isPending,
  isReleaseStatus,
  PENDING_STATUS,
  RELEASE_STATUSES,
} from '../../src/release/status.ts';

describe('release statuses', () => {
  it('are helm`s nine', () => {
    expect(RELEASE_STATUSES).toHaveLength(9);
    expect(isReleaseStatus('pending-rollback')).toBe(true);
    expect(isReleaseStatus('DEPLOYED')).toBe(false);
  });

  it('know which are pending', () => {
    expect(RELEASE_STATUSES.filter(isPending)).toEqual(['pending-install', 'pending-upgrade', 'pending-rollback']);
    expect(isPending(undefined)).toBe(false);
    expect(Object.values(PENDING_STATUS).every(isPending)).toBe(true);
  });

  it('move as helm`s actions move them', () => {
    // A new revision ends deployed or failed; the one it replaces is superseded.
    for (const p of Object.values(PENDING_STATUS)) {
      expect(canTransition(p, 'deployed')).toBe(true);
      expect(canTransition(p, 'failed')).toBe(true);
    }
    expect(canTransition('deployed', 'superseded')).toBe(true);
    expect(canTransition('failed', 'superseded')).toBe(true);
    // A revision left pending by a crash is recovered by a later operation.
    expect(canTransition('pending-upgrade', 'superseded')).toBe(true);
    // Uninstall goes through uninstalling.
    expect(canTransition('deployed', 'uninstalling')).toBe(true);
    expect(canTransition('uninstalling', 'uninstalled')).toBe(true);
    expect(canTransition('deployed', 'uninstalled')).toBe(false);
    // Nothing comes back to life or goes pending again.
    expect(canTransition('superseded', 'deployed')).toBe(false);
    expect(canTransition('uninstalled', 'deployed')).toBe(false);
    expect(RELEASE_STATUSES.some((s) => allowedTransitions(s).some(isPending))).toBe(false);
    expect(canTransition('failed', 'failed')).toBe(true);
  });
});
