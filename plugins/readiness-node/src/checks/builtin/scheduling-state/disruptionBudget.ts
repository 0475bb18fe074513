import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';
import { allowedDisruptions, describePdbRule } from './pdb';
import { multiReplicaGate, plural, unreadableKind } from './replicas';

function formatLabels(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? pairs.join(',') : 'no labels';
}

/**
 * disruption-budget (seed self-audit 3, stricter): the seed passes a namespace holding any PDB;
 * here a PDB must select this workload's pods (relations.podDisruptionBudgets applies the full
 * matchLabels + matchExpressions semantics to the pod template labels).
 */
export const disruptionBudget = createReadinessCheck({
  id: 'disruption-budget',
  domain: 'scheduling-state',
  severity: 'critical',
  scope: 'workload',
  title: 'A PodDisruptionBudget protects the replicas',
  rationale:
    'Without a PodDisruptionBudget, a node drain, a cluster upgrade or the cluster autoscaler may evict every replica at once and take the service to zero.',
  remediation: {
    text: "Add a PodDisruptionBudget in the workload's namespace whose selector matches the pod template labels, keeping all but one pod available.",
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
    const gate = multiReplicaGate(context);
    if ('outcome' in gate) return gate.outcome;
    const { workload, index, relations } = context;
    const unreadable = unreadableKind(index, 'poddisruptionbudgets');
    if (unreadable) return unreadable;

    const ns = workload.ref.namespace;
    const labels = workload.template.metadata.labels ?? {};
    const pdbs = relations.podDisruptionBudgets;
    if (pdbs.length === 0) {
      const others = index.list('PodDisruptionBudget', ns);
      const otherNote = others.length
        ? `; ${plural(others.length, 'PodDisruptionBudget')} there ${others.length === 1 ? 'selects' : 'select'} other pods: ${others.map(p => `'${p.metadata.name}'`).join(', ')}`
        : '';
      return {
        status: 'fail',
        message: `${gate.replicas.description} but no PodDisruptionBudget in namespace '${ns}' selects its pod labels (${formatLabels(labels)})${otherNote}`,
        evidence: [
          workloadEvidence(workload, `${workload.templatePath}.metadata.labels`),
          ...others.map(p => objectEvidence(p, 'spec.selector')),
        ],
      };
    }

    const evidence = pdbs.map(p => objectEvidence(p, 'spec.selector'));
    const notes: string[] = [];
    for (const p of pdbs) {
      if (allowedDisruptions(p, gate.replicas.count) === gate.replicas.count) {
        notes.push(`'${p.metadata.name}' (${describePdbRule(p)}) lets every replica be evicted at once, so it protects nothing`);
      }
    }
    if (pdbs.length > 1) {
      notes.push(
        `${pdbs.length} PodDisruptionBudgets select these pods (${pdbs.map(p => `'${p.metadata.name}'`).join(', ')}); ` +
          'the eviction API refuses to evict a pod covered by more than one, so node drains stall: keep one',
      );
      return {
        status: 'pass',
        message: `${gate.replicas.description} protected by PodDisruptionBudgets; note: ${notes.join('; ')}`,
        evidence,
      };
    }
    const [pdb] = pdbs;
    return {
      status: 'pass',
      message: `${gate.replicas.description} protected by PodDisruptionBudget '${pdb.metadata.name}' (${describePdbRule(pdb)})${
        notes.length ? `; note: ${notes.join('; ')}` : ''
      }`,
      evidence,
    };
  },
});
