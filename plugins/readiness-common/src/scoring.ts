import { READINESS_DOMAIN_IDS, ReadinessDomainId } from './domains';
import {
  AcceptedRisk,
  CHECK_SEVERITIES,
  CheckResult,
  CheckSeverity,
  CheckStatusCounts,
  DomainScore,
  EntityCheckResult,
  EntityLevelCheckResult,
  FailingBySeverity,
  READINESS_LEVELS,
  ReadinessBlocker,
  ReadinessLevel,
  ReadinessScore,
  SEVERITY_WEIGHTS,
  WorkloadCheckResult,
  WorkloadResult,
} from './types';
import { Part, severityRank, summarize } from './statuses';

export { checkStatusRank, worstCheckStatus } from './statuses';

interface Accumulator {
  checkId: string;
  domain: ReadinessDomainId;
  severity: CheckSeverity;
  workloads: WorkloadCheckResult[];
  entityResults: EntityLevelCheckResult[];
  workloadWaivers: Array<AcceptedRisk | undefined>;
  entityWaivers: Array<AcceptedRisk | undefined>;
}

/**
 * Aggregates per-workload results into one result per check for an entity.
 *
 * - Status: the worst over the check's workload results and entity-level results, in the order
 *   fail > unknown > waived > pass > not-applicable.
 * - Message: that of the first result (workloads in input order, then entity-level results) with the worst status.
 * - Every workload's result (ref, status, message, evidence) is kept, in input order, so the UI can
 *   show per-workload evidence; entity-level results are kept in `entityResults` (absent when none).
 * - Domain: the first one seen for the check id. Severity: the most severe one seen (severity is
 *   configured per check, so they agree unless results from different configurations are mixed).
 * - Waiver: carried from the input results if any (first in worst-status order); normally the
 *   engine produces none and `applyAcceptedRisks` adds them afterwards.
 * - Order of the output: the order in which check ids first appear (workloads first, then entity-level results).
 *
 * @param workloadResults - the entity's workloads, each with its results
 * @param entityResults - optional results about the entity itself, not bound to a workload
 * @public
 */
export function aggregateEntityResults(
  workloadResults: WorkloadResult[],
  entityResults: CheckResult[] = [],
): EntityCheckResult[] {
  const byId = new Map<string, Accumulator>();
  const accumulatorFor = (result: CheckResult): Accumulator => {
    let acc = byId.get(result.checkId);
    if (!acc) {
      acc = {
        checkId: result.checkId,
        domain: result.domain,
        severity: result.severity,
        workloads: [],
        entityResults: [],
        workloadWaivers: [],
        entityWaivers: [],
      };
      byId.set(result.checkId, acc);
    } else if (severityRank(result.severity) < severityRank(acc.severity)) {
      acc.severity = result.severity;
    }
    return acc;
  };

  for (const workload of workloadResults) {
    for (const result of workload.results) {
      const acc = accumulatorFor(result);
      acc.workloads.push({
        ref: workload.ref,
        status: result.status,
        message: result.message,
        evidence: result.evidence,
      });
      acc.workloadWaivers.push(result.waiver);
    }
  }
  for (const result of entityResults) {
    const acc = accumulatorFor(result);
    acc.entityResults.push({
      status: result.status,
      message: result.message,
      evidence: result.evidence,
    });
    acc.entityWaivers.push(result.waiver);
  }

  return [...byId.values()].map(acc => {
    const parts: Part[] = [
      ...acc.workloads.map((w, i) => ({
        status: w.status,
        message: w.message,
        waiver: acc.workloadWaivers[i],
      })),
      ...acc.entityResults.map((e, i) => ({
        status: e.status,
        message: e.message,
        waiver: acc.entityWaivers[i],
      })),
    ];
    const summary = summarize(parts);
    const result: EntityCheckResult = {
      checkId: acc.checkId,
      domain: acc.domain,
      severity: acc.severity,
      status: summary.status,
      message: summary.message,
      workloads: acc.workloads,
    };
    if (acc.entityResults.length > 0) result.entityResults = acc.entityResults;
    if (summary.waiver) result.waiver = summary.waiver;
    return result;
  });
}

/** Default display names of the levels. @public */
export const DEFAULT_LEVEL_NAMES: Readonly<Record<ReadinessLevel, string>> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'None',
};

/**
 * Options of `scoreReport`, from app-config (`readiness.levels`, `readiness.domains.<id>.weight`)
 * or the CLI's `--config`.
 * @public
 */
