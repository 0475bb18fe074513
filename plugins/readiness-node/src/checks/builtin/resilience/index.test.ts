import { parseAllDocuments } from 'yaml';
import { configureChecks, evaluateEntityChecks, evaluateWorkloads } from '../../../engine/evaluate';
import { entity, indexOf, statefulSet, workloadOf } from '../../../testing/fixtures';
import { resilienceChecks } from '.';
import { veleroBackup, veleroRestore, veleroSchedule } from './testObjects';

describe('resilience checks', () => {
  it('are the catalog of checks.md section 8, in order, with its severities', () => {
    expect(resilienceChecks.map(c => [c.id, c.severity, c.domain, c.scope])).toEqual([
      ['backup-scheduled', 'critical', 'resilience', 'workload'],
      ['logical-backup', 'high', 'resilience', 'workload'],
      ['restore-tested', 'critical', 'resilience', 'workload'],
      ['rpo-rto-declared', 'medium', 'resilience', 'entity'],
      ['runbook-linked', 'medium', 'resilience', 'entity'],
    ]);
  });

  it('declare the Velero kinds they cannot answer without', () => {
    expect(Object.fromEntries(resilienceChecks.map(c => [c.id, c.requires ?? []]))).toEqual({
      'backup-scheduled': ['schedules', 'backups'],
      'logical-backup': [],
      'restore-tested': ['schedules', 'backups', 'restores'],
      'rpo-rto-declared': [],
      'runbook-linked': [],
    });
  });

  it('default restore-tested to 90 days', () => {
    expect(resilienceChecks.find(c => c.id === 'restore-tested')?.defaultOptions).toEqual({ maxAgeDays: 90 });
  });

  it.each(resilienceChecks.map(c => [c.id, c.remediation.snippet]))('%s has a remediation snippet that parses as YAML', (_id, snippet) => {
    expect(snippet).toBeTruthy();
    const docs = parseAllDocuments(snippet!);
    expect(docs.flatMap(d => d.errors)).toEqual([]);
    expect(docs.every(d => typeof d.toJS() === 'object')).toBe(true);
  });

  it('run through the engine with configured options: workload checks per workload, (cat) checks per entity', () => {
    const configured = configureChecks(resilienceChecks, { 'restore-tested': { options: { maxAgeDays: 30 } } });
    const backup = veleroBackup('shop-daily', '2026-11-21T02:10:00Z');
    const index = indexOf([
      statefulSet('postgres'),
      veleroSchedule(),
      backup,
      veleroRestore('drill', backup.metadata.name, '2026-10-01T10:00:00Z'),
    ]);
    const now = new Date('2026-11-21T12:00:00Z');
    const [result] = evaluateWorkloads(index, configured, { now });
    expect(Object.fromEntries(result.results.map(r => [r.checkId, r.status]))).toEqual({
      'backup-scheduled': 'pass',
      'logical-backup': 'fail',
      'restore-tested': 'fail', // 51 days old: more than the configured 30
    });
    const catalog = entity({ 'prodready.dev/rpo': 'P1D', 'prodready.dev/rto': 'PT4H' });
    const entityResults = evaluateEntityChecks(catalog, workloadOf(index, 'StatefulSet', 'postgres'), index, configured, { now });
    expect(Object.fromEntries(entityResults.map(r => [r.checkId, r.status]))).toEqual({
      'rpo-rto-declared': 'pass',
      'runbook-linked': 'fail',
    });
  });
});
