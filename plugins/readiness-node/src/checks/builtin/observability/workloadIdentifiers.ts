import { WorkloadRelations } from '../../../cluster/relations';
import { Workload } from '../../../cluster/workloads';
import { matchesLabelSelector } from '../../../selectors';
import { WorkloadIdentifier } from './promql';

function add(out: WorkloadIdentifier[], value: unknown, what: WorkloadIdentifier['what']) {
  if (typeof value !== 'string' || value === '') return;
  if (!out.some(i => i.value === value)) out.push({ value, what });
}

/**
 * How metrics and alerts refer to a workload: its name, the names of the Services selecting its
 * pods (the `service` label, and the default `job` of a ServiceMonitor), and the `job` label the
 * Prometheus Operator gives its ServiceMonitor/PodMonitor targets (`jobLabel`, or the Service name,
 * or `<namespace>/<podmonitor>`).
 */
export function workloadIdentifiers(workload: Workload, relations: WorkloadRelations): WorkloadIdentifier[] {
  const out: WorkloadIdentifier[] = [];
  add(out, workload.ref.name, 'name');
  const services = relations.services;
  for (const s of services) add(out, s.metadata.name, 'service');
  for (const m of relations.serviceMonitors) {
    const jobLabel = typeof m.spec?.jobLabel === 'string' ? m.spec.jobLabel : undefined;
    for (const s of services) {
      if (!matchesLabelSelector(m.spec?.selector, s.metadata.labels)) continue;
      add(out, (jobLabel && s.metadata.labels?.[jobLabel]) || s.metadata.name, 'job');
    }
  }
  for (const m of relations.podMonitors) {
    const jobLabel = typeof m.spec?.jobLabel === 'string' ? m.spec.jobLabel : undefined;
    add(out, (jobLabel && workload.template.metadata.labels?.[jobLabel]) || `${m.metadata.namespace}/${m.metadata.name}`, 'job');
  }
  return out;
}
