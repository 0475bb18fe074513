import { KubernetesObject } from '../objects';
import { LabelSelector, matchesLabelMap, matchesLabelSelector } from '../selectors';
import { ClusterIndex } from './ClusterIndex';
import { Workload } from './workloads';

/** A field that should be a list, as a list: a mistyped one (an object, a string) reads as empty. */
function list(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** Names of every Secret a pod spec references through env, envFrom and volumes. @public */
export function referencedSecretNames(podSpec: any): string[] {
  const names = new Set<string>();
  const containers = [...list(podSpec?.containers), ...list(podSpec?.initContainers)];
  for (const c of containers) {
    for (const e of list(c?.env)) {
      const n = e?.valueFrom?.secretKeyRef?.name;
      if (n) names.add(n);
    }
    for (const e of list(c?.envFrom)) {
      const n = e?.secretRef?.name;
      if (n) names.add(n);
    }
  }
  for (const v of list(podSpec?.volumes)) {
    if (v?.secret?.secretName) names.add(v.secret.secretName);
    for (const s of list(v?.projected?.sources)) if (s?.secret?.name) names.add(s.secret.name);
  }
  return [...names];
}

/** Claim names a pod spec mounts. @public */
export function referencedClaimNames(podSpec: any): string[] {
  return list(podSpec?.volumes)
    .map((v: any) => v?.persistentVolumeClaim?.claimName)
    .filter((n: unknown): n is string => typeof n === 'string');
}

/**
 * prometheus-operator's namespaceSelector: `any: true` is every namespace, a non-empty
 * `matchNames` those namespaces, anything else (absent, `{}`, `matchNames: []`) the monitor's own.
 */
function namespaceSelectorCovers(monitor: KubernetesObject, namespace: string): boolean {
  const ns = monitor.spec?.namespaceSelector;
  if (!ns) return monitor.metadata.namespace === namespace;
  if (ns.any === true) return true;
  if (Array.isArray(ns.matchNames) && ns.matchNames.length > 0) return ns.matchNames.includes(namespace);
  return monitor.metadata.namespace === namespace;
}

/** Velero's namespace filter: no `includedNamespaces` (or `[]`) is every namespace, as is `*`. */
function veleroCovers(spec: any, namespace: string): boolean {
  const included: unknown = spec?.includedNamespaces ?? [];
  const excluded: unknown = spec?.excludedNamespaces ?? [];
  // A mistyped filter (the API server would reject it) covers nothing rather than everything.
  if (!Array.isArray(included) || !Array.isArray(excluded)) return false;
  const inc = included.length === 0 || included.includes('*') || included.includes(namespace);
  return inc && !excluded.includes(namespace);
}

function targets(ref: any, workload: Workload, defaultKind?: string): boolean {
  if (!ref) return false;
  const kind = ref.kind ?? defaultKind;
  return kind === workload.ref.kind && ref.name === workload.ref.name;
}

/**
 * Everything around a workload that checks look at, computed on first use and kept for the
 * cycle. Relations follow Kubernetes semantics: Services select pods by their map selector,
 * PDBs and NetworkPolicies by LabelSelector, autoscalers by their target reference.
 * @public
 */
export class WorkloadRelations {
  private readonly cache = new Map<string, unknown>();

  constructor(readonly workload: Workload, readonly index: ClusterIndex) {}

  private once<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }

  private get ns(): string {
    return this.workload.ref.namespace;
  }

  private get podLabels(): Record<string, string> {
    return this.workload.template.metadata.labels ?? {};
  }

  /** The workload's Namespace object. */
  get namespace(): KubernetesObject | undefined {
    return this.once('namespace', () => this.index.get('Namespace', undefined, this.ns));
  }

  /** Services whose selector matches the pod template labels. */
  get services(): KubernetesObject[] {
    return this.once('services', () =>
      this.index.list('Service', this.ns).filter(s => matchesLabelMap(s.spec?.selector, this.podLabels)),
    );
  }

  /** Ingresses with a backend naming one of the workload's Services. */
  get ingresses(): KubernetesObject[] {
    return this.once('ingresses', () => {
      const names = new Set(this.services.map(s => s.metadata.name));
      if (names.size === 0) return [];
      return this.index.list('Ingress', this.ns).filter(ing => {
        // `spec.backend` and `serviceName` are the networking.k8s.io/v1beta1 spellings.
        const backends = [
          ing.spec?.defaultBackend,
          ing.spec?.backend,
          ...list(ing.spec?.rules).flatMap((r: any) => list(r?.http?.paths).map((p: any) => p?.backend)),
        ];
        return backends.some((b: any) => names.has(b?.service?.name ?? b?.serviceName));
      });
    });
  }

  /** PodDisruptionBudgets whose selector matches the pod template labels. */
  get podDisruptionBudgets(): KubernetesObject[] {
    return this.once('pdbs', () =>
      this.index
        .list('PodDisruptionBudget', this.ns)
        .filter(p => matchesLabelSelector(p.spec?.selector as LabelSelector, this.podLabels)),
    );
  }

  get horizontalPodAutoscalers(): KubernetesObject[] {
    return this.once('hpas', () =>
      this.index.list('HorizontalPodAutoscaler', this.ns).filter(h => targets(h.spec?.scaleTargetRef, this.workload)),
    );
  }

  get verticalPodAutoscalers(): KubernetesObject[] {
    return this.once('vpas', () =>
      this.index.list('VerticalPodAutoscaler', this.ns).filter(v => targets(v.spec?.targetRef, this.workload)),
    );
  }

  /** KEDA ScaledObjects (scaleTargetRef kind defaults to Deployment). */
  get scaledObjects(): KubernetesObject[] {
    return this.once('scaledobjects', () =>
      this.index.list('ScaledObject', this.ns).filter(s => targets(s.spec?.scaleTargetRef, this.workload, 'Deployment')),
    );
  }

  /** ServiceMonitors (any namespace) covering the workload's namespace and selecting one of its Services. */
  get serviceMonitors(): KubernetesObject[] {
    return this.once('servicemonitors', () => {
      const services = this.services;
      if (services.length === 0) return [];
      return this.index
        .list('ServiceMonitor')
        .filter(
          m =>
            namespaceSelectorCovers(m, this.ns) &&
            services.some(s => matchesLabelSelector(m.spec?.selector, s.metadata.labels)),
        );
    });
  }

  /** PodMonitors (any namespace) covering the namespace and selecting the pod template labels. */
  get podMonitors(): KubernetesObject[] {
    return this.once('podmonitors', () =>
      this.index
        .list('PodMonitor')
        .filter(m => namespaceSelectorCovers(m, this.ns) && matchesLabelSelector(m.spec?.selector, this.podLabels)),
    );
  }

  /** NetworkPolicies of the namespace whose podSelector matches (an empty podSelector matches all). */
  get networkPolicies(): KubernetesObject[] {
    return this.once('netpols', () =>
      this.index
        .list('NetworkPolicy', this.ns)
        .filter(p => matchesLabelSelector(p.spec?.podSelector ?? {}, this.podLabels)),
    );
  }

  /** The ServiceAccount name the pods run as (`default` when unset). */
  get serviceAccountName(): string {
    const spec = this.workload.template.spec ?? {};
    return spec.serviceAccountName || spec.serviceAccount || 'default';
  }

  get serviceAccount(): KubernetesObject | undefined {
    return this.once('sa', () => this.index.get('ServiceAccount', this.ns, this.serviceAccountName));
  }

  /** RoleBindings and ClusterRoleBindings naming the workload's ServiceAccount as a subject. */
  get roleBindings(): KubernetesObject[] {
    return this.once('bindings', () => {
      const name = this.serviceAccountName;
      const names = (b: KubernetesObject) =>
        (Array.isArray(b.subjects) ? b.subjects : []).some(
          // An empty subject namespace means the RoleBinding's own, as the RBAC authorizer reads it.
          (s: any) => s?.kind === 'ServiceAccount' && s?.name === name && (s?.namespace || b.metadata.namespace) === this.ns,
        );
      // A RoleBinding in any namespace may name this ServiceAccount as a subject.
      return [...this.index.list('RoleBinding'), ...this.index.list('ClusterRoleBinding')].filter(names);
    });
  }

  get resourceQuotas(): KubernetesObject[] {
    return this.index.list('ResourceQuota', this.ns);
  }

  get limitRanges(): KubernetesObject[] {
    return this.index.list('LimitRange', this.ns);
  }

  /** Velero Schedules (any namespace) whose template covers the workload's namespace. */
  get veleroSchedules(): KubernetesObject[] {
    return this.once('schedules', () => this.index.list('Schedule').filter(s => veleroCovers(s.spec?.template, this.ns)));
  }

  /** Velero Backups covering the namespace. */
  get veleroBackups(): KubernetesObject[] {
    return this.once('backups', () => this.index.list('Backup').filter(b => veleroCovers(b.spec, this.ns)));
  }

  /** Velero Restores made from a Backup that covers the namespace. */
  get veleroRestores(): KubernetesObject[] {
    return this.once('restores', () => {
      const backups = new Set(this.veleroBackups.map(b => b.metadata.name));
      const schedules = new Set(this.veleroSchedules.map(s => s.metadata.name));
      return this.index
        .list('Restore')
        .filter(r => backups.has(r.spec?.backupName) || schedules.has(r.spec?.scheduleName));
    });
  }

  /** Secrets (metadata only) referenced by the pod template, and the names that were not found. */
  get referencedSecrets(): { found: KubernetesObject[]; missing: string[] } {
    return this.once('secrets', () => {
      const found: KubernetesObject[] = [];
      const missing: string[] = [];
      for (const name of referencedSecretNames(this.workload.template.spec)) {
        const s = this.index.get('Secret', this.ns, name);
        if (s) found.push(s);
        else missing.push(name);
      }
      return { found, missing };
    });
  }

  /** PersistentVolumeClaim names mounted by the pod template. */
  get claimNames(): string[] {
    return referencedClaimNames(this.workload.template.spec);
  }
}

const relationsByWorkload = new WeakMap<Workload, WorkloadRelations>();

/** The relations of a workload, computed once and shared by every check. @public */
export function relationsOf(workload: Workload, index: ClusterIndex): WorkloadRelations {
  let r = relationsByWorkload.get(workload);
  if (!r) {
    r = new WorkloadRelations(workload, index);
    relationsByWorkload.set(workload, r);
  }
  return r;
}
