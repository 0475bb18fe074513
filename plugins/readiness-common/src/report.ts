import { aggregateEntityResults, scoreReport, ScoringOptions } from './scoring';
import { AcceptedRisk, CheckResult, EntityCheckResult, ReadinessScore, WorkloadRef, WorkloadResult } from './types';
import { applyAcceptedRisks } from './waivers';

/**
 * Why an entity has no score: it is not mapped to workloads, or its mapping found none.
 * @public
 */
export type ReadinessReportState = 'evaluated' | 'not-mapped' | 'no-workloads' | 'configuration-error';

/** A problem with how an entity is configured (a bad selector, a malformed accepted risk). @public */
export interface EntityConfigurationError {
  /** What is at fault, e.g. the annotation key. */
  source: string;
  message: string;
}

/**
 * The readiness report of one entity: what the REST API serves, the UI shows and the CLI prints.
 * @public
 */
export interface EntityReadinessReport extends ReadinessScore {
  entityRef: string;
  state: ReadinessReportState;
  checks: EntityCheckResult[];
  workloads: WorkloadRef[];
  acceptedRisks: AcceptedRisk[];
  configurationErrors: EntityConfigurationError[];
  /** When the evaluation ran (ISO timestamp). */
  evaluatedAt: string;
  /** Set when a source could not be read this cycle and older results were kept: cluster -> time of the last good read. */
  stale?: Record<string, string>;
}

/** Inputs of `buildEntityReport`. @public */
export interface BuildEntityReportInput {
  entityRef: string;
  state?: ReadinessReportState;
  workloadResults: WorkloadResult[];
  entityResults?: CheckResult[];
  acceptedRisks?: AcceptedRisk[];
  configurationErrors?: EntityConfigurationError[];
  scoring?: ScoringOptions;
  now: Date;
  stale?: Record<string, string>;
}

/**
 * Composes a report the one way every consumer does: worst-of aggregation over workloads,
 * accepted risks applied, then scoring (configuration errors make the verdict no-go).
 * @public
 */
export function buildEntityReport(input: BuildEntityReportInput): EntityReadinessReport {
  const configurationErrors = input.configurationErrors ?? [];
  const risks = input.acceptedRisks ?? [];
  const checks = applyAcceptedRisks(aggregateEntityResults(input.workloadResults, input.entityResults ?? []), risks, input.now);
  const score = scoreReport(checks, { ...input.scoring, configErrors: configurationErrors.length });
  const state: ReadinessReportState =
    input.state ?? (configurationErrors.length > 0 && input.workloadResults.length === 0 ? 'configuration-error' : 'evaluated');
  return {
    ...score,
    // A level rests on evaluated checks: an entity that is not mapped, has no workloads or is
    // misconfigured has none (scoring alone would call "no failure" gold).
    level: state === 'evaluated' ? score.level : 'none',
    entityRef: input.entityRef,
    state,
    checks,
    workloads: input.workloadResults.map(w => w.ref),
    acceptedRisks: risks,
    configurationErrors,
    evaluatedAt: input.now.toISOString(),
    ...(input.stale && Object.keys(input.stale).length ? { stale: input.stale } : {}),
  };
}
