/*
 * Builders of realistic Kubernetes objects for tests: each returns what `kubectl get -o yaml`
 * would show (apiVersion, kind, metadata with uid and labels, spec, status where checks read it).
 * Override anything with the `patch` argument, deep-merged.
 */
import { KubernetesObject } from '../objects';
import { ClusterIndex, ClusterSnapshot, MissingKind } from '../cluster/ClusterIndex';
import { discoverWorkloads, Workload } from '../cluster/workloads';
import { relationsOf } from '../cluster/relations';
import { CheckContext, EntityContext, ReadinessCheck, CheckOutcome } from '../checks/types';

let counter = 0;
/** A deterministic uid per builder call. */
export function uid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

type DeepPartial<T> = { [K in keyof T]?: any };

function isPlain(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge; arrays and scalars in `patch` replace; `undefined` in patch deletes. */
export function merge<T>(base: T, patch?: DeepPartial<T> | Record<string, any>): T {
  if (!patch) return base;
  const out: any = Array.isArray(base) ? [...(base as any)] : { ...(base as any) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else if (isPlain(v) && isPlain(out[k])) out[k] = merge(out[k], v);
    else out[k] = v;
  }
  return out;
}

/** Any object: `object('networking.k8s.io/v1', 'NetworkPolicy', 'deny-all', 'shop', { spec: {...} })`. */
export function object(
  apiVersion: string,
  kind: string,
  name: string,
  namespace: string | undefined,
  patch?: Record<string, any>,
): KubernetesObject {
  return merge(
    {
      apiVersion,
      kind,
      metadata: {
        name,
        ...(namespace ? { namespace } : {}),
        uid: uid(),
        creationTimestamp: '2026-10-01T09:00:00Z',
        labels: {},
        annotations: {},
      },
    } as KubernetesObject,
    patch,
  );
}

/** A hardened container that passes every container-level check; patch it to make it fail one. */
export function container(name = 'app', patch?: Record<string, any>): any {
  return merge(
    {
      name,
      image: `ghcr.io/acme/${name}:1.4.2@sha256:${'a'.repeat(64)}`,
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
      livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      },
    },
    patch,
  );
}

/** A Deployment of `replicas` pods labelled `app.kubernetes.io/name: <name>`; containers default to one hardened container. */
export function deployment(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject {
  const labels = { 'app.kubernetes.io/name': name, 'backstage.io/kubernetes-id': name };
  return object('apps/v1', 'Deployment', name, namespace, merge(
    {
      metadata: { labels },
      spec: {
        replicas: 2,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            priorityClassName: 'business-critical',
            containers: [container(name)],
          },
        },
      },
      status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 },
    },
    patch,
  ));
}

/** A StatefulSet with a volumeClaimTemplate named `data`. */
export function statefulSet(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject {
  const labels = { 'app.kubernetes.io/name': name, 'backstage.io/kubernetes-id': name };
  return object('apps/v1', 'StatefulSet', name, namespace, merge(
    {
      metadata: { labels },
      spec: {
        replicas: 3,
        serviceName: name,
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        template: {
          metadata: { labels },
          spec: { serviceAccountName: name, priorityClassName: 'business-critical', containers: [container(name)] },
        },
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } },
        ],
      },
    },
    patch,
  ));
}

