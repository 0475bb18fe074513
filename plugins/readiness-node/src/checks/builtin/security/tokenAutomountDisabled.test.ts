import {
  deployment,
  deploymentWithPods,
  object,
  run,
} from '../../../testing/fixtures';
import { tokenAutomountDisabled } from './tokenAutomountDisabled';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

function serviceAccount(name: string, patch?: Record<string, any>) {
  return object('v1', 'ServiceAccount', name, 'shop', patch);
}

function cart(podSpec: Record<string, any>) {
  return deployment('cart', 'shop', { spec: { template: { spec: podSpec } } });
}

function binding(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  namespace: string | undefined,
  subjects: unknown,
) {
  return object('rbac.authorization.k8s.io/v1', kind, name, namespace, {
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: kind === 'RoleBinding' ? 'Role' : 'ClusterRole',
      name: 'reader',
    },
    subjects,
  });
}

/** Pods running as ServiceAccount `cart` without a pod-level automount setting. */
const mountedCart = () => cart({ automountServiceAccountToken: undefined });
const cartSubject = { kind: 'ServiceAccount', name: 'cart', namespace: 'shop' };

describe('token-automount-disabled', () => {
  it('passes when the pod disables automount', () => {
    const outcome = run(
      tokenAutomountDisabled,
      [serviceAccount('cart'), ...deploymentWithPods('cart')],
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      'no ServiceAccount token is mounted: automountServiceAccountToken: false on the pod',
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.automountServiceAccountToken`,
      },
      {
        kind: 'ServiceAccount',
        namespace: 'shop',
        name: 'cart',
        path: 'automountServiceAccountToken',
      },
    ]);
  });

  it('passes when the ServiceAccount disables automount and the pod does not override it', () => {
    const objects = [
      serviceAccount('cart', { automountServiceAccountToken: false }),
      mountedCart(),
    ];
    const outcome = run(tokenAutomountDisabled, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain(
      "ServiceAccount 'cart' sets automountServiceAccountToken: false",
    );
  });

  it('fails a mounted token when the ServiceAccount has no binding', () => {
    const objects = [serviceAccount('cart'), mountedCart()];
    const outcome = run(tokenAutomountDisabled, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "the ServiceAccount token is mounted though ServiceAccount 'cart' has no RoleBinding or ClusterRoleBinding: neither the pod nor ServiceAccount 'cart' sets automountServiceAccountToken, which defaults to true",
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      `${POD}.automountServiceAccountToken`,
      'automountServiceAccountToken',
    ]);
  });

  it("fails when the pod's true overrides the ServiceAccount's false", () => {
    const objects = [
      serviceAccount('cart', { automountServiceAccountToken: false }),
      cart({ automountServiceAccountToken: true }),
    ];
    const outcome = run(tokenAutomountDisabled, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "automountServiceAccountToken: true on the pod, overriding ServiceAccount 'cart' which sets false",
    );
  });

  it('passes a mounted token when a RoleBinding grants the ServiceAccount permissions', () => {
    const objects = [
      serviceAccount('cart'),
      binding('RoleBinding', 'cart-reader', 'shop', [
        { kind: 'ServiceAccount', name: 'cart' },
      ]),
      mountedCart(),
    ];
    const outcome = run(tokenAutomountDisabled, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "ServiceAccount 'cart' is bound by RoleBinding 'shop/cart-reader': the pods call the API and need the token",
    );
    expect(outcome.evidence).toContainEqual({
      kind: 'RoleBinding',
      namespace: 'shop',
      name: 'cart-reader',
      path: 'subjects',
    });
  });

  it('counts ClusterRoleBindings, RoleBindings of other namespaces and the ServiceAccount user name', () => {
    const bindings = [
      binding('ClusterRoleBinding', 'cart-nodes', undefined, [cartSubject]),
      binding('RoleBinding', 'cart-config', 'platform', [cartSubject]),
      binding('RoleBinding', 'cart-user', 'shop', [
        { kind: 'User', name: 'system:serviceaccount:shop:cart' },
      ]),
      binding('RoleBinding', 'shop-sas', 'shop', [
        { kind: 'Group', name: 'system:serviceaccounts:shop' },
      ]),
    ];
    for (const b of bindings) {
      const outcome = run(
        tokenAutomountDisabled,
        [serviceAccount('cart'), b, mountedCart()],
        target,
      );
      expect({ binding: b.metadata.name, status: outcome.status }).toEqual({
        binding: b.metadata.name,
        status: 'pass',
      });
    }
  });

  it('does not count bindings of another ServiceAccount, namespace or the cluster-wide group', () => {
    const objects = [
      serviceAccount('cart'),
      binding('RoleBinding', 'other-ns', 'payments', [
        { kind: 'ServiceAccount', name: 'cart' },
      ]),
      binding('ClusterRoleBinding', 'no-ns', undefined, [
        { kind: 'ServiceAccount', name: 'cart' },
      ]),
      binding('RoleBinding', 'web', 'shop', [
        { kind: 'ServiceAccount', name: 'web' },
      ]),
      binding(
        'ClusterRoleBinding',
        'system:service-account-issuer-discovery',
        undefined,
        [{ kind: 'Group', name: 'system:serviceaccounts' }],
      ),
      mountedCart(),
    ];
    expect(run(tokenAutomountDisabled, objects, target).status).toBe('fail');
  });

  it('is unknown when bindings cannot be read and the token is mounted', () => {
    const outcome = run(
      tokenAutomountDisabled,
      [serviceAccount('cart'), mountedCart()],
      target,
      {
        missing: ['rolebindings'],
      },
    );
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain(
      "whether ServiceAccount 'cart' needs it is unknown: RoleBindings cannot be read",
    );
  });

  it('still passes when bindings cannot be read but no token is mounted', () => {
    const outcome = run(
      tokenAutomountDisabled,
      deploymentWithPods('cart'),
      target,
      {
        missing: ['rolebindings', 'clusterrolebindings'],
      },
    );
    expect(outcome.status).toBe('pass');
  });

  it('is unknown when the ServiceAccount is not in the input and the pod leaves automount unset', () => {
    const outcome = run(tokenAutomountDisabled, [mountedCart()], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain(
      "ServiceAccount 'cart' is not in the input",
    );
  });

  it('is unknown when ServiceAccounts cannot be read and the pod leaves automount unset', () => {
    const outcome = run(tokenAutomountDisabled, [mountedCart()], target, {
      missing: ['serviceaccounts'],
    });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("ServiceAccount 'cart' cannot be read");
  });

  it('passes when the ServiceAccount is not in the input but is bound, since the token is needed either way', () => {
    const objects = [
      binding('RoleBinding', 'cart-reader', 'shop', [cartSubject]),
      mountedCart(),
    ];
    expect(run(tokenAutomountDisabled, objects, target).status).toBe('pass');
  });

  it('fails the default ServiceAccount left out of manifests, as Kubernetes creates it mounting the token', () => {
    const objects = [
      cart({
        serviceAccountName: undefined,
        automountServiceAccountToken: undefined,
      }),
    ];
    const outcome = run(tokenAutomountDisabled, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "ServiceAccount 'default' is not in the input",
    );
  });

  it('does not throw on malformed subjects', () => {
    const objects = [
      serviceAccount('cart'),
      binding('RoleBinding', 'broken', 'shop', 'cart'),
      binding('RoleBinding', 'nulls', 'shop', [null, 'cart']),
      mountedCart(),
    ];
    expect(run(tokenAutomountDisabled, objects, target).status).toBe('fail');
  });
});
