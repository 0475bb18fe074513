import { parseAllDocuments } from 'yaml';
import { discoverWorkloads } from '../../../cluster/workloads';
import { relationsOf } from '../../../cluster/relations';
import { entity, indexOf, object } from '../../../testing/fixtures';
import { observabilityChecks } from './index';

describe('observabilityChecks', () => {
  it('lists the catalog ids in catalog order with their default severity and scope', () => {
    expect(observabilityChecks.map(c => [c.id, c.domain, c.severity, c.scope])).toEqual([
      ['metrics-scraped', 'observability', 'high', 'workload'],
      ['alerting-rules', 'observability', 'high', 'workload'],
      ['slo-defined', 'observability', 'medium', 'entity'],
      ['logs-collected', 'observability', 'low', 'cluster'],
      ['oncall-defined', 'observability', 'medium', 'entity'],
    ]);
  });

  it.each(observabilityChecks.map(c => [c.id, c]))('%s has a remediation snippet of valid Kubernetes YAML', (_, check) => {
    const docs = parseAllDocuments(check.remediation.snippet ?? '');
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc.errors).toEqual([]);
      expect(doc.toJS()).toEqual(expect.objectContaining({ apiVersion: expect.any(String), kind: expect.any(String) }));
    }
  });

  it('never throws on malformed objects', () => {
    const index = indexOf([
      object('apps/v1', 'Deployment', 'd1', 'shop', {
        spec: { template: { metadata: { labels: { a: 'b' }, annotations: { 'prometheus.io/scrape': 5 } }, spec: { containers: [null] } } },
      }),
      object('v1', 'Pod', 'p', 'shop', { metadata: { labels: { a: 'b' } }, spec: 'x' }),
      object('apps/v1', 'DaemonSet', 'ds', 'kube-system', { spec: { template: { spec: { containers: [null, { image: 5 }, { image: '' }] } } }, status: 'x' }),
      object('v1', 'Service', 's', 'shop', { spec: { selector: { a: 'b' } } }),
      object('monitoring.coreos.com/v1', 'ServiceMonitor', 'sm', 'shop', { spec: { selector: { matchLabels: { a: 'b' } }, jobLabel: 5, namespaceSelector: 'x' } }),
      object('monitoring.coreos.com/v1', 'PodMonitor', 'pm', 'shop', { spec: { selector: 'x', namespaceSelector: { matchNames: 'shop' } } }),
      object('monitoring.coreos.com/v1', 'PrometheusRule', 'pr', 'shop', { spec: { groups: { a: 1 } } }),
      object('monitoring.coreos.com/v1', 'PrometheusRule', 'pr2', 'shop', {
        spec: { groups: [{ rules: [{ alert: 'A', expr: { x: 1 }, labels: 'x' }, { alert: 'B', expr: 'up{namespace=~"(?P<x>a)", job=~"[", pod=~"\\\\"}' }] }] },
      }),
      object('sloth.slok.dev/v1', 'PrometheusServiceLevel', 'sl', 'shop', { spec: { service: 5, slos: [null, { sli: 'x' }, { sli: { plugin: { options: 5 } } }] } }),
    ]);
    const workloads = discoverWorkloads(index);
    expect(workloads.length).toBe(3);
    for (const workload of workloads) {
      for (const check of observabilityChecks) {
        for (const e of [undefined, entity({ 'prodready.dev/slo': 'ht tp://x', 'prodready.dev/oncall': '' })]) {
          const outcome = check.evaluate({ workload, index, relations: relationsOf(workload, index), entity: e, options: {}, now: new Date() });
          expect(['pass', 'fail', 'not-applicable', 'unknown']).toContain(outcome.status);
        }
      }
    }
  });
});
