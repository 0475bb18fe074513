import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * The entities a caller may read in the catalog: either every entity (the policy allows reading
 * unconditionally), or exactly the listed refs (an empty list when reading is denied).
 */
export type ReadableEntities =
  | { unrestricted: true }
  | {
      unrestricted: false;
      /** Entity refs as `stringifyEntityRef` writes them. */
      refs: string[];
      /** Lower-cased refs, for case-insensitive membership tests. */
      lowerCaseRefs: ReadonlySet<string>;
    };

/** The `entityRefs` restriction of a store query: undefined means no restriction. */
export function readableEntityRefsFilter(
  readable: ReadableEntities,
): string[] | undefined {
  return readable.unrestricted ? undefined : readable.refs;
}

/** Whether the caller may read `entityRef` (entity refs compare case-insensitively, as in the catalog). */
export function isReadableEntityRef(
  readable: ReadableEntities,
  entityRef: string,
): boolean {
  return (
    readable.unrestricted ||
    readable.lowerCaseRefs.has(entityRef.toLocaleLowerCase('en-US'))
  );
}

/** Options of {@link ReadableEntityResolver}. */
export interface ReadableEntityResolverOptions {
  permissions: PermissionsService;
  catalog: CatalogService;
  /**
   * The catalog kinds that can have readiness reports; only those are listed for a conditional
   * decision. Called at most once per `kindsTtlMs`.
   */
  getReportKinds: () => Promise<string[]>;
  /** How long a principal's readable entities are reused, in ms (default 5000; 0 disables the cache). */
  ttlMs?: number;
  /** How long the report kinds are reused, in ms (default 60000). */
  kindsTtlMs?: number;
  /** Most principals cached at once; the oldest entry goes first (default 100). */
  maxEntries?: number;
  /** Entities per catalog page (default 1000). */
  pageSize?: number;
  now?: () => number;
}

export const READABLE_ENTITIES_DEFAULT_TTL_MS = 5000;
const DEFAULT_KINDS_TTL_MS = 60_000;
const DEFAULT_MAX_ENTRIES = 100;
const DEFAULT_PAGE_SIZE = 1000;
/** A guard against a catalog that never stops returning cursors. */
const MAX_PAGES = 10_000;

/** A cache key naming the principal whose permissions a decision is about. */
function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string; actor?: { subject: string } }
    | { type: 'service'; subject: string }
    | { type: string };
  if (principal.type === 'user' && 'userEntityRef' in principal) {
    return `user:${principal.userEntityRef}|${principal.actor?.subject ?? ''}`;
  }
  if (principal.type === 'service' && 'subject' in principal) {
    return `service:${principal.subject}`;
  }
  return undefined;
}

function toReadable(refs: string[]): ReadableEntities {
  return {
    unrestricted: false,
    refs,
    lowerCaseRefs: new Set(refs.map(ref => ref.toLocaleLowerCase('en-US'))),
  };
}

/**
 * Works out which catalog entities a caller may read, so listings never show, count or export
 * anything else:
 *
 * 1. `authorizeConditional(catalog.entity.read)` with the caller's credentials.
 * 2. ALLOW: no restriction (no catalog request at all). DENY: nothing.
 * 3. CONDITIONAL: the catalog itself applies the conditions: the entities of the report kinds are
 *    listed with the caller's credentials (`queryEntities`, paged, only kind, namespace and name).
 *
 * Results are cached per principal for `ttlMs` (5 seconds by default), so a page that calls the
 * scorecard and the owners rollup together resolves once; a permission change takes effect within
 * that time. Concurrent requests of one principal share one resolution. Nothing is cached on
 * failure.
 */
export class ReadableEntityResolver {
  private readonly cache = new Map<
    string,
    { expiresAt: number; value: Promise<ReadableEntities> }
  >();
  private kinds?: { expiresAt: number; value: Promise<string[]> };
  private readonly ttlMs: number;
  private readonly kindsTtlMs: number;
  private readonly maxEntries: number;
  private readonly pageSize: number;
  private readonly now: () => number;

  constructor(private readonly options: ReadableEntityResolverOptions) {
    this.ttlMs = options.ttlMs ?? READABLE_ENTITIES_DEFAULT_TTL_MS;
    this.kindsTtlMs = options.kindsTtlMs ?? DEFAULT_KINDS_TTL_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.now = options.now ?? Date.now;
  }

  async resolve(credentials: BackstageCredentials): Promise<ReadableEntities> {
    const key = principalKey(credentials);
    if (key === undefined || this.ttlMs <= 0) {
      return this.compute(credentials);
    }
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.value;
    }
    this.cache.delete(key);
    const value = this.compute(credentials);
    this.cache.set(key, { expiresAt: now + this.ttlMs, value });
    value.catch(() => {
      if (this.cache.get(key)?.value === value) {
        this.cache.delete(key);
      }
    });
    this.evict(now);
    return value;
  }

  private evict(now: number) {
    for (const [key, entry] of this.cache) {
      if (entry.expiresAt <= now) {
        this.cache.delete(key);
      }
    }
    // Map iteration is insertion order: the first entries are the oldest.
    for (const key of this.cache.keys()) {
      if (this.cache.size <= this.maxEntries) {
        break;
      }
      this.cache.delete(key);
    }
  }

  private async compute(
    credentials: BackstageCredentials,
  ): Promise<ReadableEntities> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return { unrestricted: true };
    }
    if (decision.result === AuthorizeResult.DENY) {
      return toReadable([]);
    }
    const kinds = await this.reportKinds();
    if (kinds.length === 0) {
      return toReadable([]);
    }
    return toReadable(await this.listEntityRefs(kinds, credentials));
  }

  private async listEntityRefs(
    kinds: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const { catalog } = this.options;
    const fields = ['kind', 'metadata.namespace', 'metadata.name'];
    const refs: string[] = [];
    let response = await catalog.queryEntities(
      { filter: { kind: kinds }, fields, limit: this.pageSize },
      { credentials },
    );
    for (let page = 1; ; page++) {
      for (const entity of response.items) {
        refs.push(stringifyEntityRef(entity));
      }
      const cursor = response.pageInfo?.nextCursor;
      if (!cursor || page >= MAX_PAGES) {
        break;
      }
      response = await catalog.queryEntities(
        { cursor, fields, limit: this.pageSize },
        { credentials },
      );
    }
    return refs;
  }

  private reportKinds(): Promise<string[]> {
    const now = this.now();
    if (this.kinds && this.kinds.expiresAt > now) {
      return this.kinds.value;
    }
    const value = this.options.getReportKinds();
    const entry = { expiresAt: now + this.kindsTtlMs, value };
    this.kinds = entry;
    value.catch(() => {
      if (this.kinds === entry) {
        this.kinds = undefined;
      }
    });
    return value;
  }
}
