import { KubernetesObject } from '../../../objects';
import { deploymentWithPods, merge, object, run, service } from '../../../testing/fixtures';
import { ingressTls } from './ingressTls';

const target = { kind: 'Deployment', name: 'cart' };

function rule(host: string | undefined, serviceName = 'cart') {
  return {
    ...(host ? { host } : {}),
    http: {
      paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: serviceName, port: { name: 'http' } } } }],
    },
  };
}

/** An Ingress as kubectl shows it, routing cart.example.com to Service cart over TLS. */
function ingress(name: string, patch?: Record<string, any>): KubernetesObject {
  return object(
    'networking.k8s.io/v1',
    'Ingress',
    name,
    'shop',
    merge(
      {
        metadata: { annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } },
        spec: {
          ingressClassName: 'nginx',
          tls: [{ hosts: ['cart.example.com'], secretName: 'cart-tls' }],
          rules: [rule('cart.example.com')],
        },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
      },
      patch,
    ),
  );
}

const cart = () => [...deploymentWithPods('cart'), service('cart')];

describe('ingress-tls', () => {
  it('passes when every host of the Ingress is covered by spec.tls', () => {
    const outcome = run(ingressTls, [...cart(), ingress('cart')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('1 Ingress(es) routing to the workload terminate TLS for every host (cart)');
  });

  it('is not applicable when no Ingress routes to the workload', () => {
    const outcome = run(ingressTls, cart(), target);
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toBe("no Ingress routes to the workload's Services");
  });

  it('ignores Ingresses routing to other Services', () => {
    const other = ingress('checkout', { spec: { tls: [], rules: [rule('checkout.example.com', 'checkout')] } });
    expect(run(ingressTls, [...cart(), service('checkout'), other], target).status).toBe('not-applicable');
  });

  it('fails for an Ingress without spec.tls, naming its hosts', () => {
    const outcome = run(ingressTls, [...cart(), ingress('cart', { spec: { tls: undefined } })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Ingress 'cart' serves cart.example.com without TLS (no spec.tls)");
    expect(outcome.evidence).toEqual([{ kind: 'Ingress', namespace: 'shop', name: 'cart', path: 'spec.tls' }]);
  });

  it('fails naming the host that tls covers only partially', () => {
    const ing = ingress('cart', {
      spec: { rules: [rule('cart.example.com'), rule('admin.example.com'), rule('cart.example.com')] },
    });
    const outcome = run(ingressTls, [...cart(), ing], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Ingress 'cart' has no TLS for host admin.example.com");
    expect(outcome.evidence).toEqual([{ kind: 'Ingress', namespace: 'shop', name: 'cart', path: 'spec.rules[1].host' }]);
  });

  it('lets a wildcard certificate cover one label, not the apex nor deeper names', () => {
    const wildcard = (hosts: string[]) =>
      ingress('cart', { spec: { tls: [{ hosts: ['*.example.com'], secretName: 'wildcard-tls' }], rules: hosts.map(h => rule(h)) } });
    expect(run(ingressTls, [...cart(), wildcard(['cart.example.com', 'API.example.com'])], target).status).toBe('pass');
    const outcome = run(ingressTls, [...cart(), wildcard(['example.com', 'a.b.example.com'])], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Ingress 'cart' has no TLS for host example.com; Ingress 'cart' has no TLS for host a.b.example.com");
  });

  it('requires a tls entry without hosts for a rule without host', () => {
    const catchAll = (tls: unknown) => ingress('cart', { spec: { tls, rules: [rule(undefined)] } });
    expect(run(ingressTls, [...cart(), catchAll([{ secretName: 'default-tls' }])], target).status).toBe('pass');
    const outcome = run(ingressTls, [...cart(), catchAll([{ hosts: ['cart.example.com'], secretName: 'cart-tls' }])], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('routes requests for any host');
    expect(outcome.evidence?.[0].path).toBe('spec.rules[0].host');
  });

  it('checks every Ingress that routes to the workload', () => {
    const objects = [
      ...cart(),
      ingress('cart'),
      ingress('cart-internal', { metadata: { annotations: undefined }, spec: { tls: [], rules: [rule('cart.internal.acme')] } }),
    ];
    const outcome = run(ingressTls, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Ingress 'cart-internal' serves cart.internal.acme without TLS (no spec.tls)");
  });

  it('is unknown when Ingresses cannot be listed', () => {
    const outcome = run(ingressTls, cart(), target, { missing: ['ingresses'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read ingresses in cluster test');
  });

  it('survives malformed tls and rules', () => {
    const ing = ingress('cart', { spec: { tls: [null, { hosts: ['cart.example.com'], secretName: 'cart-tls' }], rules: [null, rule('cart.example.com')] } });
    expect(run(ingressTls, [...cart(), ing], target).status).toBe('pass');
    const stringHosts = ingress('cart', { spec: { tls: [{ hosts: 'cart.example.com', secretName: 'cart-tls' }] } });
    const outcome = run(ingressTls, [...cart(), stringHosts], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Ingress 'cart' has no TLS for host cart.example.com");
  });
});
