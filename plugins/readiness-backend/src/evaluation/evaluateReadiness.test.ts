import {
  ClusterIndex,
  discoverWorkloads,
  KubernetesObject,
  workloadMalformation,
} from '@prodready/plugin-readiness-node';
import { inApiListOrder } from './evaluateReadiness';

const obj = (
  kind: string,
  namespace: string,
  name: string,
  apiVersion = 'v1',
): KubernetesObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace },
});

describe('inApiListOrder', () => {
  it('orders objects as a live read returns them: kind by kind, then namespace, then name', () => {
    const objects = [
      obj('NetworkPolicy', 'shop', 'default-deny', 'networking.k8s.io/v1'),
      obj('Widget', 'a', 'w', 'example.com/v1'),
      obj('Deployment', 'shop', 'cart', 'apps/v1'),
      obj('NetworkPolicy', 'shop', 'allow-dns', 'networking.k8s.io/v1'),
      obj('Deployment', 'billing', 'ledger', 'apps/v1'),
      obj('Pod', 'shop', 'cart-1'),
      obj('NetworkPolicy', 'billing', 'z', 'networking.k8s.io/v1'),
    ];
    expect(
      inApiListOrder(objects).map(
        o => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`,
      ),
    ).toEqual([
      'Pod/shop/cart-1',
      'Deployment/billing/ledger',
      'Deployment/shop/cart',
      'NetworkPolicy/billing/z',
      'NetworkPolicy/shop/allow-dns',
      'NetworkPolicy/shop/default-deny',
      'Widget/a/w',
    ]);
    // The input is left as it was.
    expect(objects[0].metadata.name).toBe('default-deny');
  });
});

describe('workloadMalformation', () => {
  const malformation = (object: Record<string, unknown>) => {
    const index = ClusterIndex.build({
      cluster: 'c',
      objects: [object as unknown as KubernetesObject],
    });
    const [workload] = discoverWorkloads(index);
    return workloadMalformation(workload);
  };
  const deployment = (spec: unknown) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'n' },
    spec,
  });

  it.each([
    [deployment('oops'), 'spec is a string, not an object'],
    [
      deployment({ template: 'oops' }),
      'spec.template is a string, not an object',
    ],
    [
      deployment({ template: { spec: [] } }),
      'spec.template.spec is an array, not an object',
    ],
    [
      deployment({ template: { metadata: 7, spec: {} } }),
      'spec.template.metadata is a number, not an object',
    ],
    [
      deployment({ template: { spec: { containers: 'app' } } }),
      'spec.template.spec.containers is a string, not a list',
    ],
    [
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'c', namespace: 'n' },
        spec: { jobTemplate: { spec: null } },
      },
      'spec.jobTemplate.spec is null, not an object',
    ],
    [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'n' },
        spec: { initContainers: {} },
      },
      'spec.initContainers is an object, not a list',
    ],
  ])('names what is wrong', (object, expected) => {
    expect(malformation(object)).toBe(expected);
  });

  it('accepts well-formed and sparse objects', () => {
    expect(
      malformation(
        deployment({
          replicas: 2,
          template: { metadata: {}, spec: { containers: [] } },
        }),
      ),
    ).toBeUndefined();
    expect(malformation(deployment(undefined))).toBeUndefined();
  });
});
