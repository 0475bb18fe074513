import { indexOf, object } from '../../../testing/fixtures';
import {
  computeQosClass,
  effectiveRequirements,
  kindAccess,
  limitRangeDefaults,
  sameQuantity,
  vpaContainerPolicy,
  vpaUpdateMode,
} from './podResources';
import { parseQuantity } from '../../util';
import { limitRange, vpa } from './testObjects';

const qos = (containers: any[], podLevel?: any) =>
  computeQosClass(
    containers.map(r => effectiveRequirements(r)),
    podLevel ? effectiveRequirements(podLevel) : undefined,
  );

describe('computeQosClass (Kubernetes ComputePodQOS)', () => {
  it.each([
    ['no resources anywhere', [{}], 'BestEffort'],
    ['requests equal to limits for cpu and memory', [{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }], 'Guaranteed'],
    ['limits only (requests default to limits)', [{ limits: { cpu: '500m', memory: '256Mi' } }], 'Guaranteed'],
    ['equal values in different units (500m = 0.5, 1Gi = 1024Mi)', [{ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '0.5', memory: '1024Mi' } }], 'Guaranteed'],
    ['cpu request below its limit', [{ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '256Mi' } }], 'Burstable'],
    ['memory limit only', [{ limits: { memory: '256Mi' } }], 'Burstable'],
    ['requests only', [{ requests: { cpu: '100m' } }], 'Burstable'],
    ['a zero request counts as unset', [{ requests: { cpu: '0', memory: '0' } }], 'BestEffort'],
    ['a non-compute resource does not count', [{ requests: { 'ephemeral-storage': '1Gi' } }], 'BestEffort'],
    ['one Guaranteed container next to a BestEffort one', [{ limits: { cpu: '1', memory: '1Gi' } }, {}], 'Burstable'],
  ])('%s', (_, containers, expected) => {
    expect(qos(containers as any[])).toBe(expected);
  });

  it('counts init containers: one with requests makes the pod Burstable', () => {
    // The app container has nothing; the (init) container entry has requests.
    expect(qos([{}, { requests: { cpu: '100m', memory: '64Mi' } }])).toBe('Burstable');
  });

  it('uses pod-level resources when set', () => {
    expect(qos([{}], { limits: { cpu: '2', memory: '2Gi' } })).toBe('Guaranteed');
    expect(qos([{ limits: { cpu: '1', memory: '1Gi' } }], { requests: { cpu: '1' } })).toBe('Burstable');
  });
});

describe('effectiveRequirements and LimitRange defaults', () => {
  it('defaults a request to the limit before any LimitRange default', () => {
    const defaults = limitRangeDefaults([limitRange('defaults', { defaultRequest: { cpu: '100m' }, default: { cpu: '200m' } })]);
    const req = effectiveRequirements({ limits: { cpu: '1' } }, defaults);
    expect(req.requests.cpu).toMatchObject({ quantity: { raw: '1' }, source: 'limit' });
  });

  it('applies the API defaulting of LimitRange items: default from max, defaultRequest from default, then min', () => {
    const defaults = limitRangeDefaults([limitRange('bounds', { max: { memory: '1Gi' }, min: { cpu: '50m' } })]);
    expect(defaults.limits.memory?.quantity.raw).toBe('1Gi');
    expect(defaults.requests.memory?.quantity.raw).toBe('1Gi');
    expect(defaults.requests.cpu?.quantity.raw).toBe('50m');
    expect(defaults.limits.cpu).toBeUndefined();
  });

  it('ignores Pod and PersistentVolumeClaim items, and lets the first LimitRange win', () => {
    const pvc = object('v1', 'LimitRange', 'storage', 'shop', { spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '10Gi' } }] } });
    const defaults = limitRangeDefaults([
      pvc,
      limitRange('first', { defaultRequest: { cpu: '100m' } }),
      limitRange('second', { defaultRequest: { cpu: '300m', memory: '64Mi' } }),
    ]);
    expect(defaults.requests.cpu?.limitRange.metadata.name).toBe('first');
    expect(defaults.requests.memory?.limitRange.metadata.name).toBe('second');
  });
});

describe('sameQuantity', () => {
  it('compares parsed quantities tolerating float rounding', () => {
    expect(sameQuantity(parseQuantity('300m')!, parseQuantity('0.3')!)).toBe(true);
    expect(sameQuantity(parseQuantity('1Gi')!, parseQuantity('1024Mi')!)).toBe(true);
    expect(sameQuantity(parseQuantity('1G')!, parseQuantity('1Gi')!)).toBe(false);
  });
});

describe('VPA policies', () => {
  const target = { kind: 'Deployment', name: 'cart' };
  it('defaults the update mode to Auto and container policies to cpu and memory', () => {
    const v = vpa('cart', target, { spec: { updatePolicy: undefined } });
    expect(vpaUpdateMode(v)).toBe('Auto');
    expect(vpaContainerPolicy(v, 'cart')).toEqual({ mode: 'Auto', controlledResources: ['cpu', 'memory'] });
  });

  it('prefers the policy naming the container over the * policy', () => {
    const v = vpa('cart', target, {
      spec: {
        resourcePolicy: {
          containerPolicies: [
            { containerName: '*', controlledResources: ['memory'] },
            { containerName: 'envoy', mode: 'Off' },
          ],
        },
      },
    });
    expect(vpaContainerPolicy(v, 'cart')).toEqual({ mode: 'Auto', controlledResources: ['memory'] });
    expect(vpaContainerPolicy(v, 'envoy').mode).toBe('Off');
  });
});

describe('kindAccess', () => {
  it('tells a kind the API does not serve (404) from one that could not be read', () => {
    const index = indexOf([], {
      missing: [
        { plural: 'verticalpodautoscalers', reason: 'the server could not find the requested resource', status: 404 },
        { plural: 'scaledobjects', reason: 'forbidden', status: 403 },
      ],
    });
    expect(kindAccess(index, 'verticalpodautoscalers').state).toBe('absent');
    expect(kindAccess(index, 'scaledobjects').state).toBe('unreadable');
    expect(kindAccess(index, 'horizontalpodautoscalers').state).toBe('readable');
  });
});
