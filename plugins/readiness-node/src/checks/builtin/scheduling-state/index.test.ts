import { parseAllDocuments } from 'yaml';
import { schedulingStateChecks } from '.';

describe('scheduling-state checks', () => {
  it('are the catalog of checks.md section 7, in order, with its severities', () => {
    expect(schedulingStateChecks.map(c => [c.id, c.severity, c.domain, c.scope])).toEqual([
      ['replicas-minimum', 'high', 'scheduling-state', 'workload'],
      ['spread-across-nodes', 'high', 'scheduling-state', 'workload'],
      ['disruption-budget', 'critical', 'scheduling-state', 'workload'],
      ['disruption-budget-allows-eviction', 'medium', 'scheduling-state', 'workload'],
      ['stateful-storage', 'high', 'scheduling-state', 'workload'],
      ['priority-class', 'medium', 'scheduling-state', 'workload'],
    ]);
  });

  it.each(schedulingStateChecks.map(c => [c.id, c.remediation.snippet]))('%s has a remediation snippet that parses as YAML', (_id, snippet) => {
    expect(snippet).toBeTruthy();
    const docs = parseAllDocuments(snippet!);
    expect(docs.flatMap(d => d.errors)).toEqual([]);
    expect(docs.every(d => typeof d.toJS() === 'object')).toBe(true);
  });
});
