/*
 * Worst-of ordering of statuses. `checkStatusRank` and `worstCheckStatus` are public (re-exported
 * by scoring.ts); the rest is internal to this package.
 */
import {
  AcceptedRisk,
  CHECK_SEVERITIES,
  CHECK_STATUSES,
  CheckSeverity,
  CheckStatus,
  EntityCheckResult,
} from './types';

/**
 * Rank of a status in the worst-of order: fail (0) > unknown (1) > waived (2) > pass (3) >
 * not-applicable (4). Lower is worse.
 * @public
 */
export function checkStatusRank(status: CheckStatus): number {
  const rank = CHECK_STATUSES.indexOf(status);
  return rank === -1 ? CHECK_STATUSES.length : rank;
}

/**
 * The worst of some statuses (fail > unknown > waived > pass > not-applicable);
 * `not-applicable` when there are none.
 * @public
 */
export function worstCheckStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'not-applicable';
  for (const status of statuses) {
    if (checkStatusRank(status) < checkStatusRank(worst)) worst = status;
  }
  return worst;
}

/** Rank of a severity: critical (0) is the most severe. */
export function severityRank(severity: CheckSeverity): number {
  const rank = CHECK_SEVERITIES.indexOf(severity);
  return rank === -1 ? CHECK_SEVERITIES.length : rank;
}

export interface Part {
  status: CheckStatus;
  message: string;
  waiver?: AcceptedRisk;
}

/**
 * Status, message and waiver of an entity check from its parts: the first part (workloads first,
 * then entity-level results, each in input order) with the worst status gives the message; the
 * waiver is the first one found in worst-status order.
 */
export function summarize(
  parts: Part[],
): Pick<EntityCheckResult, 'status' | 'message' | 'waiver'> {
  let worst: Part | undefined;
  for (const part of parts) {
    if (!worst || checkStatusRank(part.status) < checkStatusRank(worst.status))
      worst = part;
  }
  if (!worst) return { status: 'not-applicable', message: '' };
  const withWaiver = parts
    .filter(p => p.waiver)
    .sort((a, b) => checkStatusRank(a.status) - checkStatusRank(b.status))[0];
  return {
    status: worst.status,
    message: worst.message,
    ...(withWaiver ? { waiver: withWaiver.waiver } : {}),
  };
}
