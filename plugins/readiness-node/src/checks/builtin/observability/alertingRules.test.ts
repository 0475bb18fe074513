import { deployment, object, run, service, statefulSet } from '../../../testing/fixtures';
import { alertingRules } from './alertingRules';

const target = { kind: 'Deployment', name: 'cart' };

function prometheusRule(name: string, namespace: string, rules: Array<Record<string, any>>) {
  return object('monitoring.coreos.com/v1', 'PrometheusRule', name, namespace, {
    metadata: { labels: { release: 'kube-prometheus-stack' } },
    spec: {
      groups: [
        {
          name: `${name}.rules`,
          rules: [
            { record: 'job:http_requests:rate5m', expr: 'sum by (namespace, job) (rate(http_requests_total[5m]))' },
            ...rules.map(r => ({ for: '10m', labels: { severity: 'critical' }, annotations: { summary: 'it is broken' }, ...r })),
          ],
        },
      ],
    },
  });
}

describe('alerting-rules', () => {
  it('passes for an alert whose expr names the namespace and the job', () => {
    const rule = prometheusRule('cart-alerts', 'shop', [
      { alert: 'CartHighErrorRate', expr: 'sum(rate(http_requests_total{namespace="shop", job="cart", code=~"5.."}[5m])) > 1' },
    ]);
    const outcome = run(alertingRules, [deployment('cart'), rule], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("alert 'CartHighErrorRate' in PrometheusRule shop/cart-alerts names namespace 'shop' and name 'cart'");
    expect(outcome.evidence).toEqual([{ kind: 'PrometheusRule', namespace: 'shop', name: 'cart-alerts', path: 'spec.groups[0].rules[1]' }]);
  });

  it('passes for a cluster-wide rule whose static labels name the namespace and the service', () => {
    const objects = [
      deployment('cart-api'),
      service('cart', 'shop', { spec: { selector: { 'app.kubernetes.io/name': 'cart-api' } } }),
      prometheusRule('slo-burn', 'monitoring', [
        { alert: 'CartErrorBudgetBurn', expr: 'slo:sli_error:ratio_rate1h{sloth_service="cart"} > 0.01', labels: { namespace: 'shop', service: 'cart', severity: 'page' } },
      ]),
    ];
    const outcome = run(alertingRules, objects, { kind: 'Deployment', name: 'cart-api' });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("names namespace 'shop' and service 'cart'");
  });

  it('passes for kube-state-metrics style alerts with a namespace regex', () => {
    const rule = prometheusRule('workloads', 'monitoring', [
      { alert: 'DeploymentReplicasMismatch', expr: 'kube_deployment_status_replicas_available{namespace=~"shop|payments", deployment="cart"} < 2' },
    ]);
    expect(run(alertingRules, [deployment('cart'), rule], target).status).toBe('pass');
  });

  it('passes for a pod-name regex naming a StatefulSet', () => {
    const rule = prometheusRule('db', 'shop', [
      { alert: 'OrdersDbRestarting', expr: 'increase(kube_pod_container_status_restarts_total{namespace="shop", pod=~"orders-db-[0-9]+"}[15m]) > 3' },
    ]);
    expect(run(alertingRules, [statefulSet('orders-db'), rule], { kind: 'StatefulSet', name: 'orders-db' }).status).toBe('pass');
  });

  it("passes on the job label a ServiceMonitor's jobLabel gives the targets", () => {
    const objects = [
      deployment('cart'),
      service('cart', 'shop', { metadata: { labels: { 'app.kubernetes.io/component': 'checkout-backend' } } }),
      object('monitoring.coreos.com/v1', 'ServiceMonitor', 'cart', 'shop', {
        spec: {
          jobLabel: 'app.kubernetes.io/component',
          selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } },
          endpoints: [{ port: 'http' }],
        },
      }),
      prometheusRule('checkout', 'shop', [{ alert: 'CheckoutDown', expr: 'up{namespace="shop", job="checkout-backend"} == 0' }]),
    ];
    const outcome = run(alertingRules, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("job 'checkout-backend'");
  });

  it('fails when an alert in another namespace mentions only the name, saying the namespace is missing', () => {
    const rule = prometheusRule('generic', 'monitoring', [{ alert: 'CartDown', expr: 'up{job="cart"} == 0' }]);
    const outcome = run(alertingRules, [deployment('cart'), rule], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "no PrometheusRule alert names namespace 'shop' together with the workload (name 'cart'): alert 'CartDown' in PrometheusRule monitoring/generic names name 'cart' but not namespace 'shop'",
    );
    expect(outcome.evidence).toEqual([{ kind: 'PrometheusRule', namespace: 'monitoring', name: 'generic', path: 'spec.groups[0].rules[1].expr' }]);
  });

  it('fails when the alert names the workload in another namespace', () => {
    const rule = prometheusRule('cart-alerts', 'payments', [{ alert: 'CartDown', expr: 'up{namespace="payments", job="cart"} == 0' }]);
    const outcome = run(alertingRules, [deployment('cart'), rule], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("but not namespace 'shop'");
  });

  it('does not count negative matchers, wildcards, commented-out matchers or recording rules', () => {
    const rule = prometheusRule('noise', 'shop', [
      { alert: 'OthersDown', expr: 'up{namespace!="shop", job="cart"} == 0' },
      { alert: 'AnythingDown', expr: 'up{namespace=~".*", job=~".+"} == 0' },
      { alert: 'Commented', expr: 'up{job="cart"} == 0\n# and on() up{namespace="shop"}' },
    ]);
    const recording = object('monitoring.coreos.com/v1', 'PrometheusRule', 'records', 'shop', {
      spec: { groups: [{ name: 'r', rules: [{ record: 'cart:up', expr: 'up{namespace="shop", job="cart"}' }] }] },
    });
    const outcome = run(alertingRules, [deployment('cart'), rule, recording], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("alert 'OthersDown'");
    expect(outcome.message).not.toContain('AnythingDown');
  });

  it('fails saying the cluster has no PrometheusRule at all', () => {
    const outcome = run(alertingRules, [deployment('cart')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('the cluster has no PrometheusRule');
  });

  it('is unknown when PrometheusRules cannot be listed', () => {
    const outcome = run(alertingRules, [deployment('cart')], target, { missing: ['prometheusrules'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read prometheusrules');
  });

  it('never throws on malformed rules', () => {
    const broken = object('monitoring.coreos.com/v1', 'PrometheusRule', 'broken', 'shop', {
      spec: { groups: [null, { rules: 'nope' }, { rules: [{ alert: 'X', expr: 42, labels: ['a'] }, { alert: 'Y', expr: 'up{job=~"("}' }] }] },
    });
    expect(run(alertingRules, [deployment('cart'), broken], target).status).toBe('fail');
  });
});
