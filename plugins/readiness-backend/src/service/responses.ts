import {
  isAcceptedRiskExpired,
  ReadinessHistoryPoint,
  ReadinessSummary,
  StoredAcceptedRiskResponse,
} from '@prodready/plugin-readiness-common';
import {
  HistoryPoint,
  StoredAcceptedRisk,
  StoredReport,
} from '../database/ReadinessStore';

/** A stored report's columns as a scorecard row (without the report JSON). */
export function toReadinessSummary(stored: StoredReport): ReadinessSummary {
  return {
    entityRef: stored.entityRef,
    kind: stored.kind,
    namespace: stored.namespace,
    name: stored.name,
    ...(stored.title !== undefined ? { title: stored.title } : {}),
    ...(stored.owner !== undefined ? { owner: stored.owner } : {}),
    ...(stored.system !== undefined ? { system: stored.system } : {}),
    ...(stored.lifecycle !== undefined ? { lifecycle: stored.lifecycle } : {}),
    ...(stored.type !== undefined ? { type: stored.type } : {}),
    state: stored.state,
    verdict: stored.verdict,
    score: stored.score,
    level: stored.level,
    coverage: stored.coverage,
    domainScores: stored.domainScores,
    failing: stored.failing,
    evaluatedAt: stored.evaluatedAt,
    stale: stored.stale,
  };
}

export function toHistoryPoint(point: HistoryPoint): ReadinessHistoryPoint {
  return {
    evaluatedAt: point.evaluatedAt,
    verdict: point.verdict,
    score: point.score,
    level: point.level,
    coverage: point.coverage,
  };
}

/** A stored accepted risk as served, with `expired` computed at `now`. */
export function toAcceptedRiskResponse(
  risk: StoredAcceptedRisk,
  now: Date,
): StoredAcceptedRiskResponse {
  return { ...risk, expired: isAcceptedRiskExpired(risk, now) };
}
