import { WorkloadRef } from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '../objects';
import { findKind } from '../kinds';
import { ClusterIndex, groupOf } from './ClusterIndex';

/** The pod template of a workload: what its pods are made from. @public */
export interface PodTemplate {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: any;
}

/**
 * A workload: the top controller of a set of pods (Deployment, StatefulSet, DaemonSet, CronJob),
 * or an owner-less Job, ReplicaSet or Pod. Checks evaluate workloads, never their pods one by one.
 * @public
 */
export interface Workload {
  ref: WorkloadRef;
  object: KubernetesObject;
  template: PodTemplate;
  /** Field path of the pod template in the object, for evidence: `spec.template`, `spec.jobTemplate.spec.template`, or '' for a bare Pod. */
  templatePath: string;
  /** Running (or recorded) pods attributed to the workload through owner references. */
  pods: KubernetesObject[];
  /** Desired replicas for Deployments, StatefulSets and ReplicaSets (default 1); undefined otherwise. */
  replicas?: number;
  /** Runs to completion (Job, CronJob) rather than serving. */
  batch: boolean;
}

const CONTROLLER_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'];
const SOMETIMES_OWNED_KINDS = ['ReplicaSet', 'Job', 'Pod'];

/** The field path of a container in a workload, e.g. `spec.template.spec.containers[0]`. @public */
export function containerPath(workload: Workload, index: number, init = false): string {
  const list = init ? 'initContainers' : 'containers';
  return workload.templatePath ? `${workload.templatePath}.spec.${list}[${index}]` : `spec.${list}[${index}]`;
}

/** The field path of the pod spec of a workload. @public */
export function podSpecPath(workload: Workload): string {
  return workload.templatePath ? `${workload.templatePath}.spec` : 'spec';
}

function templateOf(obj: KubernetesObject): { template: PodTemplate; path: string } {
  if (obj.kind === 'Pod') {
    return { template: { metadata: obj.metadata, spec: obj.spec ?? {} }, path: '' };
  }
  if (obj.kind === 'CronJob') {
    const t = obj.spec?.jobTemplate?.spec?.template ?? {};
    return { template: { metadata: t.metadata ?? {}, spec: t.spec ?? {} }, path: 'spec.jobTemplate.spec.template' };
  }
  const t = obj.spec?.template ?? {};
  return { template: { metadata: t.metadata ?? {}, spec: t.spec ?? {} }, path: 'spec.template' };
}

function replicasOf(obj: KubernetesObject): number | undefined {
  if (obj.kind === 'Deployment' || obj.kind === 'StatefulSet' || obj.kind === 'ReplicaSet') {
    const r = obj.spec?.replicas;
    return typeof r === 'number' ? r : 1;
  }
  return undefined;
}

/** The chain of controllers above an object: Pod -> ReplicaSet -> Deployment, Pod -> Job -> CronJob. */
function controllerChain(index: ClusterIndex, obj: KubernetesObject): KubernetesObject[] {
  const chain = [obj];
  let current = obj;
  for (let depth = 0; depth < 8; depth++) {
    const owner = index.ownerOf(current);
    if (!owner || chain.includes(owner)) break;
    chain.push(owner);
    current = owner;
  }
  return chain;
}

const WORKLOAD_KINDS = new Set([...CONTROLLER_KINDS, ...SOMETIMES_OWNED_KINDS]);

/** Whether an object is of a workload kind of the engine's API group (not a same-named kind of another group). */
function isWorkloadKind(obj: KubernetesObject | undefined): boolean {
  return !!obj && WORKLOAD_KINDS.has(obj.kind) && groupOf(obj.apiVersion) === findKind(obj.kind)?.group;
}

/**
 * Release hooks (a `helm test` Pod, an Argo CD PostSync Job) are part of a release, not
 * workloads of their own: checks such as release-smoke-test look for them, nothing grades them.
 */
function isReleaseHook(obj: KubernetesObject): boolean {
  const a = obj.metadata.annotations ?? {};
  return Boolean(a['helm.sh/hook'] || a['argocd.argoproj.io/hook']);
}

/**
 * Every workload of a cluster, once, each with the pods attributed to it. Computed once per
 * index and memoized.
 * @public
 */
export function discoverWorkloads(index: ClusterIndex): Workload[] {
  return index.memoize('workloads', () => {
    const workloads = new Map<KubernetesObject, Workload>();
    const make = (obj: KubernetesObject) => {
      const { template, path } = templateOf(obj);
      const w: Workload = {
        ref: { cluster: index.cluster, kind: obj.kind, namespace: obj.metadata.namespace ?? 'default', name: obj.metadata.name },
        object: obj,
        template,
        templatePath: path,
        pods: [],
        replicas: replicasOf(obj),
        batch: obj.kind === 'Job' || obj.kind === 'CronJob',
      };
      workloads.set(obj, w);
      return w;
    };
    for (const kind of CONTROLLER_KINDS) for (const obj of index.list(kind)) if (!isReleaseHook(obj)) make(obj);
    for (const kind of SOMETIMES_OWNED_KINDS) {
      for (const obj of index.list(kind)) {
        // Bare pods and ReplicaSets/Jobs without a workload owner (none, or an owner of a kind
        // the engine does not evaluate, such as an Argo Rollout or a Volcano `Job` of another API
        // group) are workloads of their own.
        const owner = index.ownerOf(obj);
        if (!isWorkloadKind(owner) && !isReleaseHook(obj)) make(obj);
      }
    }
    for (const pod of index.list('Pod')) {
      const chain = controllerChain(index, pod);
      for (let i = chain.length - 1; i >= 0; i--) {
        const w = workloads.get(chain[i]);
        if (w) {
          w.pods.push(pod);
          break;
        }
      }
    }
    return [...workloads.values()];
  });
}
