import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';
import { computeQosClass, kindAccess, livePodsWithQos, plural, quoteNames, workloadResources } from './podResources';

/**
 * not-best-effort (seed self-audit 2): the pods' QoS class is not BestEffort.
 *
 * Live pods' `status.qosClass` decides when there are any (what the cluster admitted, with
 * LimitRange defaults and mutating webhooks applied); the seed flags exactly those pods. Without
 * live pods the class is computed from the pod template the way the API server would admit it:
 * requests default to limits, unset values take the namespace's LimitRange defaults, init
 * containers count, pod-level `spec.resources` win when set. A disagreement between the pods and
 * the template is named in the message.
 */
export const notBestEffort = createReadinessCheck({
  id: 'not-best-effort',
  domain: 'resources-scaling',
  severity: 'critical',
  scope: 'workload',
  title: 'Pods are not BestEffort',
  rationale:
    'BestEffort pods reserve nothing on their node: they are throttled first under CPU contention and are the first pods the kubelet evicts under memory pressure, so a busy neighbour can take the service down.',
  remediation: {
    text: 'Give every container cpu and memory requests (and a memory limit) so its pods are Burstable, or Guaranteed with requests equal to limits.',
    snippet: `containers:
  - name: app
    resources:
      requests:
        cpu: 250m
        memory: 256Mi
      limits:
        memory: 256Mi`,
  },
  evaluate({ workload, relations, index }) {
    const resources = workloadResources(workload, relations.limitRanges);
    if (!resources.containers.some(c => !c.entry.init)) {
      return { status: 'unknown', message: 'the pod template has no containers' };
    }
    const templateClass = computeQosClass(resources.containers.map(c => c.effective), resources.podLevel);
    const declaredClass = computeQosClass(resources.containers.map(c => c.declared), resources.podLevel);
    const resourceEvidence = () =>
      resources.containers.map(c => workloadEvidence(workload, `${c.entry.path}.resources`));
    const limitRangeNote =
      declaredClass === 'BestEffort' && templateClass !== 'BestEffort'
        ? `; only the defaults of LimitRange ${quoteNames(resources.limitRangesApplied.map(l => l.metadata.name))} keep it from BestEffort`
        : '';

    const pods = livePodsWithQos(workload);
    if (pods.length > 0) {
      const bestEffort = pods.filter(p => p.status.qosClass === 'BestEffort');
      if (bestEffort.length > 0) {
        const names = bestEffort.map(p => p.metadata.name);
        const note =
          templateClass !== 'BestEffort'
            ? `; the pod template now gives ${templateClass}, so these pods predate the change and need a rollout`
            : '';
        return {
          status: 'fail',
          message: `${plural(bestEffort.length, 'pod')} ${quoteNames(names)} ${bestEffort.length === 1 ? 'runs' : 'run'} with QoS class BestEffort${note}`,
          evidence: [
            ...bestEffort.map(p => objectEvidence(p, 'status.qosClass')),
            ...(templateClass === 'BestEffort' ? resourceEvidence() : []),
          ],
        };
      }
      const classes = [...new Set(pods.map(p => String(p.status.qosClass)))].sort();
      const note =
        templateClass === 'BestEffort'
          ? '; the pod template as read gives BestEffort: the pods got resources at admission (a mutating webhook) or predate a change'
          : limitRangeNote;
      return {
        status: 'pass',
        message: `${plural(pods.length, 'live pod')} ${pods.length === 1 ? 'reports' : 'report'} QoS class ${classes.join(', ')}${note}`,
      };
    }

    if (templateClass === 'BestEffort') {
      const limitRanges = kindAccess(index, 'limitranges');
      if (limitRanges.state !== 'readable') {
        return {
          status: 'unknown',
          message: `no container sets a cpu or memory request or limit, but LimitRanges could not be read (${limitRanges.missing.reason}), so a namespace default may still apply`,
        };
      }
      return {
        status: 'fail',
        message: 'no container sets a cpu or memory request or limit: its pods get QoS class BestEffort (computed from the pod template; no live pods)',
        evidence: resourceEvidence(),
      };
    }
    return {
      status: 'pass',
      message: `the pod template gives QoS class ${templateClass} (computed; no live pods)${limitRangeNote}`,
    };
  },
});
