import { container, cronJob, deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { probesDistinct } from './probesDistinct';

const target = { kind: 'Deployment', name: 'cart' };

/** A Deployment whose container has exactly these probes (the fixture's defaults replaced, not merged). */
function withProbes(readinessProbe: unknown, livenessProbe: unknown) {
  const c = container('cart', { readinessProbe: undefined, livenessProbe: undefined });
  if (readinessProbe !== undefined) c.readinessProbe = readinessProbe;
  if (livenessProbe !== undefined) c.livenessProbe = livenessProbe;
  return [deployment('cart', 'shop', { spec: { template: { spec: { containers: [c] } } } })];
}

describe('probes-distinct', () => {
  it('passes when readiness and liveness call different endpoints', () => {
    const outcome = run(probesDistinct, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('readiness and liveness probes differ in all 1 container(s) that have both');
  });

  it('fails for the same httpGet handler even with different timings', () => {
    const outcome = run(
      probesDistinct,
      withProbes(
        { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
        { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, failureThreshold: 6 },
      ),
      target,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'cart' uses the same readiness and liveness probe (httpGet /healthz on port http)");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[0].readinessProbe' },
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[0].livenessProbe' },
    ]);
  });

  it('resolves named ports: port http is containerPort 8080', () => {
    const outcome = run(
      probesDistinct,
      withProbes({ httpGet: { path: '/health', port: 'http' } }, { httpGet: { path: '/health', port: 8080 } }),
      target,
    );
    expect(outcome.status).toBe('fail');
  });

  it('treats an absent path as /', () => {
    const outcome = run(probesDistinct, withProbes({ httpGet: { port: 8080 } }, { httpGet: { path: '/', port: 8080 } }), target);
    expect(outcome.status).toBe('fail');
  });

  it('passes for the same path on another port', () => {
    const outcome = run(
      probesDistinct,
      withProbes({ httpGet: { path: '/health', port: 8080 } }, { httpGet: { path: '/health', port: 9090 } }),
      target,
    );
    expect(outcome.status).toBe('pass');
  });

  it('compares exec commands and tcpSocket ports', () => {
    const exec = { exec: { command: ['pg_isready', '-U', 'postgres'] } };
    expect(run(probesDistinct, withProbes(exec, { ...exec, periodSeconds: 30 }), target).status).toBe('fail');
    const other = { exec: { command: ['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'] } };
    expect(run(probesDistinct, withProbes(exec, other), target).status).toBe('pass');
    expect(run(probesDistinct, withProbes({ tcpSocket: { port: 5432 } }, { tcpSocket: { port: 5432 } }), target).message).toContain(
      'tcpSocket on port 5432',
    );
    expect(run(probesDistinct, withProbes({ tcpSocket: { port: 5432 } }, exec), target).status).toBe('pass');
  });

  it('compares grpc probes by port and service', () => {
    const outcome = run(probesDistinct, withProbes({ grpc: { port: 9090 } }, { grpc: { port: 9090 } }), target);
    expect(outcome.status).toBe('fail');
    expect(run(probesDistinct, withProbes({ grpc: { port: 9090, service: 'ready' } }, { grpc: { port: 9090 } }), target).status).toBe(
      'pass',
    );
  });

  it('is not applicable when no container has both probes', () => {
    const outcome = run(probesDistinct, withProbes({ httpGet: { path: '/ready', port: 8080 } }, undefined), target);
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toBe('no container has both a readinessProbe and a livenessProbe to compare');
  });

  it('is not applicable to CronJobs', () => {
    expect(run(probesDistinct, [cronJob('nightly')], { kind: 'CronJob', name: 'nightly' }).status).toBe('not-applicable');
  });

  it('survives a probe without a handler', () => {
    expect(run(probesDistinct, withProbes({ periodSeconds: 5 }, { periodSeconds: 5 }), target).status).toBe('not-applicable');
  });

  it('is unknown when the pod template has no containers', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { containers: [] } } } })];
    expect(run(probesDistinct, objects, target).status).toBe('unknown');
  });
});
