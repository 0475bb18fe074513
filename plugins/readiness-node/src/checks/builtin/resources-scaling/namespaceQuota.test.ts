import { deployment, namespaceObject, object, run } from '../../../testing/fixtures';
import { namespaceQuota } from './namespaceQuota';
import { resourceQuota } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };

describe('namespace-quota', () => {
  it('passes when the namespace has a ResourceQuota, with the namespace and the quota as evidence', () => {
    const objects = [namespaceObject('shop'), deployment('cart'), resourceQuota('compute', { 'requests.cpu': '8', 'limits.memory': '16Gi', pods: '50' })];
    const outcome = run(namespaceQuota, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("namespace 'shop' has ResourceQuota 'compute' capping requests.cpu, limits.memory");
    expect(outcome.evidence).toEqual([
      { kind: 'Namespace', name: 'shop' },
      { kind: 'ResourceQuota', namespace: 'shop', name: 'compute', path: 'spec.hard' },
    ]);
  });

  it('passes an object-count quota, saying it caps no compute', () => {
    const outcome = run(namespaceQuota, [deployment('cart'), resourceQuota('counts', { pods: '20' })], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('counting objects only, not capping cpu or memory');
  });

  it('fails without a ResourceQuota in the namespace, naming the namespace as evidence', () => {
    const objects = [deployment('cart'), resourceQuota('compute', { 'requests.cpu': '8' }, 'other')];
    const outcome = run(namespaceQuota, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("namespace 'shop' has no ResourceQuota");
    expect(outcome.evidence).toEqual([{ kind: 'Namespace', name: 'shop' }]);
  });

  it('fails a quota with no spec.hard, which limits nothing', () => {
    const outcome = run(namespaceQuota, [deployment('cart'), object('v1', 'ResourceQuota', 'empty', 'shop', { spec: {} })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("namespace 'shop' has only ResourceQuota 'empty' with no spec.hard, which limits nothing");
  });

  it('is unknown when ResourceQuotas cannot be read', () => {
    const outcome = run(namespaceQuota, [deployment('cart')], target, { missing: ['resourcequotas'] });
    expect(outcome.status).toBe('unknown');
  });
});
