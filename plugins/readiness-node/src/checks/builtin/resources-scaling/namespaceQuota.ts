import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { namespaceEvidence, quoteNames } from './podResources';

const COMPUTE_KEYS = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory'];

/**
 * namespace-quota (seed self-audit 5): the workload's namespace has a ResourceQuota. A quota
 * with an empty `spec.hard` limits nothing and does not count (the seed would accept it). The
 * message says whether a quota caps cpu and memory or only counts objects.
 */
export const namespaceQuota = createReadinessCheck({
  id: 'namespace-quota',
  domain: 'resources-scaling',
  severity: 'high',
  scope: 'namespace',
  title: 'The namespace has a ResourceQuota',
  rationale:
    'Without a ResourceQuota one runaway deployment (a replica typo, an autoscaler gone wild) can claim all the capacity the namespace shares with the cluster, starving every other service.',
  remediation: {
    text: 'Give the namespace a ResourceQuota capping cpu and memory requests and limits (and object counts), sized to what its services need at peak.',
    snippet: `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: shop
spec:
  hard:
    requests.cpu: "8"
    requests.memory: 16Gi
    limits.cpu: "16"
    limits.memory: 16Gi
    pods: "50"`,
  },
  requires: ['resourcequotas'],
  evaluate({ workload, relations, index }) {
    const ns = workload.ref.namespace;
    const nsEvidence = namespaceEvidence(workload, index);
    const quotas = relations.resourceQuotas;
    const effective = quotas.filter(q => Object.keys(q.spec?.hard ?? {}).length > 0);
    if (effective.length === 0) {
      return {
        status: 'fail',
        message: quotas.length
          ? `namespace '${ns}' has only ResourceQuota ${quoteNames(quotas.map(q => q.metadata.name))} with no spec.hard, which limits nothing`
          : `namespace '${ns}' has no ResourceQuota`,
        evidence: [nsEvidence, ...quotas.map(q => objectEvidence(q, 'spec.hard'))],
      };
    }
    const capped = [...new Set(effective.flatMap(q => Object.keys(q.spec.hard).filter(k => COMPUTE_KEYS.includes(k))))];
    const what = capped.length ? `capping ${capped.join(', ')}` : 'counting objects only, not capping cpu or memory';
    return {
      status: 'pass',
      message: `namespace '${ns}' has ResourceQuota ${quoteNames(effective.map(q => q.metadata.name))} ${what}`,
      evidence: [nsEvidence, ...effective.map(q => objectEvidence(q, 'spec.hard'))],
    };
  },
});
