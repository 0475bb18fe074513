import {
  cronJob,
  deployment,
  deploymentWithPods,
  object,
  run,
} from '../../../testing/fixtures';
import { dedicatedServiceAccount } from './dedicatedServiceAccount';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

function serviceAccount(name: string, patch?: Record<string, any>) {
  return object('v1', 'ServiceAccount', name, 'shop', patch);
}

/** A Deployment `cart` whose pod spec is patched (`undefined` removes a field). */
function cart(podSpec: Record<string, any>) {
  return deployment('cart', 'shop', { spec: { template: { spec: podSpec } } });
}

/** The pod spec of a workload that names no ServiceAccount and leaves automount unset. */
const onDefault = {
  serviceAccountName: undefined,
  automountServiceAccountToken: undefined,
};

describe('dedicated-service-account', () => {
  it('passes when the pods run as a dedicated ServiceAccount', () => {
    const outcome = run(
      dedicatedServiceAccount,
      [serviceAccount('cart'), ...deploymentWithPods('cart')],
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "the pods run as the dedicated ServiceAccount 'cart'",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.serviceAccountName`,
      },
    ]);
  });

  it('passes a dedicated ServiceAccount that is not in the input, saying so', () => {
    const outcome = run(
      dedicatedServiceAccount,
      deploymentWithPods('cart'),
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "the pods run as the dedicated ServiceAccount 'cart' (ServiceAccount 'cart' is not in the input)",
    );
  });

  it('reads the deprecated serviceAccount field', () => {
    const objects = [cart({ ...onDefault, serviceAccount: 'cart' })];
    expect(run(dedicatedServiceAccount, objects, target).status).toBe('pass');
  });

  it('fails the default ServiceAccount with an automounted token when the pod names none', () => {
    const objects = [serviceAccount('default'), cart(onDefault)];
    const outcome = run(dedicatedServiceAccount, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "the pods run as ServiceAccount 'default' with an automounted token: neither the pod nor ServiceAccount 'default' sets automountServiceAccountToken, which defaults to true",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.serviceAccountName`,
      },
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.automountServiceAccountToken`,
      },
      {
        kind: 'ServiceAccount',
        namespace: 'shop',
        name: 'default',
        path: 'automountServiceAccountToken',
      },
    ]);
  });

  it("fails manifests without the default ServiceAccount, as the one Kubernetes creates mounts the token (the seed's case)", () => {
    const outcome = run(dedicatedServiceAccount, [cart(onDefault)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "ServiceAccount 'default' is not in the input",
    );
    expect(outcome.message).toContain(
      'Kubernetes creates it without the field',
    );
  });

  it("treats serviceAccountName '' and 'default' as the default ServiceAccount", () => {
    for (const name of ['', 'default']) {
      const objects = [cart({ ...onDefault, serviceAccountName: name })];
      expect(run(dedicatedServiceAccount, objects, target).status).toBe('fail');
    }
  });

  it("fails a pod-level automountServiceAccountToken: true, which overrides the ServiceAccount's false", () => {
    const objects = [
      serviceAccount('default', { automountServiceAccountToken: false }),
      cart({ ...onDefault, automountServiceAccountToken: true }),
    ];
    const outcome = run(dedicatedServiceAccount, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "automountServiceAccountToken: true on the pod, overriding ServiceAccount 'default' which sets false",
    );
  });

  it('passes the default ServiceAccount when the pod disables automount', () => {
    const objects = [
      cart({ ...onDefault, automountServiceAccountToken: false }),
    ];
    const outcome = run(dedicatedServiceAccount, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "the pods run as ServiceAccount 'default' but mount no token: automountServiceAccountToken: false on the pod (ServiceAccount 'default' is not in the input)",
    );
  });

  it('passes the default ServiceAccount when the ServiceAccount disables automount and the pod does not override it', () => {
    const objects = [
      serviceAccount('default', { automountServiceAccountToken: false }),
      cart(onDefault),
    ];
    const outcome = run(dedicatedServiceAccount, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain(
      "ServiceAccount 'default' sets automountServiceAccountToken: false and the pod does not override it",
    );
    expect(outcome.evidence?.map(e => e.kind)).toContain('ServiceAccount');
  });

  it('is unknown when ServiceAccounts cannot be read and the answer depends on one', () => {
    const outcome = run(dedicatedServiceAccount, [cart(onDefault)], target, {
      missing: ['serviceaccounts'],
    });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain(
      "whether its token is mounted is unknown: the pod does not set automountServiceAccountToken and ServiceAccount 'default' cannot be read",
    );
  });

  it('still decides when ServiceAccounts cannot be read but the pod settles it', () => {
    const mounted = [
      cart({ ...onDefault, automountServiceAccountToken: true }),
    ];
    const missing = { missing: ['serviceaccounts'] };
    const failed = run(dedicatedServiceAccount, mounted, target, missing);
    expect(failed.status).toBe('fail');
    expect(failed.message).toContain('(ServiceAccounts cannot be read:');
    expect(
      run(dedicatedServiceAccount, deploymentWithPods('cart'), target, missing)
        .status,
    ).toBe('pass');
  });

  it('answers the seed self-audit 6 at least as precisely (serviceAccountName // "default", automount // true)', () => {
    // [pod serviceAccountName, pod automount, default SA automount] -> expected status.
    const cases: Array<
      [string | undefined, boolean | undefined, boolean | undefined, string]
    > = [
      [undefined, undefined, undefined, 'fail'], // seed flags
      ['default', undefined, undefined, 'fail'], // seed flags
      ['default', true, false, 'fail'], // seed flags; the pod overrides the ServiceAccount
      ['default', true, undefined, 'fail'], // seed flags
      ['default', false, undefined, 'pass'], // seed flags too (jq's `false // true` is true): no token is mounted
      ['default', undefined, false, 'pass'], // seed flags, but the ServiceAccount mounts no token
      ['cart', undefined, undefined, 'pass'], // seed passes
      ['cart', true, undefined, 'pass'], // seed passes (token-automount-disabled judges the token)
    ];
    for (const [name, podSetting, saSetting, expected] of cases) {
      const objects = [
        serviceAccount('default', { automountServiceAccountToken: saSetting }),
        cart({
          serviceAccountName: name,
          automountServiceAccountToken: podSetting,
        }),
      ];
      const status = run(dedicatedServiceAccount, objects, target).status;
      expect({ name, podSetting, saSetting, status }).toEqual({
        name,
        podSetting,
        saSetting,
        status: expected,
      });
    }
  });

  it('evaluates CronJobs and bare pods with their own paths', () => {
    const job = cronJob('nightly', 'shop', {
      spec: {
        jobTemplate: {
          spec: { template: { spec: { serviceAccountName: undefined } } },
        },
      },
    });
    const outcome = run(dedicatedServiceAccount, [job], {
      kind: 'CronJob',
      name: 'nightly',
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0].path).toBe(
      'spec.jobTemplate.spec.template.spec.serviceAccountName',
    );
    const pod = object('v1', 'Pod', 'debug', 'shop', {
      spec: { serviceAccountName: 'default', containers: [] },
    });
    const podOutcome = run(dedicatedServiceAccount, [pod], {
      kind: 'Pod',
      name: 'debug',
    });
    expect(podOutcome.status).toBe('fail');
    expect(podOutcome.evidence?.[0].path).toBe('spec.serviceAccountName');
  });

  it('treats malformed fields as unset instead of throwing', () => {
    const objects = [
      serviceAccount('default', { automountServiceAccountToken: 'false' }),
      cart({ serviceAccountName: 42, automountServiceAccountToken: 'no' }),
    ];
    const outcome = run(dedicatedServiceAccount, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('which defaults to true');
  });
});
