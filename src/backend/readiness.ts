// Whether an object is ready, from its status alone: rolled out for workloads, complete for Jobs, bound for
// claims, addressable for Services. Used by backends that poll a cluster (helm's ReadyChecker and kstatus judge
// the same fields); the local backend has no controllers and treats every object as ready at once.

import { isObject, type KubeObject } from './object.ts';

export type ReadyState = 'ready' | 'pending' | 'failed';

export interface Readiness {
  state: ReadyState;
  /** Why it is not ready (or why it failed). */
  reason?: string;
}

/**
 * `ready`: what `--wait` waits for (Jobs are not waited for); `ready-with-jobs`: `--wait-for-jobs`, Jobs must
 * complete; `hook`: what a hook waits for (helm's WatchUntilReady): a Job must complete and a Pod must succeed,
 * other kinds are done once created.
 */
export type ReadinessMode = 'ready' | 'ready-with-jobs' | 'hook';

type Obj = Record<string, unknown>;

const READY: Readiness = { state: 'ready' };

function pending(reason: string): Readiness {
  return { state: 'pending', reason };
}

function num(v: unknown, dflt = 0): number {
  return typeof v === 'number' ? v : dflt;
}

function obj(v: unknown): Obj {
  return isObject(v) ? v : {};
}

function condition(status: Obj, type: string): Obj | undefined {
  const conds = status.conditions;
  if (!Array.isArray(conds)) return undefined;
  return conds.find((c): c is Obj => isObject(c) && c.type === type);
}

function conditionTrue(status: Obj, type: string): boolean {
  return condition(status, type)?.status === 'True';
}

/** An int-or-percent (`1`, `"25%"`) scaled against a total, as Kubernetes rounds it. */
export function scaledValue(v: unknown, total: number, roundUp: boolean, dflt: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const pct = Number(v.slice(0, -1));
    if (!Number.isFinite(pct)) return dflt;
    const x = (pct * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return dflt;
}

function observed(o: KubeObject, status: Obj): boolean {
  return num(status.observedGeneration, -1) >= num(o.metadata.generation, 0);
}

function deployment(o: KubeObject, spec: Obj, status: Obj): Readiness {
  const progressing = condition(status, 'Progressing');
  if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') {
    return { state: 'failed', reason: `deployment "${o.metadata.name}" exceeded its progress deadline` };
  }
  if (spec.paused === true) return READY;
  if (!observed(o, status)) return pending('the controller has not observed the latest generation');
  const desired = num(spec.replicas, 1);
  const updated = num(status.updatedReplicas);
  if (updated < desired) return pending(`${updated} of ${desired} replicas updated`);
  if (num(status.replicas) > updated)
    return pending(`${num(status.replicas) - updated} old replicas pending termination`);
  const maxUnavailable = scaledValue(obj(obj(spec.strategy).rollingUpdate).maxUnavailable, desired, false, 0);
  const available = num(status.availableReplicas);
  const needed = obj(spec.strategy).type === 'Recreate' ? desired : Math.max(desired - maxUnavailable, 0);
  if (available < needed) return pending(`${available} of ${needed} replicas available`);
  return READY;
}

function statefulSet(o: KubeObject, spec: Obj, status: Obj): Readiness {
  if (!observed(o, status)) return pending('the controller has not observed the latest generation');
  const strategy = obj(spec.updateStrategy);
  if (strategy.type === 'OnDelete') return READY;
  const replicas = num(spec.replicas, 1);
  const partition = num(obj(strategy.rollingUpdate).partition);
  const updated = num(status.updatedReplicas);
  if (updated < replicas - partition) return pending(`${updated} of ${replicas - partition} pods updated`);
  const ready = num(status.readyReplicas);
  if (ready !== replicas) return pending(`${ready} of ${replicas} pods ready`);
  if (partition === 0 && status.currentRevision !== status.updateRevision) {
    return pending('the rollout to the update revision is not complete');
  }
  return READY;
}

