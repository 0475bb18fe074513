/**
 * Row types of the readiness tables, exactly as created by `migrations/`.
 *
 * Timestamps are ISO-8601 UTC strings in the `toISOString()` format, so string order is time
 * order on every engine. JSON documents are text. Booleans come back as `0`/`1` from SQLite and
 * integer counts from aggregates as strings from PostgreSQL; the store converts both.
 */

export const RUNS_TABLE = 'readiness_runs';
export const REPORTS_TABLE = 'readiness_reports';
export const HISTORY_TABLE = 'readiness_history';
export const CLUSTER_RESULTS_TABLE = 'readiness_cluster_results';
export const ACCEPTED_RISKS_TABLE = 'readiness_accepted_risks';

export interface RunRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  entity_count: number;
  /** JSON: `Record<string, ClusterRunSummary>`. */
  clusters: string;
  error: string | null;
}

/** The nullable per-domain score columns of `readiness_reports`. */
export interface DomainScoreColumns {
  score_supply_chain: number | null;
  score_packaging_traffic: number | null;
  score_observability: number | null;
  score_delivery: number | null;
  score_security: number | null;
  score_resources_scaling: number | null;
  score_scheduling_state: number | null;
  score_resilience: number | null;
}

export type DomainScoreColumn = keyof DomainScoreColumns;

export interface ReportRow extends DomainScoreColumns {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  lifecycle: string | null;
  type: string | null;
  state: string;
  verdict: string;
  score: number | null;
  level: string;
  coverage: number;
  failing_critical: number;
  failing_high: number;
  failing_medium: number;
  failing_low: number;
  evaluated_at: string;
  /** `boolean` on PostgreSQL, `0 | 1` on SQLite. */
  stale: boolean | number;
  run_id: string;
  /** JSON: the full `EntityReadinessReport`. */
  report: string;
}

/** The report columns without the report JSON, as the scorecard reads them. */
export type ReportColumnsRow = Omit<ReportRow, 'report'>;

export interface HistoryRow {
  id: number;
  entity_ref: string;
  run_id: string;
  evaluated_at: string;
  verdict: string;
  score: number | null;
  level: string;
  coverage: number;
}

export interface ClusterResultsRow {
  cluster: string;
  fetched_at: string;
  /** JSON: every field of `ClusterResults` but `cluster` and `fetchedAt` (workloads, labels, templateLabels). */
  payload: string;
}

export interface AcceptedRiskRow {
  id: string;
  check_id: string;
  entity_ref: string;
  reason: string;
  /** As entered: `YYYY-MM-DD` or an ISO timestamp; not normalised (see the migration). */
  expires_at: string;
  author: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}
