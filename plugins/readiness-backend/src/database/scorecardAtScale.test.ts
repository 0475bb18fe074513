import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { buildTestFacts, buildTestReport } from './__testUtils__/reports';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { REPORTS_TABLE } from './tables';

/*
 * What keeps the API fast with thousands of entities (see bench/backend): the entity report is
 * served as stored, the default scorecard order reads an index, and the planner has statistics.
 */
jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ENTITIES = 2_000;

async function filledStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const reports = Array.from({ length: ENTITIES }, (_, i) => {
    const ref = `component:default/service-${String(i).padStart(5, '0')}`;
    return {
      facts: buildTestFacts(ref, {
        owner: `group:default/team-${i % 37}`,
        lifecycle: i % 4 === 3 ? 'experimental' : 'production',
      }),
      report: buildTestReport(ref, {
        fail: [['readiness-probe'], ['metrics-scraped'], []][i % 3],
        ...(i % 50 === 0 ? { state: 'not-mapped' as const } : {}),
      }),
      stale: false,
    };
  });
  await store.saveReports(await store.startRun(new Date()), reports, {
    replaceAll: true,
  });
  return { knex, store, reports };
}

async function queryPlan(knex: Knex, sql: string): Promise<string> {
  if (knex.client.dialect === 'postgresql') {
    const result = await knex.raw(`EXPLAIN ${sql}`);
    return result.rows
      .map((r: Record<string, string>) => r['QUERY PLAN'])
      .join('\n');
  }
  const rows = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((r: { detail: string }) => r.detail).join('\n');
}

describe('the store at scale', () => {
  it.each(databases.eachSupportedId())(
    'serves the stored report JSON as it is, with the columns, on %p',
    async databaseId => {
      const { store, reports } = await filledStore(databaseId);
      const ref = reports[7].facts.entityRef;

      const stored = await store.getReportJson(ref);
      const parsed = await store.getReport(ref);

      expect(stored).toBeDefined();
      expect(JSON.parse(stored!.reportJson)).toEqual(parsed!.report);
      const { report: _report, ...columns } = parsed!;
      expect(stored!.columns).toEqual(columns);
      expect(
        await store.getReportJson('component:default/nope'),
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the scorecard order (score, nulls last, ties by ref) in both directions on %p',
    async databaseId => {
      const { store, reports } = await filledStore(databaseId);
      const expected = reports.map(r => ({
        ref: r.facts.entityRef,
        score: r.report.score ?? null,
      }));
      const byScore = (order: 'asc' | 'desc') =>
        [...expected]
          .sort((a, b) => {
            if (a.score === null || b.score === null) {
              return (
                (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) ||
                a.ref.localeCompare(b.ref)
              );
            }
            return (
              (order === 'asc' ? a.score - b.score : b.score - a.score) ||
              a.ref.localeCompare(b.ref)
            );
          })
          .map(r => r.ref);

      for (const order of ['asc', 'desc'] as const) {
        const pages = [];
        for (let offset = 0; offset < ENTITIES; offset += 500) {
          const page = await store.listReports({
            sort: 'score',
            order,
            offset,
            limit: 500,
          });
          pages.push(...page.items.map(item => item.entityRef));
        }
        expect(pages).toEqual(byScore(order));
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a page of the default order from an index, and an owner filter from the owner index, on %p',
    async databaseId => {
      const { knex } = await filledStore(databaseId);
      const columns = 'entity_ref, score';

      const ranking = await queryPlan(
        knex,
        `SELECT ${columns} FROM ${REPORTS_TABLE} ORDER BY (score IS NULL), score DESC, entity_ref LIMIT 25 OFFSET 100`,
      );
      expect(ranking).toContain('readiness_reports_score_desc_idx');

      const owner = await queryPlan(
        knex,
        `SELECT ${columns} FROM ${REPORTS_TABLE} WHERE owner = 'group:default/team-3' AND lifecycle = 'production' ORDER BY (score IS NULL), score, entity_ref LIMIT 25`,
      );
      expect(owner).toContain('readiness_reports_owner_idx');
    },
  );
});
