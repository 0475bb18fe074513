import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  EntityReadinessReport,
  READINESS_DOMAIN_IDS,
  ReadinessDomainId,
  ReadinessLevel,
  ReadinessReportState,
  Verdict,
} from '@prodready/plugin-readiness-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  ClusterResults,
  ClusterRunSummary,
  EntityFacts,
  HistoryPoint,
  NewAcceptedRisk,
  ReadinessRun,
  ReadinessStore,
  ScorecardPage,
  ScorecardQuery,
  ScorecardSortField,
  StoredAcceptedRisk,
  StoredReport,
} from './ReadinessStore';
import {
  ACCEPTED_RISKS_TABLE,
  AcceptedRiskRow,
  CLUSTER_RESULTS_TABLE,
  ClusterResultsRow,
  DomainScoreColumn,
  HISTORY_TABLE,
  HistoryRow,
  REPORTS_TABLE,
  ReportColumnsRow,
  ReportRow,
  RUNS_TABLE,
  RunRow,
} from './tables';

const migrationsDir = resolvePackagePath(
  '@prodready/plugin-readiness-backend',
  'migrations',
);

/** Page size of `listReports` when the query gives none. */
export const SCORECARD_DEFAULT_LIMIT = 50;
/** The largest page `listReports` returns, whatever the query asks. */
export const SCORECARD_MAX_LIMIT = 500;

/** The score column of each domain. */
const DOMAIN_SCORE_COLUMNS: Readonly<
  Record<ReadinessDomainId, DomainScoreColumn>
> = {
  'supply-chain': 'score_supply_chain',
  'packaging-traffic': 'score_packaging_traffic',
  observability: 'score_observability',
  delivery: 'score_delivery',
  security: 'score_security',
  'resources-scaling': 'score_resources_scaling',
  'scheduling-state': 'score_scheduling_state',
  resilience: 'score_resilience',
};

/** Every column of `readiness_reports` except the report JSON: what the scorecard reads. */
const REPORT_COLUMNS: ReadonlyArray<keyof ReportColumnsRow> = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'owner',
  'system',
  'lifecycle',
  'type',
  'state',
  'verdict',
  'score',
  'level',
  'coverage',
  ...READINESS_DOMAIN_IDS.map(id => DOMAIN_SCORE_COLUMNS[id]),
  'failing_critical',
  'failing_high',
  'failing_medium',
  'failing_low',
  'evaluated_at',
  'stale',
  'run_id',
];

/**
 * Rows per INSERT. SQLite binds at most 32766 variables per statement (PostgreSQL 65535), and knex
 * writes a multi-row SQLite insert as one compound SELECT, which SQLite caps at 500 terms. A report
 * row has 36 columns and carries the report JSON, so its chunks are smaller.
 */
const REPORT_INSERT_CHUNK = 200;
const HISTORY_INSERT_CHUNK = 500;
/** Up to this many values an IN list is bound value by value; longer lists go as one JSON parameter. */
const MAX_INLINE_IN_LIST = 500;

/** A sort key: SQL with `??` identifier placeholders (never user text) and the identifiers. */
interface SortExpression {
  sql: string;
  bindings: string[];
}

/** The ordinal columns sort by rank, so that ascending means worst first, as it does for scores. */
const VERDICT_RANK: SortExpression = {
  sql: `CASE ?? WHEN 'no-go' THEN 0 WHEN 'go' THEN 1 END`,
  bindings: ['verdict'],
};
const LEVEL_RANK: SortExpression = {
  sql: `CASE ?? WHEN 'none' THEN 0 WHEN 'bronze' THEN 1 WHEN 'silver' THEN 2 WHEN 'gold' THEN 3 END`,
  bindings: ['level'],
};

/** Timestamps are stored as `toISOString()` strings, so string order is time order on every engine. */
function toTimestamp(value: string | Date, what: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`Invalid ${what} timestamp '${String(value)}'`);
  }
  return date.toISOString();
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** Escapes the LIKE wildcards of user input; used with `ESCAPE '\'`. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, c => `\\${c}`);
}

