import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { ContainerEntry, containersOf, describeContainers, objectEvidence, workloadEvidence } from '../../util';
import {
  COMPUTE_RESOURCES,
  effectiveRequirements,
  isPositive,
  plural,
  quantityOf,
  quoteNames,
  ResourceValue,
  vpaContainerPolicy,
  vpaUpdateMode,
  workloadResources,
} from './podResources';

/** Options of requests-right-sized: the accepted band of request / VPA target. */
export interface RequestsRightSizedOptions {
  minRatio: number;
  maxRatio: number;
}

function formatRatio(ratio: number): string {
  return ratio >= 10 ? String(Math.round(ratio)) : String(Number(ratio.toFixed(2)));
}

/** Live pods: what a VPA that applies its recommendation (updateMode not Off) has resized. */
function livePods(pods: KubernetesObject[]): KubernetesObject[] {
  return pods.filter(p => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp);
}

/** One observed request of a container: in the pod template, or in a live pod. */
interface Observation {
  request?: ResourceValue;
  evidence: CheckEvidence;
  pod?: string;
}

function observationsOf(
  entry: ContainerEntry,
  template: { request?: ResourceValue; evidence: CheckEvidence },
  pods: KubernetesObject[],
  resource: 'cpu' | 'memory',
): Observation[] {
  if (pods.length === 0) return [template];
  const out: Observation[] = [];
  for (const pod of pods) {
    const list = entry.init ? 'initContainers' : 'containers';
    const containers: any[] = Array.isArray(pod.spec?.[list]) ? pod.spec[list] : [];
    const i = containers.findIndex(c => c?.name === entry.name);
    if (i < 0) continue;
    out.push({
      request: effectiveRequirements(containers[i].resources).requests[resource],
      evidence: objectEvidence(pod, `spec.${list}[${i}].resources.requests`),
      pod: pod.metadata.name,
    });
  }
  return out.length ? out : [template];
}

/**
 * requests-right-sized: a VPA recommendation exists for the workload and every container's cpu
 * and memory request lies within `minRatio`..`maxRatio` (default 0.5x..2x) of the VPA's target.
 * `unknown` without a VPA (required kind) or before the VPA has a recommendation.
 *
 * The requests judged are those in force: the pod template's (a request defaults to the limit,
 * then to a LimitRange default) when the VPA only recommends (updateMode Off) or no pod is live;
 * the live pods' when the VPA applies its recommendation, as it rewrites their requests at
 * creation. Containers whose VPA policy is Off, and resources the VPA gives no target for, are
 * not judged; a container the VPA should cover but has no recommendation for makes it `unknown`.
 */
