/*
 * Shared reading of compute resources for the resources-scaling checks: quantities, the
 * defaulting the API server applies at admission (requests default to limits; LimitRange
 * defaults), the pod QoS class by the kubelet's rules, live pods' reported QoS, VPA container
 * policies and whether an optional kind could be read. Kept local to this domain on purpose.
 */
import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { ClusterIndex, MissingKind } from '../../../cluster/ClusterIndex';
import { Workload } from '../../../cluster/workloads';
import { KubernetesObject } from '../../../objects';
import { ContainerEntry, containersOf, objectEvidence, parseQuantity } from '../../util';

/** The resources that decide QoS and that these checks look at. */
export const COMPUTE_RESOURCES = ['cpu', 'memory'] as const;

/** `cpu` or `memory`. */
export type ComputeResource = (typeof COMPUTE_RESOURCES)[number];

/** A quantity as written in the manifest, with its value in cores or bytes (undefined when malformed). */
export interface Quantity {
  raw: string;
  value?: number;
}

/** The quantity of a field, or undefined when the field is absent. */
export function quantityOf(value: unknown): Quantity | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return { raw: String(value), value: parseQuantity(value) };
}

/** Whether a quantity is set to a valid value above zero (zero counts as unset for QoS). */
export function isPositive(q: Quantity | undefined): q is Quantity & { value: number } {
  return q?.value !== undefined && q.value > 0;
}

