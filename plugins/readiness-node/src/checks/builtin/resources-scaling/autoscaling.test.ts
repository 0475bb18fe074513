import { cronJob, deployment, deploymentWithPods, object, run, service, statefulSet } from '../../../testing/fixtures';
import { autoscaling } from './autoscaling';
import { hpa } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };

function scaledObject(name: string, targetName: string, patch?: Record<string, any>) {
  return object('keda.sh/v1alpha1', 'ScaledObject', name, 'shop', {
    spec: {
      scaleTargetRef: { name: targetName },
      minReplicaCount: 1,
      maxReplicaCount: 20,
      triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', mode: 'QueueLength', value: '50' } }],
    },
    ...patch,
  });
}

describe('autoscaling', () => {
  it('passes when an HPA targets the Deployment behind a Service', () => {
    const outcome = run(autoscaling, [...deploymentWithPods('cart'), service('cart'), hpa('cart', target)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("scaled by HorizontalPodAutoscaler 'cart' (2..10 replicas)");
    expect(outcome.evidence).toEqual([{ kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'cart', path: 'spec.scaleTargetRef' }]);
  });

  it('passes on a KEDA ScaledObject (scaleTargetRef kind defaults to Deployment)', () => {
    const outcome = run(autoscaling, [deployment('cart'), service('cart'), scaledObject('cart', 'cart')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("scaled by KEDA ScaledObject 'cart' (1..20 replicas)");
  });

  it('says when the HPA cannot scale (maxReplicas <= minReplicas)', () => {
    const outcome = run(autoscaling, [deployment('cart'), service('cart'), hpa('cart', target, { spec: { minReplicas: 3, maxReplicas: 3 } })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('with maxReplicas <= minReplicas it never scales');
  });

  it('fails when a Service routes to it and nothing scales it, pointing at the replicas and the Service', () => {
    const outcome = run(autoscaling, [deployment('cart'), service('cart'), hpa('other', { kind: 'Deployment', name: 'other' })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Service 'cart' routes traffic to it, but no HorizontalPodAutoscaler or KEDA ScaledObject targets this Deployment");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' },
      { kind: 'Service', namespace: 'shop', name: 'cart', path: 'spec.selector' },
    ]);
  });

  it('does not count an HPA targeting a same-named workload of another kind', () => {
    const outcome = run(autoscaling, [deployment('cart'), service('cart'), hpa('cart', { kind: 'StatefulSet', name: 'cart' })], target);
    expect(outcome.status).toBe('fail');
  });

  it('applies to StatefulSets behind a Service', () => {
    const outcome = run(autoscaling, [statefulSet('db'), service('db')], { kind: 'StatefulSet', name: 'db' });
    expect(outcome.status).toBe('fail');
  });

  it('still fails when ScaledObjects cannot be read: KEDA shows every ScaledObject as an HPA', () => {
    const outcome = run(autoscaling, [deployment('cart'), service('cart')], target, { missing: ['scaledobjects'] });
    expect(outcome.status).toBe('fail');
  });

  it('is not applicable when no Service selects the pods', () => {
    const outcome = run(autoscaling, [deployment('cart'), service('other')], target);
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toBe('no Service selects its pods: nothing routes traffic to it');
  });

  it('is not applicable to kinds other than Deployments and StatefulSets', () => {
    const outcome = run(autoscaling, [cronJob('nightly'), service('nightly')], { kind: 'CronJob', name: 'nightly' });
    expect(outcome.status).toBe('not-applicable');
  });

  it('is unknown when HPAs cannot be read and no ScaledObject targets it', () => {
    const outcome = run(autoscaling, [deployment('cart'), service('cart')], target, { missing: ['horizontalpodautoscalers'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('HorizontalPodAutoscalers could not be read');
  });

  it('is unknown when Services cannot be read and nothing scales it', () => {
    const outcome = run(autoscaling, [deployment('cart')], target, { missing: ['services'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('Services could not be read');
  });
});
