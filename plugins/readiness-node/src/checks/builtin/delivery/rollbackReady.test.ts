import { cronJob, deployment, deploymentWithPods, object, run, statefulSet } from '../../../testing/fixtures';
import { rollbackReady } from './rollbackReady';

const target = { kind: 'Deployment', name: 'cart' };

describe('rollback-ready', () => {
  it('passes with the Kubernetes defaults for history and rollout', () => {
    const outcome = run(rollbackReady, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('Deployment cart keeps 10 old ReplicaSet(s) and rolls out by RollingUpdate with maxUnavailable 25% (0 of 2 pod(s))');
  });

  it('passes when revisionHistoryLimit and strategy are unset (defaults 10, RollingUpdate 25%)', () => {
    const d = deployment('cart', 'shop', { spec: { replicas: 4, revisionHistoryLimit: undefined, strategy: undefined } });
    expect(run(rollbackReady, [d], target).status).toBe('pass');
  });

  it('fails when revisionHistoryLimit is 0', () => {
    const outcome = run(rollbackReady, [deployment('cart', 'shop', { spec: { revisionHistoryLimit: 0 } })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('revisionHistoryLimit is 0');
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.revisionHistoryLimit' }]);
  });

  it('fails for Recreate with more than one replica', () => {
    const outcome = run(rollbackReady, [deployment('cart', 'shop', { spec: { replicas: 3, strategy: { type: 'Recreate', rollingUpdate: undefined } } })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('Deployment cart: strategy Recreate stops all 3 pods before starting the new ones: every release is an outage');
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.strategy.type' }]);
  });

  it('passes for Recreate with a single replica (a ReadWriteOnce volume needs it)', () => {
    const d = deployment('cart', 'shop', { spec: { replicas: 1, strategy: { type: 'Recreate', rollingUpdate: undefined } } });
    expect(run(rollbackReady, [d], target).status).toBe('pass');
  });

  it('counts the HPA minReplicas as the replicas', () => {
    const d = deployment('cart', 'shop', { spec: { replicas: 1, strategy: { type: 'Recreate', rollingUpdate: undefined } } });
    const hpa = object('autoscaling/v2', 'HorizontalPodAutoscaler', 'cart', 'shop', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' }, minReplicas: 2, maxReplicas: 10 },
    });
    expect(run(rollbackReady, [d, hpa], target).status).toBe('fail');
  });

  it.each([
    [2, 2],
    [3, 5],
    [2, '100%'],
  ])('fails with %d replicas and maxUnavailable %s, which leaves no pod', (replicas, maxUnavailable) => {
    const d = deployment('cart', 'shop', { spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge: 1 } } } });
    const outcome = run(rollbackReady, [d], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(`maxUnavailable ${maxUnavailable} allows all ${replicas} pods to be down`);
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.strategy.rollingUpdate.maxUnavailable' },
    ]);
  });

  it.each([
    [3, 2],
    // 3 * 50% = 1.5, rounded down to 1: two pods stay.
    [3, '50%'],
    // 2 * 99% = 1.98, rounded down to 1: one pod stays.
    [2, '99%'],
    [4, 0],
    // A single replica may go down (the rule is about replicas > 1).
    [1, '100%'],
  ])('passes with %d replicas and maxUnavailable %s', (replicas, maxUnavailable) => {
    const d = deployment('cart', 'shop', { spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge: 1 } } } });
    expect(run(rollbackReady, [d], target).status).toBe('pass');
  });

  it('reports every problem at once', () => {
    const d = deployment('cart', 'shop', { spec: { replicas: 3, revisionHistoryLimit: 0, strategy: { type: 'Recreate', rollingUpdate: undefined } } });
    const outcome = run(rollbackReady, [d], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.map(e => e.path)).toEqual(['spec.revisionHistoryLimit', 'spec.strategy.type']);
  });

  it('is unknown for a malformed maxUnavailable', () => {
    const d = deployment('cart', 'shop', { spec: { strategy: { rollingUpdate: { maxUnavailable: 'half' } } } });
    const outcome = run(rollbackReady, [d], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('maxUnavailable "half" is neither a non-negative integer nor a percentage');
  });

  it.each([
    ['StatefulSet', statefulSet('orders-db'), 'orders-db'],
    ['CronJob', cronJob('nightly'), 'nightly'],
  ])('is not applicable to a %s', (kind, obj, name) => {
    expect(run(rollbackReady, [obj], { kind, name }).status).toBe('not-applicable');
  });
});
