import { relationsOf } from '../../../cluster/relations';
import { evaluateCheck } from '../../../engine/evaluate';
import { KubernetesObject } from '../../../objects';
import { container, deployment, indexOf, object, run, workloadOf } from '../../../testing/fixtures';
import { hpaVpaConflict } from './hpaVpaConflict';
import { hpa, vpa } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const cart = () => deployment('cart');
const cartWithSidecar = () => deployment('cart', 'shop', { spec: { template: { spec: { containers: [container('cart'), container('envoy')] } } } });

/** Like `run`, with a kind the API reported not served (404) rather than forbidden. */
function runNotServed(objects: KubernetesObject[], plural: string) {
  const index = indexOf(objects, { missing: [{ plural, reason: 'the server could not find the requested resource', status: 404 }] });
  const workload = workloadOf(index, target.kind, target.name);
  return evaluateCheck(hpaVpaConflict, {
    workload,
    index,
    relations: relationsOf(workload, index),
    options: {},
    now: new Date('2026-11-21T12:00:00Z'),
  });
}

describe('hpa-vpa-conflict', () => {
  it('passes when no HPA scales it', () => {
    const outcome = run(hpaVpaConflict, [cart(), vpa('cart', target)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('no HorizontalPodAutoscaler scales it on cpu or memory');
  });

  it('fails on an HPA on cpu and a VPA in Auto mode controlling cpu (by default)', () => {
    const outcome = run(hpaVpaConflict, [cart(), hpa('cart', target), vpa('cart-vpa', target)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("HPA 'cart' scales on cpu while VPA 'cart-vpa' (updateMode Auto) sets the cpu requests of 'cart'");
    expect(outcome.evidence).toEqual([
      { kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'cart', path: 'spec.metrics[0].resource.name' },
      { kind: 'VerticalPodAutoscaler', namespace: 'shop', name: 'cart-vpa', path: 'spec.updatePolicy.updateMode' },
    ]);
  });

  it('passes an HPA on a custom metric next to a VPA in Auto mode', () => {
    const custom = hpa('cart', target, {
      spec: {
        metrics: [
          { type: 'Pods', pods: { metric: { name: 'http_requests_per_second' }, target: { type: 'AverageValue', averageValue: '100' } } },
        ],
      },
    });
    const outcome = run(hpaVpaConflict, [cart(), custom, vpa('cart', target)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("'cart' scales it on metrics other than cpu or memory, which a VPA does not distort");
  });

  it('passes when the VPA only recommends (updateMode Off)', () => {
    const off = vpa('cart', target, { spec: { updatePolicy: { updateMode: 'Off' } } });
    const outcome = run(hpaVpaConflict, [cart(), hpa('cart', target), off], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("HPA 'cart' scales on cpu; VPA 'cart' only recommends (updateMode Off)");
  });

  it('fails with updateMode Initial, which still rewrites requests', () => {
    const initial = vpa('cart', target, { spec: { updatePolicy: { updateMode: 'Initial' } } });
    expect(run(hpaVpaConflict, [cart(), hpa('cart', target), initial], target).status).toBe('fail');
  });

  it('passes when the VPA controls only the other resource', () => {
    const memoryOnly = vpa('cart', target, {
      spec: { resourcePolicy: { containerPolicies: [{ containerName: '*', controlledResources: ['memory'] }] } },
    });
    const outcome = run(hpaVpaConflict, [cart(), hpa('cart', target), memoryOnly], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("HPA 'cart' scales on cpu; VPA 'cart' does not control that resource");
  });

  it('fails on memory when both act on memory', () => {
    const onMemory = hpa('cart', target, {
      spec: { metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }] },
    });
    const memoryOnly = vpa('cart', target, {
      spec: { resourcePolicy: { containerPolicies: [{ containerName: '*', controlledResources: ['memory'] }] } },
    });
    const outcome = run(hpaVpaConflict, [cart(), onMemory, memoryOnly], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('scales on memory');
  });

  it('passes when the container policy switches the VPA off for the only container', () => {
    const offForCart = vpa('cart', target, { spec: { resourcePolicy: { containerPolicies: [{ containerName: 'cart', mode: 'Off' }] } } });
    expect(run(hpaVpaConflict, [cart(), hpa('cart', target), offForCart], target).status).toBe('pass');
  });

  it('reads autoscaling/v1 targetCPUUtilizationPercentage', () => {
    const v1 = object('autoscaling/v1', 'HorizontalPodAutoscaler', 'cart', 'shop', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' }, maxReplicas: 5, targetCPUUtilizationPercentage: 60 },
    });
    const outcome = run(hpaVpaConflict, [cart(), v1, vpa('cart', target)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0].path).toBe('spec.targetCPUUtilizationPercentage');
  });

  it('treats an HPA without metrics as the API default: 80% cpu', () => {
    const bare = hpa('cart', target, { spec: { metrics: undefined } });
    expect(run(hpaVpaConflict, [cart(), bare, vpa('cart', target)], target).status).toBe('fail');
  });

  it('matches ContainerResource metrics per container', () => {
    const onEnvoy = hpa('cart', target, {
      spec: { metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'envoy', target: { type: 'Utilization', averageUtilization: 60 } } }] },
    });
    const appOnly = vpa('cart', target, { spec: { resourcePolicy: { containerPolicies: [{ containerName: 'envoy', mode: 'Off' }] } } });
    expect(run(hpaVpaConflict, [cartWithSidecar(), onEnvoy, appOnly], target).status).toBe('pass');

    const outcome = run(hpaVpaConflict, [cartWithSidecar(), onEnvoy, vpa('cart', target)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("HPA 'cart' scales on cpu while VPA 'cart' (updateMode Auto) sets the cpu requests of 'envoy'");
  });

  it('reads KEDA cpu triggers', () => {
    const so = object('keda.sh/v1alpha1', 'ScaledObject', 'cart', 'shop', {
      spec: { scaleTargetRef: { name: 'cart' }, triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } }] },
    });
    const outcome = run(hpaVpaConflict, [cart(), so, vpa('cart', target)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("KEDA ScaledObject 'cart' scales on cpu");
  });

  it('is not applicable to kinds an HPA cannot scale', () => {
    const ds = object('apps/v1', 'DaemonSet', 'agent', 'shop', { spec: { template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [container('agent')] } } } });
    const outcome = run(hpaVpaConflict, [ds, vpa('agent', { kind: 'DaemonSet', name: 'agent' })], { kind: 'DaemonSet', name: 'agent' });
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toBe('no HorizontalPodAutoscaler can scale a DaemonSet, so nothing can conflict with a VPA');
  });

  it('is unknown when VPAs cannot be read and an HPA scales it on cpu', () => {
    const outcome = run(hpaVpaConflict, [cart(), hpa('cart', target)], target, { missing: ['verticalpodautoscalers'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe(
      "HPA 'cart' scales on cpu, but VerticalPodAutoscalers could not be read (verticalpodautoscalers could not be listed (403 Forbidden)) to rule out a VPA on the same resource",
    );
  });

  it('still decides when VPAs cannot be read but no HPA scales it on cpu or memory', () => {
    expect(run(hpaVpaConflict, [cart()], target, { missing: ['verticalpodautoscalers'] }).status).toBe('pass');
  });

  it('passes when the API does not serve VPAs at all (404: not installed)', () => {
    const outcome = runNotServed([cart(), hpa('cart', target)], 'verticalpodautoscalers');
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('VerticalPodAutoscalers are not served in this cluster');
  });

  it('is unknown when HPAs cannot be read and an active VPA targets it, and decides when none does', () => {
    expect(run(hpaVpaConflict, [cart(), vpa('cart', target)], target, { missing: ['horizontalpodautoscalers'] }).status).toBe('unknown');
    expect(run(hpaVpaConflict, [cart()], target, { missing: ['horizontalpodautoscalers'] }).status).toBe('pass');
  });
});