export interface ScoringOptions {
  /** Weight of each severity; missing ones keep `SEVERITY_WEIGHTS` (critical 10, high 5, medium 3, low 1). */
  severityWeights?: Partial<Record<CheckSeverity, number>>;
  /** Weight of each domain in the overall score; missing ones are 1. A weight of 0 leaves the domain out of the overall score. */
  domainWeights?: Partial<Record<ReadinessDomainId, number>>;
  /** Display names of the levels (`readiness.levels`); the level ids stay gold/silver/bronze/none. */
  levels?: Partial<Record<ReadinessLevel, string>>;
  /** Number of entity-level configuration errors (a bad selector, a malformed accepted-risk annotation...). Any makes the verdict no-go. */
  configErrors?: number;
}

function isWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Problems with scoring options, each naming its config key; empty when valid.
 * Meant for validating config at startup; `scoreReport` throws on the same problems.
 * @public
 */
export function validateScoringOptions(options: ScoringOptions = {}): string[] {
  const problems: string[] = [];
  for (const [severity, weight] of Object.entries(
    options.severityWeights ?? {},
  )) {
    if (!(CHECK_SEVERITIES as readonly string[]).includes(severity)) {
      problems.push(
        `severity weight "${severity}": there is no such severity; use one of ${CHECK_SEVERITIES.join(
          ', ',
        )}`,
      );
    } else if (weight !== undefined && !isWeight(weight)) {
      problems.push(
        `severity weight "${severity}": must be a finite number >= 0, got ${String(
          weight,
        )}`,
      );
    }
  }
  for (const [domain, weight] of Object.entries(options.domainWeights ?? {})) {
    if (!(READINESS_DOMAIN_IDS as readonly string[]).includes(domain)) {
      problems.push(
        `readiness.domains.${domain}: there is no domain "${domain}"; use one of ${READINESS_DOMAIN_IDS.join(
          ', ',
        )}`,
      );
    } else if (weight !== undefined && !isWeight(weight)) {
      problems.push(
        `readiness.domains.${domain}.weight: must be a finite number >= 0, got ${String(
          weight,
        )}`,
      );
    }
  }
  for (const [level, name] of Object.entries(options.levels ?? {})) {
    if (!(READINESS_LEVELS as readonly string[]).includes(level)) {
      problems.push(
        `readiness.levels.${level}: there is no level "${level}"; use one of ${READINESS_LEVELS.join(
          ', ',
        )}`,
      );
    } else if (
      name !== undefined &&
      (typeof name !== 'string' || name.trim() === '')
    ) {
      problems.push(`readiness.levels.${level}: must be a non-empty string`);
    }
  }
  const configErrors = options.configErrors;
  if (
    configErrors !== undefined &&
    !(Number.isInteger(configErrors) && configErrors >= 0)
  ) {
    problems.push(
      `configErrors: must be an integer >= 0, got ${String(configErrors)}`,
    );
  }
  return problems;
}

/** The display names of the levels in force: the defaults overridden by `readiness.levels`. @public */
export function resolveLevelNames(
  levels: Partial<Record<ReadinessLevel, string>> = {},
): Record<ReadinessLevel, string> {
  const names = { ...DEFAULT_LEVEL_NAMES };
  for (const level of READINESS_LEVELS) {
    const name = levels[level];
    if (typeof name === 'string' && name.trim() !== '')
      names[level] = name.trim();
  }
  return names;
}

function emptyCounts(): CheckStatusCounts {
  return { fail: 0, unknown: 0, waived: 0, pass: 0, 'not-applicable': 0 };
}

function emptyFailing(): FailingBySeverity {
  return { critical: 0, high: 0, medium: 0, low: 0 };
}

/** Rounds half up, absorbing floating-point noise (62.49999999999 from sums of fractional weights counts as 62.5). */
function roundScore(value: number): number {
  return Math.round(Number(value.toFixed(9)));
}

interface Tally {
  counts: CheckStatusCounts;
  failing: FailingBySeverity;
  /** sum of weights of pass + waived */
  good: number;
  /** sum of weights of pass + waived + fail */
  known: number;
  /** sum of weights of unknown */
  unknown: number;
}

function emptyTally(): Tally {
  return {
    counts: emptyCounts(),
    failing: emptyFailing(),
    good: 0,
    known: 0,
    unknown: 0,
  };
}

function add(tally: Tally, check: EntityCheckResult, weight: number) {
  tally.counts[check.status] = (tally.counts[check.status] ?? 0) + 1;
  switch (check.status) {
    case 'pass':
    case 'waived':
      tally.good += weight;
      tally.known += weight;
      break;
    case 'fail':
      tally.known += weight;
      tally.failing[check.severity] = (tally.failing[check.severity] ?? 0) + 1;
      break;
    case 'unknown':
      tally.unknown += weight;
      break;
    default: // not-applicable: in neither numerator nor denominator
  }
}

