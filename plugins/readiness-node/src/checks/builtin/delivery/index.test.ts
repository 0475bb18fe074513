import { parseAllDocuments } from 'yaml';
import { discoverWorkloads } from '../../../cluster/workloads';
import { relationsOf } from '../../../cluster/relations';
import { indexOf, object } from '../../../testing/fixtures';
import { deliveryChecks } from './index';

describe('deliveryChecks', () => {
  it('lists the catalog ids in catalog order with their default severity and scope', () => {
    expect(deliveryChecks.map(c => [c.id, c.domain, c.severity, c.scope])).toEqual([
      ['gitops-managed', 'delivery', 'high', 'workload'],
      ['gitops-self-heal', 'delivery', 'medium', 'workload'],
      ['secrets-sealed', 'delivery', 'high', 'workload'],
      ['release-smoke-test', 'delivery', 'low', 'workload'],
      ['rollback-ready', 'delivery', 'medium', 'workload'],
    ]);
  });

  it.each(deliveryChecks.map(c => [c.id, c]))('%s has a remediation snippet of valid Kubernetes YAML', (_, check) => {
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
        spec: {
          replicas: 'x',
          revisionHistoryLimit: 'y',
          strategy: 'z',
          template: { spec: { containers: [null, { env: 'x', envFrom: [null, { secretRef: 7 }] }], volumes: [null, { projected: { sources: 'x' } }] } },
        },
      }),
      object('apps/v1', 'Deployment', 'd2', 'shop', {
        metadata: { labels: { 'app.kubernetes.io/instance': 'x_y_z' }, annotations: { 'argocd.argoproj.io/tracking-id': ':::///' } },
        spec: { template: null },
      }),
      object('apps/v1', 'Deployment', 'd3', 'shop', { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: -1 } } } }),
      object('batch/v1', 'Job', 'j', 'shop', { metadata: { annotations: { 'helm.sh/hook': 'test' } }, spec: 5 }),
      object('v1', 'Pod', 'p', 'shop', { metadata: { annotations: { 'argocd.argoproj.io/hook': ['PostSync'] } }, spec: 'x' }),
      object('argoproj.io/v1alpha1', 'Application', 'y', 'x', { spec: { syncPolicy: { automated: 'yes' }, destination: 5 }, status: { resources: [null, { kind: 5 }] } }),
      object('argoproj.io/v1alpha1', 'Application', 'z', 'argocd', { spec: null, status: { resources: 'x' } }),
      object('bitnami.com/v1alpha1', 'SealedSecret', 'ss', 'shop', { spec: null }),
      object('external-secrets.io/v1', 'ExternalSecret', 'es', 'shop', { spec: { target: 'x' } }),
      object('v1', 'Secret', 'sec', 'shop', { metadata: { ownerReferences: [] } }),
    ]);
    const workloads = discoverWorkloads(index);
    // The hook Job and Pod are release hooks, not workloads; the checks still read them.
    expect(workloads.length).toBe(3);
    for (const workload of workloads) {
      for (const check of deliveryChecks) {
        const outcome = check.evaluate({ workload, index, relations: relationsOf(workload, index), options: {}, now: new Date() });
        expect(['pass', 'fail', 'not-applicable', 'unknown']).toContain(outcome.status);
      }
    }
  });
});
