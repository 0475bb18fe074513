import { container, cronJob, deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { readinessProbe } from './readinessProbe';

const target = { kind: 'Deployment', name: 'cart' };

describe('readiness-probe', () => {
  it('passes when every container has a readinessProbe', () => {
    const outcome = run(readinessProbe, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
  });

  it('fails naming the container without one, with the field path as evidence', () => {
    const objects = [
      deployment('cart', 'shop', {
        spec: { template: { spec: { containers: [container('cart'), container('envoy', { readinessProbe: undefined })] } } },
      }),
    ];
    const outcome = run(readinessProbe, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'envoy' has no readinessProbe");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[1].readinessProbe' },
    ]);
  });

  it('is not applicable to CronJobs, whose pods serve no traffic', () => {
    const outcome = run(readinessProbe, [cronJob('nightly')], { kind: 'CronJob', name: 'nightly' });
    expect(outcome.status).toBe('not-applicable');
  });

  it('is unknown when the pod template has no containers', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { containers: [] } } } })];
    expect(run(readinessProbe, objects, target).status).toBe('unknown');
  });
});
