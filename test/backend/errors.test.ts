import { describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  ConflictError,
  formatDuration,
  NoKindMatchError,
  NotFoundError,
  WaitTimeoutError,
} from '../../src/backend/errors.ts';

describe('backend errors', () => {
  it('read as the API server words them, with its reasons and codes', () => {
    const nf = new NotFoundError('deployments.apps', 'web');
    expect([nf.message, nf.reason, nf.code]).toEqual(['deployments.apps "web" not found', 'NotFound', 404]);
    expect(new AlreadyExistsError('secrets', 's').message).toBe('secrets "s" already exists');
    expect(new ConflictError('configmaps', 'c').message).toMatch(
      /^Operation cannot be fulfilled on configmaps "c": the object has been modified/,
    );
    expect(new NoKindMatchError('Widget', 'example.com/v1').message).toContain(
      'no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first',
    );
    expect(new WaitTimeoutError(['Pod a/b', 'Job a/c'], 300000).message).toBe(
      'timed out after 5m0s waiting for the condition on Pod a/b, Job a/c',
    );
  });

  it('print durations as Go does', () => {
    expect(formatDuration(300)).toBe('300ms');
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(60000)).toBe('1m0s');
    expect(formatDuration(3723000)).toBe('1h2m3s');
  });
});
