/*
 * Builders of the objects the scheduling-state tests need beyond src/testing/fixtures.ts, in the
 * same style: what `kubectl get -o yaml` shows, patchable.
 */
import { KubernetesObject } from '../../../objects';
import { container, merge, object } from '../../../testing/fixtures';

/** An autoscaling/v2 HPA targeting a Deployment (or `kind`) named `target`. */
export function hpa(target: string, minReplicas: number | undefined, maxReplicas = 10, kind = 'Deployment'): KubernetesObject {
  return object('autoscaling/v2', 'HorizontalPodAutoscaler', target, 'shop', {
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind, name: target },
      ...(minReplicas === undefined ? {} : { minReplicas }),
      maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  });
}

/** A policy/v1 PodDisruptionBudget; `spec` replaces the default (maxUnavailable 1 over app.kubernetes.io/name=<name>). */
export function pdb(name: string, spec?: Record<string, unknown>, namespace = 'shop'): KubernetesObject {
  return object('policy/v1', 'PodDisruptionBudget', name, namespace, {
    spec: spec ?? { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } },
  });
}

/** A ReadWriteOnce (or `accessModes`) PersistentVolumeClaim. */
export function pvc(name: string, accessModes: string[] = ['ReadWriteOnce']): KubernetesObject {
  return object('v1', 'PersistentVolumeClaim', name, 'shop', {
    spec: { accessModes, resources: { requests: { storage: '10Gi' } }, storageClassName: 'standard' },
    status: { phase: 'Bound' },
  });
}

/** A pod spec patch mounting claim `claimName` at /data. */
export function withClaim(claimName: string, options: { readOnly?: boolean; mountReadOnly?: boolean } = {}): Record<string, any> {
  return {
    spec: {
      template: {
        spec: {
          containers: [
            container('app', { volumeMounts: [{ name: 'data', mountPath: '/data', ...(options.mountReadOnly ? { readOnly: true } : {}) }] }),
          ],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName, ...(options.readOnly ? { readOnly: true } : {}) } }],
        },
      },
    },
  };
}

const podTemplate = (name: string) => ({
  metadata: { labels: { 'app.kubernetes.io/name': name } },
  spec: { containers: [container(name)] },
});

export function daemonSet(name: string, patch?: Record<string, any>): KubernetesObject {
  return object('apps/v1', 'DaemonSet', name, 'shop', merge(
    {
      spec: { selector: { matchLabels: { 'app.kubernetes.io/name': name } }, template: podTemplate(name) },
      status: { desiredNumberScheduled: 3, numberReady: 3 },
    },
    patch,
  ));
}

export function job(name: string): KubernetesObject {
  return object('batch/v1', 'Job', name, 'shop', {
    spec: { template: { ...podTemplate(name), spec: { ...podTemplate(name).spec, restartPolicy: 'Never' } } },
  });
}

export function barePod(name: string): KubernetesObject {
  return object('v1', 'Pod', name, 'shop', {
    metadata: { labels: { 'app.kubernetes.io/name': name } },
    spec: { containers: [container(name)] },
    status: { phase: 'Running' },
  });
}

/** An owner-less ReplicaSet, a workload of its own. */
export function replicaSet(name: string, replicas: number, patch?: Record<string, any>): KubernetesObject {
  return object('apps/v1', 'ReplicaSet', name, 'shop', merge(
    { spec: { replicas, selector: { matchLabels: { 'app.kubernetes.io/name': name } }, template: podTemplate(name) } },
    patch,
  ));
}
