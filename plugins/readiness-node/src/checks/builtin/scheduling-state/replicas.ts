import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { Workload } from '../../../cluster/workloads';
import { KubernetesObject } from '../../../objects';
import { CheckContext, CheckOutcome } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';

/**
 * `unknown` when a kind the check needs at this point could not be listed, in the words the
 * engine uses for `requires`. Checks call it after deciding applicability, so a workload the
 * check does not apply to stays `not-applicable` even when the kind is unreadable.
 */
export function unreadableKind(index: ClusterIndex, kindPlural: string): CheckOutcome | undefined {
  const missing = index.missing(kindPlural);
  if (!missing) return undefined;
  return { status: 'unknown', message: `cannot read ${kindPlural} in cluster ${index.cluster}: ${missing.reason}` };
}

/** How many pods a replicated workload (Deployment, StatefulSet, owner-less ReplicaSet) runs. */
export interface ReplicaCount {
  /** `spec.replicas` (1 when unset). */
  specReplicas: number;
  /** HorizontalPodAutoscalers targeting the workload. */
  hpas: KubernetesObject[];
  /** The replicas it runs in steady state: the larger of spec.replicas and the HPAs' minReplicas. */
  count: number;
  /** The fewest replicas it can be scaled to: the HPAs' minReplicas when one targets it, else spec.replicas. */
  floor: number;
  /** The most replicas it can run: the HPAs' maxReplicas when one targets it (at least `count`). */
  ceiling: number;
  /** e.g. `3 replicas (HPA 'cart' minReplicas 3)`, for messages. */
  description: string;
  /** spec.replicas and every HPA's minReplicas. */
  evidence: CheckEvidence[];
  /** HPAs could not be listed, so one might raise `count` above spec.replicas. */
  hpasUnreadable?: CheckOutcome;
}

function hpaMin(hpa: KubernetesObject): number {
  const v = hpa.spec?.minReplicas;
  return typeof v === 'number' && v >= 0 ? v : 1;
}

function hpaMax(hpa: KubernetesObject): number {
  const v = hpa.spec?.maxReplicas;
  return typeof v === 'number' && v >= 0 ? v : hpaMin(hpa);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Why a workload kind has no replica count, or undefined when it has one. */
export function notReplicated(workload: Workload): string | undefined {
  if (workload.replicas !== undefined) return undefined;
  switch (workload.ref.kind) {
    case 'DaemonSet':
      return 'a DaemonSet runs one pod per node; it has no replica count';
    case 'Job':
    case 'CronJob':
      return `a ${workload.ref.kind} runs to completion; it has no replica count`;
    case 'Pod':
      return 'a bare Pod is a single pod with no controller to replicate it';
    default:
      return `a ${workload.ref.kind} has no replica count`;
  }
}

/**
 * The replicas of a Deployment, StatefulSet or owner-less ReplicaSet, counting the minReplicas
 * of HorizontalPodAutoscalers that target it; undefined for other kinds.
 */
export function replicaCountOf({ workload, index, relations }: CheckContext<any>): ReplicaCount | undefined {
  if (workload.replicas === undefined) return undefined;
  const specReplicas = workload.replicas;
  const hpasUnreadable = unreadableKind(index, 'horizontalpodautoscalers');
  const hpas = hpasUnreadable ? [] : relations.horizontalPodAutoscalers;
  const evidence: CheckEvidence[] = [workloadEvidence(workload, 'spec.replicas')];
  if (hpas.length === 0) {
    return {
      specReplicas,
      hpas,
      count: specReplicas,
      floor: specReplicas,
      ceiling: specReplicas,
      description: `${plural(specReplicas, 'replica')} (spec.replicas)`,
      evidence,
      hpasUnreadable,
    };
  }
  const mins = hpas.map(hpaMin);
  const minReplicas = Math.max(...mins);
  const count = Math.max(specReplicas, minReplicas);
  const byHpa = hpas.reduce((best, h) => (hpaMin(h) > hpaMin(best) ? h : best));
  evidence.push(...hpas.map(h => objectEvidence(h, 'spec.minReplicas')));
  const description =
    minReplicas >= specReplicas
      ? `${plural(count, 'replica')} (HPA '${byHpa.metadata.name}' minReplicas ${minReplicas})`
      : `${plural(count, 'replica')} (spec.replicas; HPA '${byHpa.metadata.name}' minReplicas ${minReplicas})`;
  return {
    specReplicas,
    hpas,
    count,
    floor: Math.min(...mins),
    ceiling: Math.max(count, ...hpas.map(hpaMax)),
    description,
    evidence,
  };
}

/**
 * The gate of the checks that apply to multi-replica workloads only: the replica count, or the
 * outcome to return (`not-applicable` for other kinds and for fewer than 2 replicas, `unknown`
 * when fewer than 2 are declared and HPAs, which could raise it, are unreadable).
 */
export function multiReplicaGate(context: CheckContext<any>): { outcome: CheckOutcome } | { replicas: ReplicaCount } {
  const why = notReplicated(context.workload);
  const replicas = replicaCountOf(context);
  if (why || !replicas) return { outcome: { status: 'not-applicable', message: why ?? 'no replica count' } };
  if (replicas.count < 2 && replicas.hpasUnreadable) {
    return {
      outcome: {
        status: 'unknown',
        message: `spec.replicas is ${replicas.specReplicas} and an HPA's minReplicas could raise it: ${replicas.hpasUnreadable.message}`,
      },
    };
  }
  if (replicas.count < 2) {
    return {
      outcome: { status: 'not-applicable', message: `runs ${replicas.description}; applies from 2 replicas` },
    };
  }
  return { replicas };
}
