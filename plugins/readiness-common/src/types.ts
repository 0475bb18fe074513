import { ReadinessDomainId } from './domains';

/** Severity of a check; decides its weight and whether a failure blocks the release. @public */
export type CheckSeverity = 'critical' | 'high' | 'medium' | 'low';

/** @public */
export const CHECK_SEVERITIES: ReadonlyArray<CheckSeverity> = ['critical', 'high', 'medium', 'low'];

/** Default weight of each severity in domain scores. @public */
export const SEVERITY_WEIGHTS: Readonly<Record<CheckSeverity, number>> = {
  critical: 10,
  high: 5,
  medium: 3,
  low: 1,
};

/**
 * The status of one check on one workload (or, aggregated, on one entity).
 * - `pass`, `fail`: the rule was evaluated.
 * - `not-applicable`: the rule does not concern this workload.
 * - `unknown`: an input is missing or may not be read (a CRD not installed, a kind forbidden).
 * - `waived`: a failure covered by an accepted risk that has not expired.
 * @public
 */
export type CheckStatus = 'pass' | 'fail' | 'not-applicable' | 'unknown' | 'waived';

/** @public */
export const CHECK_STATUSES: ReadonlyArray<CheckStatus> = ['fail', 'unknown', 'waived', 'pass', 'not-applicable'];

/** Where a check looked: the scope of its rule. @public */
export type CheckScope = 'workload' | 'namespace' | 'cluster' | 'entity';

/** How to fix a failing check. @public */
export interface CheckRemediation {
  /** One or two sentences a person can act on. */
  text: string;
  /** A YAML snippet showing the fixed manifest fragment. */
  snippet?: string;
}

/** The metadata of a check, as served by the API and printed by the CLI. @public */
export interface CheckMetadata {
  /** Stable kebab-case id; never renamed, never reused. */
  id: string;
  domain: ReadinessDomainId;
  /** Severity in force (the default, or the one set in config). */
  severity: CheckSeverity;
  title: string;
  /** Why the rule matters in production. */
  rationale: string;
  remediation: CheckRemediation;
  scope: CheckScope;
  /** Kinds (plural resource names, e.g. `poddisruptionbudgets`) the check needs; missing ones make it `unknown`. */
  requires?: string[];
  /** Whether the check is enabled in this configuration. */
  enabled: boolean;
  /** Built-in checks come with Prodready; others were registered by an extension. */
  builtIn: boolean;
}

/** A pointer to the object and field a result is about. @public */
export interface CheckEvidence {
  cluster?: string;
  kind: string;
  namespace?: string;
  name: string;
  /** A field path in the object, e.g. `spec.template.spec.containers[0].readinessProbe`. */
  path?: string;
}

/** A workload, named the way kubectl names it. @public */
export interface WorkloadRef {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
}

/** @public */
export function stringifyWorkloadRef(ref: WorkloadRef): string {
  return `${ref.cluster}/${ref.namespace}/${ref.kind}/${ref.name}`;
}

/** The outcome of one check on one workload. @public */
export interface CheckResult {
  checkId: string;
  domain: ReadinessDomainId;
  severity: CheckSeverity;
  status: CheckStatus;
  /** One line a person understands: what is wrong or right, naming the container or object. */
  message: string;
  evidence: CheckEvidence[];
  /** Present when status is `waived`, or when a waiver exists but has expired. */
  waiver?: AcceptedRisk;
}

/** All results of one workload. @public */
export interface WorkloadResult {
  ref: WorkloadRef;
  results: CheckResult[];
}

/** Where an accepted risk was declared. @public */
export type AcceptedRiskSource = 'annotation' | 'api';

/**
 * A deliberate, documented answer to a failing check: who accepted which risk, why, until when.
 * @public
 */
export interface AcceptedRisk {
  id?: string;
  checkId: string;
  entityRef: string;
  reason: string;
  /** ISO date (YYYY-MM-DD) or timestamp after which it no longer applies. */
  expiresAt: string;
  author?: string;
  createdAt?: string;
  source: AcceptedRiskSource;
  /** Computed at evaluation time. */
  expired?: boolean;
}

