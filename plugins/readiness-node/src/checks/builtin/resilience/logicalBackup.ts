import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';
import { unreadableKind } from '../scheduling-state/replicas';
import { describeClaims, storageOf } from '../scheduling-state/storage';
import { ageOf, cronInterval, formatDuration } from './time';

/** The label that marks a CronJob as a logical backup whatever tool it runs. */
export const LOGICAL_BACKUP_LABEL = 'prodready.dev/backup';

const DUMP_TOOL = /\b(pg_dumpall|pg_dump|mysqldump|mongodump)\b/;
const REDIS_RDB = /\bredis-cli\b[^;&|]*\s--rdb\b/;

/** A CronJob that makes a logical backup, and what shows it. */
export interface LogicalBackupJob {
  cronJob: KubernetesObject;
  /** `pg_dump`, `redis-cli --rdb`, or `label prodready.dev/backup: logical`. */
  by: string;
}

/** The image repository without registry port, tag or digest confusion: `ghcr.io/acme/pg_dump:16` -> `ghcr.io/acme/pg_dump`. */
function imageRepository(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

function dumpToolOf(cronJob: KubernetesObject): string | undefined {
  const spec = cronJob.spec?.jobTemplate?.spec?.template?.spec ?? {};
  const containers: any[] = [
    ...(Array.isArray(spec.containers) ? spec.containers : []),
    ...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
  ];
  for (const c of containers) {
    const words = [...(Array.isArray(c?.command) ? c.command : []), ...(Array.isArray(c?.args) ? c.args : [])]
      .filter((w: unknown) => typeof w === 'string')
      .join(' ');
    if (REDIS_RDB.test(words)) return 'redis-cli --rdb';
    const tool = DUMP_TOOL.exec(words) ?? (typeof c?.image === 'string' ? DUMP_TOOL.exec(imageRepository(c.image)) : null);
    if (tool) return tool[1];
  }
  return undefined;
}

/** The logical-backup CronJobs of every namespace, found once per cycle. */
export function logicalBackupJobs(index: ClusterIndex, namespace: string): LogicalBackupJob[] {
  const byNamespace = index.memoize('resilience/logical-backup-cronjobs', () => {
    const map = new Map<string, LogicalBackupJob[]>();
    for (const cronJob of index.list('CronJob')) {
      const labelled = cronJob.metadata.labels?.[LOGICAL_BACKUP_LABEL] === 'logical';
      const by = dumpToolOf(cronJob) ?? (labelled ? `label ${LOGICAL_BACKUP_LABEL}: logical` : undefined);
      if (!by) continue;
      const ns = cronJob.metadata.namespace ?? 'default';
      const list = map.get(ns);
      if (list) list.push({ cronJob, by });
      else map.set(ns, [{ cronJob, by }]);
    }
    return map;
  });
  return byNamespace.get(namespace) ?? [];
}

interface Assessment {
  status: 'fresh' | 'stale' | 'unknown';
  text: string;
  evidence: CheckEvidence;
}

function assess({ cronJob, by }: LogicalBackupJob, now: Date): Assessment {
  const expression = cronJob.spec?.schedule;
  const name = `CronJob '${cronJob.metadata.name}' (${by}, '${expression ?? ''}')`;
  const suspended = cronJob.spec?.suspend === true ? ' and is suspended' : '';
  if (cronJob.status === undefined) {
    return {
      status: 'unknown',
      text: `${name} has no status in the input (a manifest?): its last successful run is unknown`,
      evidence: objectEvidence(cronJob, 'status'),
    };
  }
  const last = cronJob.status?.lastSuccessfulTime;
  const age = ageOf(last, now);
  if (age === undefined) {
    return { status: 'stale', text: `${name} has never completed successfully${suspended}`, evidence: objectEvidence(cronJob, 'status') };
  }
  const evidence = objectEvidence(cronJob, 'status.lastSuccessfulTime');
  const ago = age <= 0 ? 'just now' : `${formatDuration(age)} ago`;
  const interval = cronInterval(expression);
  if (!interval.ok) {
    return { status: 'unknown', text: `${name} last succeeded ${ago}, but its schedule cannot be read: ${interval.error}`, evidence };
  }
  const limit = formatDuration(2 * interval.intervalMs);
  if (age <= 2 * interval.intervalMs) {
    return { status: 'fresh', text: `${name} last succeeded ${ago}, within 2x its interval (${limit})`, evidence };
  }
  return { status: 'stale', text: `${name} last succeeded ${ago}, more than 2x its interval (${limit})${suspended}`, evidence };
}

/**
 * logical-backup: volume snapshots are not enough for a database; a dump restores across
 * versions, into another engine instance, and one table at a time.
 *
 * Applies to workloads that write persistent storage (a writable PVC volume or StatefulSet
 * volumeClaimTemplates); read-only claims hold no state, and Jobs/CronJobs are not data stores.
 */
export const logicalBackup = createReadinessCheck({
  id: 'logical-backup',
  domain: 'resilience',
  severity: 'high',
  scope: 'workload',
  title: 'Stateful data has a logical backup that runs',
  rationale:
    "A volume snapshot copies a database's files mid-write and restores only onto the same engine version; a logical dump (pg_dump, mysqldump, mongodump, redis-cli --rdb) restores anywhere and one table at a time, and both are needed.",
  remediation: {
    text: `Add a CronJob in the namespace that dumps the data store on a schedule to storage of its own (a separate claim or an object store), or label your own tool's CronJob ${LOGICAL_BACKUP_LABEL}: logical; alert when it stops succeeding.`,
    snippet: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: postgres-dump
  namespace: shop
  labels:
    prodready.dev/backup: logical
spec:
  schedule: "30 1 * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: pg-dump
              image: postgres:16.4
              command: ["/bin/sh", "-c"]
              args:
                - pg_dump --format=custom --file=/backup/shop-$(date +%F).dump "$DATABASE_URL"
              env:
                - name: DATABASE_URL
                  valueFrom:
                    secretKeyRef:
                      name: postgres-backup
                      key: url
              volumeMounts:
                - name: backup
                  mountPath: /backup
          volumes:
            - name: backup
              persistentVolumeClaim:
                claimName: postgres-dumps`,
  },
  evaluate({ workload, index, now }) {
    if (workload.batch) {
      return { status: 'not-applicable', message: `a ${workload.ref.kind} runs to completion; it is not a data store` };
    }
    const storage = storageOf(workload, index);
    if (!storage.stateful) {
      return {
        status: 'not-applicable',
        message: storage.claims.length
          ? `stateless: mounts ${describeClaims(storage.claims)} read-only only`
          : 'stateless: mounts no PersistentVolumeClaim',
      };
    }
    const unreadable = unreadableKind(index, 'cronjobs');
    if (unreadable) return unreadable;

    const ns = workload.ref.namespace;
    const stores = [
      ...(storage.writable.length ? [describeClaims(storage.writable)] : []),
      ...(storage.volumeClaimTemplates.length
        ? [`volumeClaimTemplates ${storage.volumeClaimTemplates.map(t => `'${t.name}'`).join(', ')}`]
        : []),
    ].join(' and ');
    const jobs = logicalBackupJobs(index, ns);
    if (jobs.length === 0) {
      return {
        status: 'fail',
        message:
          `writes ${stores} but no CronJob in namespace '${ns}' runs pg_dump, pg_dumpall, mysqldump, mongodump or ` +
          `redis-cli --rdb, or carries label ${LOGICAL_BACKUP_LABEL}: logical`,
        evidence: [
          ...storage.writable.map(c => workloadEvidence(workload, c.path)),
          ...storage.volumeClaimTemplates.map(t => workloadEvidence(workload, t.path)),
        ],
      };
    }
    const assessments = jobs.map(j => assess(j, now));
    const fresh = assessments.find(a => a.status === 'fresh');
    if (fresh) return { status: 'pass', message: fresh.text, evidence: [fresh.evidence] };
    const unknown = assessments.filter(a => a.status === 'unknown');
    if (unknown.length > 0) {
      return { status: 'unknown', message: unknown.map(a => a.text).join('; '), evidence: unknown.map(a => a.evidence) };
    }
    return { status: 'fail', message: assessments.map(a => a.text).join('; '), evidence: assessments.map(a => a.evidence) };
  },
});
