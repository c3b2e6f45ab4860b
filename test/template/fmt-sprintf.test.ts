import { describe, expect, it } from 'vitest';
import { sprintf } from '../../src/template/fmt.ts';
import { sprintfCases } from './fmt-sprintf-cases.ts';

describe('sprintf', () => {
  it.each(sprintfCases.map(([format, args, want], n) => ({ n, format, args, want })))('#$n $format', ({
    format,
    args,
    want,
  }) => {
    expect(sprintf(format, args)).toBe(want);
  });
});
