import {
  CHECK_SEVERITIES,
  CheckSeverity,
  CheckStatus,
  READINESS_DOMAINS,
  ReadinessDomainId,
  ReadinessLevel,
  Verdict,
} from '@prodready/plugin-readiness-common';

/** The word shown for each verdict, always next to its icon. @public */
export const VERDICT_LABELS: Record<Verdict, string> = {
  go: 'GO',
  'no-go': 'NO-GO',
};

/** The word shown for each check status, always next to its icon. @public */
export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
  waived: 'Accepted risk',
  'not-applicable': 'Not applicable',
};

/** @public */
export const SEVERITY_LABELS: Record<CheckSeverity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Default level names, for summaries that carry no `levelNames` (the scorecard rows). @public */
export const DEFAULT_LEVEL_LABELS: Record<ReadinessLevel, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'None',
};

/** The title of a domain ("Packaging & traffic"), or its id when unknown. @public */
export function domainTitle(id: string): string {
  return READINESS_DOMAINS.find(d => d.id === id)?.title ?? id;
}

/** The one-line description of a domain, when known. @public */
export function domainDescription(id: string): string | undefined {
  return READINESS_DOMAINS.find(d => d.id === id)?.description;
}

/** Position of a domain in `READINESS_DOMAINS` (unknown domains last). */
export function domainRank(id: ReadinessDomainId | string): number {
  const index = READINESS_DOMAINS.findIndex(d => d.id === id);
  return index === -1 ? READINESS_DOMAINS.length : index;
}

/** Position of a severity: critical (0) first. */
export function severityRank(severity: CheckSeverity): number {
  const index = CHECK_SEVERITIES.indexOf(severity);
  return index === -1 ? CHECK_SEVERITIES.length : index;
}

/** A 0..1 share as a whole percentage: 0.874 -> "87%". @public */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '0%';
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * An instant as an unambiguous UTC time, the same for every reader: "2026-11-21 09:00 UTC".
 * Returns the input unchanged when it is not a date.
 * @public
 */
export function formatAbsoluteTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(
    date.getUTCDate(),
  )} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** A YYYY-MM-DD date or a timestamp as a date "2027-06-30" (UTC). @public */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toISOString().slice(0, 10);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * An instant relative to now, in words: "5 minutes ago", "in 3 days", "just now".
 * @public
 */
export function formatRelativeTime(
  value: string | Date,
  now: Date = new Date(),
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(seconds, 'second');
}
