// The README's library examples, run as users would run them.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS example
import { renderDemo } from '../examples/template-chart.mjs';
import expected from './golden/charts.expected.json' with { type: 'json' };

describe('examples/template-chart.mjs', () => {
  it('renders charts/demo with --set values, in install order', () => {
    const r = renderDemo();
    expect(r.kinds).toEqual(['ConfigMap/web-demo', 'Service/web-demo', 'Deployment/web-demo']);
    expect(r.hooks).toEqual(['Pod/web-demo-test-connection (test)']);
    expect(r.notes).toContain('web-demo is installed in namespace prod (revision 1).');
    expect(r.notes).toContain('"Hi" on port 80 with 3 replicas');
    expect(String(r.replicas)).toBe('3');
    expect(r.output).toContain('replicas: 3');
  });

  it('prints what helm prints for the same chart', async () => {
    const { templateChart } = await import('bosun');
    const out = templateChart({ chart: 'charts/demo', releaseName: 'demo' }).output;
    expect(out).toBe(expected['demo-default'].helm4.out);
  });
});
