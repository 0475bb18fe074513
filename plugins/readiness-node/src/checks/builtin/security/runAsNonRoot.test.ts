import {
  container,
  cronJob,
  deployment,
  deploymentWithPods,
  run,
} from '../../../testing/fixtures';
import { runAsNonRoot } from './runAsNonRoot';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

/** A Deployment `cart` whose pod spec is patched with `podSpec`. */
function cart(podSpec: Record<string, any>) {
  return [
    deployment('cart', 'shop', { spec: { template: { spec: podSpec } } }),
  ];
}

/** The hardened container without any user setting of its own. */
const noUser = (name = 'cart', extra: Record<string, any> = {}) =>
  container(name, {
    securityContext: {
      runAsNonRoot: undefined,
      runAsUser: undefined,
      ...extra,
    },
  });

describe('run-as-non-root', () => {
  it('passes when every container sets runAsNonRoot and a non-zero user', () => {
    const outcome = run(runAsNonRoot, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("container 'cart' runs as a non-root user");
  });

  it('passes when containers inherit runAsNonRoot: true from the pod securityContext', () => {
    const objects = cart({
      securityContext: { runAsNonRoot: true },
      initContainers: [noUser('migrate')],
      containers: [noUser()],
    });
    const outcome = run(runAsNonRoot, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('2 containers (1 init container)');
  });

  it('passes with runAsUser > 0 alone', () => {
    const objects = cart({ containers: [noUser('cart', { runAsUser: 1000 })] });
    expect(run(runAsNonRoot, objects, target).status).toBe('pass');
  });

  it('fails a container that sets runAsUser: 0', () => {
    const objects = cart({
      containers: [container('cart'), noUser('envoy', { runAsUser: 0 })],
    });
    const outcome = run(runAsNonRoot, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'envoy' runs as root (runAsUser: 0 in its securityContext)",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.containers[1].securityContext.runAsUser`,
      },
    ]);
  });

  it('fails runAsUser: 0 inherited from the pod, even next to runAsNonRoot: true, pointing at the pod field', () => {
    const objects = cart({
      securityContext: { runAsUser: 0 },
      containers: [noUser('cart', { runAsNonRoot: true })],
    });
    const outcome = run(runAsNonRoot, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('in the pod securityContext');
    expect(outcome.message).toContain('the kubelet refuses to start it');
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      `${POD}.securityContext.runAsUser`,
    ]);
  });

  it('lets a container runAsUser override a pod-level runAsUser: 0', () => {
    const objects = cart({
      securityContext: { runAsUser: 0 },
      containers: [noUser('cart', { runAsUser: 10001 })],
    });
    expect(run(runAsNonRoot, objects, target).status).toBe('pass');
  });

  it('fails an explicit runAsNonRoot: false, even with a non-zero runAsUser', () => {
    const objects = cart({
      containers: [noUser('cart', { runAsNonRoot: false, runAsUser: 1000 })],
    });
    const outcome = run(runAsNonRoot, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' sets runAsNonRoot: false in its securityContext",
    );
    expect(outcome.evidence?.[0].path).toBe(
      `${POD}.containers[0].securityContext.runAsNonRoot`,
    );
  });

  it('fails runAsNonRoot: false inherited from the pod, but not when the container overrides it', () => {
    const inherited = cart({
      securityContext: { runAsNonRoot: false },
      containers: [noUser()],
    });
    const outcome = run(runAsNonRoot, inherited, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      'runAsNonRoot: false in the pod securityContext',
    );

    const overridden = cart({
      securityContext: { runAsNonRoot: false },
      containers: [noUser('cart', { runAsNonRoot: true })],
    });
    expect(run(runAsNonRoot, overridden, target).status).toBe('pass');
  });

  it("fails a container that sets neither, since the image's USER decides", () => {
    const objects = cart({ containers: [noUser()] });
    const outcome = run(runAsNonRoot, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      'sets neither runAsNonRoot: true nor runAsUser > 0',
    );
    expect(outcome.evidence?.[0].path).toBe(
      `${POD}.containers[0].securityContext`,
    );
  });

  it('includes init containers and names containers failing for the same reason together', () => {
    const objects = cart({
      initContainers: [noUser('migrate', { runAsUser: 0 })],
      containers: [noUser('cart', { runAsUser: 0 }), container('envoy')],
    });
    const outcome = run(runAsNonRoot, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart', init container 'migrate' run as root (runAsUser: 0 in its securityContext)",
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      `${POD}.containers[0].securityContext.runAsUser`,
      `${POD}.initContainers[0].securityContext.runAsUser`,
    ]);
  });

  it('evaluates CronJobs too, with the jobTemplate path as evidence', () => {
    const job = cronJob('nightly', 'shop', {
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: { containers: [noUser('nightly', { runAsUser: 0 })] },
            },
          },
        },
      },
    });
    const outcome = run(runAsNonRoot, [job], {
      kind: 'CronJob',
      name: 'nightly',
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0].path).toBe(
      'spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsUser',
    );
  });

  it('is unknown when the pod template has no containers', () => {
    const outcome = run(runAsNonRoot, cart({ containers: [] }), target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe('the pod template has no containers');
  });

  it('treats malformed fields as unset instead of throwing', () => {
    const objects = cart({
      securityContext: 'root',
      containers: [
        {
          name: 'cart',
          image: 'x:1',
          securityContext: { runAsUser: '0', runAsNonRoot: 'yes' },
        },
        null,
      ],
    });
    const outcome = run(runAsNonRoot, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "container 'cart', container '#1' set neither",
    );
  });
});
