import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import {
  bindingsOf,
  describeBinding,
  tokenMountOf,
} from './serviceAccountToken';

/** token-automount-disabled: pods that never call the API server hold no credential for it. */
export const tokenAutomountDisabled = createReadinessCheck({
  id: 'token-automount-disabled',
  domain: 'security',
  severity: 'medium',
  scope: 'workload',
  title: 'The ServiceAccount token is mounted only when the pods use it',
  rationale:
    'An automounted ServiceAccount token is a live credential for the API server in every pod; a workload that is granted no RBAC permissions has no use for it, and an attacker who gets in should not find one.',
  remediation: {
    text: 'Set automountServiceAccountToken: false on the ServiceAccount (or the pod template) of workloads that do not call the Kubernetes API; workloads that do should have a RoleBinding granting exactly what they need.',
    snippet: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: cart
  namespace: shop
automountServiceAccountToken: false
---
# or in the pod template (overrides the ServiceAccount)
spec:
  serviceAccountName: cart
  automountServiceAccountToken: false`,
  },
  evaluate({ workload, index }) {
    const token = tokenMountOf(workload, index);
    const name = token.serviceAccountName;
    if (token.mounted === false) {
      return {
        status: 'pass',
        message: `no ServiceAccount token is mounted: ${token.because}`,
        evidence: token.evidence,
      };
    }
    const bindings = bindingsOf(index, workload.ref.namespace, name);
    if (bindings.found.length > 0) {
      const shown = bindings.found.slice(0, 3).map(describeBinding).join(', ');
      const more =
        bindings.found.length > 3
          ? ` and ${bindings.found.length - 3} more`
          : '';
      return {
        status: 'pass',
        message: `ServiceAccount '${name}' is bound by ${shown}${more}: the pods call the API and need the token`,
        evidence: [
          ...token.evidence,
          ...bindings.found.map(b => objectEvidence(b, 'subjects')),
        ],
      };
    }
    if (token.mounted === undefined) {
      return {
        status: 'unknown',
        message: `ServiceAccount '${name}' has no RoleBinding or ClusterRoleBinding, but whether its token is mounted is unknown: ${token.because}`,
        evidence: token.evidence,
      };
    }
    if (bindings.unreadable.length > 0) {
      return {
        status: 'unknown',
        message: `the token is mounted (${
          token.because
        }), and whether ServiceAccount '${name}' needs it is unknown: ${bindings.unreadable.join(
          '; ',
        )}`,
        evidence: token.evidence,
      };
    }
    return {
      status: 'fail',
      message: `the ServiceAccount token is mounted though ServiceAccount '${name}' has no RoleBinding or ClusterRoleBinding: ${token.because}`,
      evidence: token.evidence,
    };
  },
});
