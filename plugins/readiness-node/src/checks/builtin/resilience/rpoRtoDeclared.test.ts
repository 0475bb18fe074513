import { deploymentWithPods, entity, run } from '../../../testing/fixtures';
import { rpoRtoDeclared } from './rpoRtoDeclared';
import { veleroSchedule } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const cart = deploymentWithPods('cart');
const declared = (rpo?: string, rto?: string) =>
  entity({ ...(rpo !== undefined ? { 'prodready.dev/rpo': rpo } : {}), ...(rto !== undefined ? { 'prodready.dev/rto': rto } : {}) });

describe('rpo-rto-declared', () => {
  it('passes when both are declared and the daily Schedule meets an RPO of one day', () => {
    const outcome = run(rpoRtoDeclared, [...cart, veleroSchedule()], target, { entity: declared('P1D', 'PT4H') });
    expect(outcome).toEqual({
      status: 'pass',
      message: "RPO P1D and RTO PT4H are declared; Velero Schedule 'shop-daily' ('0 2 * * *', at most 1d between runs) meets the RPO",
      evidence: [{ kind: 'Schedule', namespace: 'velero', name: 'shop-daily', path: 'spec.schedule' }],
    });
  });

  it('compares the most frequent covering Schedule', () => {
    const hourly = veleroSchedule('shop-hourly', { spec: { schedule: '0 * * * *' } });
    const outcome = run(rpoRtoDeclared, [...cart, veleroSchedule(), hourly], target, { entity: declared('PT1H', 'PT4H') });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("Velero Schedule 'shop-hourly'");
  });

  it('fails when the Schedule runs less often than the RPO', () => {
    const outcome = run(rpoRtoDeclared, [...cart, veleroSchedule()], target, { entity: declared('PT1H', 'PT4H') });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "Velero Schedule 'shop-daily' ('0 2 * * *', at most 1d between runs) can lose up to 1d of data, more than the declared RPO PT1H (1h)",
    );
    expect(outcome.evidence).toEqual([{ kind: 'Schedule', namespace: 'velero', name: 'shop-daily', path: 'spec.schedule' }]);
  });

  it('fails when the annotations are missing', () => {
    const outcome = run(rpoRtoDeclared, [...cart, veleroSchedule()], target, { entity: declared() });
    expect(outcome).toEqual({
      status: 'fail',
      message: 'component:default/test: annotation prodready.dev/rpo is missing; annotation prodready.dev/rto is missing',
    });
  });

  it('fails when only the RTO is missing', () => {
    const outcome = run(rpoRtoDeclared, [...cart, veleroSchedule()], target, { entity: declared('PT1H') });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('component:default/test: annotation prodready.dev/rto is missing');
  });

  it('fails when a value is not an ISO-8601 duration', () => {
    const outcome = run(rpoRtoDeclared, [...cart, veleroSchedule()], target, { entity: declared('1 hour', '4h') });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('prodready.dev/rpo "1 hour" is not an ISO-8601 duration (e.g. PT15M, PT1H, P1D)');
    expect(outcome.message).toContain('prodready.dev/rto "4h" is not an ISO-8601 duration');
  });

  it('fails when no Velero Schedule covers the namespace, saying so', () => {
    const other = veleroSchedule('payments-daily', { spec: { template: { includedNamespaces: ['payments'] } } });
    const outcome = run(rpoRtoDeclared, [...cart, other], target, { entity: declared('PT24H', 'PT4H') });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "RPO PT24H and RTO PT4H are declared, but no Velero Schedule backs up namespace 'shop', so nothing meets the RPO",
    );
  });

  it('does not count a paused Schedule', () => {
    const paused = veleroSchedule('shop-daily', { spec: { paused: true } });
    const outcome = run(rpoRtoDeclared, [...cart, paused], target, { entity: declared('P1D', 'PT4H') });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("(Velero Schedule 'shop-daily' is paused)");
  });

  it('is unknown without a catalog entity', () => {
    expect(run(rpoRtoDeclared, [...cart, veleroSchedule()], target)).toEqual({
      status: 'unknown',
      message: "needs the catalog entity's prodready.dev/rpo and prodready.dev/rto annotations; no catalog entity was given",
    });
  });

  it('is unknown when declared but Velero Schedules cannot be read', () => {
    const outcome = run(rpoRtoDeclared, cart, target, { entity: declared('PT1H', 'PT4H'), missing: ['schedules', 'backups', 'restores'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('RPO PT1H and RTO PT4H are declared, but the backup schedule cannot be compared: cannot read schedules');
  });

  it('still fails malformed annotations when Velero Schedules cannot be read', () => {
    const outcome = run(rpoRtoDeclared, cart, target, { entity: declared('soon', 'PT4H'), missing: ['schedules'] });
    expect(outcome.status).toBe('fail');
  });

  it("is unknown when the covering Schedule's interval cannot be computed", () => {
    const odd = veleroSchedule('shop-odd', { spec: { schedule: '0 0 2 * * *' } });
    const outcome = run(rpoRtoDeclared, [...cart, odd], target, { entity: declared('PT1H', 'PT4H') });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("the interval of Velero Schedule 'shop-odd'");
  });
});
