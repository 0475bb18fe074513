import { cronJob, deployment, deploymentWithPods, object, run, service } from '../../../testing/fixtures';
import { metricsScraped } from './metricsScraped';

const target = { kind: 'Deployment', name: 'cart' };

function serviceMonitor(name: string, namespace: string, spec: Record<string, any>) {
  return object('monitoring.coreos.com/v1', 'ServiceMonitor', name, namespace, {
    metadata: { labels: { release: 'kube-prometheus-stack' } },
    spec: { endpoints: [{ port: 'http', path: '/metrics', interval: '30s' }], ...spec },
  });
}

const selectsCart = { selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } } };

describe('metrics-scraped', () => {
  it('passes when a ServiceMonitor in the namespace selects one of its Services', () => {
    const objects = [...deploymentWithPods('cart'), service('cart'), serviceMonitor('cart', 'shop', selectsCart)];
    const outcome = run(metricsScraped, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("ServiceMonitor shop/cart scrapes Service 'cart'");
    expect(outcome.evidence).toContainEqual({ kind: 'ServiceMonitor', namespace: 'shop', name: 'cart', path: 'spec.selector' });
  });

  it('passes for a ServiceMonitor in another namespace whose namespaceSelector.matchNames lists the namespace', () => {
    const monitor = serviceMonitor('shop-services', 'monitoring', { ...selectsCart, namespaceSelector: { matchNames: ['payments', 'shop'] } });
    const outcome = run(metricsScraped, [deployment('cart'), service('cart'), monitor], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('ServiceMonitor monitoring/shop-services');
  });

  it('passes for a ServiceMonitor in another namespace with namespaceSelector.any: true', () => {
    const monitor = serviceMonitor('all-http', 'monitoring', {
      selector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'Exists' }] },
      namespaceSelector: { any: true },
    });
    expect(run(metricsScraped, [deployment('cart'), service('cart'), monitor], target).status).toBe('pass');
  });

  it('fails for a ServiceMonitor in another namespace without namespaceSelector, saying why it does not count', () => {
    const monitor = serviceMonitor('cart', 'monitoring', selectsCart);
    const outcome = run(metricsScraped, [deployment('cart'), service('cart'), monitor], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("no ServiceMonitor selects Service 'cart'");
    expect(outcome.message).toContain("ServiceMonitor monitoring/cart matches its Service's labels but its namespaceSelector does not cover namespace 'shop'");
    expect(outcome.evidence).toContainEqual({ kind: 'ServiceMonitor', namespace: 'monitoring', name: 'cart', path: 'spec.namespaceSelector' });
  });

  it('fails when the only ServiceMonitor selects another Service', () => {
    const monitor = serviceMonitor('payments', 'shop', { selector: { matchLabels: { 'app.kubernetes.io/name': 'payments' } } });
    const outcome = run(metricsScraped, [deployment('cart'), service('cart'), service('payments'), monitor], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "Deployment cart is not scraped: no ServiceMonitor selects Service 'cart', no PodMonitor selects its pods, the pod template has no prometheus.io/scrape: \"true\" annotation",
    );
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.metadata.annotations' },
      { kind: 'Service', namespace: 'shop', name: 'cart' },
    ]);
  });

  it('fails saying no Service selects the pods when there is none', () => {
    const outcome = run(metricsScraped, [deployment('cart')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('no Service selects its pods');
  });

  it('passes when a PodMonitor selects the pod template labels', () => {
    const monitor = object('monitoring.coreos.com/v1', 'PodMonitor', 'cart', 'shop', {
      spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } }, podMetricsEndpoints: [{ port: 'http' }] },
    });
    const outcome = run(metricsScraped, [deployment('cart'), monitor], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('PodMonitor shop/cart');
  });

  it('passes on the prometheus.io/scrape annotation even when the ServiceMonitor CRDs are missing', () => {
    const objects = [
      deployment('cart', 'shop', { spec: { template: { metadata: { annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080' } } } } }),
    ];
    const outcome = run(metricsScraped, objects, target, { missing: ['servicemonitors', 'podmonitors'] });
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.metadata.annotations["prometheus.io/scrape"]' },
    ]);
  });

  it('fails naming a scrape annotation that is not "true"', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { metadata: { annotations: { 'prometheus.io/scrape': 'false' } } } } })];
    const outcome = run(metricsScraped, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('prometheus.io/scrape annotation is "false", not "true"');
  });

  it('is unknown when it cannot pass and ServiceMonitors could not be listed', () => {
    const outcome = run(metricsScraped, [deployment('cart'), service('cart')], target, { missing: ['servicemonitors'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('servicemonitors could not be read');
  });

  it('is not applicable to CronJobs', () => {
    expect(run(metricsScraped, [cronJob('nightly')], { kind: 'CronJob', name: 'nightly' }).status).toBe('not-applicable');
  });

  it('never throws on a ServiceMonitor without selector', () => {
    const monitor = object('monitoring.coreos.com/v1', 'ServiceMonitor', 'broken', 'shop', { spec: { endpoints: 'oops' } });
    expect(run(metricsScraped, [deployment('cart'), service('cart'), monitor], target).status).toBe('fail');
  });
});
