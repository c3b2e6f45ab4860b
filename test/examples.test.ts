// The README's library examples, run as users would run them.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS example
import { releaseDemo } from '../examples/release-manager.mjs';
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

describe('examples/release-manager.mjs', () => {
  it('installs, upgrades and rolls back charts/demo on the local backend', async () => {
    const { mkdtempSync, rmSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'bosun-example-test-'));
    try {
      const r = await releaseDemo(dir);
      expect(r.history).toEqual([
        '1 superseded: Install complete',
        '2 superseded: Upgrade complete',
        '3 deployed: Rollback to 1',
      ]);
      expect(r.status).toBe('deployed');
      expect(r.objects).toEqual(['v1/ConfigMap', 'v1/Service', 'v1/Deployment', 'v1/Pod(related)']);
      expect(r.diff).toContain('-   replicas: 3\n+   replicas: 2\n');
      expect(existsSync(join(dir, 'prod/Deployment/web-demo.yaml'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
