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

const CLUSTER_SCOPE = '';

/** Objects of a bucket, in the order the bucket holds them. */
function inIndexOrder(bucket: Bucket, objects: KubernetesObject[]): KubernetesObject[] {
  if (!bucket.positions) bucket.positions = new Map(bucket.all.map((o, i) => [o, i]));
  const positions = bucket.positions;
  return objects.sort((a, b) => positions.get(a)! - positions.get(b)!);
}

/**
 * The key objects are indexed under: the kind for objects of the engine's known group
 * (`Schedule` is Velero's), `Kind.group` for a same-named kind of another group.
 */
function indexKey(obj: KubernetesObject): string {
  return keyOf(obj.kind, obj.apiVersion);
}

function keyOf(kind: string, apiVersion: string | undefined): string {
  const known = findKind(kind);
  if (!known) return kind;
  const group = groupOf(apiVersion);
  // Any version of the known group (autoscaling/v1 and v2 HPAs are both `HorizontalPodAutoscaler`).
  return group === known.group ? kind : `${kind}.${group}`;
}

/**
 * The namespace an object is indexed in: '' for cluster-scoped kinds. A namespaced object
 * without `metadata.namespace` (`helm template` output, plain manifests) is created in `default`
 * when applied, so it is indexed there, where the workload's relations look for it.
 */
function namespaceOf(obj: KubernetesObject): string {
  const known = findKind(obj.kind);
  if (known && indexKey(obj) === obj.kind) return known.namespaced ? obj.metadata.namespace || 'default' : CLUSTER_SCOPE;
  return obj.metadata.namespace || CLUSTER_SCOPE;
}

function ownerNameKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** The object as applied: a namespaced object without namespace gets `default` (a copy; the input is not changed). */
function withNamespace(obj: KubernetesObject): KubernetesObject {
  const ns = namespaceOf(obj);
  return ns === (obj.metadata.namespace ?? CLUSTER_SCOPE) ? obj : { ...obj, metadata: { ...obj.metadata, namespace: ns } };
}

type Bucket = {
  all: KubernetesObject[];
  byName: Map<string, KubernetesObject>;
  /** label key -> value -> objects; built on the first `select` of this kind and namespace. */
  labels?: Map<string, Map<string, KubernetesObject[]>>;
  /** object -> its position in `all`; built when a selection must be put back in order. */
  positions?: Map<KubernetesObject, number>;
};

function labelIndexOf(bucket: Bucket): Map<string, Map<string, KubernetesObject[]>> {
  if (bucket.labels) return bucket.labels;
  const labels = new Map<string, Map<string, KubernetesObject[]>>();
  for (const obj of bucket.all) {
    const objLabels = obj.metadata.labels;
    if (!objLabels || typeof objLabels !== 'object') continue;
    for (const [k, v] of Object.entries(objLabels)) {
      let values = labels.get(k);
      if (!values) labels.set(k, (values = new Map()));
      const list = values.get(v);
      if (list) list.push(obj);
      else values.set(v, [obj]);
    }
  }
  bucket.labels = labels;
  return labels;
}


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
    for (const obj of snapshot.objects) this.add(withNamespace(obj));
  }

  private add(obj: KubernetesObject) {
    const key = indexKey(obj);
    const ns = obj.metadata.namespace || CLUSTER_SCOPE;
    let byNs = this.buckets.get(key);
    if (!byNs) this.buckets.set(key, (byNs = new Map()));
    let bucket = byNs.get(ns);
    if (!bucket) byNs.set(ns, (bucket = { all: [], byName: new Map() }));
    bucket.all.push(obj);
    bucket.byName.set(obj.metadata.name, obj);
    if (obj.metadata.uid) this.uids.set(obj.metadata.uid, obj);
    for (const ref of Array.isArray(obj.metadata.ownerReferences) ? obj.metadata.ownerReferences : []) {
      if (!ref) continue;
      // Without a uid (manifests) the owner is named by kind and name, in the object's namespace
      // unless its kind is cluster-scoped; an owner of a kind the engine does not know may be
      // either, so it is also found by a namespace-less owner of that kind and name.
      const known = findKind(ref.kind);
      let ownerKeys: string[];
      if (ref.uid) ownerKeys = [ref.uid];
      else if (known) ownerKeys = [ownerNameKey(ref.kind, known.namespaced ? ns : CLUSTER_SCOPE, ref.name)];
      else ownerKeys = [ownerNameKey(ref.kind, ns, ref.name), ownerNameKey(ref.kind, CLUSTER_SCOPE, ref.name)];
      for (const ownerKey of new Set(ownerKeys)) {
        const list = this.children.get(ownerKey);
        if (list) list.push(obj);
        else this.children.set(ownerKey, [obj]);
      }
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
    const refs = Array.isArray(obj.metadata.ownerReferences) ? obj.metadata.ownerReferences.filter(r => r) : [];
    const ref = refs.find(r => r.controller) ?? refs[0];
    if (!ref) return undefined;
    if (ref.uid) {
      const owner = this.uids.get(ref.uid);
      if (owner) return owner;
    }
    // By kind and name (manifests have no uids): the kind of the ref's API group, in the object's
    // namespace, or cluster-wide for a cluster-scoped kind or a kind the engine does not know.
    const key = ref.apiVersion ? keyOf(ref.kind, ref.apiVersion) : ref.kind;
    const known = findKind(ref.kind);
    if (known && !known.namespaced) return this.get(key, undefined, ref.name);
    return (
      this.get(key, obj.metadata.namespace || 'default', ref.name) ??
      (known ? undefined : this.get(key, undefined, ref.name))
    );
  }

  /** Objects that name `owner` in their ownerReferences. */
  ownedBy(owner: KubernetesObject): KubernetesObject[] {
    const byUid = owner.metadata.uid ? this.children.get(owner.metadata.uid) : undefined;
    const byName = this.children.get(ownerNameKey(owner.kind, namespaceOf(owner), owner.metadata.name));
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
      const labels = reqs.length > 0 && bucket.all.length > 8 ? labelIndexOf(bucket) : undefined;
      for (const r of labels ? reqs : []) {
        if (r.operator === 'In' && r.values) {
          // Each object has one value per key, so the lists of distinct values are disjoint; a
          // union of several is put back in index order, so results do not depend on the bucket size.
          const values = labels!.get(r.key);
          const lists = [...new Set(r.values)].map(v => values?.get(v) ?? []).filter(l => l.length > 0);
          const found = lists.length === 1 ? lists[0] : inIndexOrder(bucket, lists.flat());
          if (found.length < candidates.length) candidates = found;
        } else if (r.operator === 'Exists' && !labels!.has(r.key)) {
          candidates = [];
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