export const requestsRightSized = createReadinessCheck<RequestsRightSizedOptions>({
  id: 'requests-right-sized',
  domain: 'resources-scaling',
  severity: 'low',
  scope: 'workload',
  title: 'Requests match the VPA recommendation',
  rationale:
    'Requests far above real usage waste capacity the cluster pays for and block other pods from scheduling; requests far below it overcommit the node, leading to CPU throttling and memory evictions under load.',
  remediation: {
    text: 'Run a VerticalPodAutoscaler in recommendation mode (updateMode: Off) and set each container\'s requests near its status.recommendation target; revisit after load changes.',
    snippet: `apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: cart
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: cart
  updatePolicy:
    updateMode: "Off"   # recommend only; copy status.recommendation targets into requests
---
# then, in the Deployment:
containers:
  - name: cart
    resources:
      requests:
        cpu: 300m       # VPA target cpu
        memory: 320Mi   # VPA target memory`,
  },
  requires: ['verticalpodautoscalers'],
  defaultOptions: { minRatio: 0.5, maxRatio: 2 },
  evaluate({ workload, relations, options }) {
    const minRatio = Number(options.minRatio);
    const maxRatio = Number(options.maxRatio);
    if (!(minRatio > 0) || !(maxRatio >= minRatio)) {
      return {
        status: 'unknown',
        message: `invalid options: minRatio (${options.minRatio}) must be above 0 and maxRatio (${options.maxRatio}) at least minRatio`,
      };
    }

    const vpas = relations.verticalPodAutoscalers;
    if (vpas.length === 0) {
      return {
        status: 'unknown',
        message: 'no VerticalPodAutoscaler targets it, so there is no recommendation to compare requests with',
      };
    }
    const vpa = vpas.find(
      v => Array.isArray(v.status?.recommendation?.containerRecommendations) && v.status.recommendation.containerRecommendations.length > 0,
    );
    if (!vpa) {
      return {
        status: 'unknown',
        message: `VPA ${quoteNames(vpas.map(v => v.metadata.name))} has no recommendation yet`,
        evidence: vpas.map(v => objectEvidence(v, 'status.recommendation')),
      };
    }
    const recommendations: any[] = vpa.status.recommendation.containerRecommendations;
    const mode = vpaUpdateMode(vpa);
    const pods = mode === 'Off' ? [] : livePods(workload.pods);
    const where = pods.length ? `in ${plural(pods.length, 'live pod')} resized by VPA '${vpa.metadata.name}' (updateMode ${mode})` : 'in the pod template';

    const { containers: resources } = workloadResources(workload, relations.limitRanges);
    const effectiveOf = new Map(resources.map(r => [r.entry.path, r.effective]));

    const problems: string[] = [];
    const evidence: CheckEvidence[] = [];
    const uncovered: ContainerEntry[] = [];
    let judged = 0;
    for (const entry of containersOf(workload, { sidecars: true })) {
      const recIndex = recommendations.findIndex(r => r?.containerName === entry.name);
      if (recIndex < 0) {
        if (vpaContainerPolicy(vpa, entry.name).mode !== 'Off') uncovered.push(entry);
        continue;
      }
      const target = recommendations[recIndex]?.target ?? {};
      for (const resource of COMPUTE_RESOURCES) {
        const wanted = quantityOf(target[resource]);
        if (!isPositive(wanted)) continue;
        judged += 1;
        const template = {
          request: effectiveOf.get(entry.path)?.requests[resource],
          evidence: workloadEvidence(workload, `${entry.path}.resources.requests`),
        };
        const bad = new Map<string, Observation[]>();
        for (const obs of observationsOf(entry, template, pods, resource)) {
          let problem: string | undefined;
          if (!isPositive(obs.request?.quantity)) {
            problem = `no ${resource} request (VPA target ${wanted.raw})`;
          } else {
            const ratio = obs.request!.quantity.value! / wanted.value;
            if (ratio < minRatio * (1 - 1e-9) || ratio > maxRatio * (1 + 1e-9)) {
              const from = obs.request!.source === 'limit-range' ? ' (a LimitRange default)' : '';
              problem = `${resource} request ${obs.request!.quantity.raw}${from} is ${formatRatio(ratio)}x the VPA target ${wanted.raw}`;
            }
          }
          if (problem) bad.set(problem, [...(bad.get(problem) ?? []), obs]);
        }
        for (const [problem, observed] of bad) {
          const podNote = observed[0].pod ? ` in ${plural(observed.length, 'pod')} ${quoteNames(observed.map(o => o.pod!))}` : '';
          problems.push(`${describeContainers([entry])}: ${problem}${podNote}`);
          evidence.push(...observed.map(o => o.evidence));
        }
        if (bad.size > 0) evidence.push(objectEvidence(vpa, `status.recommendation.containerRecommendations[${recIndex}].target.${resource}`));
      }
    }

    const band = `${minRatio}x..${maxRatio}x`;
    if (problems.length > 0) {
      const shown = problems.slice(0, 3);
      if (problems.length > 3) shown.push(`${problems.length - 3} more`);
      return {
        status: 'fail',
        message: `requests ${where} lie outside ${band} of VPA '${vpa.metadata.name}' targets: ${shown.join('; ')}`,
        evidence,
      };
    }
    if (uncovered.length > 0 || judged === 0) {
      return {
        status: 'unknown',
        message: `VPA '${vpa.metadata.name}' has no ${judged === 0 ? 'cpu or memory target' : 'recommendation'} for ${describeContainers(
          uncovered.length ? uncovered : containersOf(workload, { sidecars: true }),
        )}`,
        evidence: [objectEvidence(vpa, 'status.recommendation.containerRecommendations')],
      };
    }
    return {
      status: 'pass',
      message: `every cpu and memory request ${where} lies within ${band} of VPA '${vpa.metadata.name}' targets`,
    };
  },
});
