import { deploymentWithPods, run, service } from '../../../testing/fixtures';
import { noNodeportExposure } from './noNodeportExposure';

const target = { kind: 'Deployment', name: 'cart' };

describe('no-nodeport-exposure', () => {
  it('passes for a ClusterIP Service', () => {
    const outcome = run(noNodeportExposure, [...deploymentWithPods('cart'), service('cart')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('none of the 1 Service(s) selecting the pods is a NodePort or an undeclared LoadBalancer');
  });

  it('passes when no Service selects the pods', () => {
    const outcome = run(noNodeportExposure, [...deploymentWithPods('cart'), service('checkout')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("no Service selects the workload's pods");
  });

  it('fails for a NodePort Service, naming it and its node port', () => {
    const nodePort = service('cart-debug', 'shop', {
      spec: {
        type: 'NodePort',
        selector: { 'app.kubernetes.io/name': 'cart' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' }],
        externalTrafficPolicy: 'Cluster',
      },
    });
    const outcome = run(noNodeportExposure, [...deploymentWithPods('cart'), service('cart'), nodePort], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Service 'cart-debug' is of type NodePort (node port 30080 on every node)");
    expect(outcome.evidence).toEqual([{ kind: 'Service', namespace: 'shop', name: 'cart-debug', path: 'spec.type' }]);
  });

  it('fails for a LoadBalancer without prodready.dev/exposure: public', () => {
    const lb = service('cart', 'shop', {
      metadata: { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } },
      spec: { type: 'LoadBalancer' },
      status: { loadBalancer: { ingress: [{ hostname: 'a1b2c3.elb.eu-west-1.amazonaws.com' }] } },
    });
    const outcome = run(noNodeportExposure, [...deploymentWithPods('cart'), lb], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Service 'cart' is of type LoadBalancer without annotation prodready.dev/exposure: public");
  });

  it('passes for a LoadBalancer declared public', () => {
    const lb = service('cart', 'shop', { metadata: { annotations: { 'prodready.dev/exposure': 'public' } }, spec: { type: 'LoadBalancer' } });
    expect(run(noNodeportExposure, [...deploymentWithPods('cart'), lb], target).status).toBe('pass');
  });

  it('does not accept another exposure value', () => {
    const lb = service('cart', 'shop', { metadata: { annotations: { 'prodready.dev/exposure': 'internal' } }, spec: { type: 'LoadBalancer' } });
    expect(run(noNodeportExposure, [...deploymentWithPods('cart'), lb], target).status).toBe('fail');
  });

  it('is unknown when Services cannot be listed', () => {
    const outcome = run(noNodeportExposure, deploymentWithPods('cart'), target, { missing: ['services'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read services in cluster test');
  });
});
