import { container, deployment, podOf, replicaSetOf, run } from '../../../testing/fixtures';
import { requestsRightSized } from './requestsRightSized';
import { limitRange, recommendation, vpa, withResources } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const cart = (containers = [container('cart')]) => deployment('cart', 'shop', { spec: { template: { spec: { containers } } } });
const recommending = (targets: Record<string, Record<string, string>>, updateMode = 'Off') =>
  vpa('cart', target, { spec: { updatePolicy: { updateMode } }, status: recommendation(targets) });

describe('requests-right-sized', () => {
  it('passes when requests lie within 0.5x..2x of the VPA target', () => {
    // fixture requests: cpu 250m, memory 256Mi
    const outcome = run(requestsRightSized, [cart(), recommending({ cart: { cpu: '300m', memory: '300Mi' } })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("every cpu and memory request in the pod template lies within 0.5x..2x of VPA 'cart' targets");
  });

  it('compares parsed quantities: 1Gi against a target of 1073741824 bytes', () => {
    const objects = [cart([withResources('cart', { requests: { cpu: '1', memory: '1Gi' } })]), recommending({ cart: { cpu: '1000m', memory: '1073741824' } })];
    expect(run(requestsRightSized, objects, target).status).toBe('pass');
  });

  it('fails an over-provisioned container, naming the ratio, with evidence on the request and the target', () => {
    const objects = [cart([withResources('cart', { requests: { cpu: '2', memory: '256Mi' } })]), recommending({ cart: { cpu: '250m', memory: '256Mi' } })];
    const outcome = run(requestsRightSized, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "requests in the pod template lie outside 0.5x..2x of VPA 'cart' targets: container 'cart': cpu request 2 is 8x the VPA target 250m",
    );
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[0].resources.requests' },
      { kind: 'VerticalPodAutoscaler', namespace: 'shop', name: 'cart', path: 'status.recommendation.containerRecommendations[0].target.cpu' },
    ]);
  });

  it('fails an under-provisioned container and a missing request', () => {
    const objects = [cart([withResources('cart', { requests: { cpu: '250m' } })]), recommending({ cart: { cpu: '1', memory: '512Mi' } })];
    const outcome = run(requestsRightSized, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("container 'cart': cpu request 250m is 0.25x the VPA target 1");
    expect(outcome.message).toContain("container 'cart': no memory request (VPA target 512Mi)");
  });

  it('names a request that comes from a LimitRange default', () => {
    const objects = [cart([withResources('cart', undefined)]), limitRange('defaults', { defaultRequest: { cpu: '100m', memory: '128Mi' } }), recommending({ cart: { cpu: '1', memory: '128Mi' } })];
    const outcome = run(requestsRightSized, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('cpu request 100m (a LimitRange default) is 0.1x the VPA target 1');
  });

  it('honours configured ratios', () => {
    const objects = [cart(), recommending({ cart: { cpu: '300m', memory: '300Mi' } })];
    expect(run(requestsRightSized, objects, target, { options: { minRatio: 0.9, maxRatio: 1.1 } }).status).toBe('fail');
  });

  it('judges the live pods a VPA in Auto mode has resized, not the stale template', () => {
    const d = cart([withResources('cart', { requests: { cpu: '2', memory: '2Gi' } })]);
    const rs = replicaSetOf(d);
    const resized = { containers: [withResources('cart', { requests: { cpu: '280m', memory: '300Mi' } })] };
    const objects = [d, rs, podOf(rs, 0, { spec: resized }), podOf(rs, 1, { spec: resized }), recommending({ cart: { cpu: '300m', memory: '300Mi' } }, 'Auto')];
    const outcome = run(requestsRightSized, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("in 2 live pods resized by VPA 'cart' (updateMode Auto)");
  });

  it('fails live pods out of range under an Auto VPA, pointing at the pods', () => {
    const d = cart();
    const rs = replicaSetOf(d);
    const objects = [d, rs, podOf(rs, 0), recommending({ cart: { cpu: '2', memory: '256Mi' } }, 'Auto')];
    const outcome = run(requestsRightSized, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("cpu request 250m is 0.13x the VPA target 2 in 1 pod 'cart-7d9f8c6b5-0'");
    expect(outcome.evidence?.[0]).toEqual({ kind: 'Pod', namespace: 'shop', name: 'cart-7d9f8c6b5-0', path: 'spec.containers[0].resources.requests' });
  });

  it('skips containers the VPA is switched off for', () => {
    const objects = [
      cart([container('cart'), container('envoy')]),
      vpa('cart', target, {
        spec: { updatePolicy: { updateMode: 'Off' }, resourcePolicy: { containerPolicies: [{ containerName: 'envoy', mode: 'Off' }] } },
        status: recommendation({ cart: { cpu: '250m', memory: '256Mi' } }),
      }),
    ];
    expect(run(requestsRightSized, objects, target).status).toBe('pass');
  });

  it('is unknown when a container the VPA covers has no recommendation', () => {
    const objects = [cart([container('cart'), container('envoy')]), recommending({ cart: { cpu: '250m', memory: '256Mi' } })];
    const outcome = run(requestsRightSized, objects, target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe("VPA 'cart' has no recommendation for container 'envoy'");
  });

  it('is unknown without a VPA targeting the workload', () => {
    const outcome = run(requestsRightSized, [cart(), vpa('other', { kind: 'Deployment', name: 'other' })], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe('no VerticalPodAutoscaler targets it, so there is no recommendation to compare requests with');
  });

  it('is unknown before the VPA has a recommendation', () => {
    const outcome = run(requestsRightSized, [cart(), vpa('cart', target)], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe("VPA 'cart' has no recommendation yet");
  });

  it('is unknown when VPAs cannot be read (a required kind)', () => {
    const outcome = run(requestsRightSized, [cart()], target, { missing: ['verticalpodautoscalers'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read verticalpodautoscalers');
  });

  it('is unknown on invalid options', () => {
    const objects = [cart(), recommending({ cart: { cpu: '250m', memory: '256Mi' } })];
    expect(run(requestsRightSized, objects, target, { options: { minRatio: 3, maxRatio: 2 } }).status).toBe('unknown');
  });
});
