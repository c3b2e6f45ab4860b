import { describe, expect, it } from 'vitest';
import { defaultCapabilities, parseKubeVersion } from '../../src/render/capabilities.ts';

// Expected values are what `helm template` printed for .Capabilities with the same --kube-version.
describe('capabilities', () => {
  it('defaults to the Kubernetes version each helm was built for', () => {
    expect(defaultCapabilities({ dialect: 'helm4' }).kubeVersion.version).toBe('v1.35.0');
    expect(defaultCapabilities({ dialect: 'helm3' }).kubeVersion.version).toBe('v1.32.0');
  });

  it('parses --kube-version like helm 4 (generic) and helm 3 (semver)', () => {
    const h4 = parseKubeVersion('1.29.3-gke.100', 'helm4');
    expect([h4.version, h4.major, h4.minor, h4.goString()]).toEqual(['v1.29.3-gke.100', '1', '29', 'v1.29.3']);
    const h3 = parseKubeVersion('1.29.3-gke.100', 'helm3');
    expect([h3.version, h3.goString()]).toEqual(['v1.29.3-gke.100', 'v1.29.3-gke.100']);
    expect(parseKubeVersion('v1.30', 'helm4').version).toBe('v1.30');
    expect(parseKubeVersion('v1.30', 'helm3').version).toBe('v1.30.0');
    expect(() => parseKubeVersion('banana', 'helm4')).toThrow(/invalid kube version 'banana'/);
  });

  it('appends --api-versions and answers Has', () => {
    const caps = defaultCapabilities({ dialect: 'helm4', apiVersions: ['monitoring.coreos.com/v1'] });
    const has = (v: string) => caps.apiVersions.includes(v);
    expect(has('apps/v1')).toBe(true);
    expect(has('monitoring.coreos.com/v1')).toBe(true);
    expect(has('resource.k8s.io/v1')).toBe(true);
    expect(defaultCapabilities({ dialect: 'helm3' }).apiVersions.includes('resource.k8s.io/v1')).toBe(false);
  });
});
