/*
 * How Argo CD and Flux mark the objects they manage, and which Argo CD Application tracks a workload.
 */
import { ClusterIndex, groupOf } from '../../../cluster/ClusterIndex';
import { Workload } from '../../../cluster/workloads';
import { KubernetesObject } from '../../../objects';

/** Argo CD's annotation tracking: `<app>:<group>/<kind>:<namespace>/<name>`. */
export const TRACKING_ID = 'argocd.argoproj.io/tracking-id';
/** Labels Argo CD's label tracking writes (`app.kubernetes.io/instance` is the default, and Helm's too). */
export const INSTANCE_LABELS = ['argocd.argoproj.io/instance', 'app.kubernetes.io/instance'];
/** Labels the Flux kustomize and helm controllers write on what they apply. */
const FLUX_LABELS: Array<{ label: string; namespaceLabel: string; kind: 'Kustomization' | 'HelmRelease' }> = [
  { label: 'kustomize.toolkit.fluxcd.io/name', namespaceLabel: 'kustomize.toolkit.fluxcd.io/namespace', kind: 'Kustomization' },
  { label: 'helm.toolkit.fluxcd.io/name', namespaceLabel: 'helm.toolkit.fluxcd.io/namespace', kind: 'HelmRelease' },
];

/** A parsed `argocd.argoproj.io/tracking-id`. */
export interface TrackingId {
  app: string;
  /** Set when the Application lives outside the control-plane namespace (`<ns>_<app>`). */
  appNamespace?: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Parses a tracking id; undefined when malformed. */
export function parseTrackingId(value: unknown): TrackingId | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^([^:/]+):([^/:]*)\/([^/:]+):([^/:]*)\/([^/:]+)$/.exec(value.trim());
  if (!m) return undefined;
  const [, appRef, group, kind, namespace, name] = m;
  const underscore = appRef.indexOf('_');
  return underscore > 0
    ? { app: appRef.slice(underscore + 1), appNamespace: appRef.slice(0, underscore), group, kind, namespace, name }
    : { app: appRef, group, kind, namespace, name };
}

/** Whether a tracking id names this very object (Argo CD ignores ids copied onto other objects). */
function trackingIdNames(id: TrackingId, obj: KubernetesObject): boolean {
  return (
    id.kind === obj.kind &&
    id.name === obj.metadata.name &&
    id.namespace === (obj.metadata.namespace ?? '') &&
    id.group === groupOf(obj.apiVersion)
  );
}

/** `<app>` or `<namespace>/<app>` of an instance label value `<ns>_<app>`. */
function splitAppRef(value: string): { app: string; appNamespace?: string } {
  const underscore = value.indexOf('_');
  return underscore > 0 ? { app: value.slice(underscore + 1), appNamespace: value.slice(0, underscore) } : { app: value };
}

/**
 * The workload object and the objects that own it (an Argo Rollout above the ReplicaSet the engine
 * evaluates): GitOps tools mark the top object they applied.
 */
export function managedObjects(workload: Workload, index: ClusterIndex): KubernetesObject[] {
  const out = [workload.object];
  let current = workload.object;
  for (let depth = 0; depth < 4; depth++) {
    const owner = index.ownerOf(current);
    if (!owner || out.includes(owner)) break;
    out.push(owner);
    current = owner;
  }
  return out;
}

/** Where a marker was read: the object and its field path, for evidence. */
export interface Marker {
  object: KubernetesObject;
  path: string;
}

/** The Flux object that applied the workload, read from the labels Flux writes. */
export interface FluxTracking extends Marker {
  kind: 'Kustomization' | 'HelmRelease';
  name: string;
  namespace?: string;
}

/** The Flux Kustomization or HelmRelease that applied the workload, if any. */
export function fluxTracking(objects: KubernetesObject[]): FluxTracking | undefined {
  for (const object of objects) {
    const labels = object.metadata.labels ?? {};
    for (const f of FLUX_LABELS) {
      const name = labels[f.label];
      if (typeof name === 'string' && name !== '') {
        return { kind: f.kind, name, namespace: labels[f.namespaceLabel], object, path: `metadata.labels["${f.label}"]` };
      }
    }
  }
  return undefined;
}

/** An Argo CD Application matched to the workload, and how. */
export interface ApplicationMatch {
  application: KubernetesObject;
  /** e.g. `annotation argocd.argoproj.io/tracking-id`, `label app.kubernetes.io/instance`. */
  via: string;
}

