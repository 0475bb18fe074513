import { deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { restoreTested } from './restoreTested';
import { veleroBackup, veleroRestore, veleroSchedule } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const cart = deploymentWithPods('cart');
const backup = veleroBackup('shop-daily', '2026-11-01T02:10:00Z');

describe('restore-tested', () => {
  it('passes a Restore completed within maxAgeDays from a Backup covering the namespace', () => {
    const restore = veleroRestore('drill-2026-11', backup.metadata.name, '2026-11-02T10:00:00Z');
    const outcome = run(restoreTested, [...cart, veleroSchedule(), backup, restore], target);
    expect(outcome).toEqual({
      status: 'pass',
      message:
        "Velero Restore 'drill-2026-11' from Backup 'shop-daily-20261101021000' completed 19d 2h ago, " +
        'within 90 days (readiness.checks.restore-tested.maxAgeDays)',
      evidence: [{ kind: 'Restore', namespace: 'velero', name: 'drill-2026-11', path: 'status.completionTimestamp' }],
    });
  });

  it("passes a Restore of a Schedule's latest Backup (spec.scheduleName)", () => {
    const restore = veleroRestore('drill', undefined, '2026-10-01T10:00:00Z', { spec: { scheduleName: 'shop-daily' } });
    const outcome = run(restoreTested, [...cart, veleroSchedule(), restore], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("from the latest Backup of Schedule 'shop-daily'");
  });

  it('passes a Restore whose Backup Velero has since expired, recognised by the Schedule naming', () => {
    const restore = veleroRestore('drill-q3', 'shop-daily-20260901020000', '2026-09-01T12:00:00Z');
    const outcome = run(restoreTested, [...cart, veleroSchedule(), restore], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("Velero Restore 'drill-q3' from Backup 'shop-daily-20260901020000' completed 81d");
  });

  it('fails a restore 120 days old, more than the default 90', () => {
    const old = veleroBackup('shop-daily', '2026-07-20T02:10:00Z');
    const restore = veleroRestore('drill-2026-07', old.metadata.name, '2026-07-24T12:00:00Z');
    const outcome = run(restoreTested, [...cart, veleroSchedule(), old, restore], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "the latest completed Velero Restore covering namespace 'shop', 'drill-2026-07' from Backup 'shop-daily-20260720021000', " +
        'finished 120d ago: more than 90 days (readiness.checks.restore-tested.maxAgeDays)',
    );
    expect(outcome.evidence).toEqual([{ kind: 'Restore', namespace: 'velero', name: 'drill-2026-07', path: 'status.completionTimestamp' }]);
  });

  it('honours a configured maxAgeDays', () => {
    const old = veleroBackup('shop-daily', '2026-07-20T02:10:00Z');
    const restore = veleroRestore('drill-2026-07', old.metadata.name, '2026-07-24T12:00:00Z');
    const outcome = run(restoreTested, [...cart, veleroSchedule(), old, restore], target, { options: { maxAgeDays: 180 } });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('within 180 days');
  });

  it('fails when no Restore completed, naming the phase of the latest attempt', () => {
    const restore = veleroRestore('drill', backup.metadata.name, '2026-11-10T10:00:00Z', { status: { phase: 'PartiallyFailed' } });
    const outcome = run(restoreTested, [...cart, veleroSchedule(), backup, restore], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "no Velero Restore covering namespace 'shop' has completed: the latest, 'drill' from Backup 'shop-daily-20261101021000', is PartiallyFailed",
    );
    expect(outcome.evidence).toEqual([{ kind: 'Restore', namespace: 'velero', name: 'drill', path: 'status.phase' }]);
  });

  it('fails when backups exist but no restore was ever run', () => {
    const outcome = run(restoreTested, [...cart, veleroSchedule(), backup], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("no Velero Restore from a Backup covering namespace 'shop' has ever been run");
  });

  it('fails when nothing backs the namespace up', () => {
    const outcome = run(restoreTested, cart, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("no Velero Backup or Schedule covers namespace 'shop', so no restore was ever tested");
  });

  it("ignores a Restore of another namespace's Backup", () => {
    const payments = veleroBackup('payments-daily', '2026-11-01T02:10:00Z', { spec: { includedNamespaces: ['payments'] } });
    const restore = veleroRestore('drill', payments.metadata.name, '2026-11-02T10:00:00Z');
    expect(run(restoreTested, [...cart, veleroSchedule(), backup, payments, restore], target).status).toBe('fail');
  });

  it('ignores a Restore whose includedNamespaces leave the namespace out', () => {
    const all = veleroBackup('all-daily', '2026-11-01T02:10:00Z', { spec: { includedNamespaces: ['*'] } });
    const restore = veleroRestore('drill', all.metadata.name, '2026-11-02T10:00:00Z', { spec: { includedNamespaces: ['payments'] } });
    expect(run(restoreTested, [...cart, all, restore], target).status).toBe('fail');
  });

  it("ignores a Restore whose labelSelector leaves the workload out", () => {
    const restore = veleroRestore('drill', backup.metadata.name, '2026-11-02T10:00:00Z', {
      spec: { labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } } },
    });
    expect(run(restoreTested, [deployment('cart'), backup, restore], target).status).toBe('fail');
  });

  it('is unknown when Velero CRDs are absent', () => {
    const outcome = run(restoreTested, cart, target, { missing: ['schedules', 'backups', 'restores'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read schedules');
  });

  it('is unknown when only Restores cannot be listed', () => {
    const outcome = run(restoreTested, [...cart, backup], target, { missing: ['restores'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read restores');
  });

  it('is unknown, naming the config key, when maxAgeDays is not a positive number', () => {
    const outcome = run(restoreTested, cart, target, { options: { maxAgeDays: 'quarterly' as any } });
    expect(outcome).toEqual({
      status: 'unknown',
      message: 'readiness.checks.restore-tested.maxAgeDays must be a positive number of days, got "quarterly"',
    });
  });
});
