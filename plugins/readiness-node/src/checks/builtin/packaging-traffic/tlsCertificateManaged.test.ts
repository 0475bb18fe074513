import { KubernetesObject } from '../../../objects';
import { deploymentWithPods, merge, object, run, service } from '../../../testing/fixtures';
import { tlsCertificateManaged } from './tlsCertificateManaged';

const target = { kind: 'Deployment', name: 'cart' };
const now = new Date('2026-11-21T12:00:00Z');

function ingress(name: string, patch?: Record<string, any>): KubernetesObject {
  return object(
    'networking.k8s.io/v1',
    'Ingress',
    name,
    'shop',
    merge(
      {
        metadata: { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } },
        spec: {
          ingressClassName: 'nginx',
          tls: [{ hosts: ['cart.example.com'], secretName: 'cart-tls' }],
          rules: [
            {
              host: 'cart.example.com',
              http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'cart', port: { name: 'http' } } } }] },
            },
          ],
        },
      },
      patch,
    ),
  );
}

/** A cert-manager Certificate as kubectl shows it once issued. */
function certificate(name: string, secretName: string, notAfter: string, ready: Record<string, any> = {}): KubernetesObject {
  return object('cert-manager.io/v1', 'Certificate', name, 'shop', {
    metadata: { generation: 1 },
    spec: {
      secretName,
      dnsNames: ['cart.example.com'],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'letsencrypt-prod' },
    },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Ready',
          message: 'Certificate is up to date and has not expired',
          lastTransitionTime: '2026-10-20T08:00:00Z',
          observedGeneration: 1,
          ...ready,
        },
      ],
      notBefore: '2026-10-20T08:00:00Z',
      notAfter,
      renewalTime: '2026-12-19T08:00:00Z',
      revision: 1,
    },
  });
}

const cart = () => [...deploymentWithPods('cart'), service('cart')];

describe('tls-certificate-managed', () => {
  it('passes when a Ready Certificate issues the secret and is valid beyond 14 days', () => {
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart'), certificate('cart-tls', 'cart-tls', '2027-01-18T08:00:00Z')], target, { now });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      'TLS secret(s) cart-tls are issued by cert-manager: 1 Certificate(s) Ready and valid for more than 14 days',
    );
  });

  it('passes with a cert-manager issuer annotation on the Ingress (ingress-shim) and no Certificate yet', () => {
    const ing = ingress('cart', { metadata: { annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } } });
    const outcome = run(tlsCertificateManaged, [...cart(), ing], target, { now });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('1 secret(s) through an issuer annotation on the Ingress');
  });

  it('fails for a secret that cert-manager does not issue, naming secret and Ingress', () => {
    const unrelated = certificate('other-tls', 'other-tls', '2027-01-18T08:00:00Z');
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart'), unrelated], target, { now });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "TLS secret 'cart-tls' of Ingress 'cart' is not issued by cert-manager (no Certificate names it and the Ingress has no cert-manager.io/cluster-issuer or cert-manager.io/issuer annotation)",
    );
    expect(outcome.evidence).toEqual([{ kind: 'Ingress', namespace: 'shop', name: 'cart', path: 'spec.tls[0].secretName' }]);
  });

  it('fails for a Certificate that is not Ready, with its reason', () => {
    const cert = certificate('cart-tls', 'cart-tls', '2027-01-18T08:00:00Z', {
      status: 'False',
      reason: 'Failed',
      message: 'The certificate request has failed to complete and will be retried',
    });
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart'), cert], target, { now });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "Certificate 'cart-tls' (secret 'cart-tls') is not Ready (Failed: The certificate request has failed to complete and will be retried)",
    );
    expect(outcome.evidence).toEqual([{ kind: 'Certificate', namespace: 'shop', name: 'cart-tls', path: 'status.conditions' }]);
  });

  it('fails for a Certificate without status (never issued)', () => {
    const cert = certificate('cart-tls', 'cart-tls', '2027-01-18T08:00:00Z');
    delete cert.status;
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart'), cert], target, { now });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Certificate 'cart-tls' (secret 'cart-tls') is not Ready");
  });

  it('fails for a Ready Certificate expiring within 14 days of now', () => {
    const cert = certificate('cart-tls', 'cart-tls', '2026-12-01T12:00:00Z');
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart'), cert], target, { now });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "Certificate 'cart-tls' (secret 'cart-tls') expires on 2026-12-01T12:00:00Z, in 10 day(s), within 14 days",
    );
    expect(outcome.evidence).toEqual([{ kind: 'Certificate', namespace: 'shop', name: 'cart-tls', path: 'status.notAfter' }]);
  });

  it('uses ctx.now for the 14-day window, boundary included', () => {
    const objects = [...cart(), ingress('cart'), certificate('cart-tls', 'cart-tls', '2026-12-05T12:00:00Z')];
    expect(run(tlsCertificateManaged, objects, target, { now }).status).toBe('fail');
    expect(run(tlsCertificateManaged, objects, target, { now: new Date('2026-11-21T11:59:59Z') }).status).toBe('pass');
    expect(run(tlsCertificateManaged, objects, target, { now: new Date('2026-10-01T00:00:00Z') }).status).toBe('pass');
  });

  it('fails for an expired Certificate', () => {
    const cert = certificate('cart-tls', 'cart-tls', '2026-11-01T00:00:00Z');
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart'), cert], target, { now });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Certificate 'cart-tls' (secret 'cart-tls') expired on 2026-11-01T00:00:00Z");
  });

  it('still checks a Certificate found for an annotated Ingress', () => {
    const ing = ingress('cart', { metadata: { annotations: { 'cert-manager.io/issuer': 'acme' } } });
    const cert = certificate('cart-tls', 'cart-tls', '2026-11-25T00:00:00Z');
    expect(run(tlsCertificateManaged, [...cart(), ing, cert], target, { now }).status).toBe('fail');
  });

  it('is not applicable when no Ingress routes to the workload, even without cert-manager', () => {
    const outcome = run(tlsCertificateManaged, cart(), target, { now, missing: ['certificates'] });
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toBe("no Ingress routes to the workload's Services");
  });

  it('is not applicable when the Ingress names no TLS secret', () => {
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart', { spec: { tls: undefined } })], target, { now });
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toContain('names a TLS secret');
  });

  it('is unknown when Certificates cannot be listed (cert-manager not installed)', () => {
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart')], target, { now, missing: ['certificates'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe(
      'cannot read certificates in cluster test to check TLS secret(s) cart-tls: certificates could not be listed (403 Forbidden)',
    );
  });

  it('is unknown when a Ready Certificate has no readable notAfter', () => {
    const cert = certificate('cart-tls', 'cart-tls', 'soon');
    const outcome = run(tlsCertificateManaged, [...cart(), ingress('cart'), cert], target, { now });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe("Certificate 'cart-tls' (secret 'cart-tls') is Ready but has no readable status.notAfter");
  });
});
