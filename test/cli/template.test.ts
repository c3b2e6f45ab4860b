// `bosun template` through the real CLI entry on whole charts, against what helm printed for the same command
// lines (test/golden/charts.yaml), and the CLI's own error handling.
import { describe, expect, it } from 'vitest';
import { bosun, goldenCases } from './golden-cases.ts';

goldenCases(
  'bosun template (CLI) against helm',
  (c) => c.args[0] === 'template' && !c.args.includes('--post-renderer'),
);

describe('bosun CLI errors', () => {
  it('prints helm-style errors without a stack trace', () => {
    // As helm: a missing path that does not start with `.` or `/` names a chart repository.
    const r = bosun(['template', 'rel', 'charts/nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Error: repo charts not found\n');
    expect(bosun(['template', 'rel', './charts/nope']).stderr).toBe('Error: path "./charts/nope" not found\n');
  });
  it('rejects unknown flags and commands', () => {
    expect(bosun(['template', '--nope']).stderr).toBe('Error: unknown flag: --nope\n');
    expect(bosun(['frobnicate']).status).toBe(1);
  });
});
