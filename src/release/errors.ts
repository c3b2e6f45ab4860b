// Errors of the release layer. Messages follow helm's where helm has one (scripts match on them).

export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

/** helm's driver.ErrReleaseNotFound: `release: not found` (as helm prints it); the release or record asked for is kept. */
export class ReleaseNotFoundError extends ReleaseError {
  override name = 'ReleaseNotFoundError';
  constructor(readonly release?: string) {
    super('release: not found');
  }
}

/** helm's driver.ErrReleaseExists. */
export class ReleaseExistsError extends ReleaseError {
  override name = 'ReleaseExistsError';
  constructor(readonly key: string) {
    super(`release: already exists: ${key}`);
  }
}

/** helm's driver.ErrNoDeployedReleases: `"<name>" has no deployed releases`. */
export class NoDeployedReleasesError extends ReleaseError {
  override name = 'NoDeployedReleasesError';
  constructor(readonly release: string) {
    super(`${JSON.stringify(release)} has no deployed releases`);
  }
}

/** A stored record that cannot be read back (bad base64, gzip or JSON, or a field of the wrong type). */
export class RecordDecodeError extends ReleaseError {
  override name = 'RecordDecodeError';
}

/** A rendered manifest whose head cannot be read: helm's `YAML parse error on <path>: ...`. */
export class ManifestParseError extends ReleaseError {
  override name = 'ManifestParseError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`YAML parse error on ${path}: ${detail}`);
  }
}

/** A status change helm never makes (a bug in an action, or a record edited by hand). */
export class InvalidTransitionError extends ReleaseError {
  override name = 'InvalidTransitionError';
}

/** helm's refusal to start an operation on a release that has one pending. */
export const OPERATION_IN_PROGRESS = 'another operation (install/upgrade/rollback) is in progress';
