import { createReadinessCheck } from '../../types';
import { containersOf, describeContainers, workloadEvidence } from '../../util';

/** liveness-probe: a hung process is restarted instead of silently holding its share of traffic. */
export const livenessProbe = createReadinessCheck({
  id: 'liveness-probe',
  domain: 'packaging-traffic',
  severity: 'high',
  scope: 'workload',
  title: 'Every long-running container has a liveness probe',
  rationale:
    'A process that deadlocks or leaks into a hung state keeps running; without a livenessProbe the kubelet never restarts it and the pod stays broken until someone notices.',
  remediation: {
    text: 'Add a livenessProbe to every long-running container (native sidecars included) that checks only the process itself, never its dependencies, with a threshold generous enough to survive load spikes.',
    snippet: `containers:
  - name: app
    livenessProbe:
      httpGet:
        path: /healthz
        port: http
      periodSeconds: 10
      timeoutSeconds: 2
      failureThreshold: 6`,
  },
  evaluate({ workload }) {
    if (workload.batch) {
      return { status: 'not-applicable', message: `${workload.ref.kind} pods run to completion; a liveness probe does not apply` };
    }
    const restartPolicy = workload.template.spec?.restartPolicy;
    if (workload.ref.kind === 'Pod' && (restartPolicy === 'Never' || restartPolicy === 'OnFailure')) {
      return {
        status: 'not-applicable',
        message: `Pod '${workload.ref.name}' has restartPolicy ${restartPolicy} and runs to completion; a liveness probe does not apply`,
      };
    }
    const containers = containersOf(workload, { sidecars: true });
    if (containers.length === 0) return { status: 'unknown', message: 'the pod template has no containers' };
    const missing = containers.filter(c => !c.container.livenessProbe);
    if (missing.length === 0) {
      return { status: 'pass', message: `all ${containers.length} long-running container(s) have a livenessProbe` };
    }
    return {
      status: 'fail',
      message: `${describeContainers(missing)} ${missing.length === 1 ? 'has' : 'have'} no livenessProbe`,
      evidence: missing.map(c => workloadEvidence(workload, `${c.path}.livenessProbe`)),
    };
  },
});
