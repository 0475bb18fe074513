import {
  container,
  deployment,
  deploymentWithPods,
  object,
  run,
} from '../../../testing/fixtures';
import { noHostAccess } from './noHostAccess';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

function cart(podSpec: Record<string, any>) {
  return [
    deployment('cart', 'shop', { spec: { template: { spec: podSpec } } }),
  ];
}

describe('no-host-access', () => {
  it('passes a pod that stays in its sandbox', () => {
    const outcome = run(noHostAccess, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      'no privileged container, host namespace, hostPath volume or hostPort',
    );
  });

  it('lists every violation with its path', () => {
    const objects = cart({
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      volumes: [
        { name: 'tmp', emptyDir: {} },
        {
          name: 'docker-sock',
          hostPath: { path: '/var/run/docker.sock', type: 'Socket' },
        },
      ],
      initContainers: [
        container('setup', { securityContext: { privileged: true } }),
      ],
      containers: [
        container('cart', {
          ports: [
            { name: 'http', containerPort: 8080 },
            { name: 'metrics', containerPort: 9090, hostPort: 9090 },
          ],
        }),
      ],
    });
    const outcome = run(noHostAccess, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      [
        `the pod reaches into the host: hostNetwork: true at ${POD}.hostNetwork`,
        `hostPID: true at ${POD}.hostPID`,
        `hostIPC: true at ${POD}.hostIPC`,
        `hostPath volume 'docker-sock' (/var/run/docker.sock) at ${POD}.volumes[1].hostPath`,
        `container 'cart' binds hostPort 9090 at ${POD}.containers[0].ports[1].hostPort`,
        `init container 'setup' is privileged at ${POD}.initContainers[0].securityContext.privileged`,
      ].join('; '),
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      `${POD}.hostNetwork`,
      `${POD}.hostPID`,
      `${POD}.hostIPC`,
      `${POD}.volumes[1].hostPath`,
      `${POD}.containers[0].ports[1].hostPort`,
      `${POD}.initContainers[0].securityContext.privileged`,
    ]);
    expect(outcome.evidence?.[0]).toEqual({
      kind: 'Deployment',
      namespace: 'shop',
      name: 'cart',
      path: `${POD}.hostNetwork`,
    });
  });

  it('fails a single privileged container', () => {
    const objects = cart({
      containers: [
        container('cart', { securityContext: { privileged: true } }),
      ],
    });
    const outcome = run(noHostAccess, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      `the pod reaches into the host: container 'cart' is privileged at ${POD}.containers[0].securityContext.privileged`,
    );
  });

  it('ignores explicit false settings and hostPort 0', () => {
    const objects = cart({
      hostNetwork: false,
      hostPID: false,
      hostIPC: false,
      containers: [
        container('cart', {
          ports: [{ containerPort: 8080, hostPort: 0 }],
          securityContext: { privileged: false },
        }),
      ],
    });
    expect(run(noHostAccess, objects, target).status).toBe('pass');
  });

  it('uses bare pod paths for a Pod without owner', () => {
    const pod = object('v1', 'Pod', 'debug', 'shop', {
      spec: { hostPID: true, containers: [container('debug')] },
    });
    const outcome = run(noHostAccess, [pod], { kind: 'Pod', name: 'debug' });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      { kind: 'Pod', namespace: 'shop', name: 'debug', path: 'spec.hostPID' },
    ]);
  });

  it('fails on pod-level host access even without containers, and is unknown otherwise', () => {
    expect(
      run(noHostAccess, cart({ hostNetwork: true, containers: [] }), target)
        .status,
    ).toBe('fail');
    const outcome = run(noHostAccess, cart({ containers: [] }), target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe('the pod template has no containers');
  });

  it('does not throw on malformed fields', () => {
    const objects = cart({
      volumes: ['data', null, { name: 'host', hostPath: '/srv' }],
      containers: [
        container('cart', { ports: 'http', securityContext: 'privileged' }),
      ],
    });
    const outcome = run(noHostAccess, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      `the pod reaches into the host: hostPath volume 'host' at ${POD}.volumes[2].hostPath`,
    );
  });
});
