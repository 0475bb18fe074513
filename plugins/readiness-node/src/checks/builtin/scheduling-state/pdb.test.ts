import { object } from '../../../testing/fixtures';
import { allowedDisruptions, describePdbRule, scaledIntOrPercent } from './pdb';

const pdb = (spec: Record<string, unknown>) =>
  object('policy/v1', 'PodDisruptionBudget', 'cart', 'shop', { spec: { selector: { matchLabels: { app: 'cart' } }, ...spec } });

describe('PodDisruptionBudget arithmetic', () => {
  it('rounds percentages up, as the disruption controller does for both fields', () => {
    expect(scaledIntOrPercent('50%', 3)).toBe(2);
    expect(scaledIntOrPercent('1%', 2)).toBe(1);
    expect(scaledIntOrPercent('0%', 5)).toBe(0);
    expect(scaledIntOrPercent('100%', 3)).toBe(3);
    expect(scaledIntOrPercent(2, 3)).toBe(2);
  });

  it('rejects values the API server rejects', () => {
    expect(scaledIntOrPercent('1', 3)).toBeUndefined();
    expect(scaledIntOrPercent('half', 3)).toBeUndefined();
    expect(scaledIntOrPercent(-1, 3)).toBeUndefined();
    expect(scaledIntOrPercent(1.5, 3)).toBeUndefined();
  });

  it.each([
    [{ minAvailable: 1 }, 2, 1],
    [{ minAvailable: 2 }, 2, 0],
    [{ minAvailable: 3 }, 2, 0],
    [{ minAvailable: '100%' }, 4, 0],
    [{ minAvailable: '50%' }, 3, 1],
    [{ minAvailable: '51%' }, 2, 0],
    [{ maxUnavailable: 1 }, 3, 1],
    [{ maxUnavailable: 0 }, 3, 0],
    [{ maxUnavailable: '0%' }, 3, 0],
    [{ maxUnavailable: '25%' }, 2, 1],
    [{ maxUnavailable: 5 }, 2, 2],
    [{}, 3, 3],
  ])('%j over %d replicas allows %d evictions', (spec, replicas, allowed) => {
    expect(allowedDisruptions(pdb(spec), replicas)).toBe(allowed);
  });

  it('is undefined for a malformed value', () => {
    expect(allowedDisruptions(pdb({ minAvailable: 'one' }), 2)).toBeUndefined();
  });

  it('describes the ruling field', () => {
    expect(describePdbRule(pdb({ minAvailable: '100%' }))).toBe('minAvailable: 100%');
    expect(describePdbRule(pdb({ maxUnavailable: 0 }))).toBe('maxUnavailable: 0');
    expect(describePdbRule(pdb({}))).toBe('neither minAvailable nor maxUnavailable');
  });
});
