import {
  CHECK_STATUSES,
  CheckStatus,
  EntityCheckResult,
} from '@prodready/plugin-readiness-common';
import { domainRank, severityRank } from './format';

function statusRank(status: CheckStatus): number {
  const index = CHECK_STATUSES.indexOf(status);
  return index === -1 ? CHECK_STATUSES.length : index;
}

/**
 * Orders check results the way a reader should meet them: worst status first (fail, unknown,
 * accepted risk, pass, not applicable), then most severe, then domain order, then id.
 * @public
 */
export function compareCheckResults(
  a: Pick<EntityCheckResult, 'status' | 'severity' | 'domain' | 'checkId'>,
  b: Pick<EntityCheckResult, 'status' | 'severity' | 'domain' | 'checkId'>,
): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    domainRank(a.domain) - domainRank(b.domain) ||
    a.checkId.localeCompare(b.checkId)
  );
}

/**
 * The most important gaps of an entity: its failing (unwaived) checks, critical first.
 * @public
 */
export function rankGaps<
  T extends Pick<
    EntityCheckResult,
    'status' | 'severity' | 'domain' | 'checkId'
  >,
>(checks: T[], limit?: number): T[] {
  const failing = checks
    .filter(c => c.status === 'fail')
    .sort(compareCheckResults);
  return limit === undefined ? failing : failing.slice(0, limit);
}
