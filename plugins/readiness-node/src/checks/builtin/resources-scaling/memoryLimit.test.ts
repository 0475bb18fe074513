import { container, deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { memoryLimit } from './memoryLimit';
import { limitRange, withResources } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const withContainers = (containers: any[], initContainers?: any[], extra?: Record<string, any>) =>
  deployment('cart', 'shop', { spec: { template: { spec: { containers, ...(initContainers ? { initContainers } : {}), ...extra } } } });

describe('memory-limit', () => {
  it('passes when every container has a memory limit', () => {
    const outcome = run(memoryLimit, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('all 1 container(s) have a memory limit');
  });

  it('fails naming the container, with the limits path as evidence', () => {
    const objects = [withContainers([container('cart'), withResources('envoy', { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m' } })])];
    const outcome = run(memoryLimit, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'envoy' has no memory limit");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[1].resources.limits' },
    ]);
  });

  it('checks init containers too', () => {
    const objects = [withContainers([container('cart')], [withResources('migrate', { requests: { cpu: '100m', memory: '64Mi' } })])];
    const outcome = run(memoryLimit, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("init container 'migrate' has no memory limit");
    expect(outcome.evidence?.[0].path).toBe('spec.template.spec.initContainers[0].resources.limits');
  });

  it('does not accept a memory request as a limit', () => {
    const outcome = run(memoryLimit, [withContainers([withResources('cart', { requests: { cpu: '1', memory: '1Gi' } })])], target);
    expect(outcome.status).toBe('fail');
  });

  it('rejects a zero limit', () => {
    const outcome = run(memoryLimit, [withContainers([withResources('cart', { limits: { memory: '0' } })])], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'cart' has no memory limit ('0' in 'cart' is not a positive quantity)");
  });

  it('still fails when a LimitRange default limit applies, and names it', () => {
    const objects = [withContainers([container('cart', { resources: undefined })]), limitRange('defaults', { default: { memory: '512Mi' } })];
    const outcome = run(memoryLimit, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' has no memory limit; LimitRange 'defaults' fills in 512Mi at admission, a namespace default rather than a limit sized for this service",
    );
  });

  it('accepts a pod-level memory limit', () => {
    const objects = [withContainers([container('cart', { resources: undefined })], undefined, { resources: { limits: { cpu: '1', memory: '1Gi' } } })];
    const outcome = run(memoryLimit, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('the pod-level memory limit 1Gi bounds all 1 container(s)');
  });

  it('is unknown when the pod template has no containers', () => {
    expect(run(memoryLimit, [withContainers([])], target).status).toBe('unknown');
  });
});
