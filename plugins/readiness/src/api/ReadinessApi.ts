import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ChecksResponse,
  CreateWaiverRequest,
  EntityReportResponse,
  HistoryResponse,
  OwnersResponse,
  ScorecardQueryParams,
  ScorecardResponse,
  StoredAcceptedRiskResponse,
  WaiversResponse,
} from '@prodready/plugin-readiness-common';

/**
 * The one client of the readiness backend; components fetch through nothing else.
 * Errors are `ResponseError`s from `@backstage/errors` (404: no report for the entity yet).
 * @public
 */
export interface ReadinessApi {
  getChecks(): Promise<ChecksResponse>;
  /** The entity's latest report, or undefined when it has not been evaluated (404). */
  getEntityReport(
    entity: CompoundEntityRef,
  ): Promise<EntityReportResponse | undefined>;
  getEntityHistory(
    entity: CompoundEntityRef,
    options?: { since?: Date },
  ): Promise<HistoryResponse>;
  getScorecard(query: ScorecardQueryParams): Promise<ScorecardResponse>;
  /** The CSV export of a scorecard query (GET /scorecard.csv, same query), fetched with the user's credentials. */
  downloadScorecardCsv(query: ScorecardQueryParams): Promise<Blob>;
  getOwners(): Promise<OwnersResponse>;
  getWaivers(options?: { entityRef?: string }): Promise<WaiversResponse>;
  createWaiver(
    request: CreateWaiverRequest,
  ): Promise<StoredAcceptedRiskResponse>;
  revokeWaiver(id: string): Promise<StoredAcceptedRiskResponse>;
  refresh(options?: { entityRef?: string }): Promise<void>;
}

/** @public */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.api',
});
