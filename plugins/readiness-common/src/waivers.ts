import { summarize } from './statuses';
import { AcceptedRisk, CheckStatus, EntityCheckResult } from './types';

/** Prefix of the catalog annotations that accept a risk: `prodready.dev/accept.<check-id>`. @public */
export const ACCEPTED_RISK_ANNOTATION_PREFIX = 'prodready.dev/accept.';

/** The longest reason an accepted risk may carry, in characters (after trimming). @public */
export const ACCEPTED_RISK_REASON_MAX_LENGTH = 1000;

/** What a person submits to accept a risk through the API or the UI. @public */
export interface AcceptedRiskInput {
  checkId: string;
  reason: string;
  /** YYYY-MM-DD (valid through the end of that day, UTC) or an ISO-8601 timestamp with a time zone. */
  expiresAt: string;
}

/** Options of the accepted-risk validators. @public */
export interface AcceptedRiskValidationOptions {
  /** The check ids in force; when given, a risk for any other id is a problem (a typo would otherwise silently waive nothing). */
  checkIds?: Iterable<string>;
}

const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC midnight starting a YYYY-MM-DD date, or undefined when it is not a real calendar date. */
function parseDate(value: string): number | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return time;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The first instant at which an accepted risk no longer applies: for a date (YYYY-MM-DD), the
 * UTC midnight after it (a risk "until 2025-06-30" holds through 2025-06-30T23:59:59.999Z); for a
 * timestamp with a time zone, that instant. Undefined when `expiresAt` is neither.
 * @public
 */
export function acceptedRiskExpiry(expiresAt: string): Date | undefined {
  if (typeof expiresAt !== 'string') return undefined;
  const value = expiresAt.trim();
  const day = parseDate(value);
  if (day !== undefined) return new Date(day + DAY_MS);
  if (TIMESTAMP.test(value) && parseDate(value.slice(0, 10)) !== undefined) {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return new Date(time);
  }
  return undefined;
}

/**
 * Whether an accepted risk has expired at `now`: `now` is at or after `acceptedRiskExpiry`.
 * A risk whose expiry cannot be read counts as expired, so it never waives anything.
 * @public
 */
export function isAcceptedRiskExpired(
  risk: Pick<AcceptedRisk, 'expiresAt'>,
  now: Date,
): boolean {
  const expiry = acceptedRiskExpiry(risk.expiresAt);
  return expiry === undefined || now.getTime() >= expiry.getTime();
}

function unknownCheckProblem(
  checkId: string,
  options: AcceptedRiskValidationOptions,
): string | undefined {
  if (!options.checkIds) return undefined;
  const known = new Set(options.checkIds);
  return known.has(checkId) ? undefined : `there is no check "${checkId}"`;
}

/**
 * Reads the accepted risks declared on a catalog entity by annotations
 * `prodready.dev/accept.<check-id>: "<reason>; until=YYYY-MM-DD"`.
 *
 * The value is split at `;`: exactly one part must be `until=YYYY-MM-DD` (a real calendar date; the
 * key is case-insensitive, spaces around `=` allowed); the other parts, joined with `; `, are the
 * reason, which is required and at most 1000 characters, so a reason may itself contain `;`.
 * An expired date is not an error here: `applyAcceptedRisks` reports the risk as expired.
 *
 * Each error names the annotation and what is wrong, e.g.
 * `prodready.dev/accept.readiness-probe: missing "until=YYYY-MM-DD"`; an annotation with an error
 * yields no risk. Errors are entity-level configuration problems for the caller to surface.
 *
 * @param entityRef - the entity's ref, copied into each risk
 * @param annotations - the entity's `metadata.annotations`; other annotations are ignored
 * @param options - `checkIds`: when given, an annotation for an unknown check id is an error
 * @public
 */
