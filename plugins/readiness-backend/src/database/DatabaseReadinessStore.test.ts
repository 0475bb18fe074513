import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import { EntityReadinessReport } from '@prodready/plugin-readiness-common';
import { Knex } from 'knex';
import {
  buildTestFacts,
  buildTestReport,
  TestReportOptions,
} from './__testUtils__/reports';
import {
  DatabaseReadinessStore,
  SCORECARD_MAX_LIMIT,
} from './DatabaseReadinessStore';
import { EntityFacts, ScorecardQuery } from './ReadinessStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

if (!databases.supports('POSTGRES_15')) {
  // Without the connection string TestDatabases drops POSTGRES_15 from the supported ids (Docker is
  // disabled outside CI), so `it.each` would simply not run it. Say so in the test summary.
  it.todo(
    'POSTGRES_15 not configured: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to run the store tests on PostgreSQL',
  );
}

async function createStore(
  databaseId: TestDatabaseId,
): Promise<{ knex: Knex; store: DatabaseReadinessStore }> {
  const knex = await databases.init(databaseId);
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  return { knex, store };
}

const T0 = new Date('2026-11-21T12:00:00.000Z');
const hoursLater = (hours: number) =>
  new Date(T0.getTime() + hours * 3_600_000);

interface Fixture {
  ref: string;
  facts: Partial<EntityFacts>;
  options: TestReportOptions;
}

/**
 * A small catalog. Scores (equal domain weights): cart 100 gold go; checkout 88 none no-go
 * (critical fail); payments 88 bronze (high fail); search 75 silver (medium + low fail); ledger 75
 * bronze (two high fails); orders-db 100 gold with resilience unknown and packaging not
 * applicable (null domains); legacy-billing not mapped (score null).
 */
const FIXTURES: Fixture[] = [
  {
    ref: 'component:default/cart',
    facts: {
      title: 'Shopping Cart',
      owner: 'group:default/shop',
      system: 'system:default/shop',
      lifecycle: 'production',
      type: 'service',
    },
    options: {},
  },
  {
    ref: 'component:default/checkout',
    facts: {
      title: 'Checkout',
      owner: 'group:default/shop',
      system: 'system:default/shop',
      lifecycle: 'production',
      type: 'service',
    },
    options: { fail: ['readiness-probe'] },
  },
  {
    ref: 'component:default/payments',
    facts: {
      title: 'Payments API',
      owner: 'group:default/payments-team',
      system: 'system:default/payments',
      lifecycle: 'production',
      type: 'service',
    },
    options: { fail: ['run-as-non-root'] },
  },
  {
    ref: 'component:default/search',
    facts: {
      title: 'Product Search',
      owner: 'group:default/discovery',
      system: 'system:default/catalog',
      lifecycle: 'experimental',
      type: 'service',
    },
    options: { fail: ['metrics-scraped', 'backup-configured'] },
  },
  {
    ref: 'component:payments/ledger',
    facts: {
      title: 'Ledger',
      owner: 'group:payments/ledger-team',
      system: 'system:default/payments',
      lifecycle: 'production',
      type: 'service',
    },
    options: { fail: ['image-digest-pinned', 'resource-requests'] },
  },
  {
    ref: 'resource:default/orders-db',
    facts: {
      title: 'Orders database',
      owner: 'group:default/shop',
      system: 'system:default/shop',
      lifecycle: 'production',
      type: 'database',
    },
    options: {
      unknown: ['backup-configured'],
      notApplicable: ['readiness-probe'],
    },
  },
  {
    ref: 'component:default/legacy-billing',
    // No title, type or system: optional facts stay absent.
    facts: { owner: 'group:default/payments-team', lifecycle: 'deprecated' },
    options: { state: 'not-mapped' },
  },
];

function fixtureReports(now: Date = T0, fixtures: Fixture[] = FIXTURES) {
  return fixtures.map(f => ({
    facts: buildTestFacts(f.ref, f.facts),
    report: buildTestReport(f.ref, { ...f.options, now }),
    stale: false,
  }));
}

async function seed(store: DatabaseReadinessStore) {
  const runId = await store.startRun(T0);
  await store.saveReports(runId, fixtureReports());
  return runId;
}

async function refs(
  store: DatabaseReadinessStore,
  query: ScorecardQuery,
): Promise<string[]> {
  const page = await store.listReports(query);
  return page.items.map(item => item.entityRef);
}

/** The name part of every listed entity ref, in order (shorter assertions). */
async function names(
  store: DatabaseReadinessStore,
  query: ScorecardQuery,
): Promise<string[]> {
  return (await refs(store, query)).map(ref => ref.slice(ref.indexOf('/') + 1));
}

