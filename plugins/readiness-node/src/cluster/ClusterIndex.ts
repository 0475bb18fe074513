import { findKind } from '../kinds';
import { KubernetesObject, ObjectOrigin } from '../objects';
import {
  LabelSelector,
  LabelSelectorRequirement,
  matchesRequirements,
  selectorRequirements,
} from '../selectors';

/** A kind that could not be listed: not served by the API, forbidden, or absent from offline input. @public */
export interface MissingKind {
  /** Plural resource name, e.g. `verticalpodautoscalers`. */
  plural: string;
  reason: string;
  /** HTTP status when the API answered one (403, 404, ...). */
  status?: number;
}

/** An object (or document) that could not be read, with where it came from. @public */
export interface ObjectError {
  message: string;
  origin?: ObjectOrigin;
  kind?: string;
  namespace?: string;
  name?: string;
}

/** Everything read from one cluster in one cycle. @public */
export interface ClusterSnapshot {
  cluster: string;
  objects: KubernetesObject[];
  /** Kinds that could not be listed; checks that require them answer `unknown`. */
  missing?: MissingKind[];
  /** Objects or documents that were skipped, each with its reason. */
  errors?: ObjectError[];
  /** When the objects were read (ISO timestamp). */
  fetchedAt?: string;
}

/** The API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ''). @public */
export function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The key objects are indexed under: the kind for objects of the engine's known group
 * (`Schedule` is Velero's), `Kind.group` for a same-named kind of another group.
 */
function indexKey(obj: KubernetesObject): string {
  const known = findKind(obj.kind);
  if (!known) return obj.kind;
  const group = groupOf(obj.apiVersion);
  // Ingress/HPA have had several groups; accept any version of the known group.
  return group === known.group || (known.group === '' && group === '') ? obj.kind : `${obj.kind}.${group}`;
}

type Bucket = {
  all: KubernetesObject[];
  byName: Map<string, KubernetesObject>;
  /** label key -> value -> objects */
  labels: Map<string, Map<string, KubernetesObject[]>>;
};

const CLUSTER_SCOPE = '';

/**
 * One cluster's objects, indexed once: by kind, namespace and name, by uid, by owner, and by
 * label for selector matching. Checks query the index; they never fetch.
 * @public
 */
export class ClusterIndex {
  readonly cluster: string;
  readonly fetchedAt?: string;
  readonly errors: ObjectError[];
  private readonly buckets = new Map<string, Map<string, Bucket>>();
  private readonly uids = new Map<string, KubernetesObject>();
  private readonly children = new Map<string, KubernetesObject[]>();
  private readonly missingKinds = new Map<string, MissingKind>();
  private readonly memo = new Map<string, unknown>();

  static build(snapshot: ClusterSnapshot): ClusterIndex {
    return new ClusterIndex(snapshot);
  }

  private constructor(snapshot: ClusterSnapshot) {
    this.cluster = snapshot.cluster;
    this.fetchedAt = snapshot.fetchedAt;
    this.errors = [...(snapshot.errors ?? [])];
    for (const m of snapshot.missing ?? []) this.missingKinds.set(m.plural, m);
    for (const obj of snapshot.objects) this.add(obj);
  }

  private add(obj: KubernetesObject) {
    const key = indexKey(obj);
    const ns = obj.metadata.namespace ?? CLUSTER_SCOPE;
    let byNs = this.buckets.get(key);
    if (!byNs) this.buckets.set(key, (byNs = new Map()));
    let bucket = byNs.get(ns);
    if (!bucket) byNs.set(ns, (bucket = { all: [], byName: new Map(), labels: new Map() }));
    bucket.all.push(obj);
    bucket.byName.set(obj.metadata.name, obj);
    for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
      let values = bucket.labels.get(k);
      if (!values) bucket.labels.set(k, (values = new Map()));
      const list = values.get(v);
      if (list) list.push(obj);
      else values.set(v, [obj]);
    }
    if (obj.metadata.uid) this.uids.set(obj.metadata.uid, obj);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const ownerKey = ref.uid ?? `${ref.kind}/${ns}/${ref.name}`;
      const list = this.children.get(ownerKey);
      if (list) list.push(obj);
      else this.children.set(ownerKey, [obj]);
    }
  }

  /** Every object of a kind, in one namespace or (without one) in all. */
  list(kind: string, namespace?: string): KubernetesObject[] {
    const byNs = this.buckets.get(kind);
    if (!byNs) return [];
    if (namespace !== undefined) return byNs.get(namespace)?.all ?? [];
    if (byNs.size === 1) return byNs.values().next().value!.all;
    return [...byNs.values()].flatMap(b => b.all);
  }

  /** One object by kind, namespace (omit for cluster-scoped kinds) and name. */
  get(kind: string, namespace: string | undefined, name: string): KubernetesObject | undefined {
    return this.buckets.get(kind)?.get(namespace ?? CLUSTER_SCOPE)?.byName.get(name);
  }

  byUid(uid: string): KubernetesObject | undefined {
    return this.uids.get(uid);
  }

  /** Kinds present in the index (index keys). */
  kinds(): string[] {
    return [...this.buckets.keys()];
  }

  /** Namespaces that hold at least one object, plus Namespace objects. */
  namespaces(): string[] {
    const names = new Set<string>(this.list('Namespace').map(n => n.metadata.name));
    for (const byNs of this.buckets.values()) for (const ns of byNs.keys()) if (ns) names.add(ns);
    return [...names].sort();
  }

  /** The controller owner of an object (or its first owner), when it is in the index. */
  ownerOf(obj: KubernetesObject): KubernetesObject | undefined {
    const refs = obj.metadata.ownerReferences ?? [];
    const ref = refs.find(r => r.controller) ?? refs[0];
    if (!ref) return undefined;
    if (ref.uid) {
      const owner = this.uids.get(ref.uid);
      if (owner) return owner;
    }
    const clusterScoped = findKind(ref.kind)?.namespaced === false;
    return this.get(ref.kind, clusterScoped ? undefined : obj.metadata.namespace, ref.name);
  }

  /** Objects that name `owner` in their ownerReferences. */
  ownedBy(owner: KubernetesObject): KubernetesObject[] {
    const byUid = owner.metadata.uid ? this.children.get(owner.metadata.uid) : undefined;
    const byName = this.children.get(`${owner.kind}/${owner.metadata.namespace ?? CLUSTER_SCOPE}/${owner.metadata.name}`);
    if (byUid && byName) return [...new Set([...byUid, ...byName])];
    return byUid ?? byName ?? [];
  }

  /**
   * Objects of a kind in a namespace whose labels satisfy every requirement. Uses the label
   * index to start from the smallest candidate set. No requirements selects everything.
   */
  select(kind: string, namespace: string | undefined, selector: LabelSelector | LabelSelectorRequirement[]): KubernetesObject[] {
    const reqs = Array.isArray(selector) ? selector : selectorRequirements(selector);
    const byNs = this.buckets.get(kind);
    if (!byNs) return [];
    const buckets = namespace !== undefined ? [byNs.get(namespace)].filter((b): b is Bucket => !!b) : [...byNs.values()];
    const out: KubernetesObject[] = [];
    for (const bucket of buckets) {
      let candidates = bucket.all;
      for (const r of reqs) {
        if (r.operator === 'In' && r.values) {
          const values = bucket.labels.get(r.key);
          const found = r.values.flatMap(v => values?.get(v) ?? []);
          if (found.length < candidates.length) candidates = found;
        } else if (r.operator === 'Exists') {
          const values = bucket.labels.get(r.key);
          if (!values) {
            candidates = [];
          }
        }
        if (candidates.length === 0) break;
      }
      for (const obj of candidates) if (matchesRequirements(reqs, obj.metadata.labels)) out.push(obj);
    }
    return out;
  }

  /** Why a kind (plural or kind name) could not be read, or undefined when it could. */
  missing(kindOrPlural: string): MissingKind | undefined {
    const plural = findKind(kindOrPlural)?.plural ?? kindOrPlural;
    return this.missingKinds.get(plural);
  }

  missingKindsList(): MissingKind[] {
    return [...this.missingKinds.values()];
  }

  /**
   * A value computed once per index (relations, lookups), keyed by the caller. Lets checks and
   * relation helpers share work without recomputing it per workload.
   */
  memoize<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }
}