function daemonSet(o: KubeObject, spec: Obj, status: Obj): Readiness {
  if (!observed(o, status)) return pending('the controller has not observed the latest generation');
  const strategy = obj(spec.updateStrategy);
  if (strategy.type === 'OnDelete') return READY;
  const desired = num(status.desiredNumberScheduled);
  const updated = num(status.updatedNumberScheduled);
  if (updated !== desired) return pending(`${updated} of ${desired} pods updated`);
  const maxUnavailable = scaledValue(obj(strategy.rollingUpdate).maxUnavailable, desired, true, 1);
  const ready = num(status.numberReady);
  if (ready < desired - maxUnavailable) return pending(`${ready} of ${desired - maxUnavailable} pods ready`);
  return READY;
}

function replicaSet(o: KubeObject, spec: Obj, status: Obj): Readiness {
  if (!observed(o, status)) return pending('the controller has not observed the latest generation');
  const desired = num(spec.replicas, 1);
  const ready = num(status.readyReplicas);
  return ready >= desired ? READY : pending(`${ready} of ${desired} pods ready`);
}

function job(o: KubeObject, spec: Obj, status: Obj): Readiness {
  if (conditionTrue(status, 'Failed')) {
    const reason = condition(status, 'Failed')?.reason;
    return {
      state: 'failed',
      reason: `job ${o.metadata.name} failed${typeof reason === 'string' ? `: ${reason}` : ''}`,
    };
  }
  if (conditionTrue(status, 'Complete')) return READY;
  const completions = spec.completions === undefined ? 1 : num(spec.completions, 1);
  const succeeded = num(status.succeeded);
  if (succeeded >= completions && completions > 0) return READY;
  return pending(`${succeeded} of ${completions} completions`);
}

function pod(o: KubeObject, status: Obj, mode: ReadinessMode): Readiness {
  const phase = status.phase;
  if (phase === 'Failed') return { state: 'failed', reason: `pod ${o.metadata.name} failed` };
  if (phase === 'Succeeded') return READY;
  if (mode === 'hook') return pending(`pod phase is ${typeof phase === 'string' ? phase : 'Pending'}`);
  return conditionTrue(status, 'Ready') ? READY : pending('pod is not ready');
}

function service(spec: Obj, status: Obj): Readiness {
  if (spec.type === 'ExternalName') return READY;
  if (!spec.clusterIP) return pending('service has no cluster IP');
  if (spec.type === 'LoadBalancer') {
    const external = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
    const ingress = obj(status.loadBalancer).ingress;
    if (!external && !(Array.isArray(ingress) && ingress.length > 0)) return pending('load balancer has no ingress');
  }
  return READY;
}

/** The readiness of an object as last read from the backend. */
export function readiness(o: KubeObject, mode: ReadinessMode = 'ready'): Readiness {
  const spec = obj(o.spec);
  const status = obj(o.status);
  if (mode === 'hook') {
    if (o.kind === 'Job') return job(o, spec, status);
    if (o.kind === 'Pod') return pod(o, status, mode);
    return READY;
  }
  switch (o.kind) {
    case 'Deployment':
      return deployment(o, spec, status);
    case 'StatefulSet':
      return statefulSet(o, spec, status);
    case 'DaemonSet':
      return daemonSet(o, spec, status);
    case 'ReplicaSet':
    case 'ReplicationController':
      return replicaSet(o, spec, status);
    case 'Job':
      return mode === 'ready' ? READY : job(o, spec, status);
    case 'Pod':
      return pod(o, status, mode);
    case 'PersistentVolumeClaim':
      return status.phase === 'Bound' ? READY : pending('claim is not bound');
    case 'Service':
      return service(spec, status);
    case 'CustomResourceDefinition':
      return conditionTrue(status, 'Established') ? READY : pending('definition is not established');
    default:
      return READY;
  }
}
