import { createReadinessCheck } from '../../types';
import { describeContainers, workloadEvidence } from '../../util';
import { ComputeResource, COMPUTE_RESOURCES, isPositive, quoteNames, workloadResources } from './podResources';

/**
 * resource-requests (seed self-audit 1): every container, init containers included, requests cpu
 * and memory. Stricter than the seed, which flags only a missing `requests` block on regular
 * containers: a block with only one of the two also fails here.
 *
 * Judged on the pod template as written. A request left unset defaults to the container's limit
 * (the API server does that for every pod), so a limit counts, and so do pod-level
 * `spec.resources.requests`. A LimitRange default does not count: it is a namespace-wide guess,
 * not a value sized for this service; the message names it when one would fill the gap.
 */
export const resourceRequests = createReadinessCheck({
  id: 'resource-requests',
  domain: 'resources-scaling',
  severity: 'critical',
  scope: 'workload',
  title: 'Every container requests cpu and memory',
  rationale:
    'The scheduler places pods by their requests: without them a pod lands on a node that cannot sustain it, gets CPU-starved under contention and is among the first evicted when memory runs short.',
  remediation: {
    text: 'Set cpu and memory requests on every container (init containers included) from observed usage (metrics or a VPA recommendation), not guesses.',
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

    const gaps = containers
      .map(c => {
        const missing: ComputeResource[] = [];
        const invalid: string[] = [];
        for (const r of COMPUTE_RESOURCES) {
          if (isPositive(c.declared.requests[r]?.quantity) || isPositive(podLevel?.requests[r]?.quantity)) continue;
          missing.push(r);
          const written = c.declared.requests[r];
          if (written) invalid.push(`${r} ${written.source === 'limit' ? 'limit' : 'request'} '${written.quantity.raw}'`);
        }
        return { c, missing, invalid };
      })
      .filter(g => g.missing.length > 0);

    if (gaps.length === 0) {
      const fromLimits = containers.filter(c => COMPUTE_RESOURCES.some(r => c.declared.requests[r]?.source === 'limit'));
      const notes: string[] = [];
      if (fromLimits.length > 0) {
        notes.push(`${describeContainers(fromLimits.map(c => c.entry))} through limits, to which requests default`);
      }
      if (podLevel && COMPUTE_RESOURCES.some(r => isPositive(podLevel.requests[r]?.quantity))) notes.push('pod-level requests apply');
      return {
        status: 'pass',
        message: `all ${containers.length} container(s) request cpu and memory${notes.length ? ` (${notes.join('; ')})` : ''}`,
      };
    }

    const describe = (g: (typeof gaps)[number]) => {
      const what = g.missing.length === 2 ? 'cpu or memory request' : `${g.missing[0]} request`;
      const invalid = g.invalid.length ? ` (${g.invalid.join(', ')} is not a positive quantity)` : '';
      return `${describeContainers([g.c.entry])} has no ${what}${invalid}`;
    };
    const shown = gaps.slice(0, 3).map(describe);
    if (gaps.length > 3) shown.push(`${gaps.length - 3} more container(s) too`);

    // Name the LimitRange defaults that would fill every gap, so the reader knows the pods are not
    // unbounded, yet are sized by a namespace guess.
    const defaults = new Map<string, string>();
    const lrNames = new Set<string>();
    let allFilled = true;
    for (const g of gaps) {
      for (const r of g.missing) {
        const v = g.c.effective.requests[r];
        if (v?.source === 'limit-range' && v.limitRange && isPositive(v.quantity)) {
          defaults.set(r, v.quantity.raw);
          lrNames.add(v.limitRange.metadata.name);
        } else {
          allFilled = false;
        }
      }
    }
    const lrNote =
      defaults.size > 0
        ? `; LimitRange ${quoteNames([...lrNames])} ${allFilled ? 'fills these in' : 'fills some in'} at admission (${[...defaults]
            .map(([r, q]) => `${r} ${q}`)
            .join(', ')}), a namespace default rather than a request sized for this service`
        : '';

    return {
      status: 'fail',
      message: `${shown.join('; ')}${lrNote}`,
      evidence: gaps.map(g => workloadEvidence(workload, `${g.c.entry.path}.resources.requests`)),
    };
  },
});