describe('DatabaseReadinessStore', () => {
  it('runs without PostgreSQL only when it is not configured', () => {
    expect(databases.eachSupportedId()).toContainEqual(['SQLITE_3']);
    expect(databases.supports('POSTGRES_15')).toBe(
      Boolean(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING),
    );
  });

  describe('runs', () => {
    it.each(databases.eachSupportedId())(
      'starts, finishes and reads the latest run, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        expect(await store.getLatestRun()).toBeUndefined();

        const first = await store.startRun(T0);
        expect(await store.getLatestRun()).toEqual({
          id: first,
          startedAt: T0.toISOString(),
          status: 'running',
          entityCount: 0,
          clusters: {},
        });

        const clusters = {
          'prod-eu': {
            ok: true,
            objects: 1250,
            requests: 14,
            durationMs: 830,
            missingKinds: ['servicemonitors'],
          },
          'prod-us': {
            ok: false,
            objects: 0,
            requests: 1,
            durationMs: 30000,
            missingKinds: [],
            error: 'ETIMEDOUT',
            resultsFrom: '2026-11-21T11:00:00.000Z',
          },
        };
        await store.finishRun(first, {
          finishedAt: hoursLater(0.1).toISOString(),
          status: 'succeeded',
          entityCount: 7,
          clusters,
        });
        expect(await store.getLatestRun()).toEqual({
          id: first,
          startedAt: T0.toISOString(),
          finishedAt: hoursLater(0.1).toISOString(),
          status: 'succeeded',
          entityCount: 7,
          clusters,
        });

        const second = await store.startRun(hoursLater(1));
        expect(second).not.toEqual(first);
        expect((await store.getLatestRun())?.id).toBe(second);
        await store.finishRun(second, {
          status: 'failed',
          entityCount: 0,
          clusters: {},
          error: 'catalog unavailable',
        });
        const latest = await store.getLatestRun();
        expect(latest).toMatchObject({
          id: second,
          status: 'failed',
          error: 'catalog unavailable',
        });
        // Finished without a finishedAt: stamped now.
        expect(Date.parse(latest!.finishedAt!)).toBeGreaterThan(
          Date.now() - 60_000,
        );

        await expect(
          store.finishRun('no-such-run', {
            status: 'succeeded',
            entityCount: 0,
            clusters: {},
          }),
        ).rejects.toThrow(NotFoundError);
      },
    );
  });

  describe('reports', () => {
    it.each(databases.eachSupportedId())(
      'saves and reads the latest report with its columns, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        const runId = await seed(store);
        expect(await store.getReport('component:default/nope')).toBeUndefined();

        const checkout = await store.getReport('component:default/checkout');
        const expectedReport = buildTestReport('component:default/checkout', {
          fail: ['readiness-probe'],
          now: T0,
        });
        expect(checkout).toEqual({
          entityRef: 'component:default/checkout',
          kind: 'component',
          namespace: 'default',
          name: 'checkout',
          title: 'Checkout',
          owner: 'group:default/shop',
          system: 'system:default/shop',
          lifecycle: 'production',
          type: 'service',
          state: 'evaluated',
          verdict: 'no-go',
          score: 88,
          level: 'none',
          coverage: 1,
          domainScores: {
            'supply-chain': 100,
            'packaging-traffic': 0,
            observability: 100,
            delivery: 100,
            security: 100,
            'resources-scaling': 100,
            'scheduling-state': 100,
            resilience: 100,
          },
          failing: { critical: 1, high: 0, medium: 0, low: 0 },
          evaluatedAt: T0.toISOString(),
          stale: false,
          report: expectedReport,
        });
        // The JSON column parses back to the very report that was saved.
        expect(checkout!.report).toEqual(expectedReport);

        // Null scores round-trip as null, absent facts stay absent.
        const legacy = await store.getReport(
          'component:default/legacy-billing',
        );
        expect(legacy).toMatchObject({
          state: 'not-mapped',
          score: null,
          coverage: 0,
        });
        expect(Object.values(legacy!.domainScores)).toEqual(
          Array(8).fill(null),
        );
        expect(legacy).not.toHaveProperty('title');
        expect(legacy).not.toHaveProperty('system');
        const ordersDb = await store.getReport('resource:default/orders-db');
        expect(ordersDb!.domainScores).toMatchObject({
          resilience: null,
          'packaging-traffic': null,
          security: 100,
        });
        const ordersDbReport = buildTestReport('resource:default/orders-db', {
          ...FIXTURES[5].options,
          now: T0,
        });
        expect(ordersDb!.coverage).toBeGreaterThan(0);
        expect(ordersDb!.coverage).toBeLessThan(1);
        expect(ordersDb!.coverage).toBe(ordersDbReport.coverage);

        // Facts and report rows are the run's.
        expect(
          (await store.listAllReportColumns()).map(r => r.entityRef),
        ).toEqual([
          'component:default/cart',
          'component:default/checkout',
          'component:default/legacy-billing',
          'component:default/payments',
          'component:default/search',
          'component:payments/ledger',
          'resource:default/orders-db',
        ]);
        expect(
          (await store.getHistory('component:default/checkout')).map(
            p => p.runId,
          ),
        ).toEqual([runId]);
      },
    );

    it.each(databases.eachSupportedId())(
      'replaces reports, and removes the others with replaceAll, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        await seed(store);

        // The second run fixes checkout, marks cart stale, and no longer sees search, ledger, legacy-billing.
        const run2 = await store.startRun(hoursLater(1));
        const stale = { 'prod-eu': T0.toISOString() };
        const cart = buildTestReport('component:default/cart', {
          now: hoursLater(1),
          stale,
        });
        const checkout = buildTestReport('component:default/checkout', {
          now: hoursLater(1),
        });
        await store.saveReports(run2, [
          {
            facts: buildTestFacts('component:default/cart', {
              title: 'Cart',
              owner: 'group:default/cart-team',
            }),
            report: cart,
            stale: true,
          },
          {
            facts: buildTestFacts(
              'component:default/checkout',
              FIXTURES[1].facts,
            ),
            report: checkout,
            stale: false,
          },
        ]);
        expect(await store.getReport('component:default/cart')).toMatchObject({
          title: 'Cart',
          owner: 'group:default/cart-team',
          stale: true,
          evaluatedAt: hoursLater(1).toISOString(),
          report: cart,
        });
        expect(
          (await store.getReport('component:default/cart'))!.report!.stale,
        ).toEqual(stale);
        expect(
          await store.getReport('component:default/cart'),
        ).not.toHaveProperty('system');
        expect(
          await store.getReport('component:default/checkout'),
        ).toMatchObject({
          verdict: 'go',
          score: 100,
          level: 'gold',
          stale: false,
        });
        // Without replaceAll the others stay.
        expect(await store.listAllReportColumns()).toHaveLength(7);

        const run3 = await store.startRun(hoursLater(2));
        await store.saveReports(
          run3,
          [
            {
              facts: buildTestFacts('component:default/cart'),
              report: buildTestReport('component:default/cart', {
                now: hoursLater(2),
              }),
              stale: false,
            },
            {
              facts: buildTestFacts('component:default/payments'),
              report: buildTestReport('component:default/payments', {
                now: hoursLater(2),
              }),
              stale: false,
            },
          ],
          { replaceAll: true },
        );
        expect(
          (await store.listAllReportColumns()).map(r => r.entityRef),
        ).toEqual(['component:default/cart', 'component:default/payments']);
        expect(
          await store.getReport('component:default/checkout'),
        ).toBeUndefined();
        // History is kept for the entities that left.
        expect(
          await store.getHistory('component:default/checkout'),
        ).toHaveLength(2);

        // replaceAll with nothing empties the table.
        await store.saveReports(await store.startRun(hoursLater(3)), [], {
          replaceAll: true,
        });
        expect(await store.listAllReportColumns()).toEqual([]);
      },
    );

    it.each(databases.eachSupportedId())(
      'keeps the last of duplicate entries and one history point per entity per run, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        const runId = await store.startRun(T0);
        const ref = 'component:default/cart';
        await store.saveReports(runId, [
          {
            facts: buildTestFacts(ref),
            report: buildTestReport(ref, { fail: ['readiness-probe'] }),
            stale: false,
          },
          {
            facts: buildTestFacts(ref),
            report: buildTestReport(ref),
            stale: false,
          },
        ]);
        expect(await store.getReport(ref)).toMatchObject({
          verdict: 'go',
          score: 100,
        });
        // Saving the same run again (a retried cycle) replaces its point instead of adding one.
        await store.saveReports(runId, [
          {
            facts: buildTestFacts(ref),
            report: buildTestReport(ref, { fail: ['min-replicas'] }),
            stale: false,
          },
        ]);
        const history = await store.getHistory(ref);
        expect(history).toEqual([
          {
            runId,
            evaluatedAt: T0.toISOString(),
            verdict: 'go',
            score: 88,
            level: 'bronze',
            coverage: 1,
          },
        ]);
      },
    );

    it.each(databases.eachSupportedId())(
      'normalises timestamps to UTC ISO strings, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        const runId = await store.startRun(T0);
        const report: EntityReadinessReport = {
          ...buildTestReport('component:default/cart'),
          evaluatedAt: '2026-11-21T13:30:00+01:00',
        };
        await store.saveReports(runId, [
          {
            facts: buildTestFacts('component:default/cart'),
            report,
            stale: false,
          },
        ]);
        expect(
          (await store.getReport('component:default/cart'))!.evaluatedAt,
        ).toBe('2026-11-21T12:30:00.000Z');
        const bad = { ...report, evaluatedAt: 'yesterday' };
        await expect(
          store.saveReports(runId, [
            {
              facts: buildTestFacts('component:default/cart'),
              report: bad,
              stale: false,
            },
          ]),
        ).rejects.toThrow(InputError);
      },
    );
  });

  describe('scorecard', () => {
    it.each(databases.eachSupportedId())(
      'filters on every column, in SQL, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        await seed(store);

        const all = await store.listReports({ sort: 'name' });
        expect(all.totalCount).toBe(7);
        expect(all.items).toHaveLength(7);
        // Listings carry the columns, not the report JSON.
        expect(all.items[0]).not.toHaveProperty('report');

        expect(
          await names(store, { sort: 'name', owners: ['group:default/shop'] }),
        ).toEqual(['cart', 'checkout', 'orders-db']);
        expect(
          await names(store, {
            sort: 'name',
            owners: [
              'group:default/payments-team',
              'group:payments/ledger-team',
            ],
          }),
        ).toEqual(['ledger', 'legacy-billing', 'payments']);
        expect(
          await names(store, { sort: 'name', kinds: ['resource'] }),
        ).toEqual(['orders-db']);
        expect(
          await names(store, {
            sort: 'name',
            lifecycles: ['experimental', 'deprecated'],
          }),
        ).toEqual(['legacy-billing', 'search']);
        expect(
          await names(store, {
            sort: 'name',
            systems: ['system:default/payments'],
          }),
        ).toEqual(['ledger', 'payments']);
        expect(
          await names(store, { sort: 'name', verdicts: ['no-go'] }),
        ).toEqual(['checkout']);
        expect(
          await names(store, { sort: 'name', levels: ['bronze'] }),
        ).toEqual(['ledger', 'payments']);
        expect(
          await names(store, { sort: 'name', levels: ['gold', 'silver'] }),
        ).toEqual(['cart', 'orders-db', 'search']);
        expect(
          await names(store, { sort: 'name', states: ['not-mapped'] }),
        ).toEqual(['legacy-billing']);
        // Below a threshold in a domain; null ("no data") is never below anything.
        expect(
          await names(store, {
            sort: 'name',
            domainBelow: { domain: 'resilience', below: 50 },
          }),
        ).toEqual(['search']);
        expect(
          await names(store, {
            sort: 'name',
            domainBelow: { domain: 'resilience', below: 101 },
          }),
        ).toEqual(['cart', 'checkout', 'ledger', 'payments', 'search']);
        expect(
          await names(store, {
            sort: 'name',
            domainBelow: { domain: 'supply-chain', below: 100 },
          }),
        ).toEqual(['ledger']);
        // Filters combine with AND; empty lists do not filter.
        const combined = await store.listReports({
          sort: 'name',
          owners: ['group:default/shop'],
          kinds: ['component'],
          verdicts: ['go'],
          levels: [],
        });
        expect(combined.items.map(i => i.name)).toEqual(['cart']);
        expect(combined.totalCount).toBe(1);
        expect(
          await store.listReports({ owners: ['group:default/nobody'] }),
        ).toEqual({ items: [], totalCount: 0 });

        await expect(
          store.listReports({
            domainBelow: { domain: 'nope' as any, below: 50 },
          }),
        ).rejects.toThrow(InputError);
      },
    );

    it.each(databases.eachSupportedId())(
      'searches name, title, owner and system case-insensitively, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        await seed(store);
        // name and title
        expect(await names(store, { sort: 'name', q: 'CART' })).toEqual([
          'cart',
        ]);
        expect(await names(store, { sort: 'name', q: 'shopping' })).toEqual([
          'cart',
        ]);
        // title only, mixed case in the data
        expect(await names(store, { sort: 'name', q: 'product s' })).toEqual([
          'search',
        ]);
        // owner and system
        expect(await names(store, { sort: 'name', q: 'Shop' })).toEqual([
          'cart',
          'checkout',
          'orders-db',
        ]);
        expect(await names(store, { sort: 'name', q: 'ledger-TEAM' })).toEqual([
          'ledger',
        ]);
        expect(
          await names(store, { sort: 'name', q: 'system:default/payments' }),
        ).toEqual(['ledger', 'payments']);
        // LIKE wildcards in the input are literal characters.
        expect(await store.listReports({ q: '%' })).toEqual({
          items: [],
          totalCount: 0,
        });
        expect(await store.listReports({ q: 'c_rt' })).toEqual({
          items: [],
          totalCount: 0,
        });
        expect(await store.listReports({ q: '\\' })).toEqual({
          items: [],
          totalCount: 0,
        });
        // Blank search does not filter; search combines with the other filters.
        expect((await store.listReports({ q: '   ' })).totalCount).toBe(7);
        expect(
          await names(store, { sort: 'name', q: 'shop', kinds: ['resource'] }),
        ).toEqual(['orders-db']);
      },
    );

    it.each(databases.eachSupportedId())(
      'sorts on every field with nulls last and a stable tiebreak, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        await seed(store);

        // Default: score ascending, worst first.
        expect(await names(store, {})).toEqual([
          'search',
          'ledger',
          'checkout',
          'payments',
          'cart',
          'orders-db',
          'legacy-billing',
        ]);
        expect(await names(store, { sort: 'score', order: 'desc' })).toEqual([
          'cart',
          'orders-db',
          'checkout',
          'payments',
          'search',
          'ledger',
          'legacy-billing',
        ]);
        expect(await names(store, { sort: 'name', order: 'desc' })).toEqual([
          'search',
          'payments',
          'orders-db',
          'legacy-billing',
          'ledger',
          'checkout',
          'cart',
        ]);
        // Ranked, not alphabetical: no-go first; none, bronze, silver, gold.
        expect((await names(store, { sort: 'verdict' }))[0]).toBe('checkout');
        expect(
          (await names(store, { sort: 'verdict', order: 'desc' })).slice(-1),
        ).toEqual(['checkout']);
        // legacy-billing is not mapped: no level, so it ranks with the worst.
        expect(await names(store, { sort: 'level' })).toEqual([
          'checkout',
          'legacy-billing',
          'payments',
          'ledger',
          'search',
          'cart',
          'orders-db',
        ]);
        expect(await names(store, { sort: 'level', order: 'desc' })).toEqual([
          'cart',
          'orders-db',
          'search',
          'payments',
          'ledger',
          'checkout',
          'legacy-billing',
        ]);
        expect(await names(store, { sort: 'owner' })).toEqual([
          'search',
          'legacy-billing',
          'payments',
          'cart',
          'checkout',
          'orders-db',
          'ledger',
        ]);
        expect(await names(store, { sort: 'coverage' })).toEqual([
          'legacy-billing',
          'orders-db',
          'cart',
          'checkout',
          'payments',
          'search',
          'ledger',
        ]);
        // A domain: nulls last in both directions, ties by entity ref.
        expect(await names(store, { sort: 'domain:resilience' })).toEqual([
          'search',
          'cart',
          'checkout',
          'payments',
          'ledger',
          'legacy-billing',
          'orders-db',
        ]);
        expect(
          await names(store, { sort: 'domain:resilience', order: 'desc' }),
        ).toEqual([
          'cart',
          'checkout',
          'payments',
          'ledger',
          'search',
          'legacy-billing',
          'orders-db',
        ]);
        expect(
          await names(store, { sort: 'domain:packaging-traffic' }),
        ).toEqual([
          'checkout',
          'cart',
          'payments',
          'search',
          'ledger',
          'legacy-billing',
          'orders-db',
        ]);

        await expect(
          store.listReports({ sort: 'domain:nope' as any }),
        ).rejects.toThrow(InputError);
        await expect(
          store.listReports({ sort: 'title' as any }),
        ).rejects.toThrow(InputError);
      },
    );

    it.each(databases.eachSupportedId())(
      'sorts by evaluation time, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        const runId = await store.startRun(T0);
        // Later ones saved first, one in another time zone notation.
        await store.saveReports(runId, [
          {
            facts: buildTestFacts('component:default/b'),
            report: buildTestReport('component:default/b', {
              now: hoursLater(10),
            }),
            stale: false,
          },
          {
            facts: buildTestFacts('component:default/a'),
            report: {
              ...buildTestReport('component:default/a'),
              evaluatedAt: '2026-11-21T14:00:00+05:00',
            },
            stale: false,
          },
          {
            facts: buildTestFacts('component:default/c'),
            report: buildTestReport('component:default/c', {
              now: hoursLater(1),
            }),
            stale: false,
          },
        ]);
        expect(await names(store, { sort: 'evaluatedAt' })).toEqual([
          'a',
          'c',
          'b',
        ]);
        expect(
          await names(store, { sort: 'evaluatedAt', order: 'desc' }),
        ).toEqual(['b', 'c', 'a']);
      },
    );

    it.each(databases.eachSupportedId())(
      'pages with offset and limit, counting every match, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        await seed(store);
        const sorted = [
          'cart',
          'checkout',
          'ledger',
          'legacy-billing',
          'orders-db',
          'payments',
          'search',
        ];
        const page1 = await store.listReports({ sort: 'name', limit: 3 });
        const page2 = await store.listReports({
          sort: 'name',
          offset: 3,
          limit: 3,
        });
        const page3 = await store.listReports({
          sort: 'name',
          offset: 6,
          limit: 3,
        });
        expect([page1, page2, page3].map(p => p.totalCount)).toEqual([7, 7, 7]);
        expect(
          [...page1.items, ...page2.items, ...page3.items].map(i => i.name),
        ).toEqual(sorted);
        expect(await store.listReports({ sort: 'name', offset: 50 })).toEqual({
          items: [],
          totalCount: 7,
        });
        // totalCount applies the filters, not the page.
        const filtered = await store.listReports({
          sort: 'name',
          owners: ['group:default/shop'],
          offset: 1,
          limit: 1,
        });
        expect(filtered.items.map(i => i.name)).toEqual(['checkout']);
        expect(filtered.totalCount).toBe(3);
        // limit 0 counts only; nonsense paging is clamped.
        expect(await store.listReports({ limit: 0 })).toEqual({
          items: [],
          totalCount: 7,
        });
        expect(
          (await store.listReports({ offset: -5, limit: -1 })).items,
        ).toEqual([]);
        expect((await store.listReports({ offset: -5 })).items).toHaveLength(7);
      },
    );

    it.each(databases.eachSupportedId())(
      'restricts to readable entity refs, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        await seed(store);
        expect(
          await names(store, {
            sort: 'name',
            entityRefs: [
              'component:default/cart',
              'resource:default/orders-db',
              'component:default/unknown',
            ],
          }),
        ).toEqual(['cart', 'orders-db']);
        // The caller may read nothing: nothing, not everything.
        expect(await store.listReports({ entityRefs: [] })).toEqual({
          items: [],
          totalCount: 0,
        });
        expect(await store.listAllReportColumns([])).toEqual([]);
        expect(
          (await store.listAllReportColumns(['component:default/cart'])).map(
            r => r.name,
          ),
        ).toEqual(['cart']);
        // The restriction applies on top of the other filters and in the count.
        const page = await store.listReports({
          owners: ['group:default/shop'],
          entityRefs: ['component:default/cart', 'component:default/payments'],
        });
        expect(page.items.map(i => i.name)).toEqual(['cart']);
        expect(page.totalCount).toBe(1);
      },
    );

    it.each(databases.eachSupportedId())(
      'handles 10k entities: batched saves, long entityRefs lists and the page cap, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        const count = 10_000;
        const entityRef = (i: number) =>
          `component:default/svc-${String(i).padStart(5, '0')}`;
        // One realistic report, re-addressed per entity, keeps the fixture cheap to build.
        const template = buildTestReport(entityRef(0), {
          fail: ['min-replicas'],
        });
        const reports = Array.from({ length: count }, (_, i) => ({
          facts: buildTestFacts(entityRef(i), {
            owner: `group:default/team-${i % 40}`,
            lifecycle: i % 2 ? 'production' : 'experimental',
          }),
          report: { ...template, entityRef: entityRef(i) },
          stale: false,
        }));
        const runId = await store.startRun(T0);
        await store.saveReports(runId, reports, { replaceAll: true });
        expect((await store.listReports({ limit: 0 })).totalCount).toBe(count);
        expect(await store.listAllReportColumns()).toHaveLength(count);

        // The page is capped.
        const capped = await store.listReports({ sort: 'name', limit: 10_000 });
        expect(capped.items).toHaveLength(SCORECARD_MAX_LIMIT);
        expect(capped.totalCount).toBe(count);

        // 1,500 readable refs (over the inline IN list size) of which 1,200 exist.
        const readable = [
          ...Array.from({ length: 1_200 }, (_, i) => entityRef(i * 5)),
          ...Array.from(
            { length: 300 },
            (_, i) => `component:default/other-${i}`,
          ),
        ];
        const page = await store.listReports({
          sort: 'name',
          entityRefs: readable,
          lifecycles: ['experimental'],
          limit: 3,
        });
        // i * 5 is odd for odd i: half of them are production.
        expect(page.totalCount).toBe(600);
        expect(page.items.map(i => i.entityRef)).toEqual([
          entityRef(0),
          entityRef(10),
          entityRef(20),
        ]);
        expect(await store.listAllReportColumns(readable)).toHaveLength(1_200);

        // All 10k readable, and more: bound as one parameter, under every engine's variable limit.
        const everything = [
          ...reports.map(r => r.facts.entityRef),
          ...Array.from(
            { length: 40_000 },
            (_, i) => `component:default/ghost-${i}`,
          ),
        ];
        expect(
          (await store.listReports({ entityRefs: everything, limit: 0 }))
            .totalCount,
        ).toBe(count);

        // A second run drops 1,000 entities; history got a point per entity per run.
        const run2 = await store.startRun(hoursLater(1));
        const later = reports.slice(1_000).map(r => ({
          ...r,
          report: { ...r.report, evaluatedAt: hoursLater(1).toISOString() },
        }));
        await store.saveReports(run2, later, { replaceAll: true });
        expect((await store.listReports({ limit: 0 })).totalCount).toBe(
          count - 1_000,
        );
        expect(await store.getReport(entityRef(999))).toBeUndefined();
        expect(await store.getHistory(entityRef(5_000))).toHaveLength(2);
        expect(await store.trimHistory(hoursLater(0.5))).toBe(count);
      },
    );
  });

  describe('history', () => {
    it.each(databases.eachSupportedId())(
      'appends a point per run, reads since a time and trims, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        const ref = 'component:default/checkout';
        const runs: string[] = [];
        const outcomes: TestReportOptions[] = [
          { fail: ['readiness-probe'] },
          { fail: ['run-as-non-root'] },
          {},
          { state: 'not-mapped' },
        ];
        for (const [i, options] of outcomes.entries()) {
          const runId = await store.startRun(hoursLater(i * 24));
          runs.push(runId);
          await store.saveReports(runId, [
            {
              facts: buildTestFacts(ref),
              report: buildTestReport(ref, {
                ...options,
                now: hoursLater(i * 24),
              }),
              stale: false,
            },
            {
              facts: buildTestFacts('component:default/cart'),
              report: buildTestReport('component:default/cart', {
                now: hoursLater(i * 24),
              }),
              stale: false,
            },
          ]);
        }

        expect(await store.getHistory(ref)).toEqual([
          {
            runId: runs[0],
            evaluatedAt: hoursLater(0).toISOString(),
            verdict: 'no-go',
            score: 88,
            level: 'none',
            coverage: 1,
          },
          {
            runId: runs[1],
            evaluatedAt: hoursLater(24).toISOString(),
            verdict: 'go',
            score: 88,
            level: 'bronze',
            coverage: 1,
          },
          {
            runId: runs[2],
            evaluatedAt: hoursLater(48).toISOString(),
            verdict: 'go',
            score: 100,
            level: 'gold',
            coverage: 1,
          },
          {
            runId: runs[3],
            evaluatedAt: hoursLater(72).toISOString(),
            verdict: 'go',
            score: null,
            level: 'none',
            coverage: 0,
          },
        ]);
        // since is inclusive
        expect(
          (await store.getHistory(ref, hoursLater(48))).map(p => p.runId),
        ).toEqual([runs[2], runs[3]]);
        expect(
          (await store.getHistory(ref, hoursLater(47))).map(p => p.runId),
        ).toEqual([runs[2], runs[3]]);
        expect(await store.getHistory(ref, hoursLater(100))).toEqual([]);
        expect(await store.getHistory('component:default/unknown')).toEqual([]);

        // Trim before the third run: two points for each of the two entities.
        expect(await store.trimHistory(hoursLater(48))).toBe(4);
        expect((await store.getHistory(ref)).map(p => p.runId)).toEqual([
          runs[2],
          runs[3],
        ]);
        expect(
          (await store.getHistory('component:default/cart')).map(p => p.runId),
        ).toEqual([runs[2], runs[3]]);
        expect(await store.trimHistory(hoursLater(48))).toBe(0);
        expect((await store.getLatestRun())?.id).toBe(runs[3]);

        // Trimming everything keeps the latest run.
        expect(await store.trimHistory(hoursLater(1000))).toBe(4);
        expect((await store.getLatestRun())?.id).toBe(runs[3]);
      },
    );
  });

  describe('cluster results', () => {
    it.each(databases.eachSupportedId())(
      'round-trips and replaces the last good results of a cluster, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        expect(await store.getClusterResults('prod-eu')).toBeUndefined();
        const workloads = [
          {
            ref: {
              cluster: 'prod-eu',
              kind: 'Deployment',
              namespace: 'shop',
              name: 'cart',
            },
            results: [
              {
                checkId: 'readiness-probe',
                domain: 'packaging-traffic' as const,
                severity: 'critical' as const,
                status: 'fail' as const,
                message: "container 'cart' has no readinessProbe",
                evidence: [
                  {
                    kind: 'Deployment',
                    namespace: 'shop',
                    name: 'cart',
                    path: 'spec.template.spec.containers[0]',
                  },
                ],
              },
            ],
          },
        ];
        const labels = {
          'shop/Deployment/cart': { 'app.kubernetes.io/name': 'cart' },
        };
        const templateLabels = {
          'shop/Deployment/cart': {
            app: 'cart',
            'backstage.io/kubernetes-id': 'cart',
          },
        };
        await store.saveClusterResults({
          cluster: 'prod-eu',
          fetchedAt: T0.toISOString(),
          workloads,
          labels,
          templateLabels,
        });
        expect(await store.getClusterResults('prod-eu')).toEqual({
          cluster: 'prod-eu',
          fetchedAt: T0.toISOString(),
          workloads,
          labels,
          templateLabels,
        });

        await store.saveClusterResults({
          cluster: 'prod-eu',
          fetchedAt: '2026-11-21T14:00:00+01:00',
          workloads: [],
          labels: {},
        });
        await store.saveClusterResults({
          cluster: 'prod-us',
          fetchedAt: T0.toISOString(),
          workloads,
          labels,
        });
        expect(await store.getClusterResults('prod-eu')).toEqual({
          cluster: 'prod-eu',
          fetchedAt: '2026-11-21T13:00:00.000Z',
          workloads: [],
          labels: {},
        });
        expect((await store.getClusterResults('prod-us'))?.workloads).toEqual(
          workloads,
        );
      },
    );
  });

  describe('accepted risks', () => {
    it.each(databases.eachSupportedId())(
      'creates, lists, gets and revokes accepted risks, %p',
      async databaseId => {
        const { store } = await createStore(databaseId);
        expect(await store.listAcceptedRisks()).toEqual([]);

        const first = await store.createAcceptedRisk(
          {
            checkId: 'readiness-probe',
            entityRef: 'component:default/cart',
            reason: 'Batch consumer; no traffic is routed to it.',
            expiresAt: '2027-03-31',
            author: 'user:default/jane',
          },
          T0,
        );
        expect(first).toEqual({
          id: expect.any(String),
          checkId: 'readiness-probe',
          entityRef: 'component:default/cart',
          reason: 'Batch consumer; no traffic is routed to it.',
          expiresAt: '2027-03-31',
          author: 'user:default/jane',
          createdAt: T0.toISOString(),
          source: 'api',
        });
        const second = await store.createAcceptedRisk(
          {
            checkId: 'min-replicas',
            entityRef: 'component:default/cart',
            reason: 'Singleton by design',
            expiresAt: '2027-01-01T00:00:00Z',
            author: 'user:default/jane',
          },
          hoursLater(1),
        );
        const other = await store.createAcceptedRisk(
          {
            checkId: 'run-as-non-root',
            entityRef: 'component:default/payments',
            reason: 'Vendor image',
            expiresAt: '2026-12-31',
            author: 'user:default/joe',
          },
          hoursLater(2),
        );
        expect(new Set([first.id, second.id, other.id]).size).toBe(3);

        expect(await store.getAcceptedRisk(first.id)).toEqual(first);
        expect(await store.getAcceptedRisk('nope')).toBeUndefined();
        expect((await store.listAcceptedRisks()).map(r => r.id)).toEqual([
          first.id,
          second.id,
          other.id,
        ]);
        expect(
          (
            await store.listAcceptedRisks({
              entityRef: 'component:default/cart',
            })
          ).map(r => r.id),
        ).toEqual([first.id, second.id]);

        const revoked = await store.revokeAcceptedRisk(
          first.id,
          'user:default/lead',
          hoursLater(3),
        );
        expect(revoked).toEqual({
          ...first,
          revokedAt: hoursLater(3).toISOString(),
          revokedBy: 'user:default/lead',
        });
        // Revoked risks are excluded unless asked for.
        expect((await store.listAcceptedRisks()).map(r => r.id)).toEqual([
          second.id,
          other.id,
        ]);
        expect(
          (
            await store.listAcceptedRisks({
              entityRef: 'component:default/cart',
            })
          ).map(r => r.id),
        ).toEqual([second.id]);
        expect(
          await store.listAcceptedRisks({
            entityRef: 'component:default/cart',
            includeRevoked: true,
          }),
        ).toEqual([revoked, second]);
        expect(await store.getAcceptedRisk(first.id)).toEqual(revoked);

        // Revoking again keeps the first revocation; an unknown id is undefined.
        expect(
          await store.revokeAcceptedRisk(
            first.id,
            'user:default/other',
            hoursLater(4),
          ),
        ).toEqual(revoked);
        expect(
          await store.revokeAcceptedRisk(
            'nope',
            'user:default/lead',
            hoursLater(4),
          ),
        ).toBeUndefined();
      },
    );
  });

  describe('migrations', () => {
    it.each(databases.eachSupportedId())(
      'does not migrate when database.migrations.skip is set, %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        await DatabaseReadinessStore.create({
          database: mockServices.database({ knex, migrations: { skip: true } }),
        });
        await DatabaseReadinessStore.create({
          database: mockServices.database({ knex }),
          skipMigrations: true,
        });
        expect(await knex.schema.hasTable('readiness_reports')).toBe(false);
        // Creating the store again with migrations enabled is idempotent.
        await DatabaseReadinessStore.create({
          database: mockServices.database({ knex }),
        });
        await DatabaseReadinessStore.create({
          database: mockServices.database({ knex }),
        });
        expect(await knex.schema.hasTable('readiness_reports')).toBe(true);
      },
    );
  });
});
