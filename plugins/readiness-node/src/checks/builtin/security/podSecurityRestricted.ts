import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { record } from './containerSecurity';

const PREFIX = 'pod-security.kubernetes.io/';
const ENFORCE = `${PREFIX}enforce`;
const LEVELS = ['privileged', 'baseline', 'restricted'];

/** pod-security-restricted: the API server itself refuses pods that are not hardened. */
export const podSecurityRestricted = createReadinessCheck({
  id: 'pod-security-restricted',
  domain: 'security',
  severity: 'high',
  scope: 'namespace',
  requires: ['namespaces'],
  title: 'The namespace enforces the restricted Pod Security Standard',
  rationale:
    'Pod Security Admission in enforce mode makes the API server reject any pod that runs as root, escalates privileges, keeps capabilities or reaches into the host, so a later change or a new workload in the namespace cannot quietly undo the hardening.',
  remediation: {
    text: 'Label the namespace pod-security.kubernetes.io/enforce: restricted (try it first with the warn and audit labels to see which pods would be rejected).',
    snippet: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: latest
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: restricted`,
  },
  evaluate({ workload, relations }) {
    const name = workload.ref.namespace;
    const namespace = relations.namespace;
    if (!namespace) {
      return {
        status: 'unknown',
        message: `Namespace '${name}' is not in the input; its Pod Security labels cannot be read`,
      };
    }
    const labels = record(namespace.metadata?.labels);
    const enforce = labels[ENFORCE];
    const evidence = [
      objectEvidence(namespace, `metadata.labels['${ENFORCE}']`),
    ];
    if (enforce === 'restricted') {
      return {
        status: 'pass',
        message: `namespace '${name}' enforces the restricted Pod Security Standard`,
        evidence,
      };
    }
    // Warn/audit at restricted only report; say so, since it often looks like enforcement.
    const reportOnly = ['warn', 'audit'].filter(
      mode => labels[`${PREFIX}${mode}`] === 'restricted',
    );
    const note = reportOnly.length
      ? ` (${reportOnly.join(
          ' and ',
        )} at restricted only report violations, they do not block them)`
      : '';
    if (enforce === 'baseline') {
      return {
        status: 'fail',
        message: `namespace '${name}' enforces baseline, not restricted: host access and privileged pods are blocked, but running as root, privilege escalation and default capabilities are still admitted${note}`,
        evidence,
      };
    }
    if (enforce === 'privileged') {
      return {
        status: 'fail',
        message: `namespace '${name}' enforces privileged: Pod Security admits every pod${note}`,
        evidence,
      };
    }
    if (enforce === undefined) {
      return {
        status: 'fail',
        message: `namespace '${name}' has no ${ENFORCE} label: Pod Security admits every pod unless the cluster default says otherwise${note}`,
        evidence,
      };
    }
    return {
      status: 'fail',
      message: `namespace '${name}' has ${ENFORCE}: "${String(
        enforce,
      )}", which is not a Pod Security level (${LEVELS.join(
        ', ',
      )}); the API server rejects such a label${note}`,
      evidence,
    };
  },
});