/** Equality of two quantities after parsing (`500m` = `0.5`, `1Gi` = `1024Mi`), tolerant of float rounding. */
export function sameQuantity(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Where a container's effective request or limit comes from. */
export type ResourceSource = 'spec' | 'limit' | 'limit-range';

export interface ResourceValue {
  quantity: Quantity;
  /** `spec`: written in the container; `limit`: a request defaulted to the limit; `limit-range`: a namespace default. */
  source: ResourceSource;
  limitRange?: KubernetesObject;
}

export interface ResourceRequirements {
  requests: Partial<Record<ComputeResource, ResourceValue>>;
  limits: Partial<Record<ComputeResource, ResourceValue>>;
}

/** What the LimitRanges of a namespace fill in for containers that leave a value unset. */
export interface LimitRangeDefaults {
  requests: Partial<Record<ComputeResource, { quantity: Quantity; limitRange: KubernetesObject }>>;
  limits: Partial<Record<ComputeResource, { quantity: Quantity; limitRange: KubernetesObject }>>;
}

/**
 * The container defaults of LimitRanges, with the API server's defaulting of LimitRange items
 * (`default` falls back to `max`; `defaultRequest` to `default`, then to `min`). The first
 * LimitRange giving a value wins, as the LimitRanger admission plugin fills only unset fields.
 */
export function limitRangeDefaults(limitRanges: KubernetesObject[]): LimitRangeDefaults {
  const out: LimitRangeDefaults = { requests: {}, limits: {} };
  for (const lr of limitRanges) {
    for (const item of Array.isArray(lr.spec?.limits) ? lr.spec.limits : []) {
      if (item?.type !== 'Container') continue;
      for (const r of COMPUTE_RESOURCES) {
        const limit = quantityOf(item.default?.[r] ?? item.max?.[r]);
        const request = quantityOf(item.defaultRequest?.[r]) ?? limit ?? quantityOf(item.min?.[r]);
        if (limit && !out.limits[r]) out.limits[r] = { quantity: limit, limitRange: lr };
        if (request && !out.requests[r]) out.requests[r] = { quantity: request, limitRange: lr };
      }
    }
  }
  return out;
}

/**
 * The requests and limits a container ends up with at admission: a request left unset defaults
 * to the container's limit (pod defaulting), then unset values take the LimitRange defaults.
 * Without `defaults` this is what the manifest itself implies.
 */
export function effectiveRequirements(resources: any, defaults?: LimitRangeDefaults): ResourceRequirements {
  const out: ResourceRequirements = { requests: {}, limits: {} };
  for (const r of COMPUTE_RESOURCES) {
    const request = quantityOf(resources?.requests?.[r]);
    const limit = quantityOf(resources?.limits?.[r]);
    if (limit) out.limits[r] = { quantity: limit, source: 'spec' };
    else if (defaults?.limits[r]) out.limits[r] = { ...defaults.limits[r]!, source: 'limit-range' };
    if (request) out.requests[r] = { quantity: request, source: 'spec' };
    else if (limit) out.requests[r] = { quantity: limit, source: 'limit' };
    else if (defaults?.requests[r]) out.requests[r] = { ...defaults.requests[r]!, source: 'limit-range' };
  }
  return out;
}

/** A Kubernetes pod QoS class. */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * The QoS class of one set of requirements, as the kubelet computes it (per resource: request =
 * limit, both zero = best effort; mixing the two, or unequal values, is Burstable).
 */
function requirementsQos(req: ResourceRequirements): QosClass {
  let qos: QosClass | undefined;
  for (const r of COMPUTE_RESOURCES) {
    const request = isPositive(req.requests[r]?.quantity) ? req.requests[r]!.quantity.value! : 0;
    const limit = isPositive(req.limits[r]?.quantity) ? req.limits[r]!.quantity.value! : 0;
    if (!sameQuantity(request, limit)) return 'Burstable';
    const bestEffort = request === 0;
    if (qos === undefined) qos = bestEffort ? 'BestEffort' : 'Guaranteed';
    else if (bestEffort !== (qos === 'BestEffort')) return 'Burstable';
  }
  return qos ?? 'BestEffort';
}

/**
 * The pod QoS class (Kubernetes `ComputePodQOS`): pod-level `spec.resources` when set, otherwise
 * every container including init containers. BestEffort: no cpu/memory request or limit
 * anywhere; Guaranteed: every container has cpu and memory limits equal to its requests (requests
 * defaulting to limits); otherwise Burstable.
 */
export function computeQosClass(containers: ResourceRequirements[], podLevel?: ResourceRequirements): QosClass {
  if (podLevel) return requirementsQos(podLevel);
  let qos: QosClass | undefined;
  for (const c of containers) {
    const q = requirementsQos(c);
    if (q === 'Burstable') return q;
    if (qos === undefined) qos = q;
    else if (qos !== q) return 'Burstable';
  }
  return qos ?? 'BestEffort';
}

/** A container of the pod template with its requirements as written and as admitted. */
export interface ContainerResources {
  entry: ContainerEntry;
  /** What the manifest implies (requests defaulted to limits). */
  declared: ResourceRequirements;
  /** Also with the namespace's LimitRange defaults, as the pods get them. */
  effective: ResourceRequirements;
}

/** The compute resources of a workload's pod template, every container including init containers. */
export interface WorkloadResources {
  containers: ContainerResources[];
  /** Pod-level `spec.resources` (PodLevelResources), when the template sets it. */
  podLevel?: ResourceRequirements;
  /** The LimitRanges that fill in at least one value in a container. */
  limitRangesApplied: KubernetesObject[];
}

/** Whether a pod spec sets pod-level resources (`spec.resources.requests` or `.limits`). */
function podLevelOf(spec: any): ResourceRequirements | undefined {
  const res = spec?.resources;
  if (!res || typeof res !== 'object') return undefined;
  if (Object.keys(res.requests ?? {}).length === 0 && Object.keys(res.limits ?? {}).length === 0) return undefined;
  return effectiveRequirements(res);
}

/** Reads the compute resources of a workload, applying the given LimitRanges' defaults. */
export function workloadResources(workload: Workload, limitRanges: KubernetesObject[]): WorkloadResources {
  const defaults = limitRangeDefaults(limitRanges);
  const applied = new Set<KubernetesObject>();
  const containers = containersOf(workload, { init: true }).map(entry => {
    const resources = entry.container.resources;
    const effective = effectiveRequirements(resources, defaults);
    for (const v of [...Object.values(effective.requests), ...Object.values(effective.limits)]) {
      if (v?.source === 'limit-range' && v.limitRange) applied.add(v.limitRange);
    }
    return { entry, declared: effectiveRequirements(resources), effective };
  });
  return { containers, podLevel: podLevelOf(workload.template.spec), limitRangesApplied: [...applied] };
}

/** Containers that run for the pod's lifetime: app containers and native sidecars (init containers with restartPolicy Always). */
export function isLongRunning(entry: ContainerEntry): boolean {
  return !entry.init || entry.container?.restartPolicy === 'Always';
}

/**
 * Live pods that report a QoS class: not Succeeded/Failed, not being deleted, with
 * `status.qosClass` set. What the cluster actually admitted, webhooks and LimitRanges included.
 */
export function livePodsWithQos(workload: Workload): KubernetesObject[] {
  return workload.pods.filter(
    p =>
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed' &&
      !p.metadata.deletionTimestamp &&
      typeof p.status?.qosClass === 'string' &&
      p.status.qosClass !== '',
  );
}

/** `'a'`, `'a', 'b'`, `'a', 'b', 'c' and 2 more`. */
export function quoteNames(names: string[], max = 3): string {
  const quoted = names.map(n => `'${n}'`);
  if (quoted.length <= max) return quoted.join(', ');
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}

/** `1 pod`, `2 pods`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Evidence naming the workload's Namespace (the object when it was read, else by name). */
export function namespaceEvidence(workload: Workload, index: ClusterIndex): CheckEvidence {
  const ns = index.get('Namespace', undefined, workload.ref.namespace);
  return ns ? objectEvidence(ns) : { kind: 'Namespace', name: workload.ref.namespace };
}

/**
 * Whether a kind could be read: `absent` when the API answered 404 (the kind is not served: the
 * CRD is not installed, so no such object exists), `unreadable` for anything else (forbidden,
 * errors, or offline input without the kind), where objects may exist unseen.
 */
export type KindAccess =
  | { state: 'readable' }
  | { state: 'absent'; missing: MissingKind }
  | { state: 'unreadable'; missing: MissingKind };

export function kindAccess(index: ClusterIndex, pluralName: string): KindAccess {
  const missing = index.missing(pluralName);
  if (!missing) return { state: 'readable' };
  return missing.status === 404 ? { state: 'absent', missing } : { state: 'unreadable', missing };
}

/** A VPA's update mode; the VPA API defaults it to `Auto`. */
export function vpaUpdateMode(vpa: KubernetesObject): string {
  const mode = vpa.spec?.updatePolicy?.updateMode;
  return typeof mode === 'string' && mode ? mode : 'Auto';
}

/**
 * The VPA container policy in force for a container: the policy naming it, else the `*` policy,
 * else the defaults (mode Auto, controlling cpu and memory).
 */
export function vpaContainerPolicy(vpa: KubernetesObject, containerName: string): { mode: string; controlledResources: string[] } {
  const policies: any[] = Array.isArray(vpa.spec?.resourcePolicy?.containerPolicies)
    ? vpa.spec.resourcePolicy.containerPolicies
    : [];
  const policy = policies.find(p => p?.containerName === containerName) ?? policies.find(p => p?.containerName === '*');
  const controlled = policy?.controlledResources;
  return {
    mode: typeof policy?.mode === 'string' ? policy.mode : 'Auto',
    controlledResources: Array.isArray(controlled) ? controlled.map(String) : ['cpu', 'memory'],
  };
}
