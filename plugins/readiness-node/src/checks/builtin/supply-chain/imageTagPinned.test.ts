import { container, cronJob, deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { imageTagPinned } from './imageTagPinned';

const target = { kind: 'Deployment', name: 'cart' };
const DIGEST = `sha256:${'c'.repeat(64)}`;

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

describe('image-tag-pinned', () => {
  it('passes for a release tag with a digest', () => {
    const outcome = run(imageTagPinned, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('all 1 container image(s) are pinned to a release tag or a digest');
  });

  it.each(['ghcr.io/acme/cart:1.4.2', `app@${DIGEST}`, `ghcr.io/acme/cart:latest@${DIGEST}`, 'registry.local:5000/team/app:2.0.1'])(
    'passes for %s',
    image => {
      expect(run(imageTagPinned, withImages([image]), target).status).toBe('pass');
    },
  );

  it('fails for tag latest, naming container, image and field path', () => {
    const outcome = run(imageTagPinned, withImages(['ghcr.io/acme/cart:latest']), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("container 'cart' uses image ghcr.io/acme/cart:latest (tag latest)");
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[0].image' },
    ]);
  });

  it('fails for a registry with a port and no tag (the port is not a tag)', () => {
    const outcome = run(imageTagPinned, withImages(['registry.local:5000/team/app']), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' uses image registry.local:5000/team/app with no tag (the runtime pulls latest)",
    );
  });

  it('fails for a bare Docker Hub name', () => {
    const outcome = run(imageTagPinned, withImages(['nginx']), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('uses image nginx with no tag');
  });

  it('includes init containers, naming them as such', () => {
    const outcome = run(imageTagPinned, withImages(['ghcr.io/acme/cart:1.4.2'], ['ghcr.io/acme/migrate:latest']), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("init container 'init-0' uses image ghcr.io/acme/migrate:latest (tag latest)");
    expect(outcome.evidence?.[0].path).toBe('spec.template.spec.initContainers[0].image');
  });

  it('reports every offending container, with the CronJob template path', () => {
    const job = cronJob('nightly', 'shop', {
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: { containers: [container('dump', { image: 'postgres' }), container('upload', { image: 'amazon/aws-cli:latest' })] },
            },
          },
        },
      },
    });
    const outcome = run(imageTagPinned, [job], { kind: 'CronJob', name: 'nightly' });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'dump' uses image postgres with no tag (the runtime pulls latest); container 'upload' uses image amazon/aws-cli:latest (tag latest)",
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      'spec.jobTemplate.spec.template.spec.containers[0].image',
      'spec.jobTemplate.spec.template.spec.containers[1].image',
    ]);
  });

  it('fails over unknown when one image is floating and another unreadable', () => {
    const outcome = run(imageTagPinned, withImages(['nginx:latest', '{{ .Values.image }}']), target);
    expect(outcome.status).toBe('fail');
  });

  it('is unknown when an image cannot be read (templated manifest)', () => {
    const outcome = run(imageTagPinned, withImages(['{{ .Values.image }}']), target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe(
      "container 'cart' image '{{ .Values.image }}' cannot be read: the reference contains whitespace",
    );
  });

  it('is unknown when a container has no image', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { containers: [container('cart', { image: undefined })] } } } })];
    const outcome = run(imageTagPinned, objects, target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe("container 'cart' image cannot be read: no image is set");
  });

  it('is unknown when the pod template has no containers', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { containers: [] } } } })];
    expect(run(imageTagPinned, objects, target)).toEqual({ status: 'unknown', message: 'the pod template has no containers' });
  });
});
