import { createReadinessCheck } from '../../types';
import { podSpecField, workloadEvidence } from '../../util';
import { tokenMountOf } from './serviceAccountToken';

/** dedicated-service-account: the pods do not carry the namespace's shared default identity. */
export const dedicatedServiceAccount = createReadinessCheck({
  id: 'dedicated-service-account',
  domain: 'security',
  severity: 'critical',
  scope: 'workload',
  title: 'Pods do not run as the default ServiceAccount with a mounted token',
  rationale:
    "Every pod of a namespace that names no ServiceAccount shares the 'default' one; with its token mounted, any RBAC grant made to it for one workload is handed to all of them, and a compromised pod holds a credential for the API server.",
  remediation: {
    text: 'Create a ServiceAccount for the workload, run its pods as it, and disable token automount unless the pods call the Kubernetes API.',
    snippet: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: cart
  namespace: shop
automountServiceAccountToken: false
---
# in the pod template
spec:
  serviceAccountName: cart
  automountServiceAccountToken: false`,
  },
  evaluate({ workload, index }) {
    const token = tokenMountOf(workload, index);
    const name = token.serviceAccountName;
    const saEvidence = workloadEvidence(
      workload,
      podSpecField(workload, 'serviceAccountName'),
    );
    if (name !== 'default') {
      const unreadable = index.missing('ServiceAccount');
      let note = '';
      if (!token.serviceAccount) {
        note = unreadable
          ? ` (ServiceAccounts cannot be read: ${unreadable.reason})`
          : ` (ServiceAccount '${name}' is not in the input)`;
      }
      return {
        status: 'pass',
        message: `the pods run as the dedicated ServiceAccount '${name}'${note}`,
        evidence: [saEvidence],
      };
    }
    const evidence = [saEvidence, ...token.evidence];
    if (token.mounted === false) {
      return {
        status: 'pass',
        message: `the pods run as ServiceAccount 'default' but mount no token: ${token.because}`,
        evidence,
      };
    }
    if (token.mounted === undefined) {
      return {
        status: 'unknown',
        message: `the pods run as ServiceAccount 'default'; whether its token is mounted is unknown: ${token.because}`,
        evidence,
      };
    }
    return {
      status: 'fail',
      message: `the pods run as ServiceAccount 'default' with an automounted token: ${token.because}`,
      evidence,
    };
  },
});
