import { container, deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { imageDigestPinned } from './imageDigestPinned';

const target = { kind: 'Deployment', name: 'cart' };
const DIGEST = `sha256:${'d'.repeat(64)}`;

function withImage(image: unknown, init?: string) {
  return [
    deployment('cart', 'shop', {
      spec: {
        template: {
          spec: {
            ...(init ? { initContainers: [container('migrate', { image: init })] } : {}),
            containers: [container('cart', { image })],
          },
        },
      },
    }),
  ];
}

describe('image-digest-pinned', () => {
  it('passes when every image carries a sha256 digest', () => {
    const outcome = run(imageDigestPinned, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('all 1 container image(s) are referenced by a sha256 digest');
  });

  it('passes for a digest without tag', () => {
    expect(run(imageDigestPinned, withImage(`app@${DIGEST}`), target).status).toBe('pass');
    expect(run(imageDigestPinned, withImage(`registry.local:5000/team/app@${DIGEST}`), target).status).toBe('pass');
  });

  it('fails for a tag without digest, with the field path', () => {
    const outcome = run(imageDigestPinned, withImage('ghcr.io/acme/cart:1.4.2'), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'cart' uses image ghcr.io/acme/cart:1.4.2 without a digest (@sha256:...)");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[0].image' },
    ]);
  });

  it('includes init containers', () => {
    const outcome = run(imageDigestPinned, withImage(`app@${DIGEST}`, 'ghcr.io/acme/migrate:1.4.2'), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("init container 'migrate' uses image ghcr.io/acme/migrate:1.4.2 without a digest");
    expect(outcome.evidence?.[0].path).toBe('spec.template.spec.initContainers[0].image');
  });

  it('fails for a digest of another algorithm than sha256', () => {
    const outcome = run(imageDigestPinned, withImage(`app@sha512:${'e'.repeat(128)}`), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('with a sha512 digest, not sha256');
  });

  it('is unknown for a malformed digest', () => {
    const outcome = run(imageDigestPinned, withImage('app@sha256:1234'), target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('"sha256:1234" is not a valid digest');
  });

  it('is unknown when the pod template has no containers', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { containers: [] } } } })];
    expect(run(imageDigestPinned, objects, target).status).toBe('unknown');
  });
});
