import { createReadinessCheck } from '../../types';
import { describeContainers, workloadEvidence } from '../../util';
import { isPositive, quoteNames, workloadResources } from './podResources';

/**
 * memory-limit: every container, init containers included, sets a memory limit (a pod-level
 * `spec.resources.limits.memory` bounds them all and counts too). Judged on the pod template as
 * written, like resource-requests: a LimitRange default limit is named in the message but does
 * not pass the check, being a namespace-wide value rather than one sized for this service.
 */
export const memoryLimit = createReadinessCheck({
  id: 'memory-limit',
  domain: 'resources-scaling',
  severity: 'high',
  scope: 'workload',
  title: 'Every container has a memory limit',
  rationale:
    'Memory is not compressible: a container without a limit that leaks or spikes takes memory from its neighbours until the node is under pressure and the kernel or kubelet kills whatever it picks, not just the offender.',
  remediation: {
    text: 'Set a memory limit on every container, at or a little above its observed peak; equal to the memory request makes its behaviour predictable.',
    snippet: `containers:
  - name: app
    resources:
      requests:
        cpu: 250m
        memory: 256Mi
      limits:
        memory: 256Mi`,
  },
  evaluate({ workload, relations }) {
    const { containers, podLevel } = workloadResources(workload, relations.limitRanges);
    if (!containers.some(c => !c.entry.init)) {
      return { status: 'unknown', message: 'the pod template has no containers' };
    }
    if (isPositive(podLevel?.limits.memory?.quantity)) {
      return {
        status: 'pass',
        message: `the pod-level memory limit ${podLevel!.limits.memory!.quantity.raw} bounds all ${containers.length} container(s)`,
      };
    }
    const missing = containers.filter(c => !isPositive(c.declared.limits.memory?.quantity));
    if (missing.length === 0) {
      return { status: 'pass', message: `all ${containers.length} container(s) have a memory limit` };
    }

    const invalid = missing
      .filter(c => c.declared.limits.memory)
      .map(c => `'${c.declared.limits.memory!.quantity.raw}' in '${c.entry.name}'`);
    const defaults = missing
      .map(c => c.effective.limits.memory)
      .filter(v => v?.source === 'limit-range' && isPositive(v.quantity));
    const lrNote = defaults.length
      ? `; LimitRange ${quoteNames([...new Set(defaults.map(v => v!.limitRange!.metadata.name))])} fills in ${
          defaults[0]!.quantity.raw
        } at admission, a namespace default rather than a limit sized for this service`
      : '';
    return {
      status: 'fail',
      message: `${describeContainers(missing.map(c => c.entry))} ${missing.length === 1 ? 'has' : 'have'} no memory limit${
        invalid.length ? ` (${invalid.join(', ')} is not a positive quantity)` : ''
      }${lrNote}`,
      evidence: missing.map(c => workloadEvidence(workload, `${c.entry.path}.resources.limits`)),
    };
  },
});
