import {
  container,
  deployment,
  deploymentWithPods,
  run,
  statefulSet,
} from '../../../testing/fixtures';
import { readOnlyRootFilesystem } from './readOnlyRootFilesystem';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

function cart(podSpec: Record<string, any>) {
  return [
    deployment('cart', 'shop', { spec: { template: { spec: podSpec } } }),
  ];
}

describe('read-only-root-filesystem', () => {
  it('passes when every container sets readOnlyRootFilesystem: true', () => {
    const outcome = run(
      readOnlyRootFilesystem,
      deploymentWithPods('cart'),
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "container 'cart' sets readOnlyRootFilesystem: true",
    );
  });

  it('fails a container that does not set it', () => {
    const objects = cart({
      containers: [
        container('cart', {
          securityContext: { readOnlyRootFilesystem: undefined },
        }),
      ],
    });
    const outcome = run(readOnlyRootFilesystem, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' does not set readOnlyRootFilesystem: true",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.containers[0].securityContext.readOnlyRootFilesystem`,
      },
    ]);
  });

  it('fails an explicit false on an init container and lists each reason', () => {
    const objects = cart({
      initContainers: [
        container('migrate', {
          securityContext: { readOnlyRootFilesystem: false },
        }),
      ],
      containers: [container('cart', { securityContext: undefined })],
    });
    const outcome = run(readOnlyRootFilesystem, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' does not set readOnlyRootFilesystem: true; init container 'migrate' sets readOnlyRootFilesystem: false",
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      `${POD}.containers[0].securityContext.readOnlyRootFilesystem`,
      `${POD}.initContainers[0].securityContext.readOnlyRootFilesystem`,
    ]);
  });

  it('evaluates StatefulSets the same way', () => {
    const db = statefulSet('db', 'shop', {
      spec: {
        template: {
          spec: {
            containers: [
              container('db', {
                securityContext: { readOnlyRootFilesystem: false },
              }),
            ],
          },
        },
      },
    });
    const outcome = run(readOnlyRootFilesystem, [db], {
      kind: 'StatefulSet',
      name: 'db',
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'db',
    });
  });

  it('is unknown when the pod template has no containers', () => {
    const outcome = run(
      readOnlyRootFilesystem,
      cart({ containers: 'none' }),
      target,
    );
    expect(outcome.status).toBe('unknown');
  });

  it('treats a malformed value as unset instead of throwing', () => {
    const objects = cart({
      containers: [
        container('cart', {
          securityContext: { readOnlyRootFilesystem: 'true' },
        }),
      ],
    });
    expect(run(readOnlyRootFilesystem, objects, target).status).toBe('fail');
  });
});
