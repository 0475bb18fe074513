import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';
import { kindAccess, quoteNames } from './podResources';

function describeHpa(hpa: KubernetesObject): string {
  const min = typeof hpa.spec?.minReplicas === 'number' ? hpa.spec.minReplicas : 1;
  const max = hpa.spec?.maxReplicas;
  const range = typeof max === 'number' ? `${min}..${max} replicas` : `from ${min} replicas`;
  const pinned = typeof max === 'number' && max <= min ? '; with maxReplicas <= minReplicas it never scales' : '';
  return `HorizontalPodAutoscaler '${hpa.metadata.name}' (${range}${pinned})`;
}

function describeScaledObject(so: KubernetesObject): string {
  const min = typeof so.spec?.minReplicaCount === 'number' ? so.spec.minReplicaCount : 0;
  const max = typeof so.spec?.maxReplicaCount === 'number' ? so.spec.maxReplicaCount : 100;
  const paused = so.metadata.annotations?.['autoscaling.keda.sh/paused'] === 'true' ? '; paused' : '';
  return `KEDA ScaledObject '${so.metadata.name}' (${min}..${max} replicas${paused})`;
}

/**
 * autoscaling: a Deployment or StatefulSet that a Service routes traffic to has a
 * HorizontalPodAutoscaler or a KEDA ScaledObject targeting it. Not applicable to other kinds, nor
 * when no Service selects the pods.
 *
 * KEDA materialises every ScaledObject as an HPA targeting the same workload, so in a live
 * cluster a readable HPA list is enough even when ScaledObjects cannot be read; offline, a
 * ScaledObject shipped with the service is part of the input. So only unreadable HPAs (or
 * Services) make the answer `unknown`.
 */
export const autoscaling = createReadinessCheck({
  id: 'autoscaling',
  domain: 'resources-scaling',
  severity: 'medium',
  scope: 'workload',
  title: 'Services that take traffic autoscale',
  rationale:
    'A fixed replica count is sized for one load: a traffic peak saturates it and degrades every request, while the quiet hours pay for idle pods. An autoscaler follows demand.',
  remediation: {
    text: 'Add a HorizontalPodAutoscaler (autoscaling/v2) on a metric that tracks load, with minReplicas of at least 2, or a KEDA ScaledObject for event-driven scaling.',
    snippet: `apiVersion: autoscaling/v2
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
  evaluate({ workload, relations, index }) {
    const kind = workload.ref.kind;
    if (kind !== 'Deployment' && kind !== 'StatefulSet') {
      return { status: 'not-applicable', message: `autoscaling applies to Deployments and StatefulSets, not to a ${kind}` };
    }
    const servicesAccess = kindAccess(index, 'services');
    const services = relations.services;
    if (servicesAccess.state !== 'unreadable' && services.length === 0) {
      return { status: 'not-applicable', message: 'no Service selects its pods: nothing routes traffic to it' };
    }
    const hpas = relations.horizontalPodAutoscalers;
    const scaledObjects = relations.scaledObjects;
    if (hpas.length > 0 || scaledObjects.length > 0) {
      return {
        status: 'pass',
        message: `scaled by ${[...hpas.map(describeHpa), ...scaledObjects.map(describeScaledObject)].join(', ')}`,
        evidence: [...hpas, ...scaledObjects].map(o => objectEvidence(o, 'spec.scaleTargetRef')),
      };
    }
    if (servicesAccess.state === 'unreadable') {
      return {
        status: 'unknown',
        message: `no autoscaler targets it, and Services could not be read (${servicesAccess.missing.reason}) to tell whether it takes traffic`,
      };
    }
    const hpaAccess = kindAccess(index, 'horizontalpodautoscalers');
    if (hpaAccess.state === 'unreadable') {
      return {
        status: 'unknown',
        message: `HorizontalPodAutoscalers could not be read (${hpaAccess.missing.reason}), and no KEDA ScaledObject targets it`,
      };
    }
    return {
      status: 'fail',
      message: `Service ${quoteNames(services.map(s => s.metadata.name))} ${
        services.length === 1 ? 'routes' : 'route'
      } traffic to it, but no HorizontalPodAutoscaler or KEDA ScaledObject targets this ${kind}`,
      evidence: [workloadEvidence(workload, 'spec.replicas'), ...services.map(s => objectEvidence(s, 'spec.selector'))],
    };
  },
});
