import { deployment, entity, object, run, service } from '../../../testing/fixtures';
import { sloDefined } from './sloDefined';

const target = { kind: 'Deployment', name: 'cart' };

function serviceLevel(name: string, namespace: string, spec: Record<string, any>) {
  return object('sloth.slok.dev/v1', 'PrometheusServiceLevel', name, namespace, {
    spec: {
      labels: { team: 'shop' },
      slos: [
        {
          name: 'requests-availability',
          objective: 99.9,
          description: '99.9% of requests succeed',
          sli: {
            events: {
              errorQuery: 'sum(rate(http_requests_total{job="cart", code=~"5.."}[{{.window}}]))',
              totalQuery: 'sum(rate(http_requests_total{job="cart"}[{{.window}}]))',
            },
          },
          alerting: { name: 'CartHighErrorRate', pageAlert: { labels: { severity: 'critical' } } },
        },
      ],
      ...spec,
    },
  });
}

describe('slo-defined', () => {
  it('passes from a Sloth PrometheusServiceLevel for the service in its namespace, without a catalog entity', () => {
    const outcome = run(sloDefined, [deployment('cart'), serviceLevel('cart', 'shop', { service: 'cart' })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("Sloth PrometheusServiceLevel shop/cart defines 1 SLO(s) for service 'cart'");
    expect(outcome.evidence).toEqual([{ kind: 'PrometheusServiceLevel', namespace: 'shop', name: 'cart', path: 'spec.slos' }]);
  });

  it('passes for a PrometheusServiceLevel in another namespace whose SLI queries name the namespace and the Service', () => {
    const level = serviceLevel('checkout', 'observability', {
      service: 'checkout',
      slos: [
        {
          name: 'latency',
          objective: 99,
          sli: { raw: { errorRatioQuery: 'slow_requests:ratio_rate{{.window}}{namespace="shop", service="cart-http"}' } },
          alerting: { name: 'CheckoutSlow' },
        },
      ],
    });
    const objects = [deployment('cart'), service('cart-http', 'shop', { spec: { selector: { 'app.kubernetes.io/name': 'cart' } } }), level];
    expect(run(sloDefined, objects, target).status).toBe('pass');
  });

  it("passes for a PrometheusServiceLevel named after the catalog entity", () => {
    const objects = [deployment('cart-v2'), serviceLevel('checkout', 'shop', { service: 'test' })];
    const outcome = run(sloDefined, objects, { kind: 'Deployment', name: 'cart-v2' }, { entity: entity() });
    expect(outcome.status).toBe('pass');
  });

  it('passes from the entity annotation prodready.dev/slo even when Sloth is not installed', () => {
    const outcome = run(sloDefined, [deployment('cart')], target, {
      entity: entity({ 'prodready.dev/slo': 'https://grafana.acme.io/d/slo-cart' }),
      missing: ['prometheusservicelevels'],
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('https://grafana.acme.io/d/slo-cart');
    expect(outcome.evidence).toEqual([
      { kind: 'Component', namespace: 'default', name: 'test', path: 'metadata.annotations["prodready.dev/slo"]' },
    ]);
  });

  it('fails when the prodready.dev/slo annotation is not a URL', () => {
    const outcome = run(sloDefined, [deployment('cart')], target, { entity: entity({ 'prodready.dev/slo': '99.9% availability' }) });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('"99.9% availability", which is not an http(s) URL');
  });

  it('fails when neither a PrometheusServiceLevel nor the annotation exists, ignoring one for the same name in another namespace', () => {
    const elsewhere = serviceLevel('cart', 'payments', { service: 'cart' });
    const outcome = run(sloDefined, [deployment('cart'), elsewhere], target, { entity: entity() });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'no Sloth PrometheusServiceLevel targets Deployment shop/cart and entity component:default/test has no prodready.dev/slo annotation',
    );
  });

  it('fails naming a PrometheusServiceLevel that declares no SLOs', () => {
    const outcome = run(sloDefined, [deployment('cart'), serviceLevel('cart', 'shop', { service: 'cart', slos: [] })], target, {
      entity: entity(),
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('PrometheusServiceLevel shop/cart names it but declares no slos');
  });

  it('is unknown without a catalog entity when no PrometheusServiceLevel targets it', () => {
    const outcome = run(sloDefined, [deployment('cart')], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("needs the catalog entity's annotation prodready.dev/slo");
  });

  it('is unknown when the entity has no annotation and PrometheusServiceLevels cannot be listed', () => {
    const outcome = run(sloDefined, [deployment('cart')], target, { entity: entity(), missing: ['prometheusservicelevels'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('PrometheusServiceLevels could not be read');
  });
});
