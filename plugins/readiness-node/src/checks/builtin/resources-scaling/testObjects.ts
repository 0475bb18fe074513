/*
 * Builders for the objects the resources-scaling tests need and src/testing/fixtures.ts does not
 * have yet (autoscalers, quotas, limit ranges). Test-only; not exported from the package.
 */
import { KubernetesObject } from '../../../objects';
import { container, merge, object } from '../../../testing/fixtures';

/** An autoscaling/v2 HPA on `kind/name` scaling on 70% cpu; patch `spec.metrics` to change that (deep-merged, arrays replace). */
export function hpa(name: string, target: { kind: string; name: string }, patch?: Record<string, any>): KubernetesObject {
  return object(
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
    name,
    'shop',
    merge(
      {
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name },
          minReplicas: 2,
          maxReplicas: 10,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
        },
      },
      patch,
    ),
  );
}

/** A VPA on `kind/name` with updateMode Auto; patch it (deep-merged), e.g. with `status: recommendation(...)`. */
export function vpa(name: string, target: { kind: string; name: string }, patch?: Record<string, any>): KubernetesObject {
  return object(
    'autoscaling.k8s.io/v1',
    'VerticalPodAutoscaler',
    name,
    'shop',
    merge({ spec: { targetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name }, updatePolicy: { updateMode: 'Auto' } } }, patch),
  );
}

/** `status.recommendation` with a target per container: `{ cart: { cpu: '300m', memory: '300Mi' } }`. */
export function recommendation(targets: Record<string, Record<string, string>>): Record<string, any> {
  return {
    recommendation: {
      containerRecommendations: Object.entries(targets).map(([containerName, target]) => ({
        containerName,
        lowerBound: target,
        target,
        uncappedTarget: target,
        upperBound: target,
      })),
    },
  };
}

/** A LimitRange with one Container item. */
export function limitRange(name: string, item: Record<string, any>, namespace = 'shop'): KubernetesObject {
  return object('v1', 'LimitRange', name, namespace, { spec: { limits: [{ type: 'Container', ...item }] } });
}

/** A ResourceQuota with `hard`. */
export function resourceQuota(name: string, hard: Record<string, string>, namespace = 'shop'): KubernetesObject {
  return object('v1', 'ResourceQuota', name, namespace, { spec: { hard } });
}

/** The hardened fixture container with exactly these `resources` (no fixture defaults merged in). */
export function withResources(name: string, resources: Record<string, any> | undefined, patch?: Record<string, any>): any {
  const c = container(name, { resources: undefined, ...patch });
  return resources === undefined ? c : { ...c, resources };
}
