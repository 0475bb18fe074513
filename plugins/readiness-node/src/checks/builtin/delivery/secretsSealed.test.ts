import { container, deployment, object, run, statefulSet } from '../../../testing/fixtures';
import { secretsSealed } from './secretsSealed';

const target = { kind: 'Deployment', name: 'cart' };

/** A Secret as a metadata-only list returns it: no data, no type. */
function secret(name: string, owner?: { apiVersion: string; kind: string }) {
  return object('v1', 'Secret', name, 'shop', {
    metadata: {
      labels: { 'app.kubernetes.io/name': 'cart' },
      ...(owner ? { ownerReferences: [{ ...owner, name, uid: '7b1d2f7e-0c55-4b8e-9a51-3f0a2c1d9e11', controller: true }] } : {}),
    },
  });
}
const SEALED = { apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret' };
const EXTERNAL = { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret' };

/** cart reads its DB password from `cart-db` (env) and mounts `cart-tls` (volume). */
function cart(extra: Record<string, any> = {}) {
  return deployment('cart', 'shop', {
    spec: {
      template: {
        spec: {
          containers: [
            container('cart', {
              env: [
                { name: 'LOG_LEVEL', value: 'info' },
                { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'cart-db', key: 'password' } } },
              ],
              volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
            }),
          ],
          volumes: [{ name: 'tls', secret: { secretName: 'cart-tls', defaultMode: 0o440 } }],
          ...extra,
        },
      },
    },
  });
}

describe('secrets-sealed', () => {
  it('passes when every referenced Secret is owned by a SealedSecret or an ExternalSecret', () => {
    const outcome = run(secretsSealed, [cart(), secret('cart-db', SEALED), secret('cart-tls', EXTERNAL)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("all 2 referenced Secret(s) are sealed: 'cart-db' (SealedSecret), 'cart-tls' (ExternalSecret)");
    expect(outcome.evidence).toEqual([
      { kind: 'Secret', namespace: 'shop', name: 'cart-db' },
      { kind: 'Secret', namespace: 'shop', name: 'cart-tls' },
    ]);
  });

  it('fails naming the Secret that is not sealed, with the Secret and the reference as evidence', () => {
    const outcome = run(secretsSealed, [cart(), secret('cart-db'), secret('cart-tls', EXTERNAL)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Secret 'cart-db' is not owned by a SealedSecret or ExternalSecret");
    expect(outcome.evidence).toEqual([
      { kind: 'Secret', namespace: 'shop', name: 'cart-db', path: 'metadata.ownerReferences' },
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.name' },
    ]);
  });

  it('fails naming a referenced Secret that does not exist', () => {
    const outcome = run(secretsSealed, [cart(), secret('cart-db', SEALED)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Secret 'cart-tls' is referenced but does not exist in namespace 'shop'");
    expect(outcome.evidence).toEqual([
      { kind: 'Secret', namespace: 'shop', name: 'cart-tls' },
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.volumes[0].secret.secretName' },
    ]);
  });

  it('passes in manifests where the SealedSecret and ExternalSecret that will create the Secrets are present', () => {
    const sealed = object('bitnami.com/v1alpha1', 'SealedSecret', 'cart-db', 'shop', {
      spec: { encryptedData: { password: 'AgBy3i4OJSWK+PiTySYZZA==' }, template: { type: 'Opaque' } },
    });
    const external = object('external-secrets.io/v1', 'ExternalSecret', 'cart-certificates', 'shop', {
      spec: {
        secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
        target: { name: 'cart-tls', creationPolicy: 'Owner' },
        data: [{ secretKey: 'tls.crt', remoteRef: { key: 'shop/cart/tls', property: 'crt' } }],
      },
    });
    const outcome = run(secretsSealed, [cart(), sealed, external], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("'cart-tls' (ExternalSecret cart-certificates, Secret not created yet)");
  });

  it('checks envFrom, projected volumes and init containers too', () => {
    const sts = statefulSet('orders-db', 'shop', {
      spec: {
        template: {
          spec: {
            initContainers: [container('migrate', { envFrom: [{ secretRef: { name: 'orders-migrations' } }] })],
            volumes: [{ name: 'creds', projected: { sources: [{ secret: { name: 'orders-creds' } }, { configMap: { name: 'orders-config' } }] } }],
          },
        },
      },
    });
    const outcome = run(secretsSealed, [sts, secret('orders-creds', SEALED)], { kind: 'StatefulSet', name: 'orders-db' });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("Secret 'orders-migrations' is referenced but does not exist in namespace 'shop'");
    expect(outcome.evidence).toContainEqual({
      kind: 'StatefulSet', namespace: 'shop', name: 'orders-db', path: 'spec.template.spec.initContainers[0].envFrom[0].secretRef.name',
    });
  });

  it('is not applicable when the pod template references no Secret', () => {
    const outcome = run(secretsSealed, [deployment('cart')], target, { missing: ['secrets'] });
    expect(outcome.status).toBe('not-applicable');
  });

  it('is unknown when Secrets cannot be listed', () => {
    const outcome = run(secretsSealed, [cart()], target, { missing: ['secrets'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('references 2 Secret(s) but Secrets could not be read');
  });
});