function coverageOf(tally: Tally): number {
  const denominator = tally.known + tally.unknown;
  return denominator > 0 ? tally.known / denominator : 0;
}

/**
 * Scores an entity's check results (after `applyAcceptedRisks`).
 *
 * With w(S) = the sum of severity weights of the checks whose status is in S:
 * - Domain score = round(100 * w(pass, waived) / w(pass, waived, fail)); null when the
 *   denominator is 0 (no evaluated check, or only checks of weight 0): "no data", never 100.
 * - Overall score = round(sum(dw * domain score) / sum(dw)) over the domains whose score is not
 *   null, dw = domain weight (default 1), using the rounded domain scores so the overall score can be
 *   recomputed from the displayed ones; null when no domain has a score or their weights sum to 0.
 * - Coverage (overall and per domain) = w(pass, waived, fail) / w(pass, waived, fail, unknown):
 *   not-applicable counts in neither; 0 when the denominator is 0 (nothing applicable).
 *   Overall coverage uses severity weights only, not domain weights.
 * - Verdict = no-go when a critical check has status fail (a waived one does not; one with an
 *   expired waiver does), or `configErrors` > 0; otherwise go. Unknown never blocks.
 * - Level = gold when no check fails, silver when no critical or high check fails, bronze when no
 *   critical check fails, none otherwise (waived is not fail). Unknown and not-applicable do not
 *   lower the level, so an entity whose checks are all unknown or not-applicable is gold with score
 *   null and coverage 0: the coverage shown next to it says it rests on no evidence.
 *   Configuration errors affect the verdict, not the level.
 *
 * Checks whose domain is not one of `READINESS_DOMAINS` count in the verdict, level, coverage and
 * counts, but in no domain score.
 *
 * @throws Error when the options are invalid (see `validateScoringOptions`).
 * @public
 */
export function scoreReport(
  checks: EntityCheckResult[],
  options: ScoringOptions = {},
): ReadinessScore {
  const problems = validateScoringOptions(options);
  if (problems.length > 0)
    throw new Error(
      `Invalid readiness scoring options: ${problems.join('; ')}`,
    );

  const severityWeights: Record<CheckSeverity, number> = {
    ...SEVERITY_WEIGHTS,
  };
  for (const severity of CHECK_SEVERITIES) {
    const weight = options.severityWeights?.[severity];
    if (weight !== undefined) severityWeights[severity] = weight;
  }
  const weightOf = (severity: CheckSeverity) => severityWeights[severity] ?? 0;
  const domainWeightOf = (domain: ReadinessDomainId) =>
    options.domainWeights?.[domain] ?? 1;

  const overall = emptyTally();
  const domainTallies = new Map<ReadinessDomainId, Tally>(
    READINESS_DOMAIN_IDS.map(id => [id, emptyTally()]),
  );
  const blockers: ReadinessBlocker[] = [];

  for (const check of checks) {
    const weight = weightOf(check.severity);
    add(overall, check, weight);
    const domainTally = domainTallies.get(check.domain);
    if (domainTally) add(domainTally, check, weight);
    if (check.status === 'fail' && check.severity === 'critical') {
      blockers.push({
        checkId: check.checkId,
        domain: check.domain,
        severity: check.severity,
        message: check.message,
        ...(check.waiver ? { waiver: check.waiver } : {}),
      });
    }
  }

  const domains = {} as Record<ReadinessDomainId, DomainScore>;
  let weightedSum = 0;
  let weightSum = 0;
  for (const id of READINESS_DOMAIN_IDS) {
    const tally = domainTallies.get(id)!;
    const score =
      tally.known > 0 ? roundScore((100 * tally.good) / tally.known) : null;
    const weight = domainWeightOf(id);
    domains[id] = {
      score,
      coverage: coverageOf(tally),
      counts: tally.counts,
      failing: tally.failing,
      weight,
    };
    if (score !== null) {
      weightedSum += weight * score;
      weightSum += weight;
    }
  }
  const score = weightSum > 0 ? roundScore(weightedSum / weightSum) : null;

  const configErrors = options.configErrors ?? 0;
  const verdict = blockers.length > 0 || configErrors > 0 ? 'no-go' : 'go';

  const { failing } = overall;
  let level: ReadinessLevel;
  if (failing.critical > 0) level = 'none';
  else if (failing.high > 0) level = 'bronze';
  else if (failing.medium > 0 || failing.low > 0) level = 'silver';
  else level = 'gold';

  return {
    verdict,
    score,
    level,
    levelNames: resolveLevelNames(options.levels),
    coverage: coverageOf(overall),
    domains,
    blockers,
    counts: overall.counts,
    failing,
    configErrors,
  };
}
