import { KubernetesObject } from '../../../objects';
import { LabelSelector, matchesLabelSelector } from '../../../selectors';
import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';
import { record } from './containerSecurity';

type Direction = 'Ingress' | 'Egress';
const DIRECTIONS: Direction[] = ['Ingress', 'Egress'];

/**
 * A NetworkPolicy podSelector made safe to match: absent or null is the empty selector (all
 * pods, as the API server decodes it); a malformed one selects nothing instead of throwing.
 */
function podSelectorOf(policy: KubernetesObject): LabelSelector | undefined {
  const raw = record(policy.spec).podSelector;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const { matchLabels, matchExpressions } = raw as Record<string, unknown>;
  if (
    matchLabels !== undefined &&
    matchLabels !== null &&
    (typeof matchLabels !== 'object' || Array.isArray(matchLabels))
  ) {
    return undefined;
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return undefined;
    const wellFormed = matchExpressions.every(
      e =>
        typeof record(e).key === 'string' &&
        typeof record(e).operator === 'string' &&
        (record(e).values === undefined || Array.isArray(record(e).values)),
    );
    if (!wellFormed) return undefined;
  }
  return raw as LabelSelector;
}

/**
 * The directions a policy isolates. Without policyTypes, Kubernetes infers Ingress always and
 * Egress only when the policy has egress rules.
 */
function directionsOf(policy: KubernetesObject): Direction[] {
  const spec = record(policy.spec);
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) {
    return DIRECTIONS.filter(d => spec.policyTypes.includes(d));
  }
  return Array.isArray(spec.egress) && spec.egress.length > 0
    ? ['Ingress', 'Egress']
    : ['Ingress'];
}

function names(policies: KubernetesObject[]): string {
  const quoted = policies.map(p => `'${p.metadata.name}'`).join(', ');
  return `NetworkPolic${policies.length === 1 ? 'y' : 'ies'} ${quoted}`;
}

/** network-policy: a compromised pod cannot reach, or be reached from, anything it does not need. */
export const networkPolicy = createReadinessCheck({
  id: 'network-policy',
  domain: 'security',
  severity: 'medium',
  scope: 'namespace',
  requires: ['networkpolicies'],
  title: 'NetworkPolicies restrict ingress and egress of the pods',
  rationale:
    'Pods accept connections from, and open connections to, any pod in the cluster until a NetworkPolicy selects them; without ingress and egress isolation one compromised workload can reach every database and exfiltrate freely.',
  remediation: {
    text: 'Add a default-deny NetworkPolicy for both directions in the namespace, then allow the traffic each workload needs (its callers, its dependencies, DNS).',
    snippet: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: cart
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: cart
  policyTypes: ["Ingress", "Egress"]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: frontend
      ports:
        - port: 8080
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP`,
  },
  evaluate({ workload, index }) {
    const namespace = workload.ref.namespace;
    const labels = record(workload.template?.metadata?.labels) as Record<
      string,
      string
    >;
    const policies = index
      .list('NetworkPolicy', namespace)
      .filter(p => matchesLabelSelector(podSelectorOf(p), labels));
    if (policies.length === 0) {
      const labelsPath = workload.templatePath
        ? `${workload.templatePath}.metadata.labels`
        : 'metadata.labels';
      return {
        status: 'fail',
        message: `no NetworkPolicy in namespace '${namespace}' selects the pods: all ingress and egress traffic is allowed`,
        evidence: [workloadEvidence(workload, labelsPath)],
      };
    }
    const by = new Map<Direction, KubernetesObject[]>(
      DIRECTIONS.map(d => [
        d,
        policies.filter(p => directionsOf(p).includes(d)),
      ]),
    );
    const uncovered = DIRECTIONS.filter(d => by.get(d)!.length === 0);
    const evidence = policies.map(p => objectEvidence(p, 'spec.policyTypes'));
    if (uncovered.length === 0) {
      const ingress = by.get('Ingress')!;
      const egress = by.get('Egress')!;
      const detail =
        ingress.length === policies.length && egress.length === policies.length
          ? names(policies)
          : `${names(ingress)} (Ingress) and ${names(egress)} (Egress)`;
      return {
        status: 'pass',
        message: `the pods are isolated for Ingress and Egress by ${detail}`,
        evidence,
      };
    }
    const covered = DIRECTIONS.filter(d => !uncovered.includes(d));
    const selected = covered.length
      ? `for ${covered.join(' and ')} only`
      : 'for no direction';
    return {
      status: 'fail',
      message: `${names(policies)} ${
        policies.length === 1 ? 'selects' : 'select'
      } the pods ${selected}; no NetworkPolicy restricts their ${uncovered.join(
        ' or ',
      )} traffic`,
      evidence,
    };
  },
});
