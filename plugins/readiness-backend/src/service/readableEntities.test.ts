import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  isReadableEntityRef,
  ReadableEntityResolver,
} from './readableEntities';

const conditional: ConditionalPolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: {},
  },
};

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let time = 0;
  const permissions = mockServices.permissions.mock({
    authorizeConditional: jest.fn(async () => [conditional]),
  });
  const catalog = catalogServiceMock.mock({
    queryEntities: jest.fn(async () => ({
      items: [
        {
          apiVersion: 'v1',
          kind: 'Component',
          metadata: { name: 'Cart', namespace: 'default' },
        },
      ],
      totalItems: 1,
      pageInfo: {},
    })),
  });
  const getReportKinds = jest.fn(async () => ['Component']);
  const resolver = new ReadableEntityResolver({
    permissions,
    catalog,
    getReportKinds,
    now: () => time,
    ...options,
  });
  return {
    resolver,
    permissions,
    catalog,
    getReportKinds,
    tick: (ms: number) => (time += ms),
  };
}

describe('ReadableEntityResolver', () => {
  it('lists readable refs for a conditional decision and compares them case-insensitively', async () => {
    const { resolver } = setup();
    const readable = await resolver.resolve(mockCredentials.user());
    expect(readable).toMatchObject({
      unrestricted: false,
      refs: ['component:default/cart'],
    });
    expect(isReadableEntityRef(readable, 'component:default/cart')).toBe(true);
    expect(isReadableEntityRef(readable, 'component:default/other')).toBe(
      false,
    );
  });

  it('caches per principal for the ttl, then asks again', async () => {
    const { resolver, permissions, getReportKinds, tick } = setup({
      ttlMs: 5000,
    });
    await Promise.all([
      resolver.resolve(mockCredentials.user()),
      resolver.resolve(mockCredentials.user()),
    ]);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    tick(4999);
    await resolver.resolve(mockCredentials.user());
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    tick(1);
    await resolver.resolve(mockCredentials.user());
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    await resolver.resolve(mockCredentials.service());
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
    expect(getReportKinds).toHaveBeenCalledTimes(1);
  });

  it('keeps at most maxEntries principals', async () => {
    const { resolver, permissions } = setup({ maxEntries: 1 });
    await resolver.resolve(mockCredentials.user('user:default/a'));
    await resolver.resolve(mockCredentials.user('user:default/b'));
    await resolver.resolve(mockCredentials.user('user:default/a'));
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
  });

  it('does not cache a failure', async () => {
    const { resolver, catalog } = setup();
    catalog.queryEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(resolver.resolve(mockCredentials.user())).rejects.toThrow(
      'catalog down',
    );
    await expect(
      resolver.resolve(mockCredentials.user()),
    ).resolves.toMatchObject({
      refs: ['component:default/cart'],
    });
  });

  it('lists nothing without report kinds', async () => {
    const { resolver, catalog, getReportKinds } = setup();
    getReportKinds.mockResolvedValueOnce([]);
    await expect(
      resolver.resolve(mockCredentials.user()),
    ).resolves.toMatchObject({ refs: [] });
    expect(catalog.queryEntities).not.toHaveBeenCalled();
  });
});
