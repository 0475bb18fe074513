import { deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { backupScheduled } from './backupScheduled';
import { veleroBackup, veleroSchedule } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const cart = deploymentWithPods('cart');

describe('backup-scheduled', () => {
  it('passes when a covering Schedule completed a Backup within 2x its interval', () => {
    const backup = veleroBackup('shop-daily', '2026-11-21T02:10:00Z');
    const outcome = run(backupScheduled, [...cart, veleroSchedule(), backup], target);
    expect(outcome).toEqual({
      status: 'pass',
      message:
        "Velero Schedule 'shop-daily' ('0 2 * * *', at most 1d between runs) last completed Backup 'shop-daily-20261121021000' " +
        '9h 50m ago, within 2x its interval (2d)',
      evidence: [
        { kind: 'Schedule', namespace: 'velero', name: 'shop-daily', path: 'spec.schedule' },
        { kind: 'Backup', namespace: 'velero', name: 'shop-daily-20261121021000', path: 'status.completionTimestamp' },
      ],
    });
  });

  it('passes a Schedule covering every namespace with "*"', () => {
    const schedule = veleroSchedule('all-daily', { spec: { template: { includedNamespaces: ['*'] } } });
    const outcome = run(backupScheduled, [...cart, schedule, veleroBackup('all-daily', '2026-11-20T02:05:00Z')], target);
    expect(outcome.status).toBe('pass');
  });

  it('uses the latest completed Backup, noting that a newer one failed', () => {
    const objects = [
      ...cart,
      veleroSchedule(),
      veleroBackup('shop-daily', '2026-11-20T02:10:00Z'),
      veleroBackup('shop-daily', '2026-11-21T02:10:00Z', { status: { phase: 'PartiallyFailed' } }),
    ];
    const outcome = run(backupScheduled, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("last completed Backup 'shop-daily-20261120021000' 1d 9h ago");
    expect(outcome.message).toContain("its latest Backup 'shop-daily-20261121021000' is PartiallyFailed");
  });

  it('supports @every schedules', () => {
    const schedule = veleroSchedule('shop-6h', { spec: { schedule: '@every 6h' } });
    const fresh = run(backupScheduled, [...cart, schedule, veleroBackup('shop-6h', '2026-11-21T01:00:00Z')], target);
    expect(fresh.status).toBe('pass');
    expect(fresh.message).toContain('within 2x its interval (12h)');
    const stale = run(backupScheduled, [...cart, schedule, veleroBackup('shop-6h', '2026-11-20T23:00:00Z')], target);
    expect(stale.status).toBe('fail');
  });

  it('fails when the latest completed Backup is older than 2x the interval', () => {
    const objects = [...cart, veleroSchedule(), veleroBackup('shop-daily', '2026-11-18T02:10:00Z')];
    const outcome = run(backupScheduled, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "Velero Schedule 'shop-daily' ('0 2 * * *', at most 1d between runs): its latest completed Backup " +
        "'shop-daily-20261118021000' finished 3d 9h ago, more than 2x its interval (2d)",
    );
    expect(outcome.evidence).toContainEqual({
      kind: 'Backup',
      namespace: 'velero',
      name: 'shop-daily-20261118021000',
      path: 'status.completionTimestamp',
    });
  });

  it('reads the longest gap of a weekday schedule: a Friday backup is still fresh on Monday noon', () => {
    const schedule = veleroSchedule('shop-weekdays', { spec: { schedule: '0 2 * * 1-5' } });
    const outcome = run(backupScheduled, [...cart, schedule, veleroBackup('shop-weekdays', '2026-11-20T02:10:00Z')], target, {
      now: new Date('2026-11-23T12:00:00Z'),
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('at most 3d between runs');
  });

  it('fails when the covering Schedule has no completed Backup', () => {
    const failed = veleroBackup('shop-daily', '2026-11-21T02:10:00Z', { status: { phase: 'Failed' } });
    const outcome = run(backupScheduled, [...cart, veleroSchedule(), failed], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("has no completed Backup; its latest Backup 'shop-daily-20261121021000' is Failed");
  });

  it('ignores Backups of a same-named Schedule in another namespace', () => {
    const foreign = veleroBackup('shop-daily', '2026-11-21T02:10:00Z', { metadata: { namespace: 'velero-dr' } });
    expect(run(backupScheduled, [...cart, veleroSchedule(), foreign], target).status).toBe('fail');
  });

  it('fails when no Schedule exists, mentioning an on-demand Backup', () => {
    const outcome = run(backupScheduled, [...cart, veleroBackup(undefined, '2026-11-21T02:10:00Z')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "no Velero Schedule backs up namespace 'shop': on-demand Backup 'manual-20261121021000' exists, but nothing repeats it",
    );
  });

  it('fails when the Schedule lists the namespace in excludedNamespaces', () => {
    const schedule = veleroSchedule('all-daily', { spec: { template: { includedNamespaces: ['*'], excludedNamespaces: ['shop'] } } });
    const outcome = run(backupScheduled, [...cart, schedule, veleroBackup('all-daily', '2026-11-21T02:10:00Z')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("no Velero Schedule backs up namespace 'shop'");
  });

  it('fails when the Schedule covers other namespaces only', () => {
    const schedule = veleroSchedule('payments-daily', { spec: { template: { includedNamespaces: ['payments'] } } });
    expect(run(backupScheduled, [...cart, schedule, veleroBackup('payments-daily', '2026-11-21T02:10:00Z')], target).status).toBe('fail');
  });

  it('fails when the only covering Schedule is paused', () => {
    const schedule = veleroSchedule('shop-daily', { spec: { paused: true } });
    const outcome = run(backupScheduled, [...cart, schedule, veleroBackup('shop-daily', '2026-11-21T02:10:00Z')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("no Velero Schedule backs up namespace 'shop': Velero Schedule 'shop-daily' is paused");
    expect(outcome.evidence).toEqual([{ kind: 'Schedule', namespace: 'velero', name: 'shop-daily', path: 'spec' }]);
  });

  it("fails when the Schedule's labelSelector leaves the workload out", () => {
    const schedule = veleroSchedule('shop-db', {
      spec: { template: { labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } } } },
    });
    const outcome = run(backupScheduled, [deployment('cart'), schedule, veleroBackup('shop-db', '2026-11-21T02:10:00Z')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("Velero Schedule 'shop-db' selects other labels than Deployment 'cart'");
  });

  it('fails a Schedule that failed validation', () => {
    const schedule = veleroSchedule('shop-daily', { spec: { schedule: '0 25 * * *' }, status: { phase: 'FailedValidation', validationErrors: ['invalid schedule: End of range (25) above maximum (23): 25'] } });
    const outcome = run(backupScheduled, [...cart, schedule], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("Velero Schedule 'shop-daily' failed validation (invalid schedule");
  });

  it('passes when one of several covering Schedules is fresh', () => {
    const objects = [
      ...cart,
      veleroSchedule('shop-weekly', { spec: { schedule: '@weekly' } }),
      veleroSchedule(),
      veleroBackup('shop-daily', '2026-11-21T02:10:00Z'),
    ];
    const outcome = run(backupScheduled, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^Velero Schedule 'shop-daily'/);
  });

  it('is unknown when Velero CRDs are absent', () => {
    const outcome = run(backupScheduled, cart, target, { missing: ['schedules', 'backups', 'restores'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read schedules in cluster test');
  });

  it("is unknown when a Schedule's interval cannot be computed but it has a completed Backup", () => {
    const schedule = veleroSchedule('shop-odd', { spec: { schedule: '0 0 2 * * *' } });
    const outcome = run(backupScheduled, [...cart, schedule, veleroBackup('shop-odd', '2026-11-21T02:10:00Z')], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("cannot compute the interval of Velero Schedule 'shop-odd'");
    expect(outcome.message).toContain('expected 5 fields');
  });
});
