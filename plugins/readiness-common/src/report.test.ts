import { buildEntityReport } from './report';
import { CheckResult, WorkloadResult } from './types';

const ref = { cluster: 'prod', kind: 'Deployment', namespace: 'shop', name: 'cart' };
const result = (checkId: string, status: CheckResult['status'], severity: CheckResult['severity'] = 'critical'): CheckResult => ({
  checkId,
  domain: 'packaging-traffic',
  severity,
  status,
  message: `${checkId} ${status}`,
  evidence: [{ kind: 'Deployment', namespace: 'shop', name: 'cart' }],
});
const workloads = (...results: CheckResult[]): WorkloadResult[] => [{ ref, results }];
const now = new Date('2026-11-21T12:00:00Z');

describe('buildEntityReport', () => {
  it('scores the aggregated results and lists the workloads', () => {
    const report = buildEntityReport({ entityRef: 'component:default/cart', workloadResults: workloads(result('readiness-probe', 'fail')), now });
    expect(report).toMatchObject({ verdict: 'no-go', state: 'evaluated', workloads: [ref], evaluatedAt: '2026-11-21T12:00:00.000Z' });
    expect(report.checks[0].status).toBe('fail');
  });

  it('applies accepted risks before scoring, so a waived critical is a go', () => {
    const report = buildEntityReport({
      entityRef: 'component:default/cart',
      workloadResults: workloads(result('readiness-probe', 'fail')),
      acceptedRisks: [{ checkId: 'readiness-probe', entityRef: 'component:default/cart', reason: 'batch consumer', expiresAt: '2027-01-31', source: 'annotation' }],
      now,
    });
    expect(report.verdict).toBe('go');
    expect(report.checks[0].status).toBe('waived');
  });

  it('turns configuration errors into a no-go, and into the configuration-error state without workloads', () => {
    const report = buildEntityReport({
      entityRef: 'component:default/cart',
      workloadResults: [],
      configurationErrors: [{ source: 'backstage.io/kubernetes-label-selector', message: 'invalid label selector' }],
      now,
    });
    expect(report.verdict).toBe('no-go');
    expect(report.state).toBe('configuration-error');
    expect(report.score).toBeNull();
  });

  it('gives no level to an entity that was not evaluated, never gold for lack of evidence', () => {
    for (const state of ['not-mapped', 'no-workloads', 'configuration-error'] as const) {
      expect(buildEntityReport({ entityRef: 'x', state, workloadResults: [], now }).level).toBe('none');
    }
    expect(buildEntityReport({ entityRef: 'x', workloadResults: workloads(result('readiness-probe', 'pass')), now }).level).toBe('gold');
  });

  it('keeps staleness only when a source is stale', () => {
    expect(buildEntityReport({ entityRef: 'x', workloadResults: [], now, stale: {} }).stale).toBeUndefined();
    expect(buildEntityReport({ entityRef: 'x', workloadResults: [], now, stale: { prod: '2026-11-21T11:00:00Z' } }).stale).toEqual({
      prod: '2026-11-21T11:00:00Z',
    });
  });
});
