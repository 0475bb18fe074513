import { deployment, namespaceObject, object, run } from '../../../testing/fixtures';
import { namespaceLimitRange } from './namespaceLimitRange';
import { limitRange } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };

describe('namespace-limit-range', () => {
  it('passes when the namespace has a LimitRange, with the namespace and the LimitRange as evidence', () => {
    const objects = [namespaceObject('shop'), deployment('cart'), limitRange('defaults', { defaultRequest: { cpu: '100m' }, default: { memory: '256Mi' } })];
    const outcome = run(namespaceLimitRange, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("namespace 'shop' has LimitRange 'defaults', giving containers default resources");
    expect(outcome.evidence).toEqual([
      { kind: 'Namespace', name: 'shop' },
      { kind: 'LimitRange', namespace: 'shop', name: 'defaults', path: 'spec.limits' },
    ]);
  });

  it('passes a Pod-only LimitRange, saying it gives no container defaults', () => {
    const podOnly = object('v1', 'LimitRange', 'pod-max', 'shop', { spec: { limits: [{ type: 'Pod', max: { cpu: '4', memory: '8Gi' } }] } });
    const outcome = run(namespaceLimitRange, [deployment('cart'), podOnly], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('with no container defaults');
  });

  it('fails without a LimitRange, naming the namespace', () => {
    const outcome = run(namespaceLimitRange, [deployment('cart'), limitRange('defaults', { default: { memory: '1Gi' } }, 'other')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("namespace 'shop' has no LimitRange");
    expect(outcome.evidence).toEqual([{ kind: 'Namespace', name: 'shop' }]);
  });

  it('fails a LimitRange that constrains only PersistentVolumeClaims', () => {
    const storage = object('v1', 'LimitRange', 'storage', 'shop', { spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '50Gi' } }] } });
    const outcome = run(namespaceLimitRange, [deployment('cart'), storage], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("namespace 'shop' has only LimitRange 'storage', with no Container or Pod limits");
  });

  it('is unknown when LimitRanges cannot be read', () => {
    const outcome = run(namespaceLimitRange, [deployment('cart')], target, { missing: ['limitranges'] });
    expect(outcome.status).toBe('unknown');
  });
});