/** What Argo CD left on a workload, and the Applications that track it. */
export interface ArgoTracking {
  /** Tracking ids naming the object that carries them. */
  trackingIds: Array<Marker & { id: TrackingId }>;
  /** Tracking ids naming another object, or malformed: Argo CD does not treat the object as its own. */
  foreignTrackingIds: Array<Marker & { value: string }>;
  instanceLabels: Array<Marker & { key: string; value: string }>;
  /** Applications in the index matched to the workload, best evidence first. */
  applications: ApplicationMatch[];
}

interface ApplicationIndex {
  byName: Map<string, KubernetesObject[]>;
  /** `group/kind/namespace/name` of each entry of `status.resources`. */
  byResource: Map<string, KubernetesObject[]>;
}

function resourceKey(group: string, kind: string, namespace: string, name: string): string {
  return `${group}/${kind}/${namespace}/${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/** Argo CD Applications by name and by the resources they report, built once per cluster. */
function applicationIndex(index: ClusterIndex): ApplicationIndex {
  return index.memoize('delivery/argocd-applications', () => {
    const byName = new Map<string, KubernetesObject[]>();
    const byResource = new Map<string, KubernetesObject[]>();
    for (const app of index.list('Application')) {
      push(byName, app.metadata.name, app);
      const resources = Array.isArray(app.status?.resources) ? app.status.resources : [];
      for (const r of resources) {
        if (typeof r?.kind !== 'string' || typeof r?.name !== 'string') continue;
        push(byResource, resourceKey(r.group ?? '', r.kind, r.namespace ?? '', r.name), app);
      }
    }
    return { byName, byResource };
  });
}

function reportsResource(apps: ApplicationIndex, app: KubernetesObject, obj: KubernetesObject): boolean {
  const key = resourceKey(groupOf(obj.apiVersion), obj.kind, obj.metadata.namespace ?? '', obj.metadata.name);
  return apps.byResource.get(key)?.includes(app) ?? false;
}

/** What Argo CD left on the workload and the Applications in the index that track it. */
export function argoTracking(workload: Workload, index: ClusterIndex): ArgoTracking {
  const objects = managedObjects(workload, index);
  const apps = applicationIndex(index);
  const result: ArgoTracking = { trackingIds: [], foreignTrackingIds: [], instanceLabels: [], applications: [] };
  const add = (application: KubernetesObject, via: string) => {
    if (!result.applications.some(m => m.application === application)) result.applications.push({ application, via });
  };

  for (const object of objects) {
    const raw = object.metadata.annotations?.[TRACKING_ID];
    if (typeof raw === 'string' && raw !== '') {
      const id = parseTrackingId(raw);
      const path = `metadata.annotations["${TRACKING_ID}"]`;
      if (id && trackingIdNames(id, object)) result.trackingIds.push({ id, object, path });
      else result.foreignTrackingIds.push({ value: raw, object, path });
    }
    for (const key of INSTANCE_LABELS) {
      const value = object.metadata.labels?.[key];
      if (typeof value === 'string' && value !== '') {
        result.instanceLabels.push({ key, value, object, path: `metadata.labels["${key}"]` });
      }
    }
  }

  for (const { id } of result.trackingIds) {
    for (const app of apps.byName.get(id.app) ?? []) {
      if (id.appNamespace === undefined || app.metadata.namespace === id.appNamespace) add(app, `annotation ${TRACKING_ID}`);
    }
  }
  for (const { key, value } of result.instanceLabels) {
    const ref = splitAppRef(value);
    for (const app of apps.byName.get(ref.app) ?? []) {
      if (ref.appNamespace !== undefined && app.metadata.namespace !== ref.appNamespace) continue;
      // Helm writes app.kubernetes.io/instance too: an Application of that name counts when it deploys
      // to the workload's namespace (its default destination) or reports the workload among its resources.
      const destination = app.spec?.destination?.namespace;
      const deploysHere =
        !destination || destination === workload.ref.namespace || objects.some(o => reportsResource(apps, app, o));
      if (deploysHere) add(app, `label ${key}`);
    }
  }
  for (const object of objects) {
    const key = resourceKey(groupOf(object.apiVersion), object.kind, object.metadata.namespace ?? '', object.metadata.name);
    for (const app of apps.byResource.get(key) ?? []) add(app, 'status.resources');
  }
  return result;
}

/** `argocd/cart` */
export function qualifiedName(obj: KubernetesObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}
