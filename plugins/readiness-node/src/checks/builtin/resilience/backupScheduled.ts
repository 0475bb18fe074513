import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '../../../objects';
import { CheckOutcome, createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { ageOf, formatDuration } from './time';
import { backupsOfSchedule, CoveringSchedule, latestCompleted, latestStarted, scheduleCoverage, SCHEDULE_NAME_LABEL } from './velero';

interface Assessment {
  status: 'fresh' | 'stale' | 'unknown';
  text: string;
  evidence: CheckEvidence[];
}

/** How a schedule reads in messages: `Velero Schedule 'daily' ('0 2 * * *', at most 1d between runs)`. */
export function describeSchedule({ schedule, interval }: CoveringSchedule): string {
  const gap = interval.ok ? `, at most ${formatDuration(interval.intervalMs)} between runs` : '';
  return `Velero Schedule '${schedule.metadata.name}' ('${schedule.spec?.schedule ?? ''}'${gap})`;
}

function assess(covering: CoveringSchedule, backups: KubernetesObject[], now: Date): Assessment {
  const { schedule, interval } = covering;
  const name = describeSchedule(covering);
  const evidence: CheckEvidence[] = [objectEvidence(schedule, 'spec.schedule')];
  const latest = latestCompleted(backups);
  const attempt = latestStarted(backups);
  const attemptNote =
    attempt && attempt !== latest && attempt.status?.phase !== 'Completed'
      ? `; its latest Backup '${attempt.metadata.name}' is ${attempt.status?.phase ?? 'without a phase'}`
      : '';
  if (attempt && attempt !== latest && attemptNote) evidence.push(objectEvidence(attempt, 'status.phase'));
  if (!latest) {
    return { status: 'stale', text: `${name} has no completed Backup${attemptNote}`, evidence };
  }
  evidence.push(objectEvidence(latest, 'status.completionTimestamp'));
  const age = ageOf(latest.status.completionTimestamp, now) ?? Infinity;
  const ago = age <= 0 ? 'just now' : `${formatDuration(age)} ago`;
  if (!interval.ok) {
    return {
      status: 'unknown',
      text: `cannot compute the interval of Velero Schedule '${schedule.metadata.name}' (${interval.error}); its latest Backup '${latest.metadata.name}' completed ${ago}`,
      evidence,
    };
  }
  const limit = 2 * interval.intervalMs;
  if (age <= limit) {
    return {
      status: 'fresh',
      text: `${name} last completed Backup '${latest.metadata.name}' ${ago}, within 2x its interval (${formatDuration(limit)})${attemptNote}`,
      evidence,
    };
  }
  return {
    status: 'stale',
    text: `${name}: its latest completed Backup '${latest.metadata.name}' finished ${ago}, more than 2x its interval (${formatDuration(limit)})${attemptNote}`,
    evidence,
  };
}

/** backup-scheduled: Velero backs the namespace up on a schedule, and the schedule actually runs. */
export const backupScheduled = createReadinessCheck({
  id: 'backup-scheduled',
  domain: 'resilience',
  severity: 'critical',
  scope: 'workload',
  requires: ['schedules', 'backups'],
  title: 'A Velero Schedule backs up the namespace, and its backups complete',
  rationale:
    'Without a scheduled backup that actually completes, losing the cluster, the namespace or a volume loses the service for good; a schedule whose backups fail or stopped running is as bad as none.',
  remediation: {
    text: 'Create a Velero Schedule that includes the namespace (and snapshots its volumes), then watch that its Backups reach phase Completed on time.',
    snippet: `apiVersion: velero.io/v1
kind: Schedule
metadata:
  name: shop-daily
  namespace: velero
spec:
  schedule: "0 2 * * *"
  template:
    includedNamespaces:
      - shop
    snapshotVolumes: true
    ttl: 720h0m0s`,
  },
  evaluate(context): CheckOutcome {
    const { workload, index, relations, now } = context;
    const ns = workload.ref.namespace;
    const { covering, skipped } = scheduleCoverage(context);
    if (covering.length === 0) {
      const onDemand = latestCompleted(relations.veleroBackups.filter(b => !b.metadata.labels?.[SCHEDULE_NAME_LABEL]));
      const notes = [
        ...skipped.map(s => s.reason),
        ...(onDemand ? [`on-demand Backup '${onDemand.metadata.name}' exists, but nothing repeats it`] : []),
      ];
      return {
        status: 'fail',
        message: `no Velero Schedule backs up namespace '${ns}'${notes.length ? `: ${notes.join('; ')}` : ''}`,
        evidence: skipped.map(s => objectEvidence(s.schedule, 'spec')),
      };
    }
    const assessments = covering.map(c => assess(c, backupsOfSchedule(index, c.schedule), now));
    const fresh = assessments.find(a => a.status === 'fresh');
    if (fresh) return { status: 'pass', message: fresh.text, evidence: fresh.evidence };
    const unknown = assessments.filter(a => a.status === 'unknown');
    if (unknown.length > 0) {
      return {
        status: 'unknown',
        message: unknown.map(a => a.text).join('; '),
        evidence: unknown.flatMap(a => a.evidence),
      };
    }
    return {
      status: 'fail',
      message: assessments.map(a => a.text).join('; '),
      evidence: assessments.flatMap(a => a.evidence),
    };
  },
});
