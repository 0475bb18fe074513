import { createReadinessCheck } from '../../types';
import { notReplicated, replicaCountOf } from './replicas';

/** replicas-minimum: one pod is one node failure away from an outage. */
export const replicasMinimum = createReadinessCheck({
  id: 'replicas-minimum',
  domain: 'scheduling-state',
  severity: 'high',
  scope: 'workload',
  title: 'Runs at least 2 replicas',
  rationale:
    'A single replica turns every node failure, drain, eviction or crash into an outage; with two or more, one pod can go while the others keep serving.',
  remediation: {
    text: 'Run at least 2 replicas: set spec.replicas to 2 or more, or, when a HorizontalPodAutoscaler manages the workload, set its minReplicas to 2 or more.',
    snippet: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  replicas: 2
---
# or, when an HPA manages the replica count:
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: cart
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: cart
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70`,
  },
  evaluate(context) {
    const why = notReplicated(context.workload);
    const replicas = replicaCountOf(context);
    if (why || !replicas) return { status: 'not-applicable', message: why ?? 'no replica count' };
    if (replicas.count >= 2) {
      return { status: 'pass', message: `runs ${replicas.description}`, evidence: replicas.evidence };
    }
    if (replicas.hpasUnreadable) {
      return {
        status: 'unknown',
        message: `spec.replicas is ${replicas.specReplicas} and an HPA's minReplicas could raise it: ${replicas.hpasUnreadable.message}`,
        evidence: replicas.evidence,
      };
    }
    const message =
      replicas.count === 0
        ? `runs ${replicas.description}: it is scaled to zero and serves nothing`
        : `runs ${replicas.description}: one node failure, drain or eviction takes it down`;
    return { status: 'fail', message, evidence: replicas.evidence };
  },
});
