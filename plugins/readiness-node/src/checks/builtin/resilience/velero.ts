import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { Workload } from '../../../cluster/workloads';
import { KubernetesObject } from '../../../objects';
import { LabelSelector, matchesLabelSelector } from '../../../selectors';
import { CheckContext } from '../../types';
import { cronInterval, CronInterval } from './time';

/** The label Velero puts on the Backups a Schedule creates. */
export const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';

/**
 * Whether a Velero backup or restore spec includes a namespace: includedNamespaces absent, empty,
 * `*` or naming it, and excludedNamespaces not naming it (the semantics of relations'
 * veleroSchedules/veleroBackups, which do not export it).
 */
export function veleroIncludesNamespace(spec: any, namespace: string): boolean {
  const included: unknown[] = Array.isArray(spec?.includedNamespaces) ? spec.includedNamespaces : ['*'];
  const excluded: unknown[] = Array.isArray(spec?.excludedNamespaces) ? spec.excludedNamespaces : [];
  const inc = included.length === 0 || included.includes('*') || included.includes(namespace);
  return inc && !excluded.includes(namespace);
}

/**
 * Whether a Velero backup or restore spec's labelSelector / orLabelSelectors let the workload's
 * object through (no selector: everything). A Schedule that covers the namespace but selects
 * other labels never backs this workload up.
 */
export function veleroSelectsWorkload(spec: any, workload: Workload): boolean {
  const labels = workload.object.metadata.labels ?? {};
  const or: LabelSelector[] = Array.isArray(spec?.orLabelSelectors) ? spec.orLabelSelectors : [];
  if (or.length > 0) return or.some(s => matchesLabelSelector(s, labels));
  if (spec?.labelSelector) return matchesLabelSelector(spec.labelSelector, labels);
  return true;
}

/** A Velero Schedule that backs the workload up, with its interval. */
export interface CoveringSchedule {
  schedule: KubernetesObject;
  interval: CronInterval;
}

/** The Velero Schedules of a workload: those that back it up, and those that cover its namespace but do not. */
export interface ScheduleCoverage {
  covering: CoveringSchedule[];
  /** Schedules covering the namespace that produce no backup of the workload, with why. */
  skipped: Array<{ schedule: KubernetesObject; reason: string }>;
}

/**
 * The Schedules (relations.veleroSchedules: any namespace, covering the workload's namespace)
 * that actually back the workload up: not paused, not failed validation, and selecting its labels.
 */
export function scheduleCoverage({ workload, relations }: CheckContext<any>): ScheduleCoverage {
  const covering: CoveringSchedule[] = [];
  const skipped: ScheduleCoverage['skipped'] = [];
  for (const schedule of relations.veleroSchedules) {
    const name = `Velero Schedule '${schedule.metadata.name}'`;
    if (schedule.spec?.paused === true) {
      skipped.push({ schedule, reason: `${name} is paused` });
    } else if (schedule.status?.phase === 'FailedValidation') {
      const errors: unknown[] = Array.isArray(schedule.status?.validationErrors) ? schedule.status.validationErrors : [];
      skipped.push({ schedule, reason: `${name} failed validation${errors.length ? ` (${errors.join('; ')})` : ''}` });
    } else if (!veleroSelectsWorkload(schedule.spec?.template, workload)) {
      skipped.push({ schedule, reason: `${name} selects other labels than ${workload.ref.kind} '${workload.ref.name}'` });
    } else {
      covering.push({ schedule, interval: cronInterval(schedule.spec?.schedule) });
    }
  }
  return { covering, skipped };
}

/** The Backups a Schedule created (label velero.io/schedule-name, in the Schedule's namespace), indexed once per cycle. */
export function backupsOfSchedule(index: ClusterIndex, schedule: KubernetesObject): KubernetesObject[] {
  const bySchedule = index.memoize('resilience/velero-backups-by-schedule', () => {
    const map = new Map<string, KubernetesObject[]>();
    for (const backup of index.list('Backup')) {
      const scheduleName = backup.metadata.labels?.[SCHEDULE_NAME_LABEL];
      if (!scheduleName) continue;
      const key = `${backup.metadata.namespace ?? ''}/${scheduleName}`;
      const list = map.get(key);
      if (list) list.push(backup);
      else map.set(key, [backup]);
    }
    return map;
  });
  return bySchedule.get(`${schedule.metadata.namespace ?? ''}/${schedule.metadata.name}`) ?? [];
}

function time(value: unknown): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** The Completed object (Backup or Restore) with the latest status.completionTimestamp. */
export function latestCompleted(objects: KubernetesObject[]): KubernetesObject | undefined {
  let best: KubernetesObject | undefined;
  for (const o of objects) {
    if (o.status?.phase !== 'Completed' || time(o.status?.completionTimestamp) === -Infinity) continue;
    if (!best || time(o.status.completionTimestamp) > time(best.status.completionTimestamp)) best = o;
  }
  return best;
}

/** The most recently started object (by status.startTimestamp, else creationTimestamp), whatever its phase. */
export function latestStarted(objects: KubernetesObject[]): KubernetesObject | undefined {
  const started = (o: KubernetesObject) => Math.max(time(o.status?.startTimestamp), time(o.metadata.creationTimestamp));
  let best: KubernetesObject | undefined;
  for (const o of objects) if (!best || started(o) > started(best)) best = o;
  return best;
}
