import { container, cronJob, deployment, deploymentWithPods, run, statefulSet } from '../../../testing/fixtures';
import { resourceRequests } from './resourceRequests';
import { limitRange, withResources } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const withContainers = (containers: any[], initContainers?: any[]) =>
  deployment('cart', 'shop', { spec: { template: { spec: { containers, ...(initContainers ? { initContainers } : {}) } } } });

describe('resource-requests', () => {
  it('passes when every container requests cpu and memory', () => {
    const outcome = run(resourceRequests, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('all 1 container(s) request cpu and memory');
  });

  it('fails naming the container and the missing resource, with the requests path as evidence', () => {
    const objects = [
      withContainers([container('cart'), withResources('envoy', { requests: { cpu: '50m' }, limits: { cpu: '100m' } })]),
    ];
    const outcome = run(resourceRequests, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'envoy' has no memory request");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[1].resources.requests' },
    ]);
  });

  it('fails a container with no resources at all (the seed: `.resources.requests == null`)', () => {
    const outcome = run(resourceRequests, [statefulSet('db', 'shop', { spec: { template: { spec: { containers: [container('db', { resources: undefined })] } } } })], {
      kind: 'StatefulSet',
      name: 'db',
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'db' has no cpu or memory request");
  });

  it('fails the app container when only an init container has requests', () => {
    const objects = [withContainers([container('cart', { resources: undefined })], [container('migrate')])];
    const outcome = run(resourceRequests, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'cart' has no cpu or memory request");
    expect(outcome.evidence?.map(e => e.path)).toEqual(['spec.template.spec.containers[0].resources.requests']);
  });

  it('fails an init container without requests too', () => {
    const objects = [withContainers([container('cart')], [container('migrate', { resources: undefined })])];
    const outcome = run(resourceRequests, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("init container 'migrate' has no cpu or memory request");
    expect(outcome.evidence?.map(e => e.path)).toEqual(['spec.template.spec.initContainers[0].resources.requests']);
  });

  it('passes limits only, since requests default to limits', () => {
    const objects = [withContainers([withResources('cart', { limits: { cpu: '500m', memory: '256Mi' } })])];
    const outcome = run(resourceRequests, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("container 'cart' through limits, to which requests default");
  });

  it('treats a zero request as missing', () => {
    const objects = [withContainers([withResources('cart', { requests: { cpu: '0', memory: '128Mi' }, limits: { memory: '128Mi' } })])];
    const outcome = run(resourceRequests, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'cart' has no cpu request (cpu request '0' is not a positive quantity)");
  });

  it('still fails when a LimitRange default would fill the gap, and says so', () => {
    const objects = [
      withContainers([container('cart', { resources: undefined })]),
      limitRange('defaults', { defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { memory: '256Mi' } }),
    ];
    const outcome = run(resourceRequests, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' has no cpu or memory request; LimitRange 'defaults' fills these in at admission (cpu 100m, memory 128Mi), a namespace default rather than a request sized for this service",
    );
  });

  it('ignores a LimitRange of another namespace', () => {
    const objects = [withContainers([container('cart', { resources: undefined })]), limitRange('defaults', { defaultRequest: { cpu: '100m' } }, 'other')];
    expect(run(resourceRequests, objects, target).message).toBe("container 'cart' has no cpu or memory request");
  });

  it('accepts pod-level requests', () => {
    const objects = [
      deployment('cart', 'shop', {
        spec: { template: { spec: { resources: { requests: { cpu: '1', memory: '1Gi' } }, containers: [container('cart', { resources: undefined })] } } },
      }),
    ];
    const outcome = run(resourceRequests, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('pod-level requests apply');
  });

  it('applies to CronJobs', () => {
    const outcome = run(resourceRequests, [cronJob('nightly', 'shop', { spec: { jobTemplate: { spec: { template: { spec: { containers: [container('nightly', { resources: undefined })] } } } } } })], {
      kind: 'CronJob',
      name: 'nightly',
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0].path).toBe('spec.jobTemplate.spec.template.spec.containers[0].resources.requests');
  });

  it('shortens the message past three containers', () => {
    const bare = (n: string) => container(n, { resources: undefined });
    const outcome = run(resourceRequests, [withContainers([bare('a'), bare('b'), bare('c'), bare('d')])], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/container 'c' has no cpu or memory request; 1 more container\(s\) too$/);
    expect(outcome.evidence).toHaveLength(4);
  });

  it('is unknown when the pod template has no containers', () => {
    expect(run(resourceRequests, [withContainers([])], target).status).toBe('unknown');
  });
});
