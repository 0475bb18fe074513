import {
  container,
  deployment,
  deploymentWithPods,
  run,
} from '../../../testing/fixtures';
import { seccompProfile } from './seccompProfile';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

function cart(
  podSpec: Record<string, any>,
  annotations?: Record<string, string>,
) {
  return [
    deployment('cart', 'shop', {
      spec: {
        template: {
          ...(annotations ? { metadata: { annotations } } : {}),
          spec: podSpec,
        },
      },
    }),
  ];
}

/** The hardened container without a seccompProfile of its own, or with `profile`. */
const withProfile = (name: string, profile?: unknown) =>
  container(name, { securityContext: { seccompProfile: profile } });

describe('seccomp-profile', () => {
  it('passes with RuntimeDefault on every container', () => {
    const outcome = run(seccompProfile, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "container 'cart' runs with a RuntimeDefault or Localhost seccomp profile",
    );
  });

  it('passes with a pod-level RuntimeDefault that containers inherit', () => {
    const objects = cart({
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [withProfile('migrate')],
      containers: [withProfile('cart')],
    });
    expect(run(seccompProfile, objects, target).status).toBe('pass');
  });

  it('passes with a Localhost profile that names its file', () => {
    const objects = cart({
      containers: [
        withProfile('cart', {
          type: 'Localhost',
          localhostProfile: 'profiles/cart.json',
        }),
      ],
    });
    expect(run(seccompProfile, objects, target).status).toBe('pass');
  });

  it('fails a container Unconfined profile that overrides the pod RuntimeDefault', () => {
    const objects = cart({
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        withProfile('cart'),
        withProfile('debug', { type: 'Unconfined' }),
      ],
    });
    const outcome = run(seccompProfile, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'debug' runs Unconfined (seccompProfile type Unconfined in its securityContext, overriding the pod's RuntimeDefault)",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.containers[1].securityContext.seccompProfile.type`,
      },
    ]);
  });

  it('lets a container RuntimeDefault override a pod Unconfined', () => {
    const objects = cart({
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [withProfile('cart', { type: 'RuntimeDefault' })],
    });
    expect(run(seccompProfile, objects, target).status).toBe('pass');
  });

  it('fails a pod-level Unconfined inherited by containers, pointing at the pod field', () => {
    const objects = cart({
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [withProfile('cart'), withProfile('envoy')],
    });
    const outcome = run(seccompProfile, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart', container 'envoy' run Unconfined (seccompProfile type Unconfined in the pod securityContext)",
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      `${POD}.securityContext.seccompProfile.type`,
    ]);
  });

  it('fails when no profile is set anywhere', () => {
    const outcome = run(
      seccompProfile,
      cart({ containers: [withProfile('cart')] }),
      target,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "container 'cart' has no seccompProfile at pod or container level",
    );
    expect(outcome.message).toContain('--seccomp-default');
    expect(outcome.evidence?.[0].path).toBe(
      `${POD}.containers[0].securityContext.seccompProfile`,
    );
  });

  it('says that the deprecated seccomp annotation no longer counts', () => {
    const objects = cart(
      { containers: [withProfile('cart')] },
      { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' },
    );
    const outcome = run(seccompProfile, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      'the deprecated seccomp annotation no longer takes effect',
    );
  });

  it('fails Localhost without a localhostProfile and an unsupported type, init containers included', () => {
    const objects = cart({
      initContainers: [withProfile('migrate', { type: 'Localhost' })],
      containers: [withProfile('cart', { type: 'runtime/default' })],
    });
    const outcome = run(seccompProfile, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' sets an unsupported seccompProfile type \"runtime/default\" in its securityContext; init container 'migrate' sets seccompProfile type Localhost without a localhostProfile in its securityContext",
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      `${POD}.containers[0].securityContext.seccompProfile.type`,
      `${POD}.initContainers[0].securityContext.seccompProfile.localhostProfile`,
    ]);
  });

  it('is unknown when the pod template has no containers', () => {
    expect(run(seccompProfile, cart({ containers: [] }), target).status).toBe(
      'unknown',
    );
  });

  it('treats malformed profiles as unset instead of throwing', () => {
    const objects = cart({
      securityContext: { seccompProfile: 'RuntimeDefault' },
      containers: [withProfile('cart', { type: 42 })],
    });
    const outcome = run(seccompProfile, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('has no seccompProfile');
  });
});
