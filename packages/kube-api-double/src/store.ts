import { KubernetesObject } from '@prodready/plugin-readiness-node';
import {
  compareVersions,
  definitionForObject,
  ResourceDefinition,
  resourceKey,
  splitApiVersion,
} from './resources';

/** One stored object with its sort key (namespace, then name). */
export interface StoredObject {
  sortKey: string;
  namespace: string;
  name: string;
  obj: KubernetesObject;
  /** The object as a list item (no kind/apiVersion), serialized once. */
  itemJson?: string;
  /** The object as a PartialObjectMetadata, serialized once. */
  metadataJson?: string;
}

/** All stored objects of one resource. */
export interface StoredResource {
  def: ResourceDefinition;
  /** Versions objects were stored under (the resource is served at these too). */
  objectVersions: Set<string>;
  byKey: Map<string, StoredObject>;
  sorted?: StoredObject[];
}

/** Filters of one LIST request. */
export interface ListQuery {
  namespace?: string;
  /** Label/field selector filter; absent when every object in range matches. */
  matches?: (obj: StoredObject) => boolean;
  limit?: number;
  /** Sort key of the last object of the previous page. */
  after?: string;
}

export interface ListResult {
  items: StoredObject[];
  /** Sort key to continue after, when more matching objects follow. */
  continueAfter?: string;
  /** Objects after this page: exact without `matches`, otherwise only 0 or 1 (more exist). */
  remaining: number;
}

/** Code-unit order (not locale order): `\u0000` separators keep namespace-then-name. */
function bySortKey(a: StoredObject, b: StoredObject): number {
  if (a.sortKey === b.sortKey) return 0;
  return a.sortKey < b.sortKey ? -1 : 1;
}

/**
 * The objects the double serves, by resource, in the API server's list order (namespace, then
 * name). Every change bumps the store's resourceVersion, which invalidates continue tokens.
 */
export class ObjectStore {
  resourceVersion = 1000;
  private readonly resources = new Map<string, StoredResource>();
  private nameless = 0;

  constructor(private readonly registered: ReadonlyArray<ResourceDefinition>) {}

  clear() {
    this.resources.clear();
    this.resourceVersion += 1;
  }

  add(objects: Iterable<KubernetesObject>) {
    this.resourceVersion += 1;
    for (const input of objects) {
      if (
        !input ||
        typeof input.apiVersion !== 'string' ||
        typeof input.kind !== 'string'
      ) {
        throw new TypeError(
          `kube-api-double: cannot serve an object without apiVersion and kind: ${JSON.stringify(
            input,
          )?.slice(0, 200)}`,
        );
      }
      const def = definitionForObject(input, this.registered);
      const key = resourceKey(def.group, def.plural);
      let resource = this.resources.get(key);
      if (!resource) {
        resource = { def, objectVersions: new Set(), byKey: new Map() };
        this.resources.set(key, resource);
      }
      resource.objectVersions.add(splitApiVersion(input.apiVersion).version);
      // A JSON round trip: objects are JSON anyway, and it is much faster than structuredClone in jest.
      const obj = JSON.parse(JSON.stringify(input)) as KubernetesObject;
      const metadata = (obj.metadata ?? {}) as KubernetesObject['metadata'];
      if (obj.metadata) {
        metadata.resourceVersion ??= String(this.resourceVersion);
        if (!def.namespaced) delete metadata.namespace;
      }
      const namespace =
        typeof metadata.namespace === 'string' ? metadata.namespace : '';
      const name = typeof metadata.name === 'string' ? metadata.name : '';
      // Nameless objects (only useful to test clients' handling of malformed items) never replace each other.
      const suffix = name ? '' : String((this.nameless += 1)).padStart(8, '0');
      const sortKey = `${namespace}\u0000${name}\u0000${suffix}`;
      resource.byKey.set(sortKey, { sortKey, namespace, name, obj });
      resource.sorted = undefined;
    }
  }

  /** Removes the objects the predicate selects; returns how many. */
  remove(predicate: (obj: KubernetesObject) => boolean): number {
    let removed = 0;
    for (const resource of this.resources.values()) {
      for (const [key, stored] of resource.byKey) {
        if (predicate(stored.obj)) {
          resource.byKey.delete(key);
          resource.sorted = undefined;
          removed += 1;
        }
      }
    }
    if (removed) this.resourceVersion += 1;
    return removed;
  }

  /** Resources that hold or held objects since the last clear. */
  all(): StoredResource[] {
    return [...this.resources.values()];
  }

  get(group: string, plural: string): StoredResource | undefined {
    return this.resources.get(resourceKey(group, plural));
  }

  /** The versions a stored resource is served at, preferred first. */
  static versionsOf(
    def: ResourceDefinition,
    objectVersions: Iterable<string> = [],
  ): string[] {
    const extra = [...objectVersions]
      .filter(v => !def.versions.includes(v))
      .sort(compareVersions);
    return [...def.versions, ...extra];
  }

  list(group: string, plural: string, query: ListQuery): ListResult {
    const resource = this.get(group, plural);
    if (!resource) return { items: [], remaining: 0 };
    resource.sorted ??= [...resource.byKey.values()].sort(bySortKey);
    const sorted = resource.sorted;
    // Objects are sorted by namespace first: a namespace is one contiguous range.
    let lo = 0;
    let hi = sorted.length;
    if (query.namespace !== undefined) {
      lo = firstAfter(sorted, `${query.namespace}\u0000`, false);
      hi = firstAfter(sorted, `${query.namespace}\u0001`, false);
    }
    const start =
      query.after !== undefined
        ? Math.max(lo, firstAfter(sorted, query.after, true))
        : lo;
    const limit = query.limit && query.limit > 0 ? query.limit : Infinity;

    if (!query.matches) {
      const end = Math.min(hi, start + limit);
      const items = sorted.slice(start, end);
      const remaining = hi - end;
      return {
        items,
        remaining,
        continueAfter:
          remaining > 0 ? items[items.length - 1].sortKey : undefined,
      };
    }
    const items: StoredObject[] = [];
    let remaining = 0;
    for (let i = start; i < hi; i++) {
      if (!query.matches(sorted[i])) continue;
      if (items.length < limit) {
        items.push(sorted[i]);
      } else {
        remaining = 1; // at least one more: enough for a continue token
        break;
      }
    }
    return {
      items,
      remaining,
      continueAfter:
        remaining > 0 ? items[items.length - 1].sortKey : undefined,
    };
  }
}

/** Index of the first object whose sort key is greater than (or, unless `strict`, equal to) `key`. */
function firstAfter(
  sorted: StoredObject[],
  key: string,
  strict: boolean,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = sorted[mid].sortKey;
    if (k < key || (strict && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
