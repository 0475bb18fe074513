import { discoverWorkloads } from '../../../cluster/workloads';
import { relationsOf } from '../../../cluster/relations';
import { deployment, indexOf, object, run } from '../../../testing/fixtures';
import { logsCollected } from './logsCollected';

const target = { kind: 'Deployment', name: 'cart' };

function daemonSet(name: string, namespace: string, image: string, status?: Record<string, any>) {
  const labels = { 'app.kubernetes.io/name': name };
  return object('apps/v1', 'DaemonSet', name, namespace, {
    metadata: { labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            { name: 'config-reloader', image: 'ghcr.io/jimmidyson/configmap-reload:v0.14.0' },
            { name, image, volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] },
          ],
          volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
        },
      },
    },
    ...(status ? { status } : {}),
  });
}

describe('logs-collected', () => {
  it('passes when a fluent-bit DaemonSet runs in the cluster', () => {
    const shipper = daemonSet('fluent-bit', 'logging', 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', {
      desiredNumberScheduled: 3,
      numberReady: 3,
    });
    const outcome = run(logsCollected, [deployment('cart'), shipper], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('fluent-bit runs as DaemonSet logging/fluent-bit');
    expect(outcome.evidence).toEqual([
      { kind: 'DaemonSet', namespace: 'logging', name: 'fluent-bit', path: 'spec.template.spec.containers[1].image' },
    ]);
  });

  it.each([
    ['fluent/fluentd-kubernetes-daemonset:v1.17-debian-elasticsearch8-1', 'fluentd'],
    ['docker.io/grafana/promtail:3.0.0', 'promtail'],
    [`grafana/alloy:v1.4.2@sha256:${'b'.repeat(64)}`, 'alloy'],
    ['timberio/vector:0.41.1-distroless-libc', 'vector'],
    ['otel/opentelemetry-collector-contrib:0.111.0', 'opentelemetry-collector'],
    ['public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2', 'fluent-bit'],
  ])('recognises %s as %s', (image, shipper) => {
    const outcome = run(logsCollected, [deployment('cart'), daemonSet('logs', 'observability', image)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain(`${shipper} runs as DaemonSet observability/logs`);
  });

  it('fails when no DaemonSet runs a log shipper', () => {
    const exporter = daemonSet('node-exporter', 'monitoring', 'quay.io/prometheus/node-exporter:v1.8.2');
    const lookalike = daemonSet('vectorized', 'db', 'docker.redpanda.com/vectorized/redpanda:v24.2.4');
    const outcome = run(logsCollected, [deployment('cart'), exporter, lookalike], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('cluster test runs no log-shipper DaemonSet');
    expect(outcome.message).toContain('in 2 DaemonSet(s)');
  });

  it('fails when the log shipper DaemonSet has no ready pod', () => {
    const broken = daemonSet('promtail', 'logging', 'grafana/promtail:3.0.0', { desiredNumberScheduled: 3, numberReady: 0 });
    const outcome = run(logsCollected, [deployment('cart'), broken], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('no log shipper is running: DaemonSet logging/promtail has 0 ready pods (desired 3)');
  });

  it('is unknown when DaemonSets cannot be listed', () => {
    const outcome = run(logsCollected, [deployment('cart')], target, { missing: ['daemonsets'] });
    expect(outcome.status).toBe('unknown');
  });

  it('looks the shippers up once per cluster, not once per workload', () => {
    const index = indexOf([deployment('cart'), deployment('payments'), daemonSet('fluent-bit', 'logging', 'fluent/fluent-bit:3.1.9')]);
    const workloads = discoverWorkloads(index);
    const list = jest.spyOn(index, 'list');
    for (const workload of workloads) {
      const outcome = logsCollected.evaluate({ workload, index, relations: relationsOf(workload, index), options: {}, now: new Date() });
      expect(outcome.status).toBe('pass');
    }
    expect(workloads).toHaveLength(3);
    expect(list.mock.calls.filter(([kind]) => kind === 'DaemonSet')).toHaveLength(1);
  });
});
