import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { ageOf, formatDuration } from './time';
import { latestCompleted, latestStarted, veleroIncludesNamespace, veleroSelectsWorkload } from './velero';

/** Options of restore-tested (`readiness.checks.restore-tested.*`). */
export interface RestoreTestedOptions {
  /** A restore older than this many days no longer proves the backups work. */
  maxAgeDays: number;
}

const DAY = 86_400_000;

/** Velero names scheduled Backups `<schedule>-<yyyyMMddHHmmss>`. */
function isBackupOfSchedule(backupName: string, scheduleName: string): boolean {
  if (!backupName.startsWith(`${scheduleName}-`)) return false;
  return /^\d{14}$/.test(backupName.slice(scheduleName.length + 1));
}

/**
 * restore-tested: an untested backup is not a backup.
 *
 * Restores come from relations.veleroRestores (from a Backup or Schedule covering the namespace),
 * plus Restores whose Backup has since expired (Velero deletes Backups after their TTL, 30 days
 * by default, long before a 90-day-old restore test stops counting) when the Backup's name is
 * that of a covering Schedule's. A Restore counts when its own includedNamespaces/
 * excludedNamespaces and label selectors let the workload through.
 */
export const restoreTested = createReadinessCheck<RestoreTestedOptions>({
  id: 'restore-tested',
  domain: 'resilience',
  severity: 'critical',
  scope: 'workload',
  requires: ['schedules', 'backups', 'restores'],
  defaultOptions: { maxAgeDays: 90 },
  title: 'A restore from backup was tested recently',
  rationale:
    'Backups fail silently: missing volumes, unrestorable CRDs, wrong credentials. Only a restore that actually completed proves the service can come back, and only a recent one proves it still can.',
  remediation: {
    text: 'Restore the latest backup into a scratch namespace on a schedule (or at least every quarter), check the service starts, then delete the scratch namespace.',
    snippet: `apiVersion: velero.io/v1
kind: Restore
metadata:
  name: shop-restore-drill-2026-11
  namespace: velero
spec:
  scheduleName: shop-daily   # restores that schedule's latest backup
  includedNamespaces:
    - shop
  namespaceMapping:
    shop: shop-restore-drill
  restorePVs: true`,
  },
  evaluate({ workload, index, relations, options, now }) {
    const maxAgeDays = Number(options.maxAgeDays);
    if (!Number.isFinite(maxAgeDays) || maxAgeDays <= 0) {
      return {
        status: 'unknown',
        message: `readiness.checks.restore-tested.maxAgeDays must be a positive number of days, got ${JSON.stringify(options.maxAgeDays)}`,
      };
    }
    const ns = workload.ref.namespace;
    const schedules = relations.veleroSchedules;
    const fromRelations = new Set(relations.veleroRestores);
    const fromExpiredBackups = index.list('Restore').filter(r => {
      const backupName = r.spec?.backupName;
      if (fromRelations.has(r) || typeof backupName !== 'string') return false;
      if (index.get('Backup', r.metadata.namespace, backupName)) return false;
      return schedules.some(s => s.metadata.namespace === r.metadata.namespace && isBackupOfSchedule(backupName, s.metadata.name));
    });
    const restores = [...fromRelations, ...fromExpiredBackups].filter(
      r => veleroIncludesNamespace(r.spec, ns) && veleroSelectsWorkload(r.spec, workload),
    );
    const source = (r: KubernetesObject) =>
      r.spec?.backupName ? `Backup '${r.spec.backupName}'` : `the latest Backup of Schedule '${r.spec?.scheduleName}'`;
    const limit = `${maxAgeDays} days (readiness.checks.restore-tested.maxAgeDays)`;

    const latest = latestCompleted(restores);
    if (latest) {
      const age = ageOf(latest.status.completionTimestamp, now) ?? Infinity;
      const ago = age <= 0 ? 'just now' : `${formatDuration(age)} ago`;
      const evidence = [objectEvidence(latest, 'status.completionTimestamp')];
      if (age <= maxAgeDays * DAY) {
        return {
          status: 'pass',
          message: `Velero Restore '${latest.metadata.name}' from ${source(latest)} completed ${ago}, within ${limit}`,
          evidence,
        };
      }
      return {
        status: 'fail',
        message: `the latest completed Velero Restore covering namespace '${ns}', '${latest.metadata.name}' from ${source(latest)}, finished ${ago}: more than ${limit}`,
        evidence,
      };
    }
    if (restores.length > 0) {
      const attempt = latestStarted(restores)!;
      return {
        status: 'fail',
        message: `no Velero Restore covering namespace '${ns}' has completed: the latest, '${attempt.metadata.name}' from ${source(attempt)}, is ${attempt.status?.phase ?? 'without a phase'}`,
        evidence: [objectEvidence(attempt, 'status.phase')],
      };
    }
    const nothingToRestore = schedules.length === 0 && relations.veleroBackups.length === 0;
    return {
      status: 'fail',
      message: nothingToRestore
        ? `no Velero Backup or Schedule covers namespace '${ns}', so no restore was ever tested`
        : `no Velero Restore from a Backup covering namespace '${ns}' has ever been run`,
    };
  },
});
