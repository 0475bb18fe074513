import {
  container,
  deployment,
  deploymentWithPods,
  run,
} from '../../../testing/fixtures';
import { noPrivilegeEscalation } from './noPrivilegeEscalation';

const target = { kind: 'Deployment', name: 'cart' };
const POD = 'spec.template.spec';

function cart(podSpec: Record<string, any>) {
  return [
    deployment('cart', 'shop', { spec: { template: { spec: podSpec } } }),
  ];
}

describe('no-privilege-escalation', () => {
  it('passes when every container sets allowPrivilegeEscalation: false', () => {
    const outcome = run(
      noPrivilegeEscalation,
      deploymentWithPods('cart'),
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "container 'cart' sets allowPrivilegeEscalation: false",
    );
  });

  it('fails a container that leaves it unset (it defaults to true)', () => {
    const objects = cart({
      containers: [
        container('cart'),
        container('envoy', {
          securityContext: { allowPrivilegeEscalation: undefined },
        }),
      ],
    });
    const outcome = run(noPrivilegeEscalation, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'envoy' does not set allowPrivilegeEscalation: false (it defaults to true)",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: `${POD}.containers[1].securityContext.allowPrivilegeEscalation`,
      },
    ]);
  });

  it('fails an explicit allowPrivilegeEscalation: true, init containers included', () => {
    const objects = cart({
      initContainers: [
        container('migrate', {
          securityContext: { allowPrivilegeEscalation: true },
        }),
      ],
      containers: [container('cart')],
    });
    const outcome = run(noPrivilegeEscalation, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "init container 'migrate' sets allowPrivilegeEscalation: true",
    );
    expect(outcome.evidence?.[0].path).toBe(
      `${POD}.initContainers[0].securityContext.allowPrivilegeEscalation`,
    );
  });

  it('does not accept a pod-level setting, which Kubernetes does not have', () => {
    const objects = cart({
      securityContext: { allowPrivilegeEscalation: false },
      containers: [container('cart', { securityContext: undefined })],
    });
    expect(run(noPrivilegeEscalation, objects, target).status).toBe('fail');
  });

  it('passes several containers with a plural message', () => {
    const objects = cart({
      initContainers: [container('migrate')],
      containers: [container('cart'), container('envoy')],
    });
    const outcome = run(noPrivilegeEscalation, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      'all 3 containers (1 init container) set allowPrivilegeEscalation: false',
    );
  });

  it('is unknown when the pod template has no containers', () => {
    const outcome = run(
      noPrivilegeEscalation,
      cart({ containers: [] }),
      target,
    );
    expect(outcome.status).toBe('unknown');
  });

  it('treats malformed fields as unset instead of throwing', () => {
    const objects = cart({
      containers: [
        container('cart', { securityContext: ['allowPrivilegeEscalation'] }),
        container('envoy', {
          securityContext: { allowPrivilegeEscalation: 'false' },
        }),
      ],
    });
    const outcome = run(noPrivilegeEscalation, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "container 'cart', container 'envoy' do not set",
    );
  });
});
