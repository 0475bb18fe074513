import {
  container,
  deployment,
  deploymentWithPods,
  run,
} from '../../../testing/fixtures';
import { capabilitiesDropped } from './capabilitiesDropped';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

function cart(podSpec: Record<string, any>) {
  return [
    deployment('cart', 'shop', { spec: { template: { spec: podSpec } } }),
  ];
}

const withCaps = (name: string, capabilities: unknown) =>
  container(name, { securityContext: { capabilities } });

describe('capabilities-dropped', () => {
  it('passes when every container drops ALL', () => {
    const outcome = run(
      capabilitiesDropped,
      deploymentWithPods('cart'),
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "container 'cart' drops ALL capabilities and adds none beyond NET_BIND_SERVICE",
    );
  });

  it('matches ALL case-insensitively and allows adding NET_BIND_SERVICE in any spelling', () => {
    const objects = cart({
      containers: [
        withCaps('cart', { drop: ['all'], add: ['NET_BIND_SERVICE'] }),
        withCaps('envoy', { drop: ['All'], add: ['cap_net_bind_service'] }),
      ],
    });
    expect(run(capabilitiesDropped, objects, target).status).toBe('pass');
  });

  it('fails a container that drops nothing', () => {
    const objects = cart({
      containers: [
        container('cart', { securityContext: { capabilities: undefined } }),
      ],
    });
    const outcome = run(capabilitiesDropped, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' does not drop ALL capabilities",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.containers[0].securityContext.capabilities.drop`,
      },
    ]);
  });

  it('fails a container that drops only some capabilities, naming them', () => {
    const objects = cart({
      containers: [withCaps('cart', { drop: ['NET_RAW', 'MKNOD'] })],
    });
    const outcome = run(capabilitiesDropped, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' does not drop ALL capabilities (only NET_RAW, MKNOD)",
    );
  });

  it('fails a container that drops ALL but adds another capability, pointing at add', () => {
    const objects = cart({
      containers: [
        withCaps('cart', {
          drop: ['ALL'],
          add: ['NET_BIND_SERVICE', 'SYS_ADMIN'],
        }),
      ],
    });
    const outcome = run(capabilitiesDropped, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' adds SYS_ADMIN (only NET_BIND_SERVICE may be added)",
    );
    expect(outcome.evidence?.[0].path).toBe(
      `${POD}.containers[0].securityContext.capabilities.add`,
    );
  });

  it('reports both faults of one container, and checks init containers', () => {
    const objects = cart({
      initContainers: [
        withCaps('chown', { drop: undefined, add: ['CHOWN', 'NET_RAW'] }),
      ],
      containers: [container('cart')],
    });
    const outcome = run(capabilitiesDropped, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "init container 'chown' does not drop ALL capabilities and adds CHOWN, NET_RAW (only NET_BIND_SERVICE may be added)",
    );
    expect(outcome.evidence?.[0].path).toBe(
      `${POD}.initContainers[0].securityContext.capabilities.drop`,
    );
  });

  it('is unknown when the pod template has no containers', () => {
    expect(
      run(capabilitiesDropped, cart({ containers: [] }), target).status,
    ).toBe('unknown');
  });

  it('treats malformed lists as empty instead of throwing', () => {
    const objects = cart({
      containers: [
        withCaps('cart', { drop: 'ALL' }),
        withCaps('envoy', 'ALL'),
        withCaps('sidecar', { drop: ['ALL'], add: { NET_ADMIN: true } }),
      ],
    });
    const outcome = run(capabilitiesDropped, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart', container 'envoy' do not drop ALL capabilities",
    );
  });
});
