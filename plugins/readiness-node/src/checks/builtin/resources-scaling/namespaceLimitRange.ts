import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { namespaceEvidence, quoteNames } from './podResources';

/**
 * namespace-limit-range: the workload's namespace has a LimitRange. Only one with at least one
 * `Container` or `Pod` item counts: a LimitRange constraining only PersistentVolumeClaims (or
 * with no items) does nothing for compute. The message says whether it gives containers defaults.
 */
export const namespaceLimitRange = createReadinessCheck({
  id: 'namespace-limit-range',
  domain: 'resources-scaling',
  severity: 'medium',
  scope: 'namespace',
  title: 'The namespace has a LimitRange',
  rationale:
    'A LimitRange gives containers that forget resources sane default requests and limits and caps what any one container may ask for, so one manifest cannot land BestEffort pods or monopolise a node.',
  remediation: {
    text: 'Add a LimitRange with Container defaults (default, defaultRequest) and a max, so every container gets bounded resources even when its manifest forgets them.',
    snippet: `apiVersion: v1
kind: LimitRange
metadata:
  name: container-defaults
  namespace: shop
spec:
  limits:
    - type: Container
      defaultRequest:
        cpu: 100m
        memory: 128Mi
      default:
        memory: 256Mi     # no cpu default: a cpu max would become every container's cpu limit
      max:
        memory: 4Gi`,
  },
  requires: ['limitranges'],
  evaluate({ workload, relations, index }) {
    const ns = workload.ref.namespace;
    const nsEvidence = namespaceEvidence(workload, index);
    const limitRanges = relations.limitRanges;
    const items = (lr: any): any[] => (Array.isArray(lr.spec?.limits) ? lr.spec.limits : []);
    const compute = limitRanges.filter(lr => items(lr).some(i => i?.type === 'Container' || i?.type === 'Pod'));
    if (compute.length === 0) {
      return {
        status: 'fail',
        message: limitRanges.length
          ? `namespace '${ns}' has only LimitRange ${quoteNames(limitRanges.map(l => l.metadata.name))}, with no Container or Pod limits`
          : `namespace '${ns}' has no LimitRange`,
        evidence: [nsEvidence, ...limitRanges.map(l => objectEvidence(l, 'spec.limits'))],
      };
    }
    const defaults = compute.some(lr =>
      items(lr).some(
        i => i?.type === 'Container' && ['default', 'defaultRequest', 'max', 'min'].some(k => Object.keys(i[k] ?? {}).length > 0),
      ),
    );
    return {
      status: 'pass',
      message: `namespace '${ns}' has LimitRange ${quoteNames(compute.map(l => l.metadata.name))}${
        defaults ? ', giving containers default resources' : ', with no container defaults'
      }`,
      evidence: [nsEvidence, ...compute.map(l => objectEvidence(l, 'spec.limits'))],
    };
  },
});
