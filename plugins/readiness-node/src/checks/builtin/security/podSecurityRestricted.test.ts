import {
  deploymentWithPods,
  namespaceObject,
  run,
} from '../../../testing/fixtures';
import { podSecurityRestricted } from './podSecurityRestricted';

const target = { kind: 'Deployment', name: 'cart' };
const ENFORCE = 'pod-security.kubernetes.io/enforce';

/** The `shop` Namespace with its enforce label set to `level` (undefined removes it). */
function shop(labels: Record<string, string | undefined>) {
  return namespaceObject('shop', { metadata: { labels } });
}

describe('pod-security-restricted', () => {
  it('passes when the namespace enforces restricted', () => {
    const outcome = run(
      podSecurityRestricted,
      [namespaceObject('shop'), ...deploymentWithPods('cart')],
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "namespace 'shop' enforces the restricted Pod Security Standard",
    );
    expect(outcome.evidence).toEqual([
      {
        kind: 'Namespace',
        name: 'shop',
        path: `metadata.labels['${ENFORCE}']`,
      },
    ]);
  });

  it('fails baseline with a milder message naming what it still admits', () => {
    const objects = [
      shop({ [ENFORCE]: 'baseline' }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(podSecurityRestricted, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "namespace 'shop' enforces baseline, not restricted: host access and privileged pods are blocked, but running as root, privilege escalation and default capabilities are still admitted",
    );
  });

  it('fails privileged', () => {
    const objects = [
      shop({ [ENFORCE]: 'privileged' }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(podSecurityRestricted, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "namespace 'shop' enforces privileged: Pod Security admits every pod",
    );
  });

  it('fails without an enforce label, saying that warn and audit only report', () => {
    const objects = [
      shop({
        [ENFORCE]: undefined,
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(podSecurityRestricted, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(`has no ${ENFORCE} label`);
    expect(outcome.message).toContain(
      'warn and audit at restricted only report violations',
    );
  });

  it('fails a value that is not a Pod Security level', () => {
    const objects = [
      shop({ [ENFORCE]: 'Restricted' }),
      ...deploymentWithPods('cart'),
    ];
    const outcome = run(podSecurityRestricted, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      '"Restricted", which is not a Pod Security level',
    );
  });

  it('is unknown when the Namespace object is not in the input', () => {
    const outcome = run(
      podSecurityRestricted,
      deploymentWithPods('cart'),
      target,
    );
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe(
      "Namespace 'shop' is not in the input; its Pod Security labels cannot be read",
    );
  });

  it('is unknown when Namespaces cannot be listed', () => {
    const outcome = run(
      podSecurityRestricted,
      [namespaceObject('shop'), ...deploymentWithPods('cart')],
      target,
      { missing: ['namespaces'] },
    );
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read namespaces');
  });

  it('looks at the namespace of the workload only', () => {
    const objects = [
      namespaceObject('shop', {
        metadata: { labels: { [ENFORCE]: 'baseline' } },
      }),
      namespaceObject('payments'),
      ...deploymentWithPods('cart'),
    ];
    expect(run(podSecurityRestricted, objects, target).status).toBe('fail');
  });

  it('does not throw on malformed labels', () => {
    const ns = namespaceObject('shop');
    ns.metadata.labels = null as any;
    const outcome = run(
      podSecurityRestricted,
      [ns, ...deploymentWithPods('cart')],
      target,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      'has no pod-security.kubernetes.io/enforce label',
    );
  });
});
