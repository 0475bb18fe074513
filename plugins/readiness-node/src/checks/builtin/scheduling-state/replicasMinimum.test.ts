import { cronJob, deployment, deploymentWithPods, run, statefulSet } from '../../../testing/fixtures';
import { replicasMinimum } from './replicasMinimum';
import { barePod, daemonSet, hpa, job, replicaSet } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };

describe('replicas-minimum', () => {
  it('passes a Deployment of 2 replicas, pointing at spec.replicas', () => {
    const outcome = run(replicasMinimum, deploymentWithPods('cart'), target);
    expect(outcome).toEqual({
      status: 'pass',
      message: 'runs 2 replicas (spec.replicas)',
      evidence: [{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' }],
    });
  });

  it('passes a StatefulSet of 3 replicas', () => {
    const outcome = run(replicasMinimum, [statefulSet('postgres')], { kind: 'StatefulSet', name: 'postgres' });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('runs 3 replicas (spec.replicas)');
  });

  it("counts an HPA's minReplicas when it is above spec.replicas", () => {
    const objects = [deployment('cart', 'shop', { spec: { replicas: undefined } }), hpa('cart', 3)];
    const outcome = run(replicasMinimum, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("runs 3 replicas (HPA 'cart' minReplicas 3)");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' },
      { kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'cart', path: 'spec.minReplicas' },
    ]);
  });

  it('keeps spec.replicas when it is above the HPA minReplicas (a live cluster scaled up)', () => {
    const outcome = run(replicasMinimum, [deployment('cart', 'shop', { spec: { replicas: 5 } }), hpa('cart', 2)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("runs 5 replicas (spec.replicas; HPA 'cart' minReplicas 2)");
  });

  it('fails a single replica, naming the count and its source', () => {
    const outcome = run(replicasMinimum, [deployment('cart', 'shop', { spec: { replicas: 1 } })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('runs 1 replica (spec.replicas): one node failure, drain or eviction takes it down');
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' }]);
  });

  it('fails when spec.replicas is unset (default 1) and no HPA targets the workload', () => {
    const outcome = run(replicasMinimum, [deployment('cart', 'shop', { spec: { replicas: undefined } })], target);
    expect(outcome.status).toBe('fail');
  });

  it('fails when the HPA itself lets the workload scale down to 1 (minReplicas unset defaults to 1)', () => {
    const outcome = run(replicasMinimum, [deployment('cart', 'shop', { spec: { replicas: 1 } }), hpa('cart', undefined)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("HPA 'cart' minReplicas 1");
  });

  it('ignores an HPA that targets another workload', () => {
    const objects = [deployment('cart', 'shop', { spec: { replicas: 1 } }), hpa('payments', 4)];
    expect(run(replicasMinimum, objects, target).status).toBe('fail');
  });

  it('ignores an HPA that targets a StatefulSet of the same name', () => {
    const objects = [deployment('cart', 'shop', { spec: { replicas: 1 } }), hpa('cart', 4, 10, 'StatefulSet')];
    expect(run(replicasMinimum, objects, target).status).toBe('fail');
  });

  it('fails a Deployment scaled to zero', () => {
    const outcome = run(replicasMinimum, [deployment('cart', 'shop', { spec: { replicas: 0 } })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('runs 0 replicas (spec.replicas): it is scaled to zero and serves nothing');
  });

  it('applies to an owner-less ReplicaSet', () => {
    expect(run(replicasMinimum, [replicaSet('legacy', 1)], { kind: 'ReplicaSet', name: 'legacy' }).status).toBe('fail');
  });

  it.each([
    ['DaemonSet', daemonSet('node-agent'), 'a DaemonSet runs one pod per node; it has no replica count'],
    ['CronJob', cronJob('node-agent'), 'a CronJob runs to completion; it has no replica count'],
    ['Job', job('node-agent'), 'a Job runs to completion; it has no replica count'],
    ['Pod', barePod('node-agent'), 'a bare Pod is a single pod with no controller to replicate it'],
  ])('is not applicable to a %s', (kind, obj, message) => {
    expect(run(replicasMinimum, [obj], { kind, name: 'node-agent' })).toEqual({ status: 'not-applicable', message });
  });

  it('is unknown for a single declared replica when HPAs cannot be read (one could raise it)', () => {
    const outcome = run(replicasMinimum, [deployment('cart', 'shop', { spec: { replicas: 1 } })], target, {
      missing: ['horizontalpodautoscalers'],
    });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("spec.replicas is 1 and an HPA's minReplicas could raise it: cannot read horizontalpodautoscalers");
  });

  it('still passes 2 declared replicas when HPAs cannot be read', () => {
    const outcome = run(replicasMinimum, [deployment('cart')], target, { missing: ['horizontalpodautoscalers'] });
    expect(outcome.status).toBe('pass');
  });
});
