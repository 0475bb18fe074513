import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { matchesLabelSelector } from '../../../selectors';
import { createReadinessCheck } from '../../types';
import { podSpecField, workloadEvidence } from '../../util';
import { multiReplicaGate } from './replicas';

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const SPREAD_KEYS = [HOSTNAME, ZONE];

interface Spreader {
  what: string;
  path: string;
}

/**
 * spread-across-nodes: replicas on one node fail together.
 *
 * A constraint or anti-affinity term counts only when its labelSelector selects the workload's
 * own pods: a null selector matches no pod (API reference of both fields), and a selector of
 * other pods spreads nothing of this workload.
 */
export const spreadAcrossNodes = createReadinessCheck({
  id: 'spread-across-nodes',
  domain: 'scheduling-state',
  severity: 'high',
  scope: 'workload',
  title: 'Replicas are spread across nodes',
  rationale:
    'Nothing stops the scheduler from packing every replica onto one node; that node failing or being drained then takes all of them at once, and the extra replicas bought nothing.',
  remediation: {
    text: `Add a topologySpreadConstraint on ${HOSTNAME} (or ${ZONE}) whose labelSelector selects the pods, or a podAntiAffinity term on ${HOSTNAME}.`,
    snippet: `spec:
  template:
    metadata:
      labels:
        app.kubernetes.io/name: cart
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: cart
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: cart`,
  },
  evaluate(context) {
    const gate = multiReplicaGate(context);
    if ('outcome' in gate) return gate.outcome;
    const { workload, relations } = context;
    const spec = workload.template.spec ?? {};
    const labels = workload.template.metadata.labels ?? {};
    const spreaders: Spreader[] = [];
    const ignored: string[] = [];

    const constraints: any[] = Array.isArray(spec.topologySpreadConstraints) ? spec.topologySpreadConstraints : [];
    constraints.forEach((c, i) => {
      if (!SPREAD_KEYS.includes(c?.topologyKey)) return;
      const field = `topologySpreadConstraints[${i}]`;
      if (!matchesLabelSelector(c.labelSelector, labels)) {
        ignored.push(`${field} on ${c.topologyKey} has a labelSelector that does not select the workload's pods`);
        return;
      }
      const mode = c.whenUnsatisfiable === 'ScheduleAnyway' ? 'ScheduleAnyway' : 'DoNotSchedule';
      spreaders.push({ what: `topologySpreadConstraints on ${c.topologyKey} (${mode})`, path: podSpecField(workload, field) });
    });

    const nsLabels = relations.namespace?.metadata.labels;
    const coversOwnNamespace = (term: any): boolean => {
      const names: string[] = Array.isArray(term?.namespaces) ? term.namespaces : [];
      if (names.length === 0 && !term?.namespaceSelector) return true;
      if (names.includes(workload.ref.namespace)) return true;
      // Without the Namespace object its labels are unknown: give the term the benefit of the doubt.
      return !!term?.namespaceSelector && (!nsLabels || matchesLabelSelector(term.namespaceSelector, nsLabels));
    };
    const anti = spec.affinity?.podAntiAffinity ?? {};
    const terms: Array<{ term: any; kind: string; field: string }> = [
      ...(Array.isArray(anti.requiredDuringSchedulingIgnoredDuringExecution)
        ? anti.requiredDuringSchedulingIgnoredDuringExecution
        : []
      ).map((term: any, i: number) => ({
        term,
        kind: 'required',
        field: `affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[${i}]`,
      })),
      ...(Array.isArray(anti.preferredDuringSchedulingIgnoredDuringExecution)
        ? anti.preferredDuringSchedulingIgnoredDuringExecution
        : []
      ).map((weighted: any, i: number) => ({
        term: weighted?.podAffinityTerm,
        kind: 'preferred',
        field: `affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm`,
      })),
    ];
    for (const { term, kind, field } of terms) {
      if (term?.topologyKey !== HOSTNAME) continue;
      if (!matchesLabelSelector(term.labelSelector, labels) || !coversOwnNamespace(term)) {
        ignored.push(`${field} has a labelSelector or namespaces that do not select the workload's pods`);
        continue;
      }
      spreaders.push({ what: `pod anti-affinity (${kind}) on ${HOSTNAME}`, path: podSpecField(workload, field) });
    }

    const evidence: CheckEvidence[] = spreaders.map(s => workloadEvidence(workload, s.path));
    if (spreaders.length > 0) {
      return {
        status: 'pass',
        message: `${gate.replicas.description} spread by ${[...new Set(spreaders.map(s => s.what))].join(' and ')}`,
        evidence,
      };
    }

    const nodes = new Set(workload.pods.map(p => p.spec?.nodeName).filter((n): n is string => typeof n === 'string'));
    const placement =
      workload.pods.length >= 2 && nodes.size === 1 ? `; its ${workload.pods.length} pods all run on node '${[...nodes][0]}'` : '';
    const ignoredNote = ignored.length ? ` (ignored: ${ignored.join('; ')})` : '';
    return {
      status: 'fail',
      message: `${gate.replicas.description} with no topologySpreadConstraints on ${HOSTNAME} or ${ZONE} and no pod anti-affinity on ${HOSTNAME}: the scheduler may place every replica on one node${placement}${ignoredNote}`,
      evidence: [workloadEvidence(workload, podSpecField(workload, 'topologySpreadConstraints'))],
    };
  },
});
