import {
  AcceptedRisk,
  EntityReadinessReport,
  ReadinessDomainId,
  ReadinessLevel,
  ReadinessReportState,
  Verdict,
  WorkloadResult,
} from '@prodready/plugin-readiness-common';

/** The catalog facts stored beside a report, so the scorecard can filter and sort in SQL. */
export interface EntityFacts {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Owner entity ref (`group:default/checkout-team`). */
  owner?: string;
  system?: string;
  lifecycle?: string;
  type?: string;
}

/** The latest report of an entity, with the indexed columns the scorecard reads. */
export interface StoredReport extends EntityFacts {
  state: ReadinessReportState;
  verdict: Verdict;
  score: number | null;
  level: ReadinessLevel;
  coverage: number;
  domainScores: Partial<Record<ReadinessDomainId, number | null>>;
  /** Failing, unwaived checks by severity. */
  failing: { critical: number; high: number; medium: number; low: number };
  evaluatedAt: string;
  /** True when at least one of its clusters could not be read and older results were used. */
  stale: boolean;
  /** The full report; absent in scorecard listings, which only need the columns. */
  report?: EntityReadinessReport;
}

/** One point of an entity's history: one per entity per run. */
export interface HistoryPoint {
  runId: string;
  evaluatedAt: string;
  verdict: Verdict;
  score: number | null;
  level: ReadinessLevel;
  coverage: number;
}

export type ScorecardSortField =
  | 'score'
  | 'name'
  | 'verdict'
  | 'level'
  | 'evaluatedAt'
  | 'owner'
  | 'coverage'
  | `domain:${ReadinessDomainId}`;

/**
 * A page of the org-wide ranking. Every filter is optional, and an empty filter list does not filter;
 * `entityRefs` restricts to what the caller may read, and an empty `entityRefs` matches nothing.
 * Sorting (default `score`, `asc`) puts nulls last in either direction and breaks ties by entity ref;
 * `verdict` and `level` sort by rank, so ascending is worst first (no-go before go; none, bronze,
 * silver, gold), as for scores. `limit` defaults to 50 and is capped at 500.
 */
export interface ScorecardQuery {
  owners?: string[];
  kinds?: string[];
  lifecycles?: string[];
  systems?: string[];
  verdicts?: Verdict[];
  levels?: ReadinessLevel[];
  states?: ReadinessReportState[];
  /** Only entities whose score in that domain is below the threshold (null scores excluded). */
  domainBelow?: { domain: ReadinessDomainId; below: number };
  /** Free text over name, title, owner and system (case-insensitive). */
  q?: string;
  /** The caller's readable entity refs; undefined means no restriction. */
  entityRefs?: string[];
  sort?: ScorecardSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface ScorecardPage {
  items: StoredReport[];
  totalCount: number;
}

/** An accepted risk stored through the API (annotation risks live in the catalog). */
export interface StoredAcceptedRisk extends AcceptedRisk {
  id: string;
  author: string;
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
}

export interface NewAcceptedRisk {
  checkId: string;
  entityRef: string;
  reason: string;
  expiresAt: string;
  author: string;
}

/** The outcome of reading one cluster in a run. */
export interface ClusterRunSummary {
  ok: boolean;
  objects: number;
  requests: number;
  durationMs: number;
  missingKinds: string[];
  error?: string;
  /** When the results used for this cluster were read (the previous good read when !ok). */
  resultsFrom?: string;
}

export interface ReadinessRun {
  id: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'failed';
  entityCount: number;
  clusters: Record<string, ClusterRunSummary>;
  error?: string;
}

/** The last good evaluation of a cluster, kept so a cluster that is down keeps its results, marked stale. */
export interface ClusterResults {
  cluster: string;
  fetchedAt: string;
  workloads: WorkloadResult[];
  /** The workload objects' own labels per workload key (`namespace/kind/name`), for entity mapping. */
  labels: Record<string, Record<string, string>>;
  /** Pod template labels per workload key, for entity mapping. */
  templateLabels?: Record<string, Record<string, string>>;
}

/**
 * All persistence of the readiness plugin. One implementation (`DatabaseReadinessStore`, knex)
 * serves SQLite and PostgreSQL; nothing else in the plugin writes SQL.
 */
export interface ReadinessStore {
  startRun(startedAt: Date): Promise<string>;
  finishRun(
    id: string,
    outcome: Omit<ReadinessRun, 'id' | 'startedAt'>,
  ): Promise<void>;
  getLatestRun(): Promise<ReadinessRun | undefined>;

  /**
   * Stores the latest report of each entity (replacing the previous one) and appends a history
   * point per entity for the run. Entities absent from `reports` lose their latest report when
   * `replaceAll` is set (they left the catalog).
   */
  saveReports(
    runId: string,
    reports: Array<{
      facts: EntityFacts;
      report: EntityReadinessReport;
      stale: boolean;
    }>,
    options?: { replaceAll?: boolean },
  ): Promise<void>;
  getReport(entityRef: string): Promise<StoredReport | undefined>;
  listReports(query: ScorecardQuery): Promise<ScorecardPage>;
  /** Every latest report's columns (no report JSON), for rollups such as the owners view. */
  listAllReportColumns(entityRefs?: string[]): Promise<StoredReport[]>;
  getHistory(entityRef: string, since?: Date): Promise<HistoryPoint[]>;
  /** Deletes history points evaluated before `before`; returns how many. Runs started before `before` go too, except the latest. */
  trimHistory(before: Date): Promise<number>;

  saveClusterResults(results: ClusterResults): Promise<void>;
  getClusterResults(cluster: string): Promise<ClusterResults | undefined>;

  listAcceptedRisks(filter?: {
    entityRef?: string;
    includeRevoked?: boolean;
  }): Promise<StoredAcceptedRisk[]>;
  getAcceptedRisk(id: string): Promise<StoredAcceptedRisk | undefined>;
  createAcceptedRisk(
    risk: NewAcceptedRisk,
    createdAt: Date,
  ): Promise<StoredAcceptedRisk>;
  revokeAcceptedRisk(
    id: string,
    revokedBy: string,
    revokedAt: Date,
  ): Promise<StoredAcceptedRisk | undefined>;
}
