import {
  deployment,
  deploymentWithPods,
  object,
  run,
} from '../../../testing/fixtures';
import { networkPolicy } from './networkPolicy';

const target = { kind: 'Deployment', name: 'cart' };

function policy(name: string, spec: Record<string, any>, namespace = 'shop') {
  return object('networking.k8s.io/v1', 'NetworkPolicy', name, namespace, {
    spec,
  });
}

const defaultDeny = policy('default-deny-all', {
  podSelector: {},
  policyTypes: ['Ingress', 'Egress'],
});
const cartPods = { matchLabels: { 'app.kubernetes.io/name': 'cart' } };

describe('network-policy', () => {
  it('passes with a default-deny policy whose empty podSelector selects every pod', () => {
    const outcome = run(
      networkPolicy,
      [defaultDeny, ...deploymentWithPods('cart')],
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "the pods are isolated for Ingress and Egress by NetworkPolicy 'default-deny-all'",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'NetworkPolicy',
        namespace: 'shop',
        name: 'default-deny-all',
        path: 'spec.policyTypes',
      },
    ]);
  });

  it('passes when ingress and egress isolation are split over several policies', () => {
    const objects = [
      // policyTypes absent, no egress rules: Kubernetes infers Ingress only.
      policy('cart-ingress', {
        podSelector: cartPods,
        ingress: [{ from: [{ podSelector: {} }] }],
      }),
      policy('cart-egress', {
        podSelector: {
          matchExpressions: [
            {
              key: 'app.kubernetes.io/name',
              operator: 'In',
              values: ['cart', 'web'],
            },
          ],
        },
        policyTypes: ['Egress'],
      }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(networkPolicy, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "the pods are isolated for Ingress and Egress by NetworkPolicy 'cart-ingress' (Ingress) and NetworkPolicy 'cart-egress' (Egress)",
    );
  });

  it('infers Egress from egress rules when policyTypes is absent', () => {
    const objects = [
      policy('cart', {
        podSelector: cartPods,
        ingress: [{}],
        egress: [{ to: [{ podSelector: {} }] }],
      }),
      ...deploymentWithPods('cart'),
    ];
    expect(run(networkPolicy, objects, target).status).toBe('pass');
  });

  it('fails an ingress-only policy, naming the uncovered direction', () => {
    const objects = [
      // egress: [] holds no rule, so Kubernetes does not infer Egress.
      policy('cart', { podSelector: cartPods, ingress: [{}], egress: [] }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(networkPolicy, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "NetworkPolicy 'cart' selects the pods for Ingress only; no NetworkPolicy restricts their Egress traffic",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'NetworkPolicy',
        namespace: 'shop',
        name: 'cart',
        path: 'spec.policyTypes',
      },
    ]);
  });

  it('fails an egress-only policy', () => {
    const objects = [
      policy('cart', { podSelector: cartPods, policyTypes: ['Egress'] }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(networkPolicy, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('for Egress only');
    expect(outcome.message).toContain('restricts their Ingress traffic');
  });

  it('fails when no policy selects the pods: other namespaces and other pods do not count', () => {
    const objects = [
      policy(
        'default-deny-all',
        { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
        'payments',
      ),
      policy('web', {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
        policyTypes: ['Ingress', 'Egress'],
      }),
      policy('not-cart', {
        podSelector: {
          matchExpressions: [
            {
              key: 'app.kubernetes.io/name',
              operator: 'NotIn',
              values: ['cart'],
            },
          ],
        },
        policyTypes: ['Ingress', 'Egress'],
      }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(networkPolicy, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "no NetworkPolicy in namespace 'shop' selects the pods: all ingress and egress traffic is allowed",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: 'spec.template.metadata.labels',
      },
    ]);
  });

  it('is unknown when NetworkPolicies cannot be listed', () => {
    const outcome = run(
      networkPolicy,
      [defaultDeny, ...deploymentWithPods('cart')],
      target,
      {
        missing: ['networkpolicies'],
      },
    );
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read networkpolicies');
  });

  it('ignores malformed policies instead of throwing', () => {
    const objects = [
      policy('broken-expressions', {
        podSelector: { matchExpressions: 'app=cart' },
        policyTypes: ['Ingress', 'Egress'],
      }),
      policy('broken-selector', {
        podSelector: 'app=cart',
        policyTypes: ['Ingress', 'Egress'],
      }),
      policy('broken-types', {
        podSelector: cartPods,
        policyTypes: 'Ingress',
        egress: 'all',
      }),
      deployment('cart'),
    ];
    const outcome = run(networkPolicy, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "NetworkPolicy 'broken-types' selects the pods for Ingress only; no NetworkPolicy restricts their Egress traffic",
    );
  });
});
