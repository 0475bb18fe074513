import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  OwnerRollup,
  OwnersResponse,
  ReadinessSummary,
  readinessRefreshPermission,
  readinessWaiverManagePermission,
  ScorecardResponse,
} from '@prodready/plugin-readiness-common';
import express from 'express';
import request from 'supertest';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { ReadinessStore } from '../database/ReadinessStore';
import { fakeCatalog } from './__testUtils__/fakeCatalog';
import {
  CHECKS,
  ENTITIES,
  EVALUATED_AT,
  factsOf,
  HIDDEN_FROM_ALICE,
  reportOf,
  seedReports,
  SERVICES,
} from './__testUtils__/fixtures';
import { createRouter, RouterOptions } from './router';

jest.setTimeout(60_000);

const NOW = new Date('2026-01-15T12:00:00.000Z');
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

const alice = { Authorization: mockCredentials.user.header(ALICE) };
const bob = { Authorization: mockCredentials.user.header(BOB) };
const serviceAuth = { Authorization: mockCredentials.service.header() };
const nobody = { Authorization: mockCredentials.none.header() };

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY | 'CONDITIONAL';

function policyDecision(decision: Decision): PolicyDecision {
  return decision === 'CONDITIONAL'
    ? {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: [ALICE] },
        },
      }
    : { result: decision };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function createStore(): Promise<ReadinessStore> {
  const knex = await databases.init('SQLITE_3');
  return DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
}

/**
 * A router over a seeded store. Alice gets a CONDITIONAL catalog read decision and may not read
 * HIDDEN_FROM_ALICE; everyone else gets ALLOW. Both readiness permissions are allowed unless
 * `denied` names them.
 */
async function setup(
  options: {
    read?: (user: string | undefined) => Decision;
    denied?: string[];
    overrides?: Partial<RouterOptions>;
    store?: ReadinessStore;
  } = {},
) {
  const store = options.store ?? (await createStore());
  if (!options.store) {
    await seedReports(store);
  }
  const read =
    options.read ??
    ((user: string | undefined) =>
      user === ALICE ? 'CONDITIONAL' : AuthorizeResult.ALLOW);
  const permissions = mockServices.permissions.mock({
    authorizeConditional: jest.fn(async (requests, { credentials }) => {
      const principal = credentials.principal as { userEntityRef?: string };
      return requests.map(() => policyDecision(read(principal.userEntityRef)));
    }),
    authorize: jest.fn(async requests =>
      requests.map(r => ({
        result: options.denied?.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    ),
  });
  const catalog = fakeCatalog({
    entities: ENTITIES,
    hidden: { [ALICE]: HIDDEN_FROM_ALICE },
  });
  const auditorEvent = {
    success: jest.fn(async () => {}),
    fail: jest.fn(async () => {}),
  };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => auditorEvent),
  });
  const requestRefresh = jest.fn(async (_entityRef?: string) => {});
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth: mockServices.httpAuth(),
    permissions,
    catalog,
    auditor,
    store,
    getChecks: () => CHECKS,
    requestRefresh,
    now: () => NOW,
    ...options.overrides,
  });
  const app = express().use(router).use(mockErrorHandler());
  return {
    app,
    store,
    permissions,
    catalog,
    auditor,
    auditorEvent,
    requestRefresh,
  };
}

function refsOf(items: Array<{ entityRef: string }>) {
  return items.map(item => item.entityRef).sort();
}

function expectInputError(response: request.Response, ...fragments: string[]) {
  expect(response.status).toBe(400);
  expect(response.body.error.name).toBe('InputError');
  for (const fragment of fragments) {
    expect(response.body.error.message).toContain(fragment);
  }
}

