import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { createReadinessCheck } from '../../types';
import { workloadEvidence } from '../../util';

/** Kubernetes' default `spec.revisionHistoryLimit` of a Deployment. */
const DEFAULT_REVISION_HISTORY = 10;
/** Kubernetes' default `spec.strategy.rollingUpdate.maxUnavailable`. */
const DEFAULT_MAX_UNAVAILABLE = '25%';

/**
 * Resolves an int-or-percent against `replicas` as the deployment controller does for
 * maxUnavailable (percentages round down); undefined when malformed.
 */
function resolveMaxUnavailable(value: unknown, replicas: number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)%$/.exec(value.trim());
  if (!m) return undefined;
  return Math.floor((replicas * Number(m[1])) / 100);
}

/** rollback-ready: a bad release can be undone quickly, and a rollout never empties the service. */
export const rollbackReady = createReadinessCheck({
  id: 'rollback-ready',
  domain: 'delivery',
  severity: 'medium',
  scope: 'workload',
  title: 'Deployments can roll back and roll out without downtime',
  rationale:
    'Without kept revisions `kubectl rollout undo` has nothing to return to, and a Recreate strategy or a maxUnavailable as large as the replica count takes every pod down during each release.',
  remediation: {
    text:
      'Keep old ReplicaSets (revisionHistoryLimit > 0) and roll out with RollingUpdate and a maxUnavailable below the replica count (or 0 with a maxSurge).',
    snippet: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  replicas: 3
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1`,
  },
  evaluate({ workload, relations }) {
    if (workload.ref.kind !== 'Deployment') {
      return {
        status: 'not-applicable',
        message: `rollback-ready applies to Deployments; ${workload.ref.kind} ${workload.ref.name} is not one`,
      };
    }
    const spec = workload.object.spec ?? {};
    // An HPA keeps at least minReplicas (default 1) running, whatever spec.replicas says.
    const hpaMin = Math.max(
      0,
      ...relations.horizontalPodAutoscalers.map(h => (typeof h.spec?.minReplicas === 'number' ? h.spec.minReplicas : 1)),
    );
    const replicas = Math.max(workload.replicas ?? 1, hpaMin);

    const problems: Array<{ message: string; path: string }> = [];
    const malformed: Array<{ message: string; path: string }> = [];

    const history = spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY;
    if (typeof history !== 'number' || !Number.isInteger(history) || history < 0) {
      malformed.push({ message: `revisionHistoryLimit ${JSON.stringify(history)} is not a non-negative integer`, path: 'spec.revisionHistoryLimit' });
    } else if (history === 0) {
      problems.push({
        message: 'revisionHistoryLimit is 0: no old ReplicaSet is kept, so there is nothing to roll back to',
        path: 'spec.revisionHistoryLimit',
      });
    }

    const type = spec.strategy?.type ?? 'RollingUpdate';
    let rollout = '';
    if (type === 'Recreate') {
      if (replicas > 1) {
        problems.push({
          message: `strategy Recreate stops all ${replicas} pods before starting the new ones: every release is an outage`,
          path: 'spec.strategy.type',
        });
      } else {
        rollout = 'Recreate with a single replica';
      }
    } else if (type === 'RollingUpdate') {
      const raw = spec.strategy?.rollingUpdate?.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE;
      const maxUnavailable = resolveMaxUnavailable(raw, replicas);
      const path = 'spec.strategy.rollingUpdate.maxUnavailable';
      if (maxUnavailable === undefined) {
        malformed.push({ message: `maxUnavailable ${JSON.stringify(raw)} is neither a non-negative integer nor a percentage`, path });
      } else if (replicas > 1 && replicas - maxUnavailable < 1) {
        problems.push({
          message: `maxUnavailable ${raw} allows all ${replicas} pods to be down at once during a rollout`,
          path,
        });
      } else {
        rollout = `RollingUpdate with maxUnavailable ${raw} (${Math.min(maxUnavailable, replicas)} of ${replicas} pod(s))`;
      }
    } else {
      malformed.push({ message: `strategy type ${JSON.stringify(type)} is neither RollingUpdate nor Recreate`, path: 'spec.strategy.type' });
    }

    const evidence = (list: Array<{ path: string }>): CheckEvidence[] => list.map(p => workloadEvidence(workload, p.path));
    if (problems.length > 0) {
      return {
        status: 'fail',
        message: `Deployment ${workload.ref.name}: ${problems.map(p => p.message).join('; ')}`,
        evidence: evidence(problems),
      };
    }
    if (malformed.length > 0) {
      return {
        status: 'unknown',
        message: `Deployment ${workload.ref.name}: ${malformed.map(p => p.message).join('; ')}`,
        evidence: evidence(malformed),
      };
    }
    return {
      status: 'pass',
      message: `Deployment ${workload.ref.name} keeps ${history} old ReplicaSet(s) and rolls out by ${rollout}`,
      evidence: [workloadEvidence(workload, 'spec.revisionHistoryLimit'), workloadEvidence(workload, 'spec.strategy')],
    };
  },
});