export function parseAcceptedRiskAnnotations(
  entityRef: string,
  annotations: Record<string, string> | undefined,
  options: AcceptedRiskValidationOptions = {},
): { risks: AcceptedRisk[]; errors: string[] } {
  const risks: AcceptedRisk[] = [];
  const errors: string[] = [];
  for (const [key, raw] of Object.entries(annotations ?? {})) {
    if (!key.startsWith(ACCEPTED_RISK_ANNOTATION_PREFIX)) continue;
    const checkId = key.slice(ACCEPTED_RISK_ANNOTATION_PREFIX.length);
    const problems: string[] = [];
    if (!CHECK_ID.test(checkId)) {
      problems.push(
        checkId === ''
          ? 'missing the check id after "prodready.dev/accept."'
          : `"${checkId}" is not a check id (kebab-case, e.g. readiness-probe)`,
      );
    } else {
      const unknown = unknownCheckProblem(checkId, options);
      if (unknown) problems.push(unknown);
    }

    let reason = '';
    let until: string | undefined;
    if (typeof raw !== 'string') {
      problems.push('the value must be a string "<reason>; until=YYYY-MM-DD"');
    } else {
      const parts = raw.split(';').map(p => p.trim());
      const untilParts = parts.filter(p => /^until\s*=/i.test(p));
      reason = parts.filter(p => p !== '' && !/^until\s*=/i.test(p)).join('; ');
      if (reason === '')
        problems.push('missing the reason before "; until=YYYY-MM-DD"');
      else if (reason.length > ACCEPTED_RISK_REASON_MAX_LENGTH) {
        problems.push(
          `the reason must be at most ${ACCEPTED_RISK_REASON_MAX_LENGTH} characters, got ${reason.length}`,
        );
      }
      if (untilParts.length === 0) problems.push('missing "until=YYYY-MM-DD"');
      else if (untilParts.length > 1)
        problems.push('"until=" is given more than once');
      else {
        until = untilParts[0].replace(/^until\s*=\s*/i, '');
        if (parseDate(until) === undefined) {
          problems.push(
            `"until=${until}" is not a valid date; expected until=YYYY-MM-DD`,
          );
        }
      }
    }

    if (problems.length > 0) {
      errors.push(...problems.map(p => `${key}: ${p}`));
    } else {
      risks.push({
        checkId,
        entityRef,
        reason,
        expiresAt: until!,
        source: 'annotation',
      });
    }
  }
  return { risks, errors };
}

function expiryTime(risk: AcceptedRisk): number {
  return acceptedRiskExpiry(risk.expiresAt)?.getTime() ?? -Infinity;
}

/**
 * The risk in force for one check among several: the one expiring last; on a tie an annotation
 * (reviewed in git) wins over an API risk, then the first given.
 */
function pickRisk(candidates: AcceptedRisk[]): AcceptedRisk {
  return candidates.reduce((best, risk) => {
    const diff = expiryTime(risk) - expiryTime(best);
    if (diff > 0) return risk;
    if (
      diff === 0 &&
      risk.source === 'annotation' &&
      best.source !== 'annotation'
    )
      return risk;
    return best;
  });
}

/** `waived` only ever comes from a failing result, so undoing a previous application restores `fail`. */
function unwaive(status: CheckStatus): CheckStatus {
  return status === 'waived' ? 'fail' : status;
}

/**
 * Applies an entity's accepted risks (from annotations and the API) to its aggregated check results.
 * Returns new objects; the input is not modified.
 *
 * - The risks are matched by check id; pass only this entity's risks. For a check with several
 *   risks, the one expiring last wins (on a tie, the annotation).
 * - Unexpired risk (see `isAcceptedRiskExpired`): every failing workload (and entity-level) entry
 *   becomes `waived`; the check's status and message are then recomputed as the worst over the
 *   entries, so a check failing on one workload and unknown on another becomes `unknown`, one failing
 *   everywhere becomes `waived`. The check carries `waiver: { ...risk, expired: false }`.
 * - Expired risk: nothing changes status (the check stays `fail`, so a critical one is still a
 *   blocker) and the check carries `waiver: { ...risk, expired: true }` so the UI can say it expired.
 * - A risk for a check that does not fail (pass, unknown, not-applicable) is attached, changing nothing.
 * - Idempotent and re-appliable: waivers already on the input are dropped and `waived` entries
 *   restored to `fail` first, so results can be re-scored with a new `now` or a new list of risks.
 *
 * @public
 */
