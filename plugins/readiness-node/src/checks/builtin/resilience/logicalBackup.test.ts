import { container, cronJob, deployment, deploymentWithPods, run, statefulSet } from '../../../testing/fixtures';
import { withClaim } from '../scheduling-state/testObjects';
import { logicalBackup } from './logicalBackup';

const target = { kind: 'StatefulSet', name: 'postgres' };
const postgres = statefulSet('postgres');

/** A CronJob (schedule 0 2 * * *, last success 2026-11-21T02:03:00Z) whose container runs `command`/`args`/`image`. */
function dumpJob(name: string, c: Record<string, unknown>, patch: Record<string, any> = {}) {
  return cronJob(name, 'shop', {
    ...patch,
    spec: {
      ...(patch.spec ?? {}),
      jobTemplate: { spec: { template: { spec: { containers: [container(name, { readinessProbe: undefined, livenessProbe: undefined, ...c })] } } } },
    },
  });
}

const pgDump = dumpJob('postgres-dump', {
  image: 'postgres:16.4',
  command: ['/bin/sh', '-c'],
  args: ['pg_dump --format=custom --file=/backup/shop.dump "$DATABASE_URL"'],
});

describe('logical-backup', () => {
  it('passes a StatefulSet with a pg_dump CronJob that succeeded within 2x its schedule', () => {
    const outcome = run(logicalBackup, [postgres, pgDump], target);
    expect(outcome).toEqual({
      status: 'pass',
      message: "CronJob 'postgres-dump' (pg_dump, '0 2 * * *') last succeeded 9h 57m ago, within 2x its interval (2d)",
      evidence: [{ kind: 'CronJob', namespace: 'shop', name: 'postgres-dump', path: 'status.lastSuccessfulTime' }],
    });
  });

  it.each([
    ['pg_dumpall', { image: 'postgres:16.4', command: ['pg_dumpall', '-h', 'postgres', '-f', '/backup/all.sql'] }],
    ['mysqldump', { image: 'mysql:8.4', command: ['sh', '-c', 'mysqldump --single-transaction shop | gzip > /backup/shop.sql.gz'] }],
    ['mongodump', { image: 'mongo:7', args: ['mongodump', '--uri=$(MONGO_URI)', '--archive=/backup/shop.archive'] }],
    ['redis-cli --rdb', { image: 'redis:7.4', command: ['redis-cli', '-h', 'redis', '--rdb', '/backup/dump.rdb'] }],
    ['mysqldump', { image: `ghcr.io/acme/mysqldump:8.4@sha256:${'b'.repeat(64)}` }],
  ])('recognises %s', (tool, c) => {
    const outcome = run(logicalBackup, [postgres, dumpJob('db-backup', c)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain(`(${tool}, '0 2 * * *')`);
  });

  it('recognises the prodready.dev/backup: logical label on a CronJob running any tool', () => {
    const job = dumpJob('etcd-snapshot', { image: 'ghcr.io/acme/backup-tool:2.1', command: ['backup-tool', 'run'] }, {
      metadata: { labels: { 'prodready.dev/backup': 'logical' } },
    });
    const outcome = run(logicalBackup, [postgres, job], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("(label prodready.dev/backup: logical, '0 2 * * *')");
  });

  it('applies to a Deployment writing a PersistentVolumeClaim', () => {
    const outcome = run(logicalBackup, [deployment('cart', 'shop', withClaim('cart-data'))], { kind: 'Deployment', name: 'cart' });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/^writes claim 'cart-data' but no CronJob/);
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.volumes[0].persistentVolumeClaim' },
    ]);
  });

  it('fails a stateful workload with no logical-backup CronJob in its namespace', () => {
    const report = dumpJob('nightly-report', { image: 'python:3.12', command: ['python', 'report.py'] });
    const elsewhere = cronJob('postgres-dump', 'payments', { spec: pgDump.spec });
    const outcome = run(logicalBackup, [postgres, report, elsewhere], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "writes volumeClaimTemplates 'data' but no CronJob in namespace 'shop' runs pg_dump, pg_dumpall, mysqldump, mongodump or " +
        'redis-cli --rdb, or carries label prodready.dev/backup: logical',
    );
    expect(outcome.evidence).toEqual([{ kind: 'StatefulSet', namespace: 'shop', name: 'postgres', path: 'spec.volumeClaimTemplates[0]' }]);
  });

  it('does not take pg_restore or a pg_dumper script for a dump', () => {
    const restore = dumpJob('restore-check', { image: 'postgres:16.4', command: ['pg_restore', '--list', '/backup/shop.dump'] });
    const dumper = dumpJob('dumper', { image: 'ghcr.io/acme/tools:1', command: ['/opt/pg_dumper.sh'] });
    expect(run(logicalBackup, [postgres, restore, dumper], target).status).toBe('fail');
  });

  it('fails a backup CronJob whose last success is older than 2x its schedule', () => {
    const stale = dumpJob('postgres-dump', pgDump.spec.jobTemplate.spec.template.spec.containers[0], {
      status: { lastScheduleTime: '2026-11-21T02:00:00Z', lastSuccessfulTime: '2026-11-17T02:04:00Z' },
    });
    const outcome = run(logicalBackup, [postgres, stale], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("CronJob 'postgres-dump' (pg_dump, '0 2 * * *') last succeeded 4d 9h ago, more than 2x its interval (2d)");
    expect(outcome.evidence).toEqual([{ kind: 'CronJob', namespace: 'shop', name: 'postgres-dump', path: 'status.lastSuccessfulTime' }]);
  });

  it('fails a backup CronJob that never succeeded, noting it is suspended', () => {
    const suspended = dumpJob('postgres-dump', pgDump.spec.jobTemplate.spec.template.spec.containers[0], { spec: { suspend: true } });
    // a CronJob that never ran: the API server shows an empty status
    const objects = [postgres, { ...suspended, status: {} }];
    const outcome = run(logicalBackup, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe("CronJob 'postgres-dump' (pg_dump, '0 2 * * *') has never completed successfully and is suspended");
  });

  it('passes when one of several backup CronJobs is fresh', () => {
    const stale = dumpJob('old-dump', { command: ['pg_dump', 'shop'] }, { status: { lastSuccessfulTime: '2026-10-01T02:00:00Z' } });
    expect(run(logicalBackup, [postgres, stale, pgDump], target).status).toBe('pass');
  });

  it('is unknown when the CronJob comes from a manifest without status', () => {
    const manifest = { ...pgDump, status: undefined };
    delete manifest.status;
    const outcome = run(logicalBackup, [postgres, manifest], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toBe(
      "CronJob 'postgres-dump' (pg_dump, '0 2 * * *') has no status in the input (a manifest?): its last successful run is unknown",
    );
  });

  it('is unknown when CronJobs cannot be listed', () => {
    const outcome = run(logicalBackup, [postgres], target, { missing: ['cronjobs'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read cronjobs');
  });

  it('is unknown when the backup schedule cannot be read', () => {
    const odd = dumpJob('postgres-dump', { command: ['pg_dump', 'shop'] }, { spec: { schedule: 'nightly' } });
    const outcome = run(logicalBackup, [postgres, odd], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('its schedule cannot be read');
  });

  it('is not applicable to a stateless Deployment', () => {
    expect(run(logicalBackup, deploymentWithPods('cart'), { kind: 'Deployment', name: 'cart' })).toEqual({
      status: 'not-applicable',
      message: 'stateless: mounts no PersistentVolumeClaim',
    });
  });

  it('is not applicable to a Deployment mounting a claim read-only', () => {
    const outcome = run(logicalBackup, [deployment('cart', 'shop', withClaim('models', { readOnly: true }))], { kind: 'Deployment', name: 'cart' });
    expect(outcome.status).toBe('not-applicable');
  });

  it('is not applicable to a CronJob (the backup job itself)', () => {
    expect(run(logicalBackup, [pgDump], { kind: 'CronJob', name: 'postgres-dump' }).status).toBe('not-applicable');
  });
});
