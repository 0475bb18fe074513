import { createReadinessCheck } from '../../types';
import { containersOf, describeContainers } from '../../util';

/** readiness-probe: traffic reaches a pod only when it can serve. */
export const readinessProbe = createReadinessCheck({
  id: 'readiness-probe',
  domain: 'packaging-traffic',
  severity: 'critical',
  scope: 'workload',
  title: 'Every container has a readiness probe',
  rationale:
    'Without a readinessProbe a pod receives traffic as soon as its process starts, before it can serve; every rollout and restart then drops requests.',
  remediation: {
    text: 'Add a readinessProbe to every container that proves the service can handle real work (its dependencies reachable), distinct from the liveness probe.',
    snippet: `containers:
  - name: app
    readinessProbe:
      httpGet:
        path: /ready
        port: http
      periodSeconds: 5
      failureThreshold: 3`,
  },
  evaluate({ workload }) {
    if (workload.batch) {
      return { status: 'not-applicable', message: `${workload.ref.kind} pods run to completion and receive no traffic` };
    }
    const containers = containersOf(workload, { sidecars: true });
    if (containers.length === 0) {
      return { status: 'unknown', message: 'the pod template has no containers' };
    }
    const missing = containers.filter(c => !c.container.readinessProbe);
    if (missing.length === 0) {
      return { status: 'pass', message: `all ${containers.length} container(s) have a readinessProbe` };
    }
    return {
      status: 'fail',
      message: `${describeContainers(missing)} ${missing.length === 1 ? 'has' : 'have'} no readinessProbe`,
      evidence: missing.map(c => ({
        kind: workload.ref.kind,
        namespace: workload.ref.namespace,
        name: workload.ref.name,
        path: `${c.path}.readinessProbe`,
      })),
    };
  },
});
