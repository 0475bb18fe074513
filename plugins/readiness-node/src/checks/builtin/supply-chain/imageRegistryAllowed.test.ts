import { container, deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { imageRegistryAllowed } from './imageRegistryAllowed';

const target = { kind: 'Deployment', name: 'cart' };

function withImages(images: string[], initImages: string[] = []) {
  return [
    deployment('cart', 'shop', {
      spec: {
        template: {
          spec: {
            initContainers: initImages.map((image, i) => container(`init-${i}`, { image })),
            containers: images.map((image, i) => container(i === 0 ? 'cart' : `side-${i}`, { image })),
          },
        },
      },
    }),
  ];
}

describe('image-registry-allowed', () => {
  it('is not applicable while no registry is configured (the default)', () => {
    expect(imageRegistryAllowed.defaultOptions).toEqual({ registries: [] });
    const outcome = run(imageRegistryAllowed, withImages(['nginx:1.27']), target);
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toContain('readiness.checks.image-registry-allowed.registries');
  });

  it('passes when every registry is allowed', () => {
    const outcome = run(imageRegistryAllowed, deploymentWithPods('cart'), target, { options: { registries: ['ghcr.io'] } });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('all 1 container image(s) come from an allowed registry (ghcr.io)');
  });

  it('fails for a Docker Hub image, resolved to docker.io, naming the allowed list', () => {
    const outcome = run(imageRegistryAllowed, withImages(['ghcr.io/acme/cart:1.4.2', 'nginx:1.27']), target, {
      options: { registries: ['ghcr.io', 'registry.local:5000'] },
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'side-1' uses image nginx:1.27 from docker.io, which is not an allowed registry (allowed: ghcr.io, registry.local:5000)",
    );
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[1].image' },
    ]);
  });

  it('allows Docker Hub by any of its names', () => {
    const objects = withImages(['nginx:1.27', 'index.docker.io/library/redis:7', 'bitnami/kubectl:1.31']);
    expect(run(imageRegistryAllowed, objects, target, { options: { registries: ['docker.io'] } }).status).toBe('pass');
  });

  it('matches a registry with a port exactly, port included', () => {
    const objects = withImages(['registry.local:5000/team/app:2.0.1']);
    expect(run(imageRegistryAllowed, objects, target, { options: { registries: ['registry.local:5000'] } }).status).toBe('pass');
    const outcome = run(imageRegistryAllowed, objects, target, { options: { registries: ['registry.local'] } });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('from registry.local:5000, which is not an allowed registry');
  });

  it('matches a host/path prefix at a path boundary only', () => {
    const options = { registries: ['ghcr.io/acme'] };
    expect(run(imageRegistryAllowed, withImages(['ghcr.io/acme/cart:1.4.2']), target, { options }).status).toBe('pass');
    expect(run(imageRegistryAllowed, withImages(['ghcr.io/acmecorp/cart:1.4.2']), target, { options }).status).toBe('fail');
  });

  it('matches a host wildcard', () => {
    const options = { registries: ['*.dkr.ecr.eu-west-1.amazonaws.com'] };
    const ecr = withImages(['123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/cart:1.4.2']);
    expect(run(imageRegistryAllowed, ecr, target, { options }).status).toBe('pass');
    const other = withImages(['123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/cart:1.4.2']);
    expect(run(imageRegistryAllowed, other, target, { options }).status).toBe('fail');
  });

  it('checks init containers too', () => {
    const outcome = run(imageRegistryAllowed, withImages(['ghcr.io/acme/cart:1.4.2'], ['busybox:1.36']), target, {
      options: { registries: ['ghcr.io'] },
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("init container 'init-0' uses image busybox:1.36 from docker.io");
  });

  it('accepts a comma-separated string from config', () => {
    const options = { registries: 'ghcr.io, docker.io' as unknown as string[] };
    expect(run(imageRegistryAllowed, withImages(['ghcr.io/acme/cart:1.4.2', 'nginx:1.27']), target, { options }).status).toBe('pass');
  });

  it('is unknown when an image cannot be read', () => {
    const outcome = run(imageRegistryAllowed, withImages(['$(IMAGE)']), target, { options: { registries: ['ghcr.io'] } });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("container 'cart' image '$(IMAGE)' cannot be read");
  });
});
