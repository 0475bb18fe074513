import { resourcesScalingChecks } from './index';

describe('resourcesScalingChecks', () => {
  it('lists every resources-scaling check of the catalog, in catalog order', () => {
    expect(resourcesScalingChecks.map(c => c.id)).toEqual([
      'resource-requests',
      'not-best-effort',
      'memory-limit',
      'critical-qos-guaranteed',
      'autoscaling',
      'hpa-vpa-conflict',
      'requests-right-sized',
      'namespace-quota',
      'namespace-limit-range',
    ]);
  });

  it('declares the catalog severities and scopes', () => {
    expect(Object.fromEntries(resourcesScalingChecks.map(c => [c.id, `${c.severity}/${c.scope}`]))).toEqual({
      'resource-requests': 'critical/workload',
      'not-best-effort': 'critical/workload',
      'memory-limit': 'high/workload',
      'critical-qos-guaranteed': 'medium/workload',
      autoscaling: 'medium/workload',
      'hpa-vpa-conflict': 'high/workload',
      'requests-right-sized': 'low/workload',
      'namespace-quota': 'high/namespace',
      'namespace-limit-range': 'medium/namespace',
    });
  });

  it('gives every check its domain, a rationale and a remediation snippet', () => {
    for (const check of resourcesScalingChecks) {
      expect(check.domain).toBe('resources-scaling');
      expect(check.rationale.length).toBeGreaterThan(40);
      expect(check.remediation.snippet).toMatch(/\S/);
    }
  });
});
