import { container, deployment, deploymentWithPods, podOf, replicaSetOf, run, statefulSet } from '../../../testing/fixtures';
import { notBestEffort } from './notBestEffort';
import { limitRange, withResources } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const bare = (name = 'cart') => container(name, { resources: undefined });
const withContainers = (containers: any[], initContainers?: any[]) =>
  deployment('cart', 'shop', { spec: { template: { spec: { containers, ...(initContainers ? { initContainers } : {}) } } } });

describe('not-best-effort', () => {
  it("passes on live pods' status.qosClass", () => {
    const outcome = run(notBestEffort, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('2 live pods report QoS class Guaranteed');
  });

  it('fails on a live pod reporting BestEffort, like the seed, and names the disagreement with the template', () => {
    const d = deployment('cart');
    const rs = replicaSetOf(d);
    const objects = [d, rs, podOf(rs, 0, { status: { qosClass: 'BestEffort' } }), podOf(rs, 1, { status: { qosClass: 'Burstable' } })];
    const outcome = run(notBestEffort, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "1 pod 'cart-7d9f8c6b5-0' runs with QoS class BestEffort; the pod template now gives Burstable, so these pods predate the change and need a rollout",
    );
    expect(outcome.evidence).toEqual([{ kind: 'Pod', namespace: 'shop', name: 'cart-7d9f8c6b5-0', path: 'status.qosClass' }]);
  });

  it('prefers live pods over the template: pods Burstable (mutated at admission) pass with a note', () => {
    const d = withContainers([bare()]);
    const rs = replicaSetOf(d);
    const outcome = run(notBestEffort, [d, rs, podOf(rs, 0, { status: { qosClass: 'Burstable' } })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('the pod template as read gives BestEffort');
  });

  it('computes BestEffort from the template without live pods, pointing at every container', () => {
    const outcome = run(notBestEffort, [withContainers([bare(), bare('envoy')])], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('its pods get QoS class BestEffort (computed from the pod template; no live pods)');
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      'spec.template.spec.containers[0].resources',
      'spec.template.spec.containers[1].resources',
    ]);
  });

  it('ignores finished pods and computes from the template', () => {
    const d = deployment('cart');
    const rs = replicaSetOf(d);
    const done = podOf(rs, 0, { status: { phase: 'Succeeded', qosClass: 'BestEffort' } });
    const outcome = run(notBestEffort, [d, rs, done], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('the pod template gives QoS class Burstable (computed; no live pods)');
  });

  it('counts an init container with requests: the pod is Burstable', () => {
    const outcome = run(notBestEffort, [withContainers([bare()], [container('migrate')])], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('Burstable');
  });

  it('computes Guaranteed for limits only', () => {
    const sts = statefulSet('db', 'shop', { spec: { template: { spec: { containers: [withResources('db', { limits: { cpu: '1', memory: '1Gi' } })] } } } });
    const outcome = run(notBestEffort, [sts], { kind: 'StatefulSet', name: 'db' });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('the pod template gives QoS class Guaranteed (computed; no live pods)');
  });

  it('treats zero requests as none', () => {
    const outcome = run(notBestEffort, [withContainers([withResources('cart', { requests: { cpu: '0', memory: '0' } })])], target);
    expect(outcome.status).toBe('fail');
  });

  it('applies LimitRange defaults as admission would, and says they are what saves it', () => {
    const objects = [withContainers([bare()]), limitRange('defaults', { defaultRequest: { cpu: '100m', memory: '128Mi' } })];
    const outcome = run(notBestEffort, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "the pod template gives QoS class Burstable (computed; no live pods); only the defaults of LimitRange 'defaults' keep it from BestEffort",
    );
  });

  it('is unknown when the template is BestEffort but LimitRanges could not be read', () => {
    const outcome = run(notBestEffort, [withContainers([bare()])], target, { missing: ['limitranges'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('LimitRanges could not be read (limitranges could not be listed (403 Forbidden))');
  });

  it('is unknown when the pod template has no containers', () => {
    expect(run(notBestEffort, [withContainers([])], target).status).toBe('unknown');
  });
});
