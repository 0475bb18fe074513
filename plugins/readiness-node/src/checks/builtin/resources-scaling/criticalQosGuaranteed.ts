import { createReadinessCheck } from '../../types';
import { podSpecField, workloadEvidence } from '../../util';
import {
  computeQosClass,
  ContainerResources,
  isLongRunning,
  isPositive,
  livePodsWithQos,
  plural,
  ResourceRequirements,
  sameQuantity,
  workloadResources,
} from './podResources';

function memoryGap(req: ResourceRequirements): string | undefined {
  const request = req.requests.memory?.quantity;
  const limit = req.limits.memory?.quantity;
  if (!isPositive(limit)) return 'no memory limit';
  if (!isPositive(request)) return 'no memory request';
  if (!sameQuantity(request.value, limit.value)) return `memory request ${request.raw} below its limit ${limit.raw}`;
  return undefined;
}

/**
 * critical-qos-guaranteed: StatefulSets and workloads with a priorityClassName (both mark a
 * workload its owners consider important) are Guaranteed, or at least reserve all the memory
 * they may use (memory request = memory limit in every long-running container), so node memory
 * pressure evicts them last. Other workloads are not applicable.
 *
 * The class comes from live pods' `status.qosClass` when there are any, else it is computed
 * from the template as admitted (requests default to limits, LimitRange defaults apply). The
 * memory rule reads the template as admitted too; init containers that run to completion are
 * left out of it, as they do not run alongside the service.
 */
export const criticalQosGuaranteed = createReadinessCheck({
  id: 'critical-qos-guaranteed',
  domain: 'resources-scaling',
  severity: 'medium',
  scope: 'workload',
  title: 'Critical workloads are Guaranteed or reserve their memory',
  rationale:
    'Under node memory pressure the kubelet evicts pods using more memory than they requested first; a stateful or high-priority workload that can exceed its memory request risks being evicted or OOM-killed before the batch jobs around it.',
  remediation: {
    text: 'Set requests equal to limits for cpu and memory in every container (Guaranteed), or at least set the memory request equal to the memory limit.',
    snippet: `containers:
  - name: db
    resources:
      requests:
        cpu: "1"
        memory: 2Gi
      limits:
        cpu: "1"
        memory: 2Gi`,
  },
  evaluate({ workload, relations }) {
    const priorityClassName = workload.template.spec?.priorityClassName;
    const hasPriority = typeof priorityClassName === 'string' && priorityClassName !== '';
    const isStatefulSet = workload.ref.kind === 'StatefulSet';
    if (!isStatefulSet && !hasPriority) {
      return {
        status: 'not-applicable',
        message: `applies to StatefulSets and workloads with a priorityClassName; this ${workload.ref.kind} has none`,
      };
    }
    const why = [isStatefulSet ? 'a StatefulSet' : `a ${workload.ref.kind}`, hasPriority ? `with priorityClassName '${priorityClassName}'` : '']
      .filter(Boolean)
      .join(' ');

    const resources = workloadResources(workload, relations.limitRanges);
    if (!resources.containers.some(c => !c.entry.init)) {
      return { status: 'unknown', message: 'the pod template has no containers' };
    }
    const templateClass = computeQosClass(resources.containers.map(c => c.effective), resources.podLevel);

    const pods = livePodsWithQos(workload);
    const podsReport = `${plural(pods.length, 'live pod')} ${pods.length === 1 ? 'reports' : 'report'}`;
    let qos: string;
    let source: string;
    if (pods.length > 0) {
      const classes = [...new Set(pods.map(p => String(p.status.qosClass)))].sort();
      if (classes.length === 1 && classes[0] === 'Guaranteed') {
        const note = templateClass !== 'Guaranteed' ? `; the pod template now gives ${templateClass}, which the next rollout will bring` : '';
        return { status: 'pass', message: `${why}: ${podsReport} QoS class Guaranteed${note}` };
      }
      qos = classes.join(', ');
      source = `${podsReport} QoS class ${qos}`;
    } else {
      if (templateClass === 'Guaranteed') {
        return { status: 'pass', message: `${why}: the pod template gives QoS class Guaranteed (computed; no live pods)` };
      }
      qos = templateClass;
      source = `the pod template gives QoS class ${qos}`;
    }

    // Not Guaranteed: it still passes when every long-running container reserves its memory.
    let gaps: Array<{ c?: ContainerResources; gap: string }>;
    if (resources.podLevel) {
      const gap = memoryGap(resources.podLevel);
      gaps = gap ? [{ gap: `pod-level resources have ${gap}` }] : [];
    } else {
      gaps = resources.containers
        .filter(c => isLongRunning(c.entry))
        .map(c => ({ c, gap: memoryGap(c.effective) }))
        .filter((g): g is { c: ContainerResources; gap: string } => g.gap !== undefined)
        .map(g => ({ c: g.c, gap: `${g.c.entry.init ? 'sidecar' : 'container'} '${g.c.entry.name}' has ${g.gap}` }));
    }
    if (gaps.length === 0) {
      return {
        status: 'pass',
        message: `${why}: ${source}, and memory request equals memory limit ${resources.podLevel ? 'at pod level' : 'in every container'}`,
      };
    }
    const shown = gaps.slice(0, 3).map(g => g.gap);
    if (gaps.length > 3) shown.push(`${gaps.length - 3} more`);
    return {
      status: 'fail',
      message: `${why} should be Guaranteed or reserve its memory, but ${source} and ${shown.join('; ')}`,
      evidence: gaps.map(g => workloadEvidence(workload, g.c ? `${g.c.entry.path}.resources` : podSpecField(workload, 'resources'))),
    };
  },
});
