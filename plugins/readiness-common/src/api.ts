/*
 * The REST API of the readiness backend (base path /api/readiness), as types shared by the
 * backend router and the frontend client. Every route needs a Backstage identity; listings only
 * ever contain entities the caller may read in the catalog.
 */
import { ReadinessDomainId } from './domains';
import { EntityReadinessReport, ReadinessReportState } from './report';
import { AcceptedRisk, CheckMetadata, CheckSeverity, ReadinessLevel, Verdict } from './types';

/** The indexed facts of an entity's latest report: a scorecard row. @public */
export interface ReadinessSummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  type?: string;
  state: ReadinessReportState;
  verdict: Verdict;
  score: number | null;
  level: ReadinessLevel;
  coverage: number;
  domainScores: Partial<Record<ReadinessDomainId, number | null>>;
  failing: Record<CheckSeverity, number>;
  evaluatedAt: string;
  stale: boolean;
}

/** GET /entities/:kind/:namespace/:name @public */
export interface EntityReportResponse extends ReadinessSummary {
  report: EntityReadinessReport;
}

/** One point of GET /entities/:kind/:namespace/:name/history?since= @public */
export interface ReadinessHistoryPoint {
  evaluatedAt: string;
  verdict: Verdict;
  score: number | null;
  level: ReadinessLevel;
  coverage: number;
}

/** @public */
export interface HistoryResponse {
  items: ReadinessHistoryPoint[];
}

/** Sort fields of GET /scorecard. @public */
export type ScorecardSort = 'score' | 'name' | 'verdict' | 'level' | 'evaluatedAt' | 'owner' | 'coverage' | `domain:${ReadinessDomainId}`;

/**
 * Query of GET /scorecard and GET /scorecard.csv. Lists are comma-separated in the query string
 * (`owner=group:default/a,group:default/b`); `domain=security:60` keeps entities scoring below 60
 * in security.
 * @public
 */
export interface ScorecardQueryParams {
  owner?: string[];
  kind?: string[];
  lifecycle?: string[];
  system?: string[];
  verdict?: Verdict[];
  level?: ReadinessLevel[];
  state?: ReadinessReportState[];
  domain?: { id: ReadinessDomainId; below: number };
  q?: string;
  sort?: ScorecardSort;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** GET /scorecard @public */
export interface ScorecardResponse {
  items: ReadinessSummary[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** A check failing (unwaived) on several of an owner's entities. @public */
export interface OwnerGap {
  checkId: string;
  title: string;
  domain: ReadinessDomainId;
  severity: CheckSeverity;
  /** Entities of the owner on which it fails. */
  entityCount: number;
}

/** One row of GET /scorecard/owners: a group, counting its own and its sub-groups' entities. @public */
export interface OwnerRollup {
  owner: string;
  title?: string;
  /** Direct parent group, when known. */
  parent?: string;
  entityCount: number;
  scoredCount: number;
  verdicts: Record<Verdict, number>;
  levels: Record<ReadinessLevel, number>;
  meanScore: number | null;
  worstGaps: OwnerGap[];
}

/** @public */
export interface OwnersResponse {
  items: OwnerRollup[];
}

/** GET /checks @public */
export interface ChecksResponse {
  items: CheckMetadata[];
}

/** An accepted risk stored through the API. @public */
export interface StoredAcceptedRiskResponse extends AcceptedRisk {
  id: string;
  author: string;
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** GET /waivers?entityRef= @public */
export interface WaiversResponse {
  items: StoredAcceptedRiskResponse[];
}

/** POST /waivers @public */
export interface CreateWaiverRequest {
  entityRef: string;
  checkId: string;
  reason: string;
  /** YYYY-MM-DD, at most one year ahead. */
  expiresAt: string;
}

/** POST /refresh @public */
export interface RefreshRequest {
  entityRef?: string;
}

/** @public */
export interface RefreshResponse {
  status: 'scheduled';
}
