// Errors of a backend, in Kubernetes' terms: each carries the API's status reason and HTTP code, and a message
// worded as the API server words it (`deployments.apps "web" not found`), so that bosun and helm fail alike.

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'BadRequest'
  | 'Timeout'
  | 'InternalError';

export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    message: string,
    readonly reason: StatusReason = 'InternalError',
    readonly code = 500,
  ) {
    super(message);
  }
}

/** `<resource>[.<group>] "<name>" not found`. */
export class NotFoundError extends BackendError {
  override name = 'NotFoundError';
  constructor(
    readonly resource: string,
    readonly objectName: string,
  ) {
    super(`${resource} "${objectName}" not found`, 'NotFound', 404);
  }
}

export class AlreadyExistsError extends BackendError {
  override name = 'AlreadyExistsError';
  constructor(
    readonly resource: string,
    readonly objectName: string,
  ) {
    super(`${resource} "${objectName}" already exists`, 'AlreadyExists', 409);
  }
}

/** An update whose resourceVersion precondition no longer holds. */
export class ConflictError extends BackendError {
  override name = 'ConflictError';
  constructor(
    readonly resource: string,
    readonly objectName: string,
  ) {
    super(
      `Operation cannot be fulfilled on ${resource} "${objectName}": the object has been modified; please apply your changes to the latest version and try again`,
      'Conflict',
      409,
    );
  }
}

/** `<Kind> "<name>" is invalid: <field>: <detail>`. */
export class InvalidObjectError extends BackendError {
  override name = 'InvalidObjectError';
  constructor(kind: string, objectName: string, field: string, detail: string) {
    super(`${kind || 'object'} ${JSON.stringify(objectName)} is invalid: ${field}: ${detail}`, 'Invalid', 422);
  }
}

export class ForbiddenError extends BackendError {
  override name = 'ForbiddenError';
  constructor(message: string) {
    super(message, 'Forbidden', 403);
  }
}

/** A kind the backend does not serve (a custom resource whose CRD is not installed, or a removed API). */
export class NoKindMatchError extends BackendError {
  override name = 'NoKindMatchError';
  constructor(
    readonly kind: string,
    readonly apiVersion: string,
  ) {
    super(
      `resource mapping not found for kind "${kind}" in version "${apiVersion}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      'NotFound',
      404,
    );
  }
}

/** A resource name (plural, singular or short name) no served resource has. */
export class NoResourceMatchError extends BackendError {
  override name = 'NoResourceMatchError';
  constructor(readonly resource: string) {
    super(`the server doesn't have a resource type "${resource}"`, 'NotFound', 404);
  }
}

export class InvalidSelectorError extends BackendError {
  override name = 'InvalidSelectorError';
  constructor(message: string) {
    super(message, 'BadRequest', 400);
  }
}

/** Waiting for readiness (or deletion) ran out of time; names what was not ready. */
export class WaitTimeoutError extends BackendError {
  override name = 'WaitTimeoutError';
  constructor(
    readonly pending: readonly string[],
    timeoutMs: number,
  ) {
    super(
      `timed out after ${formatDuration(timeoutMs)} waiting for the condition on ${pending.join(', ')}`,
      'Timeout',
      504,
    );
  }
}

/** A resource reached a state it will not recover from while being waited on (a failed Job or Pod). */
export class ResourceFailedError extends BackendError {
  override name = 'ResourceFailedError';
  constructor(message: string) {
    super(message, 'InternalError', 500);
  }
}

/** Another process holds the state lock of a local backend. */
export class LockTimeoutError extends BackendError {
  override name = 'LockTimeoutError';
  constructor(message: string) {
    super(message, 'Timeout', 504);
  }
}

/** The local backend's state directory holds something it cannot read or write. */
export class StateError extends BackendError {
  override name = 'StateError';
  constructor(message: string) {
    super(message, 'InternalError', 500);
  }
}

/** Go's time.Duration String() for whole milliseconds: `5m0s`, `1.5s`, `300ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = (ms % 60000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}
