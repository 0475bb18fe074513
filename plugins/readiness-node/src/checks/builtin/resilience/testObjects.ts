/*
 * Velero objects for the resilience tests, as `kubectl get -o yaml` shows them. Tests run at
 * 2026-11-21T12:00:00Z (the `run` default).
 */
import { KubernetesObject } from '../../../objects';
import { merge, object } from '../../../testing/fixtures';

/** A Velero Schedule in namespace velero, daily at 02:00, backing up `shop`. */
export function veleroSchedule(name = 'shop-daily', patch?: Record<string, any>): KubernetesObject {
  return object('velero.io/v1', 'Schedule', name, 'velero', merge(
    {
      spec: {
        schedule: '0 2 * * *',
        template: { includedNamespaces: ['shop'], snapshotVolumes: true, ttl: '720h0m0s' },
      },
      status: { phase: 'Enabled', lastBackup: '2026-11-21T02:00:00Z' },
    },
    patch,
  ));
}

/** A Backup created by Schedule `schedule` (label velero.io/schedule-name), completed at `completedAt`. */
export function veleroBackup(
  schedule: string | undefined,
  completedAt: string,
  patch?: Record<string, any>,
): KubernetesObject {
  const stamp = completedAt.replace(/[-:TZ]/g, '').slice(0, 14);
  const name = schedule ? `${schedule}-${stamp}` : `manual-${stamp}`;
  return object('velero.io/v1', 'Backup', name, 'velero', merge(
    {
      metadata: { labels: schedule ? { 'velero.io/schedule-name': schedule } : {} },
      spec: { includedNamespaces: ['shop'], snapshotVolumes: true, ttl: '720h0m0s' },
      status: { phase: 'Completed', startTimestamp: completedAt, completionTimestamp: completedAt, expiration: '2026-12-21T02:00:00Z' },
    },
    patch,
  ));
}

/** A Restore of Backup `backupName`, completed at `completedAt`. */
export function veleroRestore(name: string, backupName: string | undefined, completedAt: string, patch?: Record<string, any>): KubernetesObject {
  return object('velero.io/v1', 'Restore', name, 'velero', merge(
    {
      spec: { ...(backupName ? { backupName } : {}), namespaceMapping: { shop: 'shop-restore-drill' }, restorePVs: true },
      status: { phase: 'Completed', startTimestamp: completedAt, completionTimestamp: completedAt },
    },
    patch,
  ));
}