function optional<K extends string>(
  key: K,
  value: string | null,
): { [P in K]?: string } {
  return (value === null || value === undefined ? {} : { [key]: value }) as {
    [P in K]?: string;
  };
}

function toRun(row: RunRow): ReadinessRun {
  return {
    id: row.id,
    startedAt: row.started_at,
    ...optional('finishedAt', row.finished_at),
    status: row.status as ReadinessRun['status'],
    entityCount: Number(row.entity_count),
    clusters: JSON.parse(row.clusters) as Record<string, ClusterRunSummary>,
    ...optional('error', row.error),
  };
}

function toStoredReport(
  row: ReportColumnsRow & { report?: string },
): StoredReport {
  const domainScores: StoredReport['domainScores'] = {};
  for (const id of READINESS_DOMAIN_IDS) {
    domainScores[id] = row[DOMAIN_SCORE_COLUMNS[id]] ?? null;
  }
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    ...optional('title', row.title),
    ...optional('owner', row.owner),
    ...optional('system', row.system),
    ...optional('lifecycle', row.lifecycle),
    ...optional('type', row.type),
    state: row.state as ReadinessReportState,
    verdict: row.verdict as Verdict,
    score: row.score ?? null,
    level: row.level as ReadinessLevel,
    coverage: Number(row.coverage),
    domainScores,
    failing: {
      critical: Number(row.failing_critical),
      high: Number(row.failing_high),
      medium: Number(row.failing_medium),
      low: Number(row.failing_low),
    },
    evaluatedAt: row.evaluated_at,
    stale: Boolean(row.stale),
    ...(row.report !== undefined
      ? { report: JSON.parse(row.report) as EntityReadinessReport }
      : {}),
  };
}

function toReportRow(
  runId: string,
  facts: EntityFacts,
  report: EntityReadinessReport,
  stale: boolean,
): ReportRow {
  const domainScores = {} as Record<DomainScoreColumn, number | null>;
  for (const id of READINESS_DOMAIN_IDS) {
    domainScores[DOMAIN_SCORE_COLUMNS[id]] =
      report.domains?.[id]?.score ?? null;
  }
  return {
    entity_ref: facts.entityRef,
    kind: facts.kind,
    namespace: facts.namespace,
    name: facts.name,
    title: facts.title ?? null,
    owner: facts.owner ?? null,
    system: facts.system ?? null,
    lifecycle: facts.lifecycle ?? null,
    type: facts.type ?? null,
    state: report.state,
    verdict: report.verdict,
    score: report.score ?? null,
    level: report.level,
    coverage: report.coverage,
    ...domainScores,
    failing_critical: report.failing.critical,
    failing_high: report.failing.high,
    failing_medium: report.failing.medium,
    failing_low: report.failing.low,
    evaluated_at: toTimestamp(report.evaluatedAt, 'evaluatedAt'),
    stale,
    run_id: runId,
    report: JSON.stringify(report),
  };
}

function toHistoryPoint(row: HistoryRow): HistoryPoint {
  return {
    runId: row.run_id,
    evaluatedAt: row.evaluated_at,
    verdict: row.verdict as Verdict,
    score: row.score ?? null,
    level: row.level as ReadinessLevel,
    coverage: Number(row.coverage),
  };
}

function toAcceptedRisk(row: AcceptedRiskRow): StoredAcceptedRisk {
  return {
    id: row.id,
    checkId: row.check_id,
    entityRef: row.entity_ref,
    reason: row.reason,
    expiresAt: row.expires_at,
    author: row.author,
    createdAt: row.created_at,
    source: 'api',
    ...optional('revokedAt', row.revoked_at),
    ...optional('revokedBy', row.revoked_by),
  };
}

/**
 * The knex implementation of {@link ReadinessStore}, for PostgreSQL and SQLite.
 *
 * Notes on semantics the interface leaves open:
 * - Filter lists of `listReports` that are empty do not filter; an empty `entityRefs` (the caller
 *   may read nothing) matches nothing.
 * - Sorting puts nulls last in both directions and breaks ties by entity ref. `verdict` and
 *   `level` sort by rank, so ascending is worst first (no-go before go; none, bronze, silver,
 *   gold), as it is for scores. The default is `score` ascending: what needs attention first.
 */
