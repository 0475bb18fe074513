import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** The refs each user may not read; everyone else (and every service) reads everything. */
export type HiddenEntities = Record<string, string[]>;

function userOf(credentials: BackstageCredentials | undefined) {
  const principal = credentials?.principal as
    | { type: string; userEntityRef?: string }
    | undefined;
  return principal?.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * A catalog that answers like the real one does for a permission policy: with the caller's
 * credentials, entities the caller may not read do not exist. Backed by the in-memory catalog of
 * `catalogServiceMock`; its methods are jest mocks, so calls can be inspected. Pages are capped at
 * `maxPageSize` entities (the catalog may return fewer than asked), so paging is exercised.
 */
export function fakeCatalog(options: {
  entities: Entity[];
  hidden?: HiddenEntities;
  maxPageSize?: number;
}) {
  const { entities, hidden = {}, maxPageSize = 2 } = options;
  const visibleTo = (credentials: BackstageCredentials | undefined) => {
    const user = userOf(credentials);
    const hiddenRefs = new Set(user ? hidden[user] ?? [] : []);
    return catalogServiceMock({
      entities: entities.filter(
        entity => !hiddenRefs.has(stringifyEntityRef(entity)),
      ),
    });
  };
  const capped = <T extends { limit?: number }>(request: T): T => ({
    ...request,
    limit: Math.min(request.limit ?? maxPageSize, maxPageSize),
  });

  return catalogServiceMock.mock({
    getEntityByRef: async (ref, opts) =>
      visibleTo(credentialsOf(opts)).getEntityByRef(ref),
    getEntities: async (request, opts) =>
      visibleTo(credentialsOf(opts)).getEntities(request),
    getEntitiesByRefs: async (request, opts) =>
      visibleTo(credentialsOf(opts)).getEntitiesByRefs(request),
    queryEntities: async (request, opts) =>
      visibleTo(credentialsOf(opts)).queryEntities(capped(request ?? {})),
  });
}

function credentialsOf(options: unknown): BackstageCredentials | undefined {
  return (options as { credentials?: BackstageCredentials } | undefined)
    ?.credentials;
}
