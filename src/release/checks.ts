// Checks shared by the release actions, with helm's messages.

import { ReleaseError } from './errors.ts';

// chartutil.ValidateReleaseName: a DNS subdomain of at most 53 characters.
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isValidReleaseName(name: string): boolean {
  return name !== '' && name.length <= 53 && RELEASE_NAME.test(name);
}

/** Throws `<prefix>: <name>` (helm's wording differs per action) for a name helm refuses. */
export function validateName(name: string, prefix: string): void {
  if (!isValidReleaseName(name)) throw new ReleaseError(`${prefix}: ${name}`);
}
