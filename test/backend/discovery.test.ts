import { describe, expect, it } from 'vitest';
import { builtinResources, crdResourceType, qualifiedResource, ResourceTable } from '../../src/backend/discovery.ts';
import { InvalidObjectError } from '../../src/backend/errors.ts';
import type { KubeObject } from '../../src/backend/object.ts';
import { crd } from './helpers.ts';

describe('built-in resources', () => {
  const table = new ResourceTable(builtinResources());

  it('maps kinds to resources, with scope', () => {
    const d = table.find('apps/v1', 'Deployment')!;
    expect(qualifiedResource(d)).toBe('deployments.apps');
    expect(d.namespaced).toBe(true);
    expect(qualifiedResource(table.find('v1', 'Pod')!)).toBe('pods');
    expect(table.find('v1', 'Namespace')!.namespaced).toBe(false);
    expect(table.find('rbac.authorization.k8s.io/v1', 'ClusterRole')!.namespaced).toBe(false);
    expect(table.find('autoscaling/v1', 'HorizontalPodAutoscaler')).toBeDefined();
    expect(table.find('autoscaling/v2', 'HorizontalPodAutoscaler')).toBeDefined();
  });

  it('serves no removed API versions', () => {
    expect(table.find('extensions/v1beta1', 'Ingress')).toBeUndefined();
    expect(table.find('apps/v1beta1', 'Deployment')).toBeUndefined();
    expect(table.find('policy/v1beta1', 'PodSecurityPolicy')).toBeUndefined();
    expect(table.find('v1', 'Deployment')).toBeUndefined();
  });

  it('finds resources by plural, singular, short name and group', () => {
    expect(table.findByName('deploy')!.kind).toBe('Deployment');
    expect(table.findByName('Deployments')!.kind).toBe('Deployment');
    expect(table.findByName('deployment')!.kind).toBe('Deployment');
    expect(table.findByName('events.events.k8s.io')!.group).toBe('events.k8s.io');
    expect(table.findByName('events')!.group).toBe('');
    expect(table.findByName('nothing')).toBeUndefined();
  });

  it('lists API versions as helm`s capabilities do', () => {
    const v = table.apiVersions();
    expect(v).toContain('v1');
    expect(v).toContain('apps/v1');
    expect(v).toContain('apps/v1/Deployment');
    expect(v).toContain('networking.k8s.io/v1/Ingress');
    expect(v).toEqual([...v].sort());
  });
});

describe('CustomResourceDefinitions', () => {
  it('define a resource type, storage version preferred', () => {
    const t = crdResourceType(crd('example.com', 'Widget', 'widgets'));
    expect(t).toEqual({
      group: 'example.com',
      versions: ['v1', 'v1alpha1'],
      kind: 'Widget',
      resource: 'widgets',
      singular: 'widget',
      shortNames: ['wd'],
      namespaced: true,
      builtin: false,
    });
    expect(crdResourceType(crd('example.com', 'Thing', 'things', 'Cluster')).namespaced).toBe(false);
  });

  it('are validated as the API server validates them', () => {
    const bad = (o: KubeObject) => () => crdResourceType(o);
    const wrongName = crd('example.com', 'Widget', 'widgets');
    wrongName.metadata.name = 'widget.example.com';
    expect(bad(wrongName)).toThrow(/must be spec.names.plural\+"."\+spec.group/);
    expect(bad(crd('apps', 'Widget', 'widgets'))).toThrow(/at least one dot/);
    expect(bad(crd('x.k8s.io', 'Widget', 'widgets'))).toThrow(/reserved/);
    expect(bad(crd('example.com', 'Widget', 'widgets', 'Global'))).toThrow(InvalidObjectError);
    expect(bad(crd('example.com', 'Widget', 'widgets', 'Cluster', { versions: [] }))).toThrow(/served version/);
  });

  it('join the table after the built-ins', () => {
    const table = new ResourceTable([...builtinResources(), crdResourceType(crd('example.com', 'Widget', 'widgets'))]);
    expect(table.find('example.com/v1', 'Widget')!.resource).toBe('widgets');
    expect(table.find('example.com/v0', 'Widget')).toBeUndefined();
    expect(table.findByName('wd')!.kind).toBe('Widget');
    expect(table.apiVersions()).toContain('example.com/v1alpha1/Widget');
  });
});
