import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { allowedDisruptions, describePdbRule, pdbRuleField } from './pdb';
import { notReplicated, plural, replicaCountOf, unreadableKind } from './replicas';

const BLOCKS = 'every node drain, cluster upgrade and autoscaler scale-down then blocks on these pods';

/**
 * disruption-budget-allows-eviction: a PDB that allows no eviction blocks maintenance.
 *
 * Applies to every replicated workload one PDB selects, single-replica ones included (a PDB of
 * minAvailable 1 over one replica is the classic drain blocker). The budget is computed from the
 * spec as the disruption controller does with every pod healthy, at the steady replica count and,
 * when an HPA can scale below it, at the HPA's minReplicas.
 */
export const disruptionBudgetAllowsEviction = createReadinessCheck({
  id: 'disruption-budget-allows-eviction',
  domain: 'scheduling-state',
  severity: 'medium',
  scope: 'workload',
  title: 'The PodDisruptionBudget still allows one eviction',
  rationale:
    'A PodDisruptionBudget that allows no eviction (minAvailable 100% or equal to the replicas, maxUnavailable 0) makes every node drain, upgrade and autoscaler scale-down hang on these pods until someone deletes it by hand.',
  remediation: {
    text: 'Let the budget evict at least one pod: prefer maxUnavailable: 1, or a minAvailable below the replica count.',
    snippet: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: cart
  namespace: shop
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: cart`,
  },
  evaluate(context) {
    const { workload, index, relations } = context;
    const why = notReplicated(workload);
    const replicas = replicaCountOf(context);
    if (why || !replicas) return { status: 'not-applicable', message: why ?? 'no replica count' };
    if (replicas.count === 0) return { status: 'not-applicable', message: 'scaled to 0 replicas: there is nothing to evict' };
    const unreadable = unreadableKind(index, 'poddisruptionbudgets');
    if (unreadable) return unreadable;

    const pdbs = relations.podDisruptionBudgets;
    if (pdbs.length === 0) {
      return { status: 'not-applicable', message: 'no PodDisruptionBudget selects the pods (see disruption-budget)' };
    }
    if (pdbs.length > 1) {
      return {
        status: 'fail',
        message:
          `${pdbs.length} PodDisruptionBudgets select the pods (${pdbs.map(p => `'${p.metadata.name}'`).join(', ')}): ` +
          `the eviction API refuses to evict a pod covered by more than one, so none can ever be evicted; ${BLOCKS}`,
        evidence: pdbs.map(p => objectEvidence(p, 'spec.selector')),
      };
    }

    const [pdb] = pdbs;
    const name = `PodDisruptionBudget '${pdb.metadata.name}' (${describePdbRule(pdb)})`;
    const field = pdbRuleField(pdb);
    const evidence = [objectEvidence(pdb, field ? `spec.${field}` : 'spec'), ...replicas.evidence];
    const atCount = allowedDisruptions(pdb, replicas.count);
    if (atCount === undefined) {
      return {
        status: 'unknown',
        message: `${name}: spec.${field} must be an integer or a percentage such as "50%"`,
        evidence,
      };
    }
    if (atCount === 0) {
      return {
        status: 'fail',
        message: `${name} allows no eviction of the workload's ${replicas.description}: ${BLOCKS}`,
        evidence,
      };
    }
    if (replicas.floor > 0 && replicas.floor < replicas.count && allowedDisruptions(pdb, replicas.floor) === 0) {
      return {
        status: 'fail',
        message:
          `${name} allows ${plural(atCount, 'eviction')} at ${replicas.description} but none once the HPA scales down ` +
          `to minReplicas ${replicas.floor}: ${BLOCKS}`,
        evidence,
      };
    }
    return {
      status: 'pass',
      message: `${name} allows ${atCount} of ${plural(replicas.count, 'replica')} to be evicted at a time`,
      evidence,
    };
  },
});
