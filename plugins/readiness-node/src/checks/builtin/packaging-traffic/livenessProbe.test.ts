import { container, cronJob, deployment, deploymentWithPods, object, run } from '../../../testing/fixtures';
import { livenessProbe } from './livenessProbe';

const target = { kind: 'Deployment', name: 'cart' };

describe('liveness-probe', () => {
  it('passes when every container has a livenessProbe', () => {
    const outcome = run(livenessProbe, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('all 1 long-running container(s) have a livenessProbe');
  });

  it('fails naming the container without one, with the field path as evidence', () => {
    const objects = [
      deployment('cart', 'shop', {
        spec: { template: { spec: { containers: [container('cart'), container('envoy', { livenessProbe: undefined })] } } },
      }),
    ];
    const outcome = run(livenessProbe, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'envoy' has no livenessProbe");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[1].livenessProbe' },
    ]);
  });

  it('includes native sidecars but not ordinary init containers', () => {
    const objects = [
      deployment('cart', 'shop', {
        spec: {
          template: {
            spec: {
              initContainers: [
                container('migrate', { livenessProbe: undefined, readinessProbe: undefined }),
                container('proxy', { restartPolicy: 'Always', livenessProbe: undefined }),
              ],
              containers: [container('cart')],
            },
          },
        },
      }),
    ];
    const outcome = run(livenessProbe, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("init container 'proxy' has no livenessProbe");
    expect(outcome.evidence?.[0].path).toBe('spec.template.spec.initContainers[1].livenessProbe');
  });

  it('is not applicable to CronJobs and Jobs', () => {
    expect(run(livenessProbe, [cronJob('nightly')], { kind: 'CronJob', name: 'nightly' }).status).toBe('not-applicable');
    const job = object('batch/v1', 'Job', 'reindex', 'shop', {
      spec: { template: { spec: { restartPolicy: 'Never', containers: [container('reindex', { livenessProbe: undefined })] } } },
    });
    const outcome = run(livenessProbe, [job], { kind: 'Job', name: 'reindex' });
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toContain('Job pods run to completion');
  });

  it('is not applicable to a bare Pod that runs to completion', () => {
    const pod = object('v1', 'Pod', 'db-restore', 'shop', {
      spec: { restartPolicy: 'Never', containers: [container('restore', { livenessProbe: undefined })] },
    });
    expect(run(livenessProbe, [pod], { kind: 'Pod', name: 'db-restore' }).status).toBe('not-applicable');
  });

  it('fails for a long-running bare Pod without a probe', () => {
    const pod = object('v1', 'Pod', 'debug', 'shop', { spec: { containers: [container('debug', { livenessProbe: undefined })] } });
    expect(run(livenessProbe, [pod], { kind: 'Pod', name: 'debug' }).evidence?.[0].path).toBe('spec.containers[0].livenessProbe');
  });

  it('is unknown when the pod template has no containers', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { containers: [] } } } })];
    expect(run(livenessProbe, objects, target).status).toBe('unknown');
  });
});
