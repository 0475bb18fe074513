import {
  CheckMetadata,
  CheckResult,
  CheckSeverity,
  CHECK_SEVERITIES,
  WorkloadResult,
} from '@prodready/plugin-readiness-common';
import { ClusterIndex } from '../cluster/ClusterIndex';
import { relationsOf } from '../cluster/relations';
import { discoverWorkloads, Workload } from '../cluster/workloads';
import { CheckContext, CheckOutcome, EntityContext, ReadinessCheck } from '../checks/types';

/** Policy for one check, from `readiness.checks.<id>` config. @public */
export interface CheckPolicy {
  enabled?: boolean;
  severity?: CheckSeverity;
  /** Every other key of the check's config block. */
  options?: Record<string, unknown>;
}

/** A check with the policy in force applied. @public */
export interface ConfiguredCheck {
  check: ReadinessCheck;
  enabled: boolean;
  severity: CheckSeverity;
  options: Record<string, unknown>;
}

/** A configuration problem, named by its config key. @public */
export class CheckConfigError extends Error {
  constructor(readonly key: string, message: string) {
    super(`${key}: ${message}`);
    this.name = 'CheckConfigError';
  }
}

/**
 * Applies policy to checks. Unknown ids in the policy are an error naming the config key, so a
 * typo never silently leaves a check at its default.
 * @public
 */
export function configureChecks(checks: ReadinessCheck[], policy: Record<string, CheckPolicy> = {}): ConfiguredCheck[] {
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.id)) throw new Error(`readiness check "${c.id}" is registered twice`);
    ids.add(c.id);
  }
  for (const [id, p] of Object.entries(policy)) {
    if (!ids.has(id)) throw new CheckConfigError(`readiness.checks.${id}`, `there is no check "${id}"`);
    if (p.severity !== undefined && !CHECK_SEVERITIES.includes(p.severity)) {
      throw new CheckConfigError(`readiness.checks.${id}.severity`, `must be one of ${CHECK_SEVERITIES.join(', ')}, got "${p.severity}"`);
    }
  }
  return checks.map(check => {
    const p = policy[check.id] ?? {};
    return {
      check,
      enabled: p.enabled ?? true,
      severity: p.severity ?? check.severity,
      options: { ...((check.defaultOptions as Record<string, unknown>) ?? {}), ...(p.options ?? {}) },
    };
  });
}

/** The metadata of configured checks, as the API and the CLI show them. @public */
export function checkMetadata(configured: ConfiguredCheck[], builtInIds?: Set<string>): CheckMetadata[] {
  return configured.map(({ check, enabled, severity }) => ({
    id: check.id,
    domain: check.domain,
    severity,
    title: check.title,
    rationale: check.rationale,
    remediation: check.remediation,
    scope: check.scope,
    requires: check.requires,
    enabled,
    builtIn: builtInIds ? builtInIds.has(check.id) : true,
  }));
}

/**
 * Runs one check on one workload: `unknown` when a required kind could not be read, and
 * `unknown` (with the error) when the check throws, so a faulty check or object never stops the
 * others. Entity-scoped checks receive `entity` possibly undefined (the CLI without a
 * catalog-info file) and answer `unknown` themselves when they need it.
 * @public
 */
export function evaluateCheck<T>(check: ReadinessCheck<T>, context: CheckContext<T>): CheckOutcome {
  for (const kind of check.requires ?? []) {
    const missing = context.index.missing(kind);
    if (missing) {
      return { status: 'unknown', message: `cannot read ${kind} in cluster ${context.index.cluster}: ${missing.reason}` };
    }
  }
  let outcome: CheckOutcome;
  try {
    outcome = check.evaluate(context);
  } catch (e) {
    const error = e as Error;
    return { status: 'unknown', message: `the check failed to evaluate: ${error?.message ?? String(e)}` };
  }
  // A custom check written in plain JavaScript may return nothing, a Promise or a made-up status;
  // that is its fault alone and must not stop the other checks (the results are built from it).
  if (!isOutcome(outcome)) {
    return { status: 'unknown', message: `the check failed to evaluate: it returned ${describeOutcome(outcome)}, not a CheckOutcome` };
  }
  return outcome;
}

const OUTCOME_STATUSES: ReadonlyArray<string> = ['pass', 'fail', 'not-applicable', 'unknown'];

function isOutcome(value: unknown): value is CheckOutcome {
  const o = value as CheckOutcome;
  return (
    typeof o === 'object' &&
    o !== null &&
    OUTCOME_STATUSES.includes(o.status) &&
    typeof o.message === 'string' &&
    (o.evidence === undefined || Array.isArray(o.evidence))
  );
}

function describeOutcome(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  const o = value as Record<string, unknown>;
  if (typeof o.then === 'function') return 'a Promise (evaluate must be synchronous)';
  if (!OUTCOME_STATUSES.includes(o.status as string)) return `status ${JSON.stringify(o.status) ?? 'undefined'}`;
  if (typeof o.message !== 'string') return 'no message';
  return 'evidence that is not a list';
}

