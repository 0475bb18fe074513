import { Entity } from '@backstage/catalog-model';
import { MappableWorkload, mapEntityToWorkloads, WorkloadCatalog } from './mapEntitiesToWorkloads';

const workload = (cluster: string, namespace: string, name: string, labels: Record<string, string>, templateLabels = labels): MappableWorkload => ({
  ref: { cluster, kind: 'Deployment', namespace, name },
  labels,
  templateLabels,
});

const catalog = new WorkloadCatalog([
  workload('prod-eu', 'checkout', 'checkout', { 'backstage.io/kubernetes-id': 'checkout', 'app.kubernetes.io/name': 'checkout' }),
  workload('prod-us', 'checkout', 'checkout', { 'backstage.io/kubernetes-id': 'checkout', 'app.kubernetes.io/name': 'checkout' }),
  workload('prod-eu', 'staging', 'checkout', { 'backstage.io/kubernetes-id': 'checkout' }),
  workload('prod-eu', 'catalog', 'search-api', { 'app.kubernetes.io/name': 'search', 'app.kubernetes.io/component': 'api' }),
  workload('prod-eu', 'catalog', 'search-indexer', { 'app.kubernetes.io/name': 'search', 'app.kubernetes.io/component': 'indexer' }),
  workload('prod-eu', 'catalog', 'search-ui', { 'app.kubernetes.io/name': 'search', 'app.kubernetes.io/component': 'ui' }),
  // A chart that labels only its pods.
  workload('prod-eu', 'web', 'storefront', {}, { 'backstage.io/kubernetes-id': 'storefront-web' }),
]);

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', namespace: 'default', annotations },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

const names = (ws: MappableWorkload[]) => ws.map(w => `${w.ref.cluster}/${w.ref.namespace}/${w.ref.name}`).sort();

describe('mapEntityToWorkloads', () => {
  it('maps backstage.io/kubernetes-id to the workloads carrying that label, in every cluster', () => {
    const m = mapEntityToWorkloads(component({ 'backstage.io/kubernetes-id': 'checkout' }), catalog);
    expect(m.state).toBe('mapped');
    expect(m.selector).toBe('backstage.io/kubernetes-id=checkout');
    expect(names(m.workloads)).toEqual(['prod-eu/checkout/checkout', 'prod-eu/staging/checkout', 'prod-us/checkout/checkout']);
  });

  it('restricts by backstage.io/kubernetes-namespace and backstage.io/kubernetes-cluster', () => {
    const m = mapEntityToWorkloads(
      component({ 'backstage.io/kubernetes-id': 'checkout', 'backstage.io/kubernetes-namespace': 'checkout', 'backstage.io/kubernetes-cluster': 'prod-eu' }),
      catalog,
    );
    expect(names(m.workloads)).toEqual(['prod-eu/checkout/checkout']);
  });

  it('lets the label selector annotation win over the id, with set-based requirements', () => {
    const m = mapEntityToWorkloads(
      component({
        'backstage.io/kubernetes-id': 'checkout',
        'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=search,app.kubernetes.io/component in (api,indexer)',
      }),
      catalog,
    );
    expect(names(m.workloads)).toEqual(['prod-eu/catalog/search-api', 'prod-eu/catalog/search-indexer']);
  });

  it('finds workloads whose pod template carries the labels', () => {
    const m = mapEntityToWorkloads(component({ 'backstage.io/kubernetes-id': 'storefront-web' }), catalog);
    expect(names(m.workloads)).toEqual(['prod-eu/web/storefront']);
  });

  it('reports an entity without the annotations as not mapped', () => {
    expect(mapEntityToWorkloads(component({}), catalog)).toMatchObject({ state: 'not-mapped', workloads: [], errors: [] });
  });

  it('maps to nothing, without error, when no workload matches', () => {
    expect(mapEntityToWorkloads(component({ 'backstage.io/kubernetes-id': 'gift-cards' }), catalog)).toMatchObject({ state: 'mapped', workloads: [] });
  });

  it('turns a malformed selector into an entity-level configuration error naming the annotation', () => {
    const m = mapEntityToWorkloads(component({ 'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name in (promotions,promotions-worker' }), catalog);
    expect(m.state).toBe('configuration-error');
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0].source).toBe('backstage.io/kubernetes-label-selector');
    expect(m.errors[0].message).toMatch(/^backstage\.io\/kubernetes-label-selector: invalid label selector ".*" at position \d+: missing "\)"/);
  });
});