describe('createRouter', () => {
  describe('authentication', () => {
    it.each([
      ['get', '/health'],
      ['get', '/checks'],
      ['get', '/entities/component/default/cart'],
      ['get', '/entities/component/default/cart/history'],
      ['get', '/scorecard'],
      ['get', '/scorecard/owners'],
      ['get', '/scorecard.csv'],
      ['post', '/refresh'],
      ['get', '/waivers'],
      ['post', '/waivers'],
      ['delete', '/waivers/some-id'],
    ] as const)('%s %s needs credentials', async (method, path) => {
      const { app, store, requestRefresh, auditor } = await setup();
      const spy = jest.spyOn(store, 'listReports');
      const response = await request(app)[method](path).set(nobody);
      expect(response.status).toBe(401);
      expect(response.body.error.name).toBe('AuthenticationError');
      expect(spy).not.toHaveBeenCalled();
      expect(requestRefresh).not.toHaveBeenCalled();
      expect(auditor.createEvent).not.toHaveBeenCalled();
    });

    it('accepts service credentials', async () => {
      const { app } = await setup();
      const response = await request(app).get('/health').set(serviceAuth);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
      const scorecard = await request(app).get('/scorecard').set(serviceAuth);
      expect(scorecard.body.totalCount).toBe(SERVICES.length);
    });
  });

  describe('GET /checks', () => {
    it('serves the check catalog in force', async () => {
      const { app } = await setup();
      const response = await request(app).get('/checks').set(bob);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: CHECKS });
    });
  });

  describe('GET /entities/:kind/:namespace/:name', () => {
    it('serves the latest report with its summary', async () => {
      const { app, catalog } = await setup();
      const response = await request(app)
        .get('/entities/Component/default/checkout')
        .set(bob);
      expect(response.status).toBe(200);
      const cart = SERVICES.find(s => s.name === 'checkout')!;
      const report = reportOf(cart);
      expect(response.body).toMatchObject({
        entityRef: 'component:default/checkout',
        kind: 'Component',
        namespace: 'default',
        name: 'checkout',
        title: 'Checkout',
        owner: 'group:default/payments-api',
        state: 'evaluated',
        verdict: 'no-go',
        score: 25,
        level: 'none',
        failing: { critical: 1, high: 1, medium: 1, low: 0 },
        evaluatedAt: EVALUATED_AT.toISOString(),
        stale: true,
      });
      expect(response.body.report).toEqual(report);
      expect(catalog.getEntityByRef).toHaveBeenCalledWith(
        'component:default/checkout',
        { credentials: expect.anything() },
      );
    });

    it('answers 404 alike for no report, no entity and an entity the caller may not read', async () => {
      const { app } = await setup();
      const noReport = await request(app)
        .get('/entities/component/default/new-service')
        .set(alice);
      expect(noReport.status).toBe(404);
      expect(noReport.body.error).toEqual(
        expect.objectContaining({
          name: 'NotFoundError',
          message: 'no readiness report for component:default/new-service yet',
        }),
      );

      const hidden = await request(app)
        .get('/entities/component/default/ledger')
        .set(alice);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.message).toBe(
        'no readiness report for component:default/ledger yet',
      );

      const missing = await request(app)
        .get('/entities/component/default/nothing')
        .set(alice);
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(
        'no readiness report for component:default/nothing yet',
      );

      // The same entity is there for bob.
      const visible = await request(app)
        .get('/entities/component/default/ledger')
        .set(bob);
      expect(visible.status).toBe(200);
    });
  });

  describe('GET /entities/:kind/:namespace/:name/history', () => {
    it('serves the time series, oldest first', async () => {
      const { app } = await setup();
      const response = await request(app)
        .get('/entities/component/default/cart/history')
        .set(bob);
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(2);
      expect(response.body.items[1]).toEqual({
        evaluatedAt: EVALUATED_AT.toISOString(),
        verdict: 'go',
        score: 75,
        level: 'silver',
        coverage: 1,
      });
      expect(response.body.items[0].verdict).toBe('no-go');
      expect(response.body.items[0]).not.toHaveProperty('runId');
    });

    it('filters by since (timestamp or date)', async () => {
      const { app } = await setup();
      const since = await request(app)
        .get('/entities/component/default/cart/history')
        .query({ since: '2026-01-10T00:00:00Z' })
        .set(bob);
      expect(since.body.items).toHaveLength(1);
      const date = await request(app)
        .get('/entities/component/default/cart/history')
        .query({ since: '2026-01-01' })
        .set(bob);
      expect(date.body.items).toHaveLength(2);
    });

    it('rejects a bad since and hides unreadable entities', async () => {
      const { app } = await setup();
      expectInputError(
        await request(app)
          .get('/entities/component/default/cart/history')
          .query({ since: 'yesterday' })
          .set(bob),
        "'since'",
      );
      const hidden = await request(app)
        .get('/entities/component/default/vault/history')
        .set(alice);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.message).toBe(
        'no readiness report for component:default/vault yet',
      );
    });
  });

  describe('GET /scorecard', () => {
    it('ranks every entity for a caller allowed to read everything, without listing the catalog', async () => {
      const { app, catalog } = await setup();
      const response = await request(app).get('/scorecard').set(bob);
      expect(response.status).toBe(200);
      const body = response.body as ScorecardResponse;
      expect(body.totalCount).toBe(5);
      expect(body.offset).toBe(0);
      expect(body.limit).toBe(25);
      // Default: score ascending, nulls last.
      expect(body.items.map(i => i.name)).toEqual([
        'checkout',
        'vault',
        'cart',
        'ledger',
        'search-ui',
      ]);
      const row = body.items[0] as ReadinessSummary & { report?: unknown };
      expect(row).not.toHaveProperty('report');
      expect(row.domainScores).toMatchObject({
        'packaging-traffic': 0,
        'scheduling-state': 100,
      });
      expect(catalog.queryEntities).not.toHaveBeenCalled();
    });

    it('filters, sorts and pages', async () => {
      const { app } = await setup();
      const owner = await request(app)
        .get('/scorecard')
        .query({ owner: 'payments-api,group:default/search' })
        .set(bob);
      expect(refsOf(owner.body.items)).toEqual([
        'component:default/checkout',
        'component:default/ledger',
        'component:default/search-ui',
      ]);

      const verdict = await request(app)
        .get('/scorecard?verdict=no-go&level=none')
        .set(bob);
      expect(refsOf(verdict.body.items)).toEqual([
        'component:default/checkout',
        'component:default/vault',
      ]);

      const domain = await request(app)
        .get('/scorecard?domain=resources-scaling:50')
        .set(bob);
      expect(refsOf(domain.body.items)).toEqual([
        'component:default/cart',
        'component:default/checkout',
      ]);

      const text = await request(app).get('/scorecard?q=LEDG').set(bob);
      expect(refsOf(text.body.items)).toEqual(['component:default/ledger']);

      const states = await request(app)
        .get('/scorecard')
        .query({ state: 'not-mapped', kind: 'Component' })
        .set(bob);
      expect(refsOf(states.body.items)).toEqual([
        'component:default/search-ui',
      ]);

      const lifecycle = await request(app)
        .get('/scorecard?lifecycle=experimental&system=shop')
        .set(bob);
      expect(refsOf(lifecycle.body.items)).toEqual([
        'component:default/checkout',
        'component:default/vault',
      ]);

      const page = await request(app)
        .get('/scorecard?sort=name&order=desc&offset=1&limit=2')
        .set(bob);
      expect(page.body).toMatchObject({ totalCount: 5, offset: 1, limit: 2 });
      expect(page.body.items.map((i: ReadinessSummary) => i.name)).toEqual([
        'search-ui',
        'ledger',
      ]);

      const byDomain = await request(app)
        .get('/scorecard?sort=domain:security&order=desc')
        .set(bob);
      expect(byDomain.body.items[0].name).toBe('cart');
    });

    it.each([
      ['limit=501', "'limit'"],
      ['limit=ten', "'limit'"],
      ['offset=-1', "'offset'"],
      ['verdict=maybe', "'verdict'"],
      ['level=platinum', "'level'"],
      ['state=gone', "'state'"],
      ['domain=security', "'domain'"],
      ['domain=cooking:50', "'domain'"],
      ['domain=security:101', "'domain'"],
      ['sort=random', "'sort'"],
      ['order=up', "'order'"],
      ['owner=group:', "'owner'"],
      ['q=a&q=b', "'q'"],
      ['owners=group:default/payments', "unknown query parameter 'owners'"],
    ])('rejects %s', async (query, fragment) => {
      const { app } = await setup();
      const response = await request(app).get(`/scorecard?${query}`).set(bob);
      expectInputError(response, fragment);
      expect(response.body.response).toEqual({ statusCode: 400 });
    });

    it('lists only what a CONDITIONAL caller may read: not shown, not counted', async () => {
      const { app, catalog, permissions } = await setup();
      const response = await request(app).get('/scorecard').set(alice);
      expect(response.status).toBe(200);
      expect(response.body.totalCount).toBe(3);
      expect(refsOf(response.body.items)).toEqual([
        'component:default/cart',
        'component:default/checkout',
        'component:default/search-ui',
      ]);
      // Filters cannot reveal hidden entities either.
      const owner = await request(app)
        .get('/scorecard?owner=group:default/payments-api')
        .set(alice);
      expect(owner.body.totalCount).toBe(1);
      expect(owner.body.items[0].name).toBe('checkout');

      expect(permissions.authorizeConditional).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'catalog.entity.read',
            }),
          },
        ],
        { credentials: expect.anything() },
      );
      // The readable entities are listed with alice's credentials, paged, kinds with reports only.
      const calls = catalog.queryEntities.mock.calls;
      expect(calls.length).toBeGreaterThan(1);
      expect(calls[0][0]).toEqual({
        filter: { kind: ['Component'] },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        limit: 1000,
      });
      expect(calls[1][0]).toMatchObject({ cursor: expect.any(String) });
      for (const call of calls) {
        expect(
          (call[1] as { credentials: { principal: { userEntityRef: string } } })
            .credentials.principal.userEntityRef,
        ).toBe(ALICE);
      }
    });

    it('lists nothing when reading the catalog is denied', async () => {
      const { app, catalog } = await setup({
        read: () => AuthorizeResult.DENY,
      });
      const response = await request(app).get('/scorecard').set(bob);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 25,
      });
      expect(catalog.queryEntities).not.toHaveBeenCalled();
    });

    it('uses the configured entity kinds when given', async () => {
      const { app, catalog } = await setup({
        overrides: { entityKinds: ['Component', 'Resource'] },
      });
      await request(app).get('/scorecard').set(alice);
      expect(catalog.queryEntities.mock.calls[0][0]).toMatchObject({
        filter: { kind: ['Component', 'Resource'] },
      });
    });

    it('resolves what a principal may read once per few seconds, per principal', async () => {
      const { app, permissions } = await setup();
      await request(app).get('/scorecard').set(alice);
      await request(app).get('/scorecard/owners').set(alice);
      await request(app).get('/scorecard.csv').set(alice);
      expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
      await request(app).get('/scorecard').set(bob);
      expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);

      const uncached = await setup({
        overrides: { readableEntitiesCacheTtlMs: 0 },
      });
      await request(uncached.app).get('/scorecard').set(alice);
      await request(uncached.app).get('/scorecard').set(alice);
      expect(uncached.permissions.authorizeConditional).toHaveBeenCalledTimes(
        2,
      );
    });
  });

  describe('GET /scorecard.csv', () => {
    function parseCsv(text: string): string[][] {
      // Enough for the fixtures: quoted cells without line breaks.
      return text
        .split('\r\n')
        .filter(line => line !== '')
        .map(line =>
          [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
            .map(m => m[1])
            .slice(0, -1)
            .map(cell =>
              cell.startsWith('"')
                ? cell.slice(1, -1).replace(/""/g, '"')
                : cell,
            ),
        );
    }

    it('exports the ranking with a header, escaped and safe against formulas', async () => {
      const { app } = await setup();
      const response = await request(app)
        .get('/scorecard.csv?limit=1')
        .set(bob);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="readiness-scorecard-2026-01-15.csv"',
      );
      const rows = parseCsv(response.text);
      expect(rows[0]).toEqual([
        'entity',
        'title',
        'owner',
        'system',
        'lifecycle',
        'verdict',
        'score',
        'level',
        'coverage',
        'supply-chain',
        'packaging-traffic',
        'observability',
        'delivery',
        'security',
        'resources-scaling',
        'scheduling-state',
        'resilience',
        'evaluatedAt',
        'stale',
      ]);
      // Every row, whatever limit says.
      expect(rows).toHaveLength(6);
      expect(rows.slice(1).map(r => r[0])).toEqual([
        'component:default/checkout',
        'component:default/vault',
        'component:default/cart',
        'component:default/ledger',
        'component:default/search-ui',
      ]);
      const cart = rows.find(r => r[0] === 'component:default/cart')!;
      expect(cart).toEqual([
        'component:default/cart',
        'Cart, the "basket"',
        'group:default/payments',
        'system:default/shop',
        'production',
        'go',
        '75',
        'silver',
        '1',
        '',
        '100',
        '',
        '',
        '100',
        '0',
        '100',
        '',
        EVALUATED_AT.toISOString(),
        'false',
      ]);
      expect(response.text).toContain('"Cart, the ""basket"""');
      const vault = rows.find(r => r[0] === 'component:default/vault')!;
      expect(vault[1]).toBe(`'=HYPERLINK("http://evil.example")`);
      const search = rows.find(r => r[0] === 'component:default/search-ui')!;
      expect(search[1]).toBe("'@search");
      expect(search[6]).toBe('');
    });

    it('exports only what a CONDITIONAL caller may read', async () => {
      const { app } = await setup();
      const response = await request(app).get('/scorecard.csv').set(alice);
      const rows = parseCsv(response.text);
      expect(rows.slice(1).map(r => r[0])).toEqual([
        'component:default/checkout',
        'component:default/cart',
        'component:default/search-ui',
      ]);
      expect(response.text).not.toContain('ledger');
      expect(response.text).not.toContain('vault');
    });

    it('exports a header only when reading is denied, and validates like /scorecard', async () => {
      const { app } = await setup({ read: () => AuthorizeResult.DENY });
      const response = await request(app).get('/scorecard.csv').set(bob);
      expect(parseCsv(response.text)).toHaveLength(1);
      expectInputError(
        await request(app).get('/scorecard.csv?verdict=perhaps').set(bob),
        "'verdict'",
      );
    });

    it('exports every page of a large ranking', async () => {
      const store = await createStore();
      const run = await store.startRun(EVALUATED_AT);
      const template = SERVICES[0];
      await store.saveReports(
        run,
        Array.from({ length: 1203 }, (_, i) => {
          const service = { ...template, name: `svc-${i}` };
          return {
            facts: factsOf(service),
            report: reportOf(service),
            stale: false,
          };
        }),
      );
      const { app } = await setup({ store });
      const response = await request(app)
        .get('/scorecard.csv?sort=name')
        .set(bob);
      const rows = parseCsv(response.text);
      expect(rows).toHaveLength(1204);
      expect(new Set(rows.slice(1).map(r => r[0])).size).toBe(1203);
    });
  });

  describe('GET /scorecard/owners', () => {
    function rowOf(body: OwnersResponse, owner: string): OwnerRollup {
      const row = body.items.find(item => item.owner === owner);
      expect(row).toBeDefined();
      return row!;
    }

    it('rolls up per owner, parents counting their sub-teams', async () => {
      const { app } = await setup();
      const response = await request(app).get('/scorecard/owners').set(bob);
      expect(response.status).toBe(200);
      const body = response.body as OwnersResponse;
      expect(body.items.map(i => i.owner)).toEqual([
        'group:default/payments',
        'group:default/payments-api',
        'group:default/platform',
        'group:default/search',
        'group:default/security',
      ]);

      // payments owns cart; its sub-team payments-api owns checkout and ledger.
      expect(rowOf(body, 'group:default/payments')).toEqual({
        owner: 'group:default/payments',
        title: 'Team payments',
        parent: 'group:default/platform',
        entityCount: 3,
        scoredCount: 3,
        verdicts: { go: 2, 'no-go': 1 },
        levels: { gold: 1, silver: 1, bronze: 0, none: 1 },
        meanScore: 67,
        worstGaps: [
          {
            checkId: 'readiness-probe',
            title: 'Readiness probe',
            domain: 'packaging-traffic',
            severity: 'critical',
            entityCount: 1,
          },
          {
            checkId: 'run-as-non-root',
            title: 'Runs as non-root',
            domain: 'security',
            severity: 'high',
            entityCount: 1,
          },
          {
            checkId: 'resource-limits',
            title: 'Resource limits',
            domain: 'resources-scaling',
            severity: 'medium',
            entityCount: 2,
          },
        ],
      });
      expect(rowOf(body, 'group:default/payments-api')).toMatchObject({
        parent: 'group:default/payments',
        entityCount: 2,
        meanScore: 63,
      });

      // platform counts everything below it, transitively.
      const platform = rowOf(body, 'group:default/platform');
      expect(platform).toMatchObject({
        entityCount: 5,
        scoredCount: 4,
        // The not-mapped search-ui has no verdict or level to count.
        verdicts: { go: 2, 'no-go': 2 },
        levels: { gold: 1, silver: 1, bronze: 0, none: 2 },
        meanScore: 63,
      });
      expect(platform).not.toHaveProperty('parent');
      expect(platform.worstGaps.map(g => [g.checkId, g.entityCount])).toEqual([
        ['readiness-probe', 2],
        ['run-as-non-root', 1],
        ['resource-limits', 2],
      ]);

      expect(rowOf(body, 'group:default/search')).toMatchObject({
        entityCount: 1,
        scoredCount: 0,
        meanScore: null,
        verdicts: { go: 0, 'no-go': 0 },
        worstGaps: [],
      });
    });

    it('neither shows nor counts what a CONDITIONAL caller may not read', async () => {
      const { app } = await setup();
      const response = await request(app).get('/scorecard/owners').set(alice);
      const body = response.body as OwnersResponse;
      expect(body.items.map(i => i.owner)).toEqual([
        'group:default/payments',
        'group:default/payments-api',
        'group:default/platform',
        'group:default/search',
      ]);
      expect(rowOf(body, 'group:default/platform')).toMatchObject({
        entityCount: 3,
        scoredCount: 2,
        meanScore: 50,
        verdicts: { go: 1, 'no-go': 1 },
      });
      expect(rowOf(body, 'group:default/payments-api')).toMatchObject({
        entityCount: 1,
        meanScore: 25,
      });
      expect(
        rowOf(body, 'group:default/platform').worstGaps.map(g => [
          g.checkId,
          g.entityCount,
        ]),
      ).toEqual([
        ['readiness-probe', 1],
        ['run-as-non-root', 1],
        ['resource-limits', 2],
      ]);
      expect(JSON.stringify(body)).not.toContain('group:default/security');
    });

    it('is empty when reading is denied and takes no parameters', async () => {
      const { app } = await setup({ read: () => AuthorizeResult.DENY });
      const response = await request(app).get('/scorecard/owners').set(bob);
      expect(response.body).toEqual({ items: [] });
      expectInputError(
        await request(app).get('/scorecard/owners?owner=x').set(bob),
        "unknown query parameter 'owner'",
      );
    });
  });

  describe('POST /refresh', () => {
    it('schedules a refresh of everything or of one readable entity', async () => {
      const { app, requestRefresh, permissions } = await setup();
      const all = await request(app).post('/refresh').set(alice);
      expect(all.status).toBe(202);
      expect(all.body).toEqual({ status: 'scheduled' });
      expect(requestRefresh).toHaveBeenLastCalledWith(undefined);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: readinessRefreshPermission }],
        { credentials: expect.anything() },
      );

      const one = await request(app)
        .post('/refresh')
        .set(alice)
        .send({ entityRef: 'Component:default/cart' });
      expect(one.status).toBe(202);
      expect(requestRefresh).toHaveBeenLastCalledWith('component:default/cart');
    });

    it('needs the refresh permission', async () => {
      const { app, requestRefresh } = await setup({
        denied: [readinessRefreshPermission.name],
      });
      const response = await request(app).post('/refresh').set(bob);
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
      expect(requestRefresh).not.toHaveBeenCalled();
    });

    it('rejects bad bodies and entities the caller may not read', async () => {
      const { app, requestRefresh } = await setup();
      expectInputError(
        await request(app)
          .post('/refresh')
          .set(bob)
          .send({ entityRef: 'no kind' }),
        "'entityRef'",
      );
      expectInputError(
        await request(app).post('/refresh').set(bob).send({ everything: true }),
        "unknown field 'everything'",
      );
      const hidden = await request(app)
        .post('/refresh')
        .set(alice)
        .send({ entityRef: 'component:default/vault' });
      expect(hidden.status).toBe(404);
      expect(requestRefresh).not.toHaveBeenCalled();
    });
  });

  describe('waivers', () => {
    async function seedWaivers(store: ReadinessStore) {
      const created = new Date('2026-01-02T00:00:00.000Z');
      const later = (minutes: number) =>
        new Date(created.getTime() + minutes * 60_000);
      const cart = await store.createAcceptedRisk(
        {
          checkId: 'resource-limits',
          entityRef: 'component:default/cart',
          reason: 'Sized by the vertical pod autoscaler',
          expiresAt: '2026-06-30',
          author: BOB,
        },
        created,
      );
      const vault = await store.createAcceptedRisk(
        {
          checkId: 'readiness-probe',
          entityRef: 'component:default/vault',
          reason: 'Singleton, probed by the operator',
          expiresAt: '2026-01-10',
          author: BOB,
        },
        later(1),
      );
      const revoked = await store.createAcceptedRisk(
        {
          checkId: 'run-as-non-root',
          entityRef: 'component:default/checkout',
          reason: 'Legacy image',
          expiresAt: '2026-03-01',
          author: BOB,
        },
        later(2),
      );
      await store.revokeAcceptedRisk(revoked.id, BOB, created);
      return { cart, vault, revoked };
    }

    describe('GET /waivers', () => {
      it('lists the active waivers, optionally of one entity or with revoked ones', async () => {
        const { app, store } = await setup();
        const { cart, vault } = await seedWaivers(store);
        const response = await request(app).get('/waivers').set(bob);
        expect(response.status).toBe(200);
        expect(response.body.items).toEqual([
          {
            ...cart,
            expired: false,
          },
          { ...vault, expired: true },
        ]);
        expect(response.body.items[0]).toMatchObject({
          id: expect.any(String),
          author: BOB,
          createdAt: '2026-01-02T00:00:00.000Z',
          source: 'api',
        });

        const one = await request(app)
          .get('/waivers?entityRef=component:default/cart')
          .set(bob);
        expect(one.body.items.map((w: { id: string }) => w.id)).toEqual([
          cart.id,
        ]);

        const all = await request(app)
          .get('/waivers?includeRevoked=true')
          .set(bob);
        expect(all.body.items).toHaveLength(3);
        expect(
          all.body.items.find((w: { revokedAt?: string }) => w.revokedAt),
        ).toMatchObject({ revokedBy: BOB });
      });

      it('hides waivers of entities the caller may not read', async () => {
        const { app, store } = await setup();
        const { cart } = await seedWaivers(store);
        const response = await request(app)
          .get('/waivers?includeRevoked=true')
          .set(alice);
        expect(refsOf(response.body.items)).toEqual([
          'component:default/cart',
          'component:default/checkout',
        ]);
        const hidden = await request(app)
          .get('/waivers?entityRef=component:default/vault')
          .set(alice);
        expect(hidden.body).toEqual({ items: [] });
        expect(cart.entityRef).toBe('component:default/cart');
      });

      it('lists nothing when reading is denied, and validates its query', async () => {
        const { app, store } = await setup({
          read: () => AuthorizeResult.DENY,
        });
        await seedWaivers(store);
        const response = await request(app).get('/waivers').set(bob);
        expect(response.body).toEqual({ items: [] });
        expectInputError(
          await request(app).get('/waivers?includeRevoked=yes').set(bob),
          "'includeRevoked'",
        );
        expectInputError(
          await request(app).get('/waivers?entityRef=cart').set(bob),
          "'entityRef'",
        );
      });
    });

    describe('POST /waivers', () => {
      const valid = {
        entityRef: 'component:default/checkout',
        checkId: 'readiness-probe',
        reason: '  Probe lands with the next release  ',
        expiresAt: '2026-02-28',
      };

      it('creates a waiver authored by the user and audits it', async () => {
        const { app, store, auditor, auditorEvent, permissions } =
          await setup();
        const response = await request(app)
          .post('/waivers')
          .set(alice)
          .send({ ...valid, entityRef: 'Component:default/checkout' });
        expect(response.status).toBe(201);
        expect(response.body).toEqual({
          id: expect.any(String),
          entityRef: 'component:default/checkout',
          checkId: 'readiness-probe',
          reason: 'Probe lands with the next release',
          expiresAt: '2026-02-28',
          author: ALICE,
          createdAt: NOW.toISOString(),
          source: 'api',
          expired: false,
        });
        expect(await store.getAcceptedRisk(response.body.id)).toMatchObject({
          author: ALICE,
        });
        expect(permissions.authorize).toHaveBeenCalledWith(
          [{ permission: readinessWaiverManagePermission }],
          { credentials: expect.anything() },
        );
        expect(auditor.createEvent).toHaveBeenCalledWith({
          eventId: 'waiver-create',
          severityLevel: 'medium',
          request: expect.anything(),
          meta: {
            entityRef: 'Component:default/checkout',
            checkId: 'readiness-probe',
            expiresAt: '2026-02-28',
            reason: valid.reason,
          },
        });
        expect(auditorEvent.success).toHaveBeenCalledWith({
          meta: {
            waiverId: response.body.id,
            entityRef: 'component:default/checkout',
          },
        });
        expect(auditorEvent.fail).not.toHaveBeenCalled();
      });

      it('needs the manage permission (403, audited as failed, nothing stored)', async () => {
        const { app, store, auditorEvent } = await setup({
          denied: [readinessWaiverManagePermission.name],
        });
        const response = await request(app)
          .post('/waivers')
          .set(bob)
          .send(valid);
        expect(response.status).toBe(403);
        expect(response.body.error.name).toBe('NotAllowedError');
        expect(auditorEvent.fail).toHaveBeenCalledWith({
          error: expect.objectContaining({ name: 'NotAllowedError' }),
        });
        expect(auditorEvent.success).not.toHaveBeenCalled();
        expect(await store.listAcceptedRisks()).toEqual([]);
      });

      it('needs a user: a service cannot author a waiver', async () => {
        const { app, store } = await setup();
        const response = await request(app)
          .post('/waivers')
          .set(serviceAuth)
          .send(valid);
        expect(response.status).toBe(403);
        expect(await store.listAcceptedRisks()).toEqual([]);
      });

      it('lists every problem of an invalid waiver', async () => {
        const { app, store, auditorEvent } = await setup();
        const response = await request(app).post('/waivers').set(bob).send({
          entityRef: 'component:default/checkout',
          reason: ' ',
          expiresAt: '2027-06-01',
          author: 'user:default/mallory',
        });
        expectInputError(
          response,
          'author: is not a field of a waiver',
          'checkId: is required',
          'reason: is required',
          'expiresAt: must be at most 1 year from now',
        );
        expect(auditorEvent.fail).toHaveBeenCalled();
        expect(await store.listAcceptedRisks()).toEqual([]);
      });

      it.each([
        [
          { checkId: 'no-such-check' },
          'checkId: there is no check "no-such-check"',
        ],
        [{ expiresAt: '2026-01-15' }, 'expiresAt: must be a future date'],
        [{ expiresAt: 'soon' }, 'expiresAt: "soon" is not a date'],
        [{ entityRef: undefined }, 'entityRef: is required'],
        [
          { entityRef: 'checkout' },
          'entityRef: "checkout" is not an entity ref',
        ],
      ])('rejects %j', async (change, message) => {
        const { app, store } = await setup();
        const response = await request(app)
          .post('/waivers')
          .set(bob)
          .send({ ...valid, ...change });
        expectInputError(response, message);
        expect(await store.listAcceptedRisks()).toEqual([]);
      });

      it('rejects a body that is not an object', async () => {
        const { app, store } = await setup();
        const response = await request(app)
          .post('/waivers')
          .set(bob)
          .send([valid]);
        expectInputError(response, 'the body must be a JSON object');
        expect(await store.listAcceptedRisks()).toEqual([]);
      });

      it('answers 404 for an entity the user may not read', async () => {
        const { app, store, auditorEvent } = await setup();
        const response = await request(app)
          .post('/waivers')
          .set(alice)
          .send({ ...valid, entityRef: 'component:default/vault' });
        expect(response.status).toBe(404);
        expect(response.body.error.message).toBe(
          'no entity component:default/vault',
        );
        expect(auditorEvent.fail).toHaveBeenCalled();
        expect(await store.listAcceptedRisks()).toEqual([]);
      });
    });

    describe('DELETE /waivers/:id', () => {
      it('revokes a waiver and audits it', async () => {
        const { app, store, auditor, auditorEvent } = await setup();
        const { cart } = await seedWaivers(store);
        const response = await request(app)
          .delete(`/waivers/${cart.id}`)
          .set(alice);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          ...cart,
          revokedAt: NOW.toISOString(),
          revokedBy: ALICE,
          expired: false,
        });
        expect(await store.listAcceptedRisks()).toHaveLength(1);
        expect(auditor.createEvent).toHaveBeenCalledWith({
          eventId: 'waiver-revoke',
          severityLevel: 'medium',
          request: expect.anything(),
          meta: { waiverId: cart.id },
        });
        expect(auditorEvent.success).toHaveBeenCalledWith({
          meta: {
            entityRef: 'component:default/cart',
            checkId: 'resource-limits',
            alreadyRevoked: false,
          },
        });
      });

      it('needs the manage permission', async () => {
        const { app, store, auditorEvent } = await setup({
          denied: [readinessWaiverManagePermission.name],
        });
        const { cart } = await seedWaivers(store);
        const response = await request(app)
          .delete(`/waivers/${cart.id}`)
          .set(bob);
        expect(response.status).toBe(403);
        expect(auditorEvent.fail).toHaveBeenCalled();
        expect((await store.getAcceptedRisk(cart.id))?.revokedAt).toBe(
          undefined,
        );
      });

      it('answers 404 for an unknown id and for a waiver the user may not see', async () => {
        const { app, store, auditorEvent } = await setup();
        const { vault } = await seedWaivers(store);
        const unknown = await request(app)
          .delete('/waivers/no-such-waiver')
          .set(bob);
        expect(unknown.status).toBe(404);
        expect(unknown.body.error).toMatchObject({
          name: 'NotFoundError',
          message: 'no waiver no-such-waiver',
        });
        const hidden = await request(app)
          .delete(`/waivers/${vault.id}`)
          .set(alice);
        expect(hidden.status).toBe(404);
        expect(hidden.body.error.message).toBe(`no waiver ${vault.id}`);
        expect((await store.getAcceptedRisk(vault.id))?.revokedAt).toBe(
          undefined,
        );
        expect(auditorEvent.fail).toHaveBeenCalledTimes(2);
      });

      it('keeps the first revocation when revoked twice', async () => {
        const { app, store, auditorEvent } = await setup();
        const { revoked } = await seedWaivers(store);
        const response = await request(app)
          .delete(`/waivers/${revoked.id}`)
          .set(alice);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          revokedBy: BOB,
          revokedAt: '2026-01-02T00:00:00.000Z',
        });
        expect(auditorEvent.success).toHaveBeenCalledWith({
          meta: expect.objectContaining({ alreadyRevoked: true }),
        });
      });
    });
  });
});
