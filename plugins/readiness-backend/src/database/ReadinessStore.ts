import {
  AcceptedRisk,
  EntityReadinessReport,
  ReadinessDomainId,
  ReadinessHistoryPoint,
  ReadinessLevel,
  ReadinessReportState,
  ReadinessSummary,
  Verdict,
  WorkloadResult,
} from '@prodready/plugin-readiness-common';

/**
 * The catalog facts stored beside a report (owner and system as full entity refs), so the
 * scorecard can filter and sort in SQL.
 */
export type EntityFacts = Pick<ReadinessSummary, 'entityRef' | 'kind' | 'namespace' | 'name' | 'title' | 'owner' | 'system' | 'lifecycle' | 'type'>;

/**
 * The latest report of an entity: the scorecard row the API serves (indexed columns), plus the
 * full report, absent in scorecard listings, which only need the columns.
 */
export interface StoredReport extends ReadinessSummary {
  report?: EntityReadinessReport;
}

/** One point of an entity's history: one per entity per run. */
export interface HistoryPoint extends ReadinessHistoryPoint {
  runId: string;
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

/** A kind that could not be listed in a run, and why (`403 Forbidden: ...`, not served, timed out). */
export interface MissingKindSummary {
  plural: string;
  reason: string;
  /** HTTP status when the API server answered one. */
  status?: number;
}

/** The most object error messages a run summary keeps per cluster (the count has them all). */
export const MAX_OBJECT_ERROR_MESSAGES = 20;

/** The outcome of reading one cluster in a run. */
export interface ClusterRunSummary {
  ok: boolean;
  objects: number;
  /** HTTP requests sent to the cluster, retries and restarted pages included (0 for snapshots). */
  requests: number;
  durationMs: number;
  /** The plurals of `missing`. */
  missingKinds: string[];
  /** Kinds that could not be listed, with their reasons (absent in runs recorded before it existed). */
  missing?: MissingKindSummary[];
  /**
   * Objects that were skipped (e.g. no metadata.name) or could not be evaluated (malformed):
   * how many, and the first MAX_OBJECT_ERROR_MESSAGES messages.
   */
  objectErrors?: { count: number; messages: string[] };
  /** Requests repeated after a 429, a 5xx, a network error or a timeout. */
  retries?: number;
  /** Lists started over after their continue token expired (410 Gone). */
  restarts?: number;
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
  /**
   * The run started last; with `finished`, the last one that ended (succeeded or failed), skipping
   * runs still going or abandoned by a replica that stopped mid-run.
   */
  getLatestRun(options?: {
    finished?: boolean;
  }): Promise<ReadinessRun | undefined>;

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
  /**
   * The latest report's columns, and its report as the JSON text it is stored as (not parsed):
   * what GET /entities serves, without parsing and re-serialising a document of tens of kilobytes.
   */
  getReportJson(
    entityRef: string,
  ): Promise<{ columns: StoredReport; reportJson: string } | undefined>;
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