/** Go: nothing blocks the release; no-go: a critical check fails or the entity is misconfigured. @public */
export type Verdict = 'go' | 'no-go';

/** @public */
export type ReadinessLevel = 'gold' | 'silver' | 'bronze' | 'none';

/** @public */
export const READINESS_LEVELS: ReadonlyArray<ReadinessLevel> = ['gold', 'silver', 'bronze', 'none'];

/** One workload's result for a check, kept inside the entity's result so the UI can show per-workload evidence. @public */
export interface WorkloadCheckResult {
  ref: WorkloadRef;
  status: CheckStatus;
  message: string;
  evidence: CheckEvidence[];
}

/** A result about the catalog entity itself rather than one of its workloads (e.g. a check run without any workload). @public */
export interface EntityLevelCheckResult {
  status: CheckStatus;
  message: string;
  evidence: CheckEvidence[];
}

/**
 * An entity's result for one check: the worst status over its workloads
 * (fail > unknown > waived > pass > not-applicable), with every workload's own result kept.
 * @public
 */
export interface EntityCheckResult {
  checkId: string;
  domain: ReadinessDomainId;
  severity: CheckSeverity;
  /** The worst status over `workloads` and `entityResults`. */
  status: CheckStatus;
  /** The message of the (first) result with the worst status. */
  message: string;
  /** Every workload's result for this check, in input order. */
  workloads: WorkloadCheckResult[];
  /** Results about the entity itself, when some were given; absent otherwise. */
  entityResults?: EntityLevelCheckResult[];
  /**
   * The accepted risk in force for this check: present when status is `waived`, when a risk exists
   * but has expired (`expired: true`, status stays `fail`), or when a risk covers a check that does not fail.
   */
  waiver?: AcceptedRisk;
}

/** Counts of entity check results by status. @public */
export type CheckStatusCounts = Record<CheckStatus, number>;

/** Counts of failing (unwaived) checks by severity. @public */
export type FailingBySeverity = Record<CheckSeverity, number>;

/** The score of one domain. @public */
export interface DomainScore {
  /**
   * round(100 * w(pass + waived) / w(pass + waived + fail)), w = sum of severity weights;
   * null ("no data") when that denominator is 0. Never 100 for a domain without evidence.
   */
  score: number | null;
  /** w(pass + waived + fail) / w(pass + waived + fail + unknown); 0 when that denominator is 0. */
  coverage: number;
  counts: CheckStatusCounts;
  failing: FailingBySeverity;
  /** The domain's weight in the overall score (`readiness.domains.<id>.weight`, default 1). */
  weight: number;
}

/** A failing (unwaived, or waived with an expired risk) critical check: why the verdict is no-go. @public */
export interface ReadinessBlocker {
  checkId: string;
  domain: ReadinessDomainId;
  severity: CheckSeverity;
  message: string;
  /** Set when an accepted risk existed but has expired. */
  waiver?: AcceptedRisk;
}

/** The scored summary of an entity's check results. @public */
export interface ReadinessScore {
  verdict: Verdict;
  /** Weighted mean of the non-null domain scores, rounded; null when every domain is null. */
  score: number | null;
  /** Stable level id; display it with `levelNames[level]`. */
  level: ReadinessLevel;
  /** Display names of the levels in force (`readiness.levels`), defaults Gold, Silver, Bronze, None. */
  levelNames: Record<ReadinessLevel, string>;
  /** Over all checks: w(pass + waived + fail) / w(pass + waived + fail + unknown); 0 when that denominator is 0. */
  coverage: number;
  domains: Record<ReadinessDomainId, DomainScore>;
  /** The failing critical checks. Any of them makes the verdict no-go. */
  blockers: ReadinessBlocker[];
  counts: CheckStatusCounts;
  failing: FailingBySeverity;
  /** Entity-level configuration errors counted in; any makes the verdict no-go. */
  configErrors: number;
}
