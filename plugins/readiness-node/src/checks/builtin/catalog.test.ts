import { BUILT_IN_CHECKS } from '.';

/**
 * The check catalog is a contract (ids used by the CLI, the API, the UI, config keys and docs):
 * every id of the catalog exists with its domain and default severity, in catalog order.
 */
const CATALOG: Array<[string, string, string]> = [
  ['image-tag-pinned', 'supply-chain', 'critical'],
  ['image-digest-pinned', 'supply-chain', 'medium'],
  ['image-registry-allowed', 'supply-chain', 'high'],
  ['image-vulnerability-scan', 'supply-chain', 'high'],
  ['no-secret-literals-in-env', 'supply-chain', 'critical'],
  ['helm-managed', 'packaging-traffic', 'medium'],
  ['readiness-probe', 'packaging-traffic', 'critical'],
  ['liveness-probe', 'packaging-traffic', 'high'],
  ['probes-distinct', 'packaging-traffic', 'high'],
  ['ingress-tls', 'packaging-traffic', 'high'],
  ['tls-certificate-managed', 'packaging-traffic', 'medium'],
  ['no-nodeport-exposure', 'packaging-traffic', 'medium'],
  ['metrics-scraped', 'observability', 'high'],
  ['alerting-rules', 'observability', 'high'],
  ['slo-defined', 'observability', 'medium'],
  ['logs-collected', 'observability', 'low'],
  ['oncall-defined', 'observability', 'medium'],
  ['gitops-managed', 'delivery', 'high'],
  ['gitops-self-heal', 'delivery', 'medium'],
  ['secrets-sealed', 'delivery', 'high'],
  ['release-smoke-test', 'delivery', 'low'],
  ['rollback-ready', 'delivery', 'medium'],
  ['dedicated-service-account', 'security', 'critical'],
  ['token-automount-disabled', 'security', 'medium'],
  ['pod-security-restricted', 'security', 'high'],
  ['run-as-non-root', 'security', 'critical'],
  ['no-privilege-escalation', 'security', 'high'],
  ['capabilities-dropped', 'security', 'high'],
  ['read-only-root-filesystem', 'security', 'medium'],
  ['seccomp-profile', 'security', 'medium'],
  ['no-host-access', 'security', 'critical'],
  ['network-policy', 'security', 'medium'],
  ['resource-requests', 'resources-scaling', 'critical'],
  ['not-best-effort', 'resources-scaling', 'critical'],
  ['memory-limit', 'resources-scaling', 'high'],
  ['critical-qos-guaranteed', 'resources-scaling', 'medium'],
  ['autoscaling', 'resources-scaling', 'medium'],
  ['hpa-vpa-conflict', 'resources-scaling', 'high'],
  ['requests-right-sized', 'resources-scaling', 'low'],
  ['namespace-quota', 'resources-scaling', 'high'],
  ['namespace-limit-range', 'resources-scaling', 'medium'],
  ['replicas-minimum', 'scheduling-state', 'high'],
  ['spread-across-nodes', 'scheduling-state', 'high'],
  ['disruption-budget', 'scheduling-state', 'critical'],
  ['disruption-budget-allows-eviction', 'scheduling-state', 'medium'],
  ['stateful-storage', 'scheduling-state', 'high'],
  ['priority-class', 'scheduling-state', 'medium'],
  ['backup-scheduled', 'resilience', 'critical'],
  ['logical-backup', 'resilience', 'high'],
  ['restore-tested', 'resilience', 'critical'],
  ['rpo-rto-declared', 'resilience', 'medium'],
  ['runbook-linked', 'resilience', 'medium'],
];

describe('the built-in check catalog', () => {
  it('implements every catalog id with its domain and default severity, in order', () => {
    expect(BUILT_IN_CHECKS.map(c => [c.id, c.domain, c.severity])).toEqual(CATALOG);
  });

  it('gives every check a title, a rationale and a remediation with a YAML snippet', () => {
    for (const check of BUILT_IN_CHECKS) {
      expect({ id: check.id, ok: Boolean(check.title && check.rationale && check.remediation.text && check.remediation.snippet) }).toEqual({
        id: check.id,
        ok: true,
      });
    }
  });
});