/** A CronJob running `containers` on `schedule`. */
export function cronJob(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject {
  const labels = { 'app.kubernetes.io/name': name, 'backstage.io/kubernetes-id': name };
  return object('batch/v1', 'CronJob', name, namespace, merge(
    {
      metadata: { labels },
      spec: {
        schedule: '0 2 * * *',
        jobTemplate: {
          spec: {
            template: {
              metadata: { labels },
              spec: { restartPolicy: 'OnFailure', serviceAccountName: name, containers: [container(name, { readinessProbe: undefined, livenessProbe: undefined })] },
            },
          },
        },
      },
      status: { lastScheduleTime: '2026-11-21T02:00:00Z', lastSuccessfulTime: '2026-11-21T02:03:00Z' },
    },
    patch,
  ));
}

/** A pod created by `owner` (a ReplicaSet, StatefulSet, DaemonSet or Job), with its template's labels and spec. */
export function podOf(owner: KubernetesObject, index = 0, patch?: Record<string, any>): KubernetesObject {
  const template = owner.kind === 'CronJob' ? owner.spec.jobTemplate.spec.template : owner.spec.template;
  return object('v1', 'Pod', `${owner.metadata.name}-${index}`, owner.metadata.namespace, merge(
    {
      metadata: {
        labels: template.metadata?.labels ?? {},
        ownerReferences: [
          { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true },
        ],
      },
      spec: template.spec,
      status: { phase: 'Running', qosClass: 'Guaranteed' },
    },
    patch,
  ));
}

/** The ReplicaSet a Deployment owns, with the Deployment's template. */
export function replicaSetOf(deploy: KubernetesObject, hash = '7d9f8c6b5'): KubernetesObject {
  return object('apps/v1', 'ReplicaSet', `${deploy.metadata.name}-${hash}`, deploy.metadata.namespace, {
    metadata: {
      labels: { ...(deploy.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deploy.metadata.name, uid: deploy.metadata.uid, controller: true }],
    },
    spec: { replicas: deploy.spec.replicas, selector: deploy.spec.selector, template: deploy.spec.template },
    status: { replicas: deploy.spec.replicas },
  });
}

/** A Deployment with its ReplicaSet and running pods. */
export function deploymentWithPods(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject[] {
  const d = deployment(name, namespace, patch);
  const rs = replicaSetOf(d);
  const pods = Array.from({ length: d.spec.replicas ?? 1 }, (_, i) => podOf(rs, i));
  return [d, rs, ...pods];
}

/** A ClusterIP Service selecting `app.kubernetes.io/name: <name>`. */
export function service(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject {
  return object('v1', 'Service', name, namespace, merge(
    {
      metadata: { labels: { 'app.kubernetes.io/name': name } },
      spec: { type: 'ClusterIP', selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
    patch,
  ));
}

/** A Namespace with the restricted pod-security label. */
export function namespaceObject(name = 'shop', patch?: Record<string, any>): KubernetesObject {
  return object('v1', 'Namespace', name, undefined, merge(
    { metadata: { labels: { 'kubernetes.io/metadata.name': name, 'pod-security.kubernetes.io/enforce': 'restricted' } } },
    patch,
  ));
}

/** Builds an index; `missing` lists plural kinds that could not be read. */
export function indexOf(objects: KubernetesObject[], options?: { cluster?: string; missing?: MissingKind[] | string[] }): ClusterIndex {
  const missing = (options?.missing ?? []).map(m => (typeof m === 'string' ? { plural: m, reason: `${m} could not be listed (403 Forbidden)`, status: 403 } : m));
  const snapshot: ClusterSnapshot = { cluster: options?.cluster ?? 'test', objects, missing };
  return ClusterIndex.build(snapshot);
}

/** The workload of that kind and name in the index (throws when absent, naming what exists). */
export function workloadOf(index: ClusterIndex, kind: string, name: string): Workload {
  const all = discoverWorkloads(index);
  const w = all.find(x => x.ref.kind === kind && x.ref.name === name);
  if (!w) throw new Error(`no workload ${kind}/${name}; have ${all.map(x => `${x.ref.kind}/${x.ref.name}`).join(', ')}`);
  return w;
}

/** An entity context for (cat) checks. */
export function entity(annotations: Record<string, string> = {}, links: EntityContext['links'] = []): EntityContext {
  return { ref: 'component:default/test', annotations, links };
}

/**
 * Runs one check on one workload the way the engine does (missing required kinds give
 * `unknown`), with the check's default options merged with `options`.
 */
export function run<T>(
  check: ReadinessCheck<T>,
  objects: KubernetesObject[],
  target: { kind: string; name: string },
  extra?: { options?: Partial<T>; entity?: EntityContext; missing?: string[]; now?: Date },
): CheckOutcome {
  const index = indexOf(objects, { missing: extra?.missing });
  const workload = workloadOf(index, target.kind, target.name);
  const { evaluateCheck } = require('../engine/evaluate') as typeof import('../engine/evaluate');
  const context: CheckContext<T> = {
    workload,
    index,
    relations: relationsOf(workload, index),
    entity: extra?.entity,
    options: { ...(check.defaultOptions ?? ({} as T)), ...(extra?.options ?? {}) } as T,
    now: extra?.now ?? new Date('2026-11-21T12:00:00Z'),
  };
  return evaluateCheck(check, context);
}

/** A DaemonSet (one pod per node) labelled `app.kubernetes.io/name: <name>`. */
export function daemonSet(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject {
  const labels = { 'app.kubernetes.io/name': name, 'backstage.io/kubernetes-id': name };
  return object('apps/v1', 'DaemonSet', name, namespace, merge(
    {
      metadata: { labels },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        template: { metadata: { labels }, spec: { serviceAccountName: name, containers: [container(name)] } },
      },
      status: { desiredNumberScheduled: 3, numberReady: 3 },
    },
    patch,
  ));
}

/** A Job run to completion; without an owner it is a workload of its own. */
export function job(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject {
  const labels = { 'app.kubernetes.io/name': name, 'backstage.io/kubernetes-id': name };
  return object('batch/v1', 'Job', name, namespace, merge(
    {
      metadata: { labels },
      spec: {
        backoffLimit: 2,
        template: {
          metadata: { labels },
          spec: { restartPolicy: 'Never', serviceAccountName: name, containers: [container(name, { readinessProbe: undefined, livenessProbe: undefined })] },
        },
      },
      status: { succeeded: 1, completionTime: '2026-11-21T02:03:00Z' },
    },
    patch,
  ));
}

/** The Job a CronJob created; `suffix` is the scheduled time in minutes since the epoch, as the controller names it. */
export function jobOf(cron: KubernetesObject, suffix = '29387640'): KubernetesObject {
  const template = cron.spec.jobTemplate;
  return object('batch/v1', 'Job', `${cron.metadata.name}-${suffix}`, cron.metadata.namespace, {
    metadata: {
      labels: { ...(template.spec.template.metadata?.labels ?? {}) },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cron.metadata.name, uid: cron.metadata.uid, controller: true }],
    },
    spec: template.spec,
    status: { succeeded: 1, completionTime: '2026-11-21T02:03:00Z' },
  });
}

/** A bare Pod (no owner), e.g. a debug pod or a `helm test` hook. */
export function pod(name: string, namespace = 'shop', patch?: Record<string, any>): KubernetesObject {
  return object('v1', 'Pod', name, namespace, merge(
    {
      metadata: { labels: { 'app.kubernetes.io/name': name } },
      spec: { restartPolicy: 'Always', containers: [container(name)] },
      status: { phase: 'Running', qosClass: 'Guaranteed' },
    },
    patch,
  ));
}
