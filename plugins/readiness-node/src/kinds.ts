/**
 * Every kind the built-in checks read, with where the API serves it. The fetcher lists exactly
 * these, once per cluster per cycle; a kind the API does not serve or the account may not list
 * is reported missing, and every check that `requires` it answers `unknown`.
 */

/** @public */
export interface KindDescriptor {
  /** The object kind, e.g. `Deployment`. */
  kind: string;
  /** API group; '' for the core group. */
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  /** The plural resource name, also the key checks use in `requires`. */
  plural: string;
  namespaced: boolean;
  /** Listed as PartialObjectMetadataList: the object's data is never fetched (Secrets). */
  metadataOnly?: boolean;
}

/** @public */
export const KNOWN_KINDS: ReadonlyArray<KindDescriptor> = [
  { kind: 'Namespace', group: '', versions: ['v1'], plural: 'namespaces', namespaced: false },
  { kind: 'Pod', group: '', versions: ['v1'], plural: 'pods', namespaced: true },
  { kind: 'Service', group: '', versions: ['v1'], plural: 'services', namespaced: true },
  { kind: 'ServiceAccount', group: '', versions: ['v1'], plural: 'serviceaccounts', namespaced: true },
  { kind: 'Secret', group: '', versions: ['v1'], plural: 'secrets', namespaced: true, metadataOnly: true },
  { kind: 'ResourceQuota', group: '', versions: ['v1'], plural: 'resourcequotas', namespaced: true },
  { kind: 'LimitRange', group: '', versions: ['v1'], plural: 'limitranges', namespaced: true },
  { kind: 'PersistentVolumeClaim', group: '', versions: ['v1'], plural: 'persistentvolumeclaims', namespaced: true },
  { kind: 'Deployment', group: 'apps', versions: ['v1'], plural: 'deployments', namespaced: true },
  { kind: 'StatefulSet', group: 'apps', versions: ['v1'], plural: 'statefulsets', namespaced: true },
  { kind: 'DaemonSet', group: 'apps', versions: ['v1'], plural: 'daemonsets', namespaced: true },
  { kind: 'ReplicaSet', group: 'apps', versions: ['v1'], plural: 'replicasets', namespaced: true },
  { kind: 'Job', group: 'batch', versions: ['v1'], plural: 'jobs', namespaced: true },
  { kind: 'CronJob', group: 'batch', versions: ['v1'], plural: 'cronjobs', namespaced: true },
  { kind: 'Ingress', group: 'networking.k8s.io', versions: ['v1'], plural: 'ingresses', namespaced: true },
  { kind: 'NetworkPolicy', group: 'networking.k8s.io', versions: ['v1'], plural: 'networkpolicies', namespaced: true },
  { kind: 'PodDisruptionBudget', group: 'policy', versions: ['v1'], plural: 'poddisruptionbudgets', namespaced: true },
  { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', versions: ['v2'], plural: 'horizontalpodautoscalers', namespaced: true },
  { kind: 'RoleBinding', group: 'rbac.authorization.k8s.io', versions: ['v1'], plural: 'rolebindings', namespaced: true },
  { kind: 'ClusterRoleBinding', group: 'rbac.authorization.k8s.io', versions: ['v1'], plural: 'clusterrolebindings', namespaced: false },
  { kind: 'VerticalPodAutoscaler', group: 'autoscaling.k8s.io', versions: ['v1'], plural: 'verticalpodautoscalers', namespaced: true },
  { kind: 'ScaledObject', group: 'keda.sh', versions: ['v1alpha1'], plural: 'scaledobjects', namespaced: true },
  { kind: 'ServiceMonitor', group: 'monitoring.coreos.com', versions: ['v1'], plural: 'servicemonitors', namespaced: true },
  { kind: 'PodMonitor', group: 'monitoring.coreos.com', versions: ['v1'], plural: 'podmonitors', namespaced: true },
  { kind: 'PrometheusRule', group: 'monitoring.coreos.com', versions: ['v1'], plural: 'prometheusrules', namespaced: true },
  { kind: 'PrometheusServiceLevel', group: 'sloth.slok.dev', versions: ['v1'], plural: 'prometheusservicelevels', namespaced: true },
  { kind: 'VulnerabilityReport', group: 'aquasecurity.github.io', versions: ['v1alpha1'], plural: 'vulnerabilityreports', namespaced: true },
  { kind: 'Schedule', group: 'velero.io', versions: ['v1'], plural: 'schedules', namespaced: true },
  { kind: 'Backup', group: 'velero.io', versions: ['v1'], plural: 'backups', namespaced: true },
  { kind: 'Restore', group: 'velero.io', versions: ['v1'], plural: 'restores', namespaced: true },
  { kind: 'Application', group: 'argoproj.io', versions: ['v1alpha1'], plural: 'applications', namespaced: true },
  { kind: 'Certificate', group: 'cert-manager.io', versions: ['v1'], plural: 'certificates', namespaced: true },
  { kind: 'SealedSecret', group: 'bitnami.com', versions: ['v1alpha1'], plural: 'sealedsecrets', namespaced: true },
  { kind: 'ExternalSecret', group: 'external-secrets.io', versions: ['v1', 'v1beta1'], plural: 'externalsecrets', namespaced: true },
];

const byKind = new Map(KNOWN_KINDS.map(k => [k.kind, k]));
const byPlural = new Map(KNOWN_KINDS.map(k => [k.plural, k]));

/** The descriptor of a kind (`Deployment`) or plural (`deployments`), if the engine knows it. @public */
export function findKind(kindOrPlural: string): KindDescriptor | undefined {
  return byKind.get(kindOrPlural) ?? byPlural.get(kindOrPlural);
}

/** `group/version` as written in apiVersion (`v1` for the core group). @public */
export function apiVersionOf(kind: KindDescriptor, version = kind.versions[0]): string {
  return kind.group ? `${kind.group}/${version}` : version;
}