function toResult(configured: ConfiguredCheck, outcome: CheckOutcome, workload: Workload): CheckResult {
  const evidence = (outcome.evidence ?? []).map(e => ({ cluster: workload.ref.cluster, ...e }));
  return {
    checkId: configured.check.id,
    domain: configured.check.domain,
    severity: configured.severity,
    status: outcome.status,
    message: outcome.message,
    evidence: evidence.length
      ? evidence
      : [{ cluster: workload.ref.cluster, kind: workload.ref.kind, namespace: workload.ref.namespace, name: workload.ref.name }],
  };
}

/** Options for an evaluation run. @public */
export interface EvaluateOptions {
  /**
   * The time checks judge ages against (backups, certificates). Defaults to when the cluster's
   * objects were read (`ClusterSnapshot.fetchedAt`), so a snapshot is judged as of its capture
   * time, else the current time.
   */
  now?: Date;
}

/** The evaluation time of an index: its read time, or now. @public */
export function evaluationTime(index: ClusterIndex, options: EvaluateOptions = {}): Date {
  if (options.now) return options.now;
  const read = index.fetchedAt ? new Date(index.fetchedAt) : undefined;
  return read && !Number.isNaN(read.getTime()) ? read : new Date();
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Why a workload's object cannot be judged, or undefined: a spec or pod template (or a part of
 * the way to it) that is not an object, or containers that are not a list. The API server never
 * serves such objects, but a proxy, an aggregated API or a hand-made snapshot can; evaluating them
 * would judge an empty pod template as if it were real, so their checks are `unknown` instead.
 */
/** @public */
export function workloadMalformation(workload: Workload): string | undefined {
  const objectPaths: string[] = [];
  const parts = workload.templatePath ? workload.templatePath.split('.') : [];
  for (let i = 1; i <= parts.length; i++) objectPaths.push(parts.slice(0, i).join('.'));
  const podSpec = workload.templatePath ? `${workload.templatePath}.spec` : 'spec';
  if (workload.templatePath) objectPaths.push(`${workload.templatePath}.metadata`);
  objectPaths.push(podSpec);
  const at = (path: string): unknown =>
    path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), workload.object);
  for (const path of objectPaths) {
    const value = at(path);
    if (value === undefined) continue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${path} is ${describeValue(value)}, not an object`;
  }
  for (const list of ['containers', 'initContainers']) {
    const value = at(`${podSpec}.${list}`);
    if (value !== undefined && !Array.isArray(value)) return `${podSpec}.${list} is ${describeValue(value)}, not a list`;
  }
  return undefined;
}

/**
 * Evaluates one workload against every enabled check of workload, namespace or cluster scope
 * (entity-scoped checks run per entity, see `evaluateEntityChecks`).
 * @public
 */
export function evaluateWorkload(
  workload: Workload,
  index: ClusterIndex,
  checks: ConfiguredCheck[],
  options: EvaluateOptions = {},
): WorkloadResult {
  const now = evaluationTime(index, options);
  const malformation = workloadMalformation(workload);
  if (malformation) {
    // Judging an empty stand-in for a mistyped pod template would invent passes and failures.
    const message = `the ${workload.ref.kind} cannot be evaluated: ${malformation}`;
    return {
      ref: workload.ref,
      results: checks
        .filter(c => c.enabled && c.check.scope !== 'entity')
        .map(c => toResult(c, { status: 'unknown', message }, workload)),
    };
  }
  const relations = relationsOf(workload, index);
  const results: CheckResult[] = [];
  for (const configured of checks) {
    if (!configured.enabled || configured.check.scope === 'entity') continue;
    // A fresh context per check: a check may keep what it was given, so nothing is shared.
    const context: CheckContext = { workload, index, relations, options: configured.options, now };
    results.push(toResult(configured, evaluateCheck(configured.check, context), workload));
  }
  return { ref: workload.ref, results };
}

/** Every workload of a cluster, evaluated once. @public */
export function evaluateWorkloads(index: ClusterIndex, checks: ConfiguredCheck[], options: EvaluateOptions = {}): WorkloadResult[] {
  const now = evaluationTime(index, options);
  return discoverWorkloads(index).map(w => evaluateWorkload(w, index, checks, { now }));
}

/**
 * The entity-scoped checks (marked (cat) in the catalog) of one entity on one of its workloads.
 * Cheap: they read annotations and a few relations.
 * @public
 */
export function evaluateEntityChecks(
  entity: EntityContext | undefined,
  workload: Workload,
  index: ClusterIndex,
  checks: ConfiguredCheck[],
  options: EvaluateOptions = {},
): CheckResult[] {
  const now = evaluationTime(index, options);
  const relations = relationsOf(workload, index);
  const results: CheckResult[] = [];
  for (const configured of checks) {
    if (!configured.enabled || configured.check.scope !== 'entity') continue;
    const context: CheckContext = { workload, index, relations, entity, options: configured.options, now };
    results.push(toResult(configured, evaluateCheck(configured.check, context), workload));
  }
  return results;
}