export class DatabaseReadinessStore implements ReadinessStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseReadinessStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!options.skipMigrations && !database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReadinessStore(client);
  }

  private constructor(private readonly db: Knex) {}

  // ---------------------------------------------------------------- runs

  async startRun(startedAt: Date): Promise<string> {
    const id = randomUUID();
    const row: RunRow = {
      id,
      started_at: toTimestamp(startedAt, 'startedAt'),
      finished_at: null,
      status: 'running',
      entity_count: 0,
      clusters: '{}',
      error: null,
    };
    await this.db<RunRow>(RUNS_TABLE).insert(row);
    return id;
  }

  async finishRun(
    id: string,
    outcome: Omit<ReadinessRun, 'id' | 'startedAt'>,
  ): Promise<void> {
    let finishedAt: string | null = null;
    if (outcome.finishedAt) {
      finishedAt = toTimestamp(outcome.finishedAt, 'finishedAt');
    } else if (outcome.status !== 'running') {
      finishedAt = new Date().toISOString();
    }
    const updated = await this.db<RunRow>(RUNS_TABLE)
      .where({ id })
      .update({
        finished_at: finishedAt,
        status: outcome.status,
        entity_count: outcome.entityCount,
        clusters: JSON.stringify(outcome.clusters ?? {}),
        error: outcome.error ?? null,
      });
    if (!updated) {
      throw new NotFoundError(`No readiness run with id '${id}'`);
    }
  }

  async getLatestRun(options?: {
    finished?: boolean;
  }): Promise<ReadinessRun | undefined> {
    const query = this.db<RunRow>(RUNS_TABLE);
    if (options?.finished) {
      query.whereNot('status', 'running');
    }
    const row = await query
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? toRun(row) : undefined;
  }

  // ---------------------------------------------------------------- reports

  async saveReports(
    runId: string,
    reports: Array<{
      facts: EntityFacts;
      report: EntityReadinessReport;
      stale: boolean;
    }>,
    options?: { replaceAll?: boolean },
  ): Promise<void> {
    // One row per entity: a later entry for the same entity wins (an upsert may not touch a row twice).
    const byRef = new Map<string, (typeof reports)[number]>();
    for (const item of reports) {
      byRef.delete(item.facts.entityRef);
      byRef.set(item.facts.entityRef, item);
    }
    const items = [...byRef.values()];

    await this.db.transaction(async trx => {
      for (const batch of chunk(items, REPORT_INSERT_CHUNK)) {
        // Serialised one chunk at a time: the report documents of 10,000 entities as JSON at
        // once are hundreds of megabytes (see bench/backend).
        const rows = batch.map(({ facts, report, stale }) =>
          toReportRow(runId, facts, report, stale),
        );
        await trx<ReportRow>(REPORTS_TABLE)
          .insert(rows)
          .onConflict('entity_ref')
          .merge();
      }
      for (const batch of chunk(items, HISTORY_INSERT_CHUNK)) {
        const history: Array<Omit<HistoryRow, 'id'>> = batch.map(
          ({ facts, report }) => ({
            entity_ref: facts.entityRef,
            run_id: runId,
            evaluated_at: toTimestamp(report.evaluatedAt, 'evaluatedAt'),
            verdict: report.verdict,
            score: report.score ?? null,
            level: report.level,
            coverage: report.coverage,
          }),
        );
        // Saving the same run twice replaces its points: one point per entity per run.
        await trx(HISTORY_TABLE)
          .insert(history)
          .onConflict(['entity_ref', 'run_id'])
          .merge();
      }
      if (options?.replaceAll) {
        await this.whereInList(
          trx(REPORTS_TABLE),
          'entity_ref',
          [...byRef.keys()],
          { not: true },
        ).delete();
      }
    });
    if (options?.replaceAll) {
      await this.refreshReportStatistics();
    }
  }

  async getReport(entityRef: string): Promise<StoredReport | undefined> {
    const row = await this.db<ReportRow>(REPORTS_TABLE)
      .where({ entity_ref: entityRef })
      .first();
    return row ? toStoredReport(row) : undefined;
  }

  async getReportJson(
    entityRef: string,
  ): Promise<{ columns: StoredReport; reportJson: string } | undefined> {
    const row = await this.db<ReportRow>(REPORTS_TABLE)
      .where({ entity_ref: entityRef })
      .first();
    if (!row) {
      return undefined;
    }
    const { report, ...columns } = row;
    return { columns: toStoredReport(columns), reportJson: report };
  }

  async listReports(query: ScorecardQuery): Promise<ScorecardPage> {
    if (query.entityRefs && query.entityRefs.length === 0) {
      return { items: [], totalCount: 0 };
    }
    const offset = Math.max(0, Math.floor(Number(query.offset ?? 0)) || 0);
    const requestedLimit = Math.floor(
      Number(query.limit ?? SCORECARD_DEFAULT_LIMIT),
    );
    const limit = Number.isNaN(requestedLimit)
      ? SCORECARD_DEFAULT_LIMIT
      : Math.min(SCORECARD_MAX_LIMIT, Math.max(0, requestedLimit));
    const sort = this.sortExpression(query.sort ?? 'score');
    const direction = query.order === 'desc' ? 'desc' : 'asc';

    const countQuery = this.applyScorecardFilters(
      this.db(REPORTS_TABLE),
      query,
    ).count({ count: '*' });
    const pageQuery = this.applyScorecardFilters(
      this.db<ReportRow>(REPORTS_TABLE),
      query,
    )
      .select(...REPORT_COLUMNS)
      // Nulls last: `(x IS NULL)` is false (0) before true (1) on every engine, and for the default
      // sort it matches the score sort indexes of migrations/20261121120000_scorecard_sort_indexes.js.
      .orderByRaw(`(${sort.sql} IS NULL)`, sort.bindings)
      .orderByRaw(`${sort.sql} ${direction}`, sort.bindings)
      .orderBy('entity_ref', 'asc')
      .offset(offset)
      .limit(limit);

    const [countRows, rows] = await Promise.all([
      countQuery,
      limit > 0 ? pageQuery : Promise.resolve([]),
    ]);
    return {
      items: (rows as ReportColumnsRow[]).map(row => toStoredReport(row)),
      totalCount: Number((countRows[0] as { count: number | string }).count),
    };
  }

  async listAllReportColumns(entityRefs?: string[]): Promise<StoredReport[]> {
    if (entityRefs && entityRefs.length === 0) {
      return [];
    }
    let builder = this.db<ReportRow>(REPORTS_TABLE)
      .select(...REPORT_COLUMNS)
      .orderBy('entity_ref', 'asc');
    if (entityRefs) {
      builder = this.whereInList(builder, 'entity_ref', entityRefs);
    }
    const rows = (await builder) as ReportColumnsRow[];
    return rows.map(row => toStoredReport(row));
  }

  async getHistory(entityRef: string, since?: Date): Promise<HistoryPoint[]> {
    const builder = this.db<HistoryRow>(HISTORY_TABLE).where({
      entity_ref: entityRef,
    });
    if (since) {
      builder.where('evaluated_at', '>=', toTimestamp(since, 'since'));
    }
    const rows = await builder.orderBy([
      { column: 'evaluated_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toHistoryPoint);
  }

  async trimHistory(before: Date): Promise<number> {
    const cutoff = toTimestamp(before, 'before');
    return await this.db.transaction(async trx => {
      const deleted = await trx(HISTORY_TABLE)
        .where('evaluated_at', '<', cutoff)
        .delete();
      // Runs older than the history they produced go too, but the latest run always stays.
      const latest = await trx<RunRow>(RUNS_TABLE)
        .select('id')
        .orderBy([
          { column: 'started_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first();
      if (latest) {
        await trx(RUNS_TABLE)
          .where('started_at', '<', cutoff)
          .whereNot('id', latest.id)
          .delete();
      }
      return deleted;
    });
  }

  // ---------------------------------------------------------------- cluster results

  async saveClusterResults(results: ClusterResults): Promise<void> {
    // Everything but the key columns goes into the payload, so fields added to ClusterResults
    // (such as templateLabels) are kept without a migration.
    const { cluster, fetchedAt, ...payload } = results;
    const row: ClusterResultsRow = {
      cluster,
      fetched_at: toTimestamp(fetchedAt, 'fetchedAt'),
      payload: JSON.stringify(payload),
    };
    await this.db<ClusterResultsRow>(CLUSTER_RESULTS_TABLE)
      .insert(row)
      .onConflict('cluster')
      .merge();
  }

  async getClusterResults(
    cluster: string,
  ): Promise<ClusterResults | undefined> {
    const row = await this.db<ClusterResultsRow>(CLUSTER_RESULTS_TABLE)
      .where({ cluster })
      .first();
    if (!row) {
      return undefined;
    }
    const payload = JSON.parse(row.payload) as Partial<
      Omit<ClusterResults, 'cluster' | 'fetchedAt'>
    >;
    return {
      ...payload,
      cluster: row.cluster,
      fetchedAt: row.fetched_at,
      workloads: payload.workloads ?? [],
      labels: payload.labels ?? {},
    };
  }

  // ---------------------------------------------------------------- accepted risks

  async listAcceptedRisks(filter?: {
    entityRef?: string;
    includeRevoked?: boolean;
  }): Promise<StoredAcceptedRisk[]> {
    const builder = this.db<AcceptedRiskRow>(ACCEPTED_RISKS_TABLE);
    if (filter?.entityRef !== undefined) {
      builder.where({ entity_ref: filter.entityRef });
    }
    if (!filter?.includeRevoked) {
      builder.whereNull('revoked_at');
    }
    const rows = await builder.orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toAcceptedRisk);
  }

  async getAcceptedRisk(id: string): Promise<StoredAcceptedRisk | undefined> {
    const row = await this.db<AcceptedRiskRow>(ACCEPTED_RISKS_TABLE)
      .where({ id })
      .first();
    return row ? toAcceptedRisk(row) : undefined;
  }

  async createAcceptedRisk(
    risk: NewAcceptedRisk,
    createdAt: Date,
  ): Promise<StoredAcceptedRisk> {
    const row: AcceptedRiskRow = {
      id: randomUUID(),
      check_id: risk.checkId,
      entity_ref: risk.entityRef,
      reason: risk.reason,
      expires_at: risk.expiresAt,
      author: risk.author,
      created_at: toTimestamp(createdAt, 'createdAt'),
      revoked_at: null,
      revoked_by: null,
    };
    await this.db<AcceptedRiskRow>(ACCEPTED_RISKS_TABLE).insert(row);
    return toAcceptedRisk(row);
  }

  /** Revokes a risk; revoking it again keeps the first revocation. Undefined when there is no such risk. */
  async revokeAcceptedRisk(
    id: string,
    revokedBy: string,
    revokedAt: Date,
  ): Promise<StoredAcceptedRisk | undefined> {
    await this.db<AcceptedRiskRow>(ACCEPTED_RISKS_TABLE)
      .where({ id })
      .whereNull('revoked_at')
      .update({
        revoked_at: toTimestamp(revokedAt, 'revokedAt'),
        revoked_by: revokedBy,
      });
    return this.getAcceptedRisk(id);
  }

  // ---------------------------------------------------------------- SQL helpers

  /**
   * After each full save (once per cycle), which rewrites every row of the reports table:
   * - SQLite: planner statistics (ANALYZE, a few ms for 10,000 rows). Without them SQLite picks
   *   the least selective index for the scorecard's filters (lifecycle instead of owner: 10 ms
   *   instead of 0.5 ms per page at 10,000 entities).
   * - PostgreSQL: VACUUM (ANALYZE) (about 60 ms for 10,000 rows), so the scorecard does not scan
   *   the dead row versions of the previous cycles until autovacuum comes by (2-3x faster pages
   *   and counts right after a cycle).
   * Best effort: a failure (e.g. a role that does not own the table) changes nothing else.
   */
  private async refreshReportStatistics(): Promise<void> {
    const dialect = this.db.client.dialect;
    try {
      if (dialect === 'postgresql') {
        // Never inside a transaction: VACUUM cannot run in one.
        await this.db.raw('VACUUM (ANALYZE) ??', [REPORTS_TABLE]);
      } else if (dialect === 'sqlite3') {
        await this.db.raw('ANALYZE ??', [REPORTS_TABLE]);
      }
    } catch {
      // Statistics and vacuuming are optimisations; the reports are saved.
    }
  }

  private applyScorecardFilters<B extends Knex.QueryBuilder>(
    builder: B,
    query: ScorecardQuery,
  ): B {
    const lists: Array<[string, readonly string[] | undefined]> = [
      ['owner', query.owners],
      ['kind', query.kinds],
      ['lifecycle', query.lifecycles],
      ['system', query.systems],
      ['verdict', query.verdicts],
      ['level', query.levels],
      ['state', query.states],
    ];
    let result = builder;
    for (const [column, values] of lists) {
      if (values && values.length > 0) {
        result = this.whereInList(result, column, values);
      }
    }
    if (query.domainBelow) {
      const column = this.domainColumn(query.domainBelow.domain);
      const below = Number(query.domainBelow.below);
      if (Number.isNaN(below)) {
        throw new InputError(
          `Invalid domain threshold '${String(query.domainBelow.below)}'`,
        );
      }
      result.where(column, '<', below);
    }
    const q = query.q?.trim().toLowerCase();
    if (q) {
      const pattern = `%${escapeLike(q)}%`;
      result.where(inner => {
        for (const column of ['name', 'title', 'owner', 'system']) {
          inner.orWhereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [column, pattern]);
        }
      });
    }
    if (query.entityRefs) {
      result = this.whereInList(result, 'entity_ref', query.entityRefs);
    }
    return result;
  }

  /**
   * `column IN (values)`, or NOT IN. Short lists are bound value by value; long ones (thousands of
   * readable entity refs) as a single JSON array parameter expanded by the database, so no list is
   * too long for the bind-variable limits of SQLite (32766) or PostgreSQL (65535).
   */
  private whereInList<B extends Knex.QueryBuilder>(
    builder: B,
    column: string,
    values: readonly string[],
    options?: { not?: boolean },
  ): B {
    const unique = [...new Set(values)];
    const not = options?.not ?? false;
    if (unique.length <= MAX_INLINE_IN_LIST) {
      return (
        not
          ? builder.whereNotIn(column, unique)
          : builder.whereIn(column, unique)
      ) as B;
    }
    const operator = not ? 'NOT IN' : 'IN';
    const json = JSON.stringify(unique);
    switch (this.db.client.dialect) {
      case 'postgresql':
        return builder.whereRaw(
          `?? ${operator} (SELECT jsonb_array_elements_text(?::jsonb))`,
          [column, json],
        ) as B;
      case 'sqlite3':
        return builder.whereRaw(
          `?? ${operator} (SELECT value FROM json_each(?))`,
          [column, json],
        ) as B;
      default: {
        // Other engines: several bounded IN lists.
        const chunks = chunk(unique, MAX_INLINE_IN_LIST);
        return builder.where(inner => {
          for (const part of chunks) {
            if (not) {
              inner.whereNotIn(column, part);
            } else {
              inner.orWhereIn(column, part);
            }
          }
        }) as B;
      }
    }
  }

  private domainColumn(domain: string): DomainScoreColumn {
    const column = (
      DOMAIN_SCORE_COLUMNS as Record<string, DomainScoreColumn | undefined>
    )[domain];
    if (!column) {
      throw new InputError(`Unknown readiness domain '${domain}'`);
    }
    return column;
  }

  private sortExpression(sort: ScorecardSortField): SortExpression {
    const column = (name: string): SortExpression => ({
      sql: '??',
      bindings: [name],
    });
    switch (sort) {
      case 'score':
        return column('score');
      case 'name':
        return column('name');
      case 'verdict':
        return VERDICT_RANK;
      case 'level':
        return LEVEL_RANK;
      case 'evaluatedAt':
        return column('evaluated_at');
      case 'owner':
        return column('owner');
      case 'coverage':
        return column('coverage');
      default:
        if (typeof sort === 'string' && sort.startsWith('domain:')) {
          return column(this.domainColumn(sort.slice('domain:'.length)));
        }
        throw new InputError(`Unknown sort field '${String(sort)}'`);
    }
  }
}
