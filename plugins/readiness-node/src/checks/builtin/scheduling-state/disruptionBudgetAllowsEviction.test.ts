import { cronJob, deployment, run } from '../../../testing/fixtures';
import { disruptionBudgetAllowsEviction } from './disruptionBudgetAllowsEviction';
import { daemonSet, hpa, pdb } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const selector = { matchLabels: { 'app.kubernetes.io/name': 'cart' } };
const budget = (rule: Record<string, unknown>) => pdb('cart', { ...rule, selector });
const cart = (replicas = 2) => deployment('cart', 'shop', { spec: { replicas } });

describe('disruption-budget-allows-eviction', () => {
  it('passes maxUnavailable 1, saying how many pods may go at once', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(), budget({ maxUnavailable: 1 })], target);
    expect(outcome).toEqual({
      status: 'pass',
      message: "PodDisruptionBudget 'cart' (maxUnavailable: 1) allows 1 of 2 replicas to be evicted at a time",
      evidence: [
        { kind: 'PodDisruptionBudget', namespace: 'shop', name: 'cart', path: 'spec.maxUnavailable' },
        { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' },
      ],
    });
  });

  it('passes minAvailable 50% of 3 replicas (rounded up to 2, leaving 1 eviction)', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(3), budget({ minAvailable: '50%' })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('allows 1 of 3 replicas');
  });

  it('passes maxUnavailable 25% of 2 replicas (rounded up to 1)', () => {
    expect(run(disruptionBudgetAllowsEviction, [cart(), budget({ maxUnavailable: '25%' })], target).status).toBe('pass');
  });

  it('fails minAvailable "100%"', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(), budget({ minAvailable: '100%' })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "PodDisruptionBudget 'cart' (minAvailable: 100%) allows no eviction of the workload's 2 replicas (spec.replicas): " +
        'every node drain, cluster upgrade and autoscaler scale-down then blocks on these pods',
    );
    expect(outcome.evidence?.[0]).toEqual({ kind: 'PodDisruptionBudget', namespace: 'shop', name: 'cart', path: 'spec.minAvailable' });
  });

  it.each([
    [{ minAvailable: 2 }, 'minAvailable: 2'],
    [{ minAvailable: 3 }, 'minAvailable: 3'],
    [{ minAvailable: '51%' }, 'minAvailable: 51%'],
    [{ maxUnavailable: 0 }, 'maxUnavailable: 0'],
    [{ maxUnavailable: '0%' }, 'maxUnavailable: 0%'],
  ])('fails %j over 2 replicas', (rule, described) => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(), budget(rule)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(`(${described}) allows no eviction`);
  });

  it('fails minAvailable 1 over a single replica: the classic drain blocker', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(1), budget({ minAvailable: 1 })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("allows no eviction of the workload's 1 replica (spec.replicas)");
  });

  it('fails when the budget blocks once the HPA scales down to its minReplicas', () => {
    const objects = [cart(4), hpa('cart', 2), budget({ minAvailable: 2 })];
    const outcome = run(disruptionBudgetAllowsEviction, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "allows 2 evictions at 4 replicas (spec.replicas; HPA 'cart' minReplicas 2) but none once the HPA scales down to minReplicas 2",
    );
    expect(outcome.evidence).toContainEqual({ kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'cart', path: 'spec.minReplicas' });
  });

  it('fails when several PDBs select the pods: the eviction API evicts none of them', () => {
    const objects = [cart(), budget({ maxUnavailable: 1 }), pdb('all', { maxUnavailable: 1, selector: {} })];
    const outcome = run(disruptionBudgetAllowsEviction, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("2 PodDisruptionBudgets select the pods ('cart', 'all')");
    expect(outcome.evidence).toEqual([
      { kind: 'PodDisruptionBudget', namespace: 'shop', name: 'cart', path: 'spec.selector' },
      { kind: 'PodDisruptionBudget', namespace: 'shop', name: 'all', path: 'spec.selector' },
    ]);
  });

  it('passes a PDB with neither field, which constrains nothing', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(), pdb('cart', { selector })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('(neither minAvailable nor maxUnavailable) allows 2 of 2 replicas');
  });

  it('is not applicable when no PDB selects the pods (disruption-budget reports that)', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(), pdb('payments')], target);
    expect(outcome).toEqual({ status: 'not-applicable', message: 'no PodDisruptionBudget selects the pods (see disruption-budget)' });
  });

  it('is not applicable to a workload scaled to zero', () => {
    expect(run(disruptionBudgetAllowsEviction, [cart(0), budget({ minAvailable: 1 })], target).status).toBe('not-applicable');
  });

  it.each([
    ['DaemonSet', daemonSet('agent')],
    ['CronJob', cronJob('agent')],
  ])('is not applicable to a %s', (kind, obj) => {
    const outcome = run(disruptionBudgetAllowsEviction, [obj, pdb('agent', { minAvailable: '100%', selector: {} })], { kind, name: 'agent' });
    expect(outcome.status).toBe('not-applicable');
  });

  it('is unknown when PodDisruptionBudgets cannot be listed', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart()], target, { missing: ['poddisruptionbudgets'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read poddisruptionbudgets');
  });

  it('is unknown for a value the API server would reject', () => {
    const outcome = run(disruptionBudgetAllowsEviction, [cart(), budget({ minAvailable: 'one' })], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe(
      `PodDisruptionBudget 'cart' (minAvailable: one): spec.minAvailable must be an integer or a percentage such as "50%"`,
    );
  });
});
