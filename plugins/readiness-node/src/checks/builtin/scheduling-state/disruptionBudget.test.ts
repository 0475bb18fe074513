import { cronJob, deployment, deploymentWithPods, run, statefulSet } from '../../../testing/fixtures';
import { disruptionBudget } from './disruptionBudget';
import { daemonSet, hpa, pdb } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };

describe('disruption-budget', () => {
  it('passes when a PDB in the namespace selects the pod template labels', () => {
    const outcome = run(disruptionBudget, [...deploymentWithPods('cart'), pdb('cart')], target);
    expect(outcome).toEqual({
      status: 'pass',
      message: "2 replicas (spec.replicas) protected by PodDisruptionBudget 'cart' (maxUnavailable: 1)",
      evidence: [{ kind: 'PodDisruptionBudget', namespace: 'shop', name: 'cart', path: 'spec.selector' }],
    });
  });

  it('passes a PDB selecting by matchExpressions', () => {
    const budget = pdb('cart-pdb', {
      minAvailable: 1,
      selector: {
        matchExpressions: [
          { key: 'app.kubernetes.io/name', operator: 'In', values: ['cart', 'cart-canary'] },
          { key: 'backstage.io/kubernetes-id', operator: 'Exists' },
          { key: 'tier', operator: 'DoesNotExist' },
        ],
      },
    });
    const outcome = run(disruptionBudget, [deployment('cart'), budget], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("PodDisruptionBudget 'cart-pdb' (minAvailable: 1)");
  });

  it('passes a StatefulSet protected by a PDB', () => {
    const outcome = run(disruptionBudget, [statefulSet('postgres'), pdb('postgres')], { kind: 'StatefulSet', name: 'postgres' });
    expect(outcome.status).toBe('pass');
  });

  it('fails when the only PDB in the namespace selects a different app (where the seed audit passes)', () => {
    const outcome = run(disruptionBudget, [...deploymentWithPods('cart'), pdb('payments')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "2 replicas (spec.replicas) but no PodDisruptionBudget in namespace 'shop' selects its pod labels " +
        "(app.kubernetes.io/name=cart,backstage.io/kubernetes-id=cart); 1 PodDisruptionBudget there selects other pods: 'payments'",
    );
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.metadata.labels' },
      { kind: 'PodDisruptionBudget', namespace: 'shop', name: 'payments', path: 'spec.selector' },
    ]);
  });

  it('fails when matchExpressions exclude the pods', () => {
    const budget = pdb('others', {
      maxUnavailable: 1,
      selector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'NotIn', values: ['cart'] }] },
    });
    expect(run(disruptionBudget, [deployment('cart'), budget], target).status).toBe('fail');
  });

  it('fails when matchLabels match but a matchExpression does not (every requirement must hold)', () => {
    const budget = pdb('cart', {
      maxUnavailable: 1,
      selector: {
        matchLabels: { 'app.kubernetes.io/name': 'cart' },
        matchExpressions: [{ key: 'track', operator: 'In', values: ['canary'] }],
      },
    });
    expect(run(disruptionBudget, [deployment('cart'), budget], target).status).toBe('fail');
  });

  it('fails when the matching PDB lives in another namespace', () => {
    const outcome = run(disruptionBudget, [deployment('cart'), pdb('cart', undefined, 'payments')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/selects its pod labels \([^)]*\)$/);
  });

  it('fails a multi-replica workload with no PDB at all', () => {
    const outcome = run(disruptionBudget, [deployment('cart')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.metadata.labels' }]);
  });

  it('passes a PDB with an empty selector, which selects every pod of the namespace', () => {
    expect(run(disruptionBudget, [deployment('cart'), pdb('all', { maxUnavailable: 1, selector: {} })], target).status).toBe('pass');
  });

  it('notes when several PDBs select the pods, which the eviction API refuses', () => {
    const outcome = run(disruptionBudget, [deployment('cart'), pdb('cart'), pdb('all', { maxUnavailable: 1, selector: {} })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("2 PodDisruptionBudgets select these pods ('cart', 'all')");
    expect(outcome.message).toContain('the eviction API refuses to evict a pod covered by more than one');
    expect(outcome.evidence).toHaveLength(2);
  });

  it('notes a PDB that lets every replica go at once', () => {
    const outcome = run(disruptionBudget, [deployment('cart'), pdb('cart', { minAvailable: 0, selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } } })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("note: 'cart' (minAvailable: 0) lets every replica be evicted at once, so it protects nothing");
  });

  it("applies from 2 replicas counted with the HPA's minReplicas", () => {
    const outcome = run(disruptionBudget, [deployment('cart', 'shop', { spec: { replicas: 1 } }), hpa('cart', 2)], target);
    expect(outcome.status).toBe('fail');
  });

  it('is not applicable to a single replica', () => {
    const outcome = run(disruptionBudget, [deployment('cart', 'shop', { spec: { replicas: 1 } })], target);
    expect(outcome).toEqual({ status: 'not-applicable', message: 'runs 1 replica (spec.replicas); applies from 2 replicas' });
  });

  it.each([
    ['DaemonSet', daemonSet('agent')],
    ['CronJob', cronJob('agent')],
  ])('is not applicable to a %s', (kind, obj) => {
    expect(run(disruptionBudget, [obj], { kind, name: 'agent' }).status).toBe('not-applicable');
  });

  it('is unknown when PodDisruptionBudgets cannot be listed', () => {
    const outcome = run(disruptionBudget, [deployment('cart')], target, { missing: ['poddisruptionbudgets'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe('cannot read poddisruptionbudgets in cluster test: poddisruptionbudgets could not be listed (403 Forbidden)');
  });

  it('stays not applicable to a single replica when PodDisruptionBudgets cannot be listed', () => {
    const outcome = run(disruptionBudget, [deployment('cart', 'shop', { spec: { replicas: 1 } })], target, {
      missing: ['poddisruptionbudgets'],
    });
    expect(outcome.status).toBe('not-applicable');
  });
});
