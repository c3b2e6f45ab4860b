import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/backend/object.ts';
import { readiness, scaledValue } from '../../src/backend/readiness.ts';

function obj(kind: string, spec: object, status: object, generation = 2): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name: 'x', generation }, spec, status };
}

describe('readiness', () => {
  it('waits for a Deployment to roll out', () => {
    const spec = { replicas: 3 };
    expect(readiness(obj('Deployment', spec, { observedGeneration: 1 })).state).toBe('pending');
    expect(readiness(obj('Deployment', spec, { observedGeneration: 2, updatedReplicas: 2 })).reason).toBe(
      '2 of 3 replicas updated',
    );
    const rolling = { observedGeneration: 2, updatedReplicas: 3, replicas: 4, availableReplicas: 3 };
    expect(readiness(obj('Deployment', spec, rolling)).reason).toBe('1 old replicas pending termination');
    const done = { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 };
    expect(readiness(obj('Deployment', spec, done)).state).toBe('ready');
    const surge = { strategy: { rollingUpdate: { maxUnavailable: '34%' } }, replicas: 3 };
    expect(readiness(obj('Deployment', surge, { ...done, availableReplicas: 2 })).state).toBe('ready');
    expect(readiness(obj('Deployment', { paused: true }, {})).state).toBe('ready');
    const stuck = { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };
    expect(readiness(obj('Deployment', spec, stuck)).state).toBe('failed');
  });

  it('waits for StatefulSets and DaemonSets', () => {
    const sts = { replicas: 2, updateStrategy: { type: 'RollingUpdate' } };
    const ready = {
      observedGeneration: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      currentRevision: 'a',
      updateRevision: 'a',
    };
    expect(readiness(obj('StatefulSet', sts, ready)).state).toBe('ready');
    expect(readiness(obj('StatefulSet', sts, { ...ready, updateRevision: 'b' })).state).toBe('pending');
    expect(
      readiness(obj('StatefulSet', { updateStrategy: { type: 'OnDelete' } }, { observedGeneration: 2 })).state,
    ).toBe('ready');
    const ds = { observedGeneration: 2, desiredNumberScheduled: 4, updatedNumberScheduled: 4, numberReady: 3 };
    expect(readiness(obj('DaemonSet', {}, ds)).state).toBe('ready');
    expect(readiness(obj('DaemonSet', {}, { ...ds, numberReady: 2 })).state).toBe('pending');
  });

  it('waits for Jobs only when asked, and fails failed ones', () => {
    const running = obj('Job', {}, { active: 1 });
    expect(readiness(running).state).toBe('ready');
    expect(readiness(running, 'ready-with-jobs').state).toBe('pending');
    expect(readiness(running, 'hook').state).toBe('pending');
    const complete = obj('Job', {}, { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] });
    expect(readiness(complete, 'hook').state).toBe('ready');
    const failed = obj('Job', {}, { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] });
    expect(readiness(failed, 'hook')).toEqual({ state: 'failed', reason: 'job x failed: BackoffLimitExceeded' });
  });

  it('distinguishes a ready Pod from a finished hook Pod', () => {
    const running = obj('Pod', {}, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] });
    expect(readiness(running).state).toBe('ready');
    expect(readiness(running, 'hook').state).toBe('pending');
    expect(readiness(obj('Pod', {}, { phase: 'Succeeded' }), 'hook').state).toBe('ready');
    expect(readiness(obj('Pod', {}, { phase: 'Failed' }), 'hook').state).toBe('failed');
  });

  it('waits for claims, Services and CRDs', () => {
    expect(readiness(obj('PersistentVolumeClaim', {}, { phase: 'Pending' })).state).toBe('pending');
    expect(readiness(obj('PersistentVolumeClaim', {}, { phase: 'Bound' })).state).toBe('ready');
    expect(readiness(obj('Service', {}, {})).state).toBe('pending');
    expect(readiness(obj('Service', { clusterIP: '10.0.0.1' }, {})).state).toBe('ready');
    expect(readiness(obj('Service', { type: 'ExternalName' }, {})).state).toBe('ready');
    const lb = { clusterIP: '10.0.0.1', type: 'LoadBalancer' };
    expect(readiness(obj('Service', lb, {})).state).toBe('pending');
    expect(readiness(obj('Service', lb, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })).state).toBe('ready');
    expect(
      readiness(obj('CustomResourceDefinition', {}, { conditions: [{ type: 'Established', status: 'True' }] })).state,
    ).toBe('ready');
    expect(readiness(obj('ConfigMap', {}, {}), 'hook').state).toBe('ready');
  });

  it('scales int-or-percent values', () => {
    expect(scaledValue('25%', 10, true, 0)).toBe(3);
    expect(scaledValue('25%', 10, false, 0)).toBe(2);
    expect(scaledValue(4, 10, false, 0)).toBe(4);
    expect(scaledValue(undefined, 10, false, 1)).toBe(1);
  });
});
