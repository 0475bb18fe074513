import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { ClusterRunSummary } from './ReadinessStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

if (!databases.supports('POSTGRES_15')) {
  it.todo(
    'POSTGRES_15 not configured: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to run the latest-run store tests on PostgreSQL',
  );
}

const T0 = new Date('2026-11-21T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const SUMMARY: ClusterRunSummary = {
  ok: true,
  objects: 266,
  requests: 91,
  retries: 2,
  restarts: 1,
  durationMs: 812,
  missingKinds: ['poddisruptionbudgets'],
  missing: [
    { plural: 'poddisruptionbudgets', status: 403, reason: 'forbidden' },
  ],
  objectErrors: { count: 1, messages: ['item 3 has no metadata.name'] },
  resultsFrom: T0.toISOString(),
};

describe.each(databases.eachSupportedId())(
  'DatabaseReadinessStore.getLatestRun on %s',
  (databaseId: TestDatabaseId) => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
    }

    it('returns the latest run, or with `finished` the latest that ended, with its cluster summaries intact', async () => {
      const store = await createStore();
      expect(await store.getLatestRun({ finished: true })).toBeUndefined();

      const failed = await store.startRun(at(0));
      await store.finishRun(failed, {
        finishedAt: at(1).toISOString(),
        status: 'failed',
        entityCount: 0,
        clusters: {},
        error: 'boom',
      });
      const succeeded = await store.startRun(at(10));
      await store.finishRun(succeeded, {
        finishedAt: at(11).toISOString(),
        status: 'succeeded',
        entityCount: 14,
        clusters: { 'prod-eu': SUMMARY },
      });
      const running = await store.startRun(at(20));

      expect((await store.getLatestRun())?.id).toBe(running);
      expect(await store.getLatestRun({ finished: true })).toEqual({
        id: succeeded,
        startedAt: at(10).toISOString(),
        finishedAt: at(11).toISOString(),
        status: 'succeeded',
        entityCount: 14,
        clusters: { 'prod-eu': SUMMARY },
      });
      expect((await store.getLatestRun({ finished: false }))?.id).toBe(running);
    });
  },
);