export function applyAcceptedRisks(
  checks: EntityCheckResult[],
  risks: AcceptedRisk[],
  now: Date,
): EntityCheckResult[] {
  const byCheck = new Map<string, AcceptedRisk[]>();
  for (const risk of risks) {
    const list = byCheck.get(risk.checkId) ?? [];
    list.push(risk);
    byCheck.set(risk.checkId, list);
  }

  return checks.map(check => {
    const candidates = byCheck.get(check.checkId);
    const risk = candidates ? pickRisk(candidates) : undefined;
    const expired = risk ? isAcceptedRiskExpired(risk, now) : true;
    const statusOf = (status: CheckStatus): CheckStatus => {
      const original = unwaive(status);
      return original === 'fail' && !expired ? 'waived' : original;
    };

    const { waiver: _previous, ...rest } = check;
    const result: EntityCheckResult = {
      ...rest,
      workloads: check.workloads.map(w => ({
        ...w,
        status: statusOf(w.status),
      })),
    };
    if (check.entityResults) {
      result.entityResults = check.entityResults.map(e => ({
        ...e,
        status: statusOf(e.status),
      }));
    }
    const entries = [...result.workloads, ...(result.entityResults ?? [])];
    if (entries.length > 0) {
      const { status, message } = summarize(entries);
      result.status = status;
      result.message = message;
    } else {
      result.status = statusOf(check.status);
    }
    if (risk) result.waiver = { ...risk, expired };
    return result;
  });
}

/**
 * Problems with an accepted risk submitted through the API or the UI; empty when valid. Each
 * problem starts with the field it concerns.
 *
 * - `checkId`: a kebab-case check id (and one of `options.checkIds` when given).
 * - `reason`: required (not blank), at most 1000 characters after trimming.
 * - `expiresAt`: a date YYYY-MM-DD or an ISO-8601 timestamp with a time zone; in the future (a
 *   date must be after today, UTC; a timestamp after `now`) and at most 1 year from now (a date at
 *   most the same day next year, UTC; a timestamp at most `now` plus one calendar year).
 *
 * @public
 */
export function validateAcceptedRiskInput(
  input: { checkId?: unknown; reason?: unknown; expiresAt?: unknown },
  now: Date,
  options: AcceptedRiskValidationOptions = {},
): string[] {
  const problems: string[] = [];
  const { checkId, reason, expiresAt } = input ?? {};

  if (typeof checkId !== 'string' || checkId === '')
    problems.push('checkId: is required');
  else if (!CHECK_ID.test(checkId))
    problems.push(
      `checkId: "${checkId}" is not a check id (kebab-case, e.g. readiness-probe)`,
    );
  else {
    const unknown = unknownCheckProblem(checkId, options);
    if (unknown) problems.push(`checkId: ${unknown}`);
  }

  if (typeof reason !== 'string' || reason.trim() === '')
    problems.push('reason: is required');
  else if (reason.trim().length > ACCEPTED_RISK_REASON_MAX_LENGTH) {
    problems.push(
      `reason: must be at most ${ACCEPTED_RISK_REASON_MAX_LENGTH} characters, got ${
        reason.trim().length
      }`,
    );
  }

  const oneYearLater = new Date(now.getTime());
  oneYearLater.setUTCFullYear(oneYearLater.getUTCFullYear() + 1);
  if (typeof expiresAt !== 'string' || expiresAt.trim() === '') {
    problems.push('expiresAt: is required');
  } else {
    const value = expiresAt.trim();
    const day = parseDate(value);
    const expiry = acceptedRiskExpiry(value);
    if (expiry === undefined) {
      problems.push(
        `expiresAt: "${value}" is not a date (YYYY-MM-DD) nor an ISO-8601 timestamp with a time zone`,
      );
    } else if (day !== undefined) {
      const today = parseDate(isoDate(now.getTime()))!;
      const lastDay = parseDate(isoDate(oneYearLater.getTime()))!;
      if (day <= today)
        problems.push(
          `expiresAt: must be a future date, after ${isoDate(today)}`,
        );
      else if (day > lastDay)
        problems.push(
          `expiresAt: must be at most 1 year from now, on or before ${isoDate(
            lastDay,
          )}`,
        );
    } else if (expiry.getTime() <= now.getTime()) {
      problems.push(
        `expiresAt: must be in the future, after ${now.toISOString()}`,
      );
    } else if (expiry.getTime() > oneYearLater.getTime()) {
      problems.push(
        `expiresAt: must be at most 1 year from now, on or before ${oneYearLater.toISOString()}`,
      );
    }
  }
  return problems;
}
