import { KubernetesObject } from '../objects';
import { LabelSelector, matchesLabelSelector, parseLabelSelector } from '../selectors';
import {
  deployment,
  namespaceObject,
  object,
  podOf,
  replicaSetOf,
  service,
  statefulSet,
} from '../testing/fixtures';
import { ClusterIndex, ClusterSnapshot, groupOf } from './ClusterIndex';

function build(objects: KubernetesObject[], extra: Partial<ClusterSnapshot> = {}): ClusterIndex {
  return ClusterIndex.build({ cluster: 'prod-eu', objects, ...extra });
}

const names = (objects: KubernetesObject[]) => objects.map(o => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

/** The same object with its uid and the uids of its owner references removed, as in manifests. */
function withoutUids(obj: KubernetesObject): KubernetesObject {
  const { uid: _uid, ...metadata } = obj.metadata;
  const refs = obj.metadata.ownerReferences?.map(({ uid: _refUid, ...ref }) => ref);
  return { ...obj, metadata: { ...metadata, ...(refs ? { ownerReferences: refs } : {}) } };
}

describe('groupOf', () => {
  it.each([
    ['apps/v1', 'apps'],
    ['v1', ''],
    ['velero.io/v1', 'velero.io'],
    ['networking.k8s.io/v1beta1', 'networking.k8s.io'],
    ['', ''],
    [undefined, ''],
  ])('%j -> %j', (apiVersion, group) => {
    expect(groupOf(apiVersion)).toBe(group);
  });
});

describe('ClusterIndex', () => {
  const shopCart = deployment('cart', 'shop');
  const stagingCart = deployment('cart', 'staging');
  const checkout = deployment('checkout', 'shop');
  const shop = namespaceObject('shop');
  const staging = namespaceObject('staging');
  const crb = object('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'cart-reader', undefined, {
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'ServiceAccount', name: 'cart', namespace: 'shop' }],
  });
  const index = build([shop, shopCart, stagingCart, checkout, staging, crb], {
    fetchedAt: '2026-11-21T08:00:00.000Z',
    errors: [{ message: 'secrets: 403 Forbidden' }],
  });

  describe('list and get', () => {
    it('keeps the cluster name, the read time and the errors of the snapshot', () => {
      expect(index.cluster).toBe('prod-eu');
      expect(index.fetchedAt).toBe('2026-11-21T08:00:00.000Z');
      expect(index.errors).toEqual([{ message: 'secrets: 403 Forbidden' }]);
    });

    it('copies the errors so later changes to the snapshot do not leak in', () => {
      const errors = [{ message: 'a' }];
      const i = build([], { errors });
      errors.push({ message: 'b' });
      expect(i.errors).toEqual([{ message: 'a' }]);
    });

    it('lists a kind in every namespace, in input order within a namespace', () => {
      expect(index.list('Deployment')).toEqual([shopCart, checkout, stagingCart]);
      expect(index.list('Deployment')[0]).toBe(shopCart);
    });

    it('lists a kind in one namespace', () => {
      expect(index.list('Deployment', 'shop')).toEqual([shopCart, checkout]);
      expect(index.list('Deployment', 'staging')).toEqual([stagingCart]);
      expect(index.list('Deployment', 'payments')).toEqual([]);
    });

    it('lists nothing for a kind that is absent', () => {
      expect(index.list('StatefulSet')).toEqual([]);
      expect(index.list('StatefulSet', 'shop')).toEqual([]);
    });

    it('lists cluster-scoped kinds', () => {
      expect(index.list('Namespace')).toEqual([shop, staging]);
      expect(index.list('ClusterRoleBinding')).toEqual([crb]);
    });

    it('gets one object by kind, namespace and name', () => {
      expect(index.get('Deployment', 'shop', 'cart')).toBe(shopCart);
      expect(index.get('Deployment', 'staging', 'cart')).toBe(stagingCart);
      expect(index.get('Deployment', 'shop', 'payments')).toBeUndefined();
      expect(index.get('Deployment', 'payments', 'cart')).toBeUndefined();
      expect(index.get('Service', 'shop', 'cart')).toBeUndefined();
    });

    it('gets cluster-scoped objects without a namespace', () => {
      expect(index.get('Namespace', undefined, 'shop')).toBe(shop);
      expect(index.get('ClusterRoleBinding', undefined, 'cart-reader')).toBe(crb);
      expect(index.get('Namespace', 'shop', 'shop')).toBeUndefined();
    });

    it('finds objects by uid', () => {
      expect(index.byUid(stagingCart.metadata.uid!)).toBe(stagingCart);
      expect(index.byUid(crb.metadata.uid!)).toBe(crb);
      expect(index.byUid('00000000-0000-4000-8000-ffffffffffff')).toBeUndefined();
    });

    it('names the kinds it holds', () => {
      expect(index.kinds()).toEqual(['Namespace', 'Deployment', 'ClusterRoleBinding']);
    });

    it('names every namespace, from Namespace objects and from the objects in them, sorted', () => {
      const i = build([namespaceObject('payments'), deployment('cart', 'shop'), service('web', 'edge'), crb]);
      expect(i.namespaces()).toEqual(['edge', 'payments', 'shop']);
      expect(build([]).namespaces()).toEqual([]);
    });

    it('indexes a namespaced object without namespace (helm template output) in `default`, leaving the input unchanged', () => {
      const cart = withoutUids(deployment('cart'));
      delete cart.metadata.namespace;
      const svc = service('cart');
      delete svc.metadata.namespace;
      const ns = namespaceObject('shop');
      const i = build([cart, svc, ns]);

      expect(i.get('Deployment', 'default', 'cart')).toEqual({ ...cart, metadata: { ...cart.metadata, namespace: 'default' } });
      expect(i.list('Service', 'default').map(s => s.metadata.namespace)).toEqual(['default']);
      expect(i.list('Deployment', '')).toEqual([]);
      expect(i.get('Namespace', undefined, 'shop')).toBe(ns);
      expect(i.namespaces()).toEqual(['default', 'shop']);
      expect(cart.metadata.namespace).toBeUndefined();
    });

    it('keeps an object of a kind the engine does not know without namespace cluster-wide', () => {
      const clusterIssuer = object('cert-manager.io/v1', 'ClusterIssuer', 'letsencrypt', undefined, { spec: { acme: {} } });
      const i = build([clusterIssuer]);
      expect(i.get('ClusterIssuer', undefined, 'letsencrypt')).toBe(clusterIssuer);
      expect(i.namespaces()).toEqual([]);
    });
  });

  describe('kinds of another API group', () => {
    const veleroSchedule = object('velero.io/v1', 'Schedule', 'daily', 'velero', {
      spec: { schedule: '0 1 * * *', template: { includedNamespaces: ['*'] } },
    });
    const k8upSchedule = object('k8up.io/v1', 'Schedule', 'daily', 'shop', {
      spec: { backup: { schedule: '@daily' } },
    });
    const knativeService = object('serving.knative.dev/v1', 'Service', 'cart', 'shop', {
      spec: { template: { spec: { containers: [{ image: 'ghcr.io/acme/cart:1.4.2' }] } } },
    });
    const coreService = service('cart');
    const hpaV1 = object('autoscaling/v1', 'HorizontalPodAutoscaler', 'cart', 'shop', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' }, minReplicas: 2, maxReplicas: 6 },
    });
    const hpaV2 = object('autoscaling/v2', 'HorizontalPodAutoscaler', 'checkout', 'shop', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' }, minReplicas: 2, maxReplicas: 6 },
    });
    const i = build([veleroSchedule, k8upSchedule, knativeService, coreService, hpaV1, hpaV2]);

    it('indexes a same-named kind of another group under Kind.group', () => {
      expect(i.list('Schedule')).toEqual([veleroSchedule]);
      expect(i.list('Schedule.k8up.io')).toEqual([k8upSchedule]);
      expect(i.get('Schedule', 'shop', 'daily')).toBeUndefined();
      expect(i.get('Schedule.k8up.io', 'shop', 'daily')).toBe(k8upSchedule);
    });

    it('does not take a Knative Service for a core Service', () => {
      expect(i.list('Service', 'shop')).toEqual([coreService]);
      expect(i.list('Service.serving.knative.dev', 'shop')).toEqual([knativeService]);
    });

    it('accepts every version of the known group', () => {
      expect(i.list('HorizontalPodAutoscaler', 'shop')).toEqual([hpaV1, hpaV2]);
    });

    it('names the keys in kinds()', () => {
      expect(i.kinds()).toEqual(['Schedule', 'Schedule.k8up.io', 'Service.serving.knative.dev', 'Service', 'HorizontalPodAutoscaler']);
    });
  });

  describe('owners', () => {
    const cart = deployment('cart');
    const rs = replicaSetOf(cart);
    const pods = [podOf(rs, 0), podOf(rs, 1)];
    const oldRs = replicaSetOf(cart, '5c4b3a291');
    const i = build([cart, rs, oldRs, ...pods]);

    it('finds the owner by uid', () => {
      expect(i.ownerOf(rs)).toBe(cart);
      expect(i.ownerOf(pods[1])).toBe(rs);
      expect(i.ownerOf(cart)).toBeUndefined();
    });

    it('finds the children by uid', () => {
      expect(i.ownedBy(cart)).toEqual([rs, oldRs]);
      expect(i.ownedBy(rs)).toEqual(pods);
      expect(i.ownedBy(pods[0])).toEqual([]);
    });

    it('prefers the controller reference over the first one', () => {
      const pod = podOf(rs, 2, {
        metadata: {
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart', uid: cart.metadata.uid },
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true },
          ],
        },
      });
      expect(build([cart, rs, pod]).ownerOf(pod)).toBe(rs);
    });

    it('takes the first reference when none is the controller', () => {
      const pod = podOf(rs, 2, {
        metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid }] },
      });
      expect(build([cart, rs, pod]).ownerOf(pod)).toBe(rs);
    });

    it('finds owner and children by kind and name when there are no uids (manifests)', () => {
      const [d, r, p0, p1] = [cart, rs, ...pods].map(withoutUids);
      const m = build([d, r, p0, p1]);
      expect(m.ownerOf(r)).toBe(d);
      expect(m.ownerOf(p1)).toBe(r);
      expect(m.ownedBy(d)).toEqual([r]);
      expect(m.ownedBy(r)).toEqual([p0, p1]);
    });

    it('finds the owner by name when its uid is not in the index', () => {
      const r = replicaSetOf(cart);
      r.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart', uid: 'not-in-the-index', controller: true }];
      expect(build([cart, r]).ownerOf(r)).toBe(cart);
    });

    it('looks for a namespaced owner in the object namespace only', () => {
      const other = deployment('cart', 'staging');
      const r = withoutUids(replicaSetOf(cart));
      expect(build([other, r]).ownerOf(r)).toBeUndefined();
      expect(build([withoutUids(other), r]).ownedBy(withoutUids(other))).toEqual([]);
    });

    it('gives both children found by uid and by name, once each', () => {
      const byName = withoutUids(podOf(rs, 3));
      expect(build([cart, rs, ...pods, byName]).ownedBy(rs)).toEqual([...pods, byName]);
    });

    it('finds a cluster-scoped owner of a known kind by name', () => {
      const ns = withoutUids(namespaceObject('shop'));
      const quota = object('v1', 'ResourceQuota', 'compute', 'shop', {
        metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Namespace', name: 'shop', controller: true }] },
        spec: { hard: { 'requests.cpu': '20' } },
      });
      const m = build([ns, quota]);
      expect(m.ownerOf(quota)).toBe(ns);
      expect(m.ownedBy(ns)).toEqual([quota]);
    });

    it('finds a cluster-scoped owner of a kind the engine does not know (a Node owning a mirror pod)', () => {
      const node = object('v1', 'Node', 'worker-1', undefined, { metadata: { uid: undefined } });
      const mirror = (namespace: string, name: string, uid?: string) =>
        object('v1', 'Pod', name, namespace, {
          metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'worker-1', controller: true, ...(uid ? { uid } : {}) }] },
          spec: { nodeName: 'worker-1', containers: [{ name: 'etcd', image: 'registry.k8s.io/etcd:3.5.15-0' }] },
        });
      const etcd = mirror('kube-system', 'etcd-worker-1');
      const proxy = mirror('monitoring', 'node-exporter-worker-1');
      const m = build([node, etcd, proxy]);
      expect(m.ownerOf(etcd)).toBe(node);
      expect(m.ownedBy(node)).toEqual([etcd, proxy]);

      const withUid = object('v1', 'Node', 'worker-2', undefined);
      const pod = mirror('kube-system', 'etcd-worker-2', withUid.metadata.uid);
      pod.metadata.ownerReferences![0].name = 'worker-2';
      const u = build([withUid, pod]);
      expect(u.ownerOf(pod)).toBe(withUid);
      expect(u.ownedBy(withUid)).toEqual([pod]);
    });

    it('resolves an owner named by kind and name within the API group of the reference', () => {
      const batchJob = withoutUids(object('batch/v1', 'Job', 'train', 'ml', { spec: { template: { spec: { containers: [] } } } }));
      const volcanoJob = withoutUids(object('batch.volcano.sh/v1alpha1', 'Job', 'train', 'ml', { spec: { minAvailable: 2, tasks: [] } }));
      const pod = withoutUids(
        object('v1', 'Pod', 'train-worker-0', 'ml', {
          metadata: { ownerReferences: [{ apiVersion: 'batch.volcano.sh/v1alpha1', kind: 'Job', name: 'train', controller: true }] },
          spec: { containers: [{ name: 'worker', image: 'ghcr.io/acme/train:2.0.1' }] },
        }),
      );
      expect(build([batchJob, volcanoJob, pod]).ownerOf(pod)).toBe(volcanoJob);
      expect(build([batchJob, pod]).ownerOf(pod)).toBeUndefined();
    });

    it('gives no owner for missing or malformed owner references, without throwing', () => {
      const i2 = build([cart]);
      expect(i2.ownerOf(object('v1', 'Pod', 'debug', 'shop'))).toBeUndefined();
      expect(i2.ownerOf(object('v1', 'Pod', 'debug', 'shop', { metadata: { ownerReferences: [] } }))).toBeUndefined();
      const malformed = object('v1', 'Pod', 'odd', 'shop', { metadata: { ownerReferences: { kind: 'Deployment', name: 'cart' } } });
      expect(build([cart, malformed]).ownerOf(malformed)).toBeUndefined();
      expect(build([cart, malformed]).ownedBy(cart)).toEqual([]);
      const nullRef = object('v1', 'Pod', 'odd', 'shop', { metadata: { ownerReferences: [null] } });
      expect(build([cart, nullRef]).ownerOf(nullRef)).toBeUndefined();
    });
  });

  describe('select', () => {
    const tiers = ['web', 'api', 'db', 'cache'];
    const tracks = ['stable', 'canary', undefined];
    /** `count` pods per namespace with varied labels; every third has no track label. */
    function pods(count: number, namespaces = ['shop', 'staging']): KubernetesObject[] {
      return namespaces.flatMap(ns =>
        Array.from({ length: count }, (_, n) => {
          const track = tracks[n % tracks.length];
          return object('v1', 'Pod', `pod-${n}`, ns, {
            metadata: {
              labels: {
                'app.kubernetes.io/name': n % 2 ? 'cart' : 'checkout',
                tier: tiers[n % tiers.length],
                ...(track ? { track } : {}),
                ...(n === 0 ? { debug: 'true' } : {}),
              },
            },
          });
        }),
      );
    }

    const selectors: Array<string | LabelSelector> = [
      'tier=web',
      'tier in (db,web)',
      'tier in (web,web)',
      'tier in (db,web,nope)',
      'tier in (nope)',
      'tier notin (web,db)',
      'tier!=web',
      'track',
      '!track',
      'debug',
      'absent',
      '!absent',
      'app.kubernetes.io/name=cart,tier in (api,web)',
      'app.kubernetes.io/name=cart,track!=canary',
      'app.kubernetes.io/name in (cart,checkout),!debug',
      '',
      {},
      { matchLabels: { 'app.kubernetes.io/name': 'checkout' }, matchExpressions: [{ key: 'track', operator: 'Exists' }] },
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['cache', 'api'] }, { key: 'track', operator: 'DoesNotExist' }] },
      { matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] },
      { matchExpressions: { key: 'tier', operator: 'Exists' } } as unknown as LabelSelector,
    ];
    const asSelector = (s: string | LabelSelector) => (typeof s === 'string' ? parseLabelSelector(s) : s);
    /** What select must return: a filter over the kind's objects, in list order. */
    const expected = (i: ClusterIndex, s: string | LabelSelector, namespace?: string) =>
      i.list('Pod', namespace).filter(p => (typeof s === 'string' ? parseLabelSelector(s).every(r => matchesLabelSelector({ matchExpressions: [r] }, p.metadata.labels)) : matchesLabelSelector(s, p.metadata.labels)));

    it.each([3, 8, 9, 40])('gives what a filter over every object gives, with %d objects per namespace', count => {
      const i = build(pods(count));
      for (const s of selectors) {
        for (const ns of ['shop', 'staging', undefined]) {
          const want = expected(i, s, ns);
          const got = i.select('Pod', ns, asSelector(s));
          expect({ selector: s, namespace: ns, got: names(got) }).toEqual({ selector: s, namespace: ns, got: names(want) });
        }
      }
    });

    it('selects the same objects, in the same order, from a bucket of 8 and one of 20 holding them', () => {
      const small = build(pods(8, ['shop']));
      const large = build(pods(20, ['shop']));
      const common = new Set(names(small.list('Pod')));
      for (const s of selectors) {
        const fromLarge = names(large.select('Pod', 'shop', asSelector(s))).filter(n => common.has(n));
        expect({ selector: s, got: fromLarge }).toEqual({ selector: s, got: names(small.select('Pod', 'shop', asSelector(s))) });
      }
    });

    it('returns the objects themselves, each once, in index order', () => {
      const i = build(pods(20, ['shop']));
      const got = i.select('Pod', 'shop', parseLabelSelector('tier in (db,web,db)'));
      expect(names(got)).toEqual([
        'shop/pod-0', 'shop/pod-2', 'shop/pod-4', 'shop/pod-6', 'shop/pod-8', 'shop/pod-10',
        'shop/pod-12', 'shop/pod-14', 'shop/pod-16', 'shop/pod-18',
      ]);
      expect(got[0]).toBe(i.get('Pod', 'shop', 'pod-0'));
    });

    it('gives exact results for each operator on a large bucket', () => {
      const i = build(pods(12, ['shop']));
      const sel = (s: string) => names(i.select('Pod', 'shop', parseLabelSelector(s)));
      expect(sel('tier=cache')).toEqual(['shop/pod-3', 'shop/pod-7', 'shop/pod-11']);
      expect(sel('tier notin (web,api,db)')).toEqual(['shop/pod-3', 'shop/pod-7', 'shop/pod-11']);
      expect(sel('track=canary,tier in (api,cache)')).toEqual(['shop/pod-1', 'shop/pod-7']);
      expect(sel('debug')).toEqual(['shop/pod-0']);
      expect(sel('!track,tier=db')).toEqual(['shop/pod-2']);
      expect(sel('absent')).toEqual([]);
    });

    it('selects across namespaces when no namespace is given', () => {
      const i = build(pods(10, ['shop', 'staging', 'payments']));
      expect(names(i.select('Pod', undefined, parseLabelSelector('debug')))).toEqual(['shop/pod-0', 'staging/pod-0', 'payments/pod-0']);
    });

    it('selects nothing of an absent kind or namespace', () => {
      const i = build(pods(10));
      expect(i.select('Service', 'shop', {})).toEqual([]);
      expect(i.select('Pod', 'payments', {})).toEqual([]);
    });

    it('selects every object of the kind with an empty selector or no requirements', () => {
      const i = build(pods(10));
      expect(i.select('Pod', 'shop', {})).toEqual(i.list('Pod', 'shop'));
      expect(i.select('Pod', undefined, [])).toEqual(i.list('Pod'));
    });

    it('selects cluster-scoped objects', () => {
      const i = build([namespaceObject('shop'), namespaceObject('payments', { metadata: { labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } })]);
      expect(names(i.select('Namespace', undefined, parseLabelSelector('pod-security.kubernetes.io/enforce=restricted')))).toEqual(['/shop']);
    });

    it('selects nothing with a malformed selector, without throwing', () => {
      const i = build(pods(10));
      expect(i.select('Pod', 'shop', { matchExpressions: [{ operator: 'Exists' }] } as unknown as LabelSelector)).toEqual([]);
      expect(i.select('Pod', 'shop', { matchLabels: 'tier=web' } as unknown as LabelSelector)).toEqual([]);
    });

    it('ignores objects without labels', () => {
      const bare = Array.from({ length: 10 }, (_, n) => object('v1', 'Pod', `bare-${n}`, 'shop', { metadata: { labels: undefined } }));
      const i = build([...bare, ...pods(2, ['shop'])]);
      expect(names(i.select('Pod', 'shop', parseLabelSelector('tier=web')))).toEqual(['shop/pod-0']);
      expect(i.select('Pod', 'shop', parseLabelSelector('!tier'))).toEqual(bare);
    });
  });

  describe('missing kinds', () => {
    const i = build([], {
      missing: [
        { plural: 'verticalpodautoscalers', reason: 'the server could not find the requested resource', status: 404 },
        { plural: 'secrets', reason: 'secrets is forbidden: cannot list resource "secrets"', status: 403 },
        { plural: 'widgets', reason: 'not served' },
      ],
    });

    it('says why a kind is missing, by plural or by kind name', () => {
      const vpa = { plural: 'verticalpodautoscalers', reason: 'the server could not find the requested resource', status: 404 };
      expect(i.missing('verticalpodautoscalers')).toEqual(vpa);
      expect(i.missing('VerticalPodAutoscaler')).toEqual(vpa);
      expect(i.missing('Secret')).toEqual({ plural: 'secrets', reason: 'secrets is forbidden: cannot list resource "secrets"', status: 403 });
      expect(i.missing('widgets')).toEqual({ plural: 'widgets', reason: 'not served' });
    });

    it('says nothing for kinds that were read', () => {
      expect(i.missing('deployments')).toBeUndefined();
      expect(i.missing('Deployment')).toBeUndefined();
      expect(i.missing('Widget')).toBeUndefined();
    });

    it('lists the missing kinds', () => {
      expect(i.missingKindsList().map(m => m.plural)).toEqual(['verticalpodautoscalers', 'secrets', 'widgets']);
      expect(build([]).missingKindsList()).toEqual([]);
    });
  });

  describe('memoize', () => {
    it('computes a value once per key and index', () => {
      const i = build([statefulSet('db')]);
      const compute = jest.fn(() => ({ count: i.list('StatefulSet').length }));
      const first = i.memoize('statefulsets', compute);
      expect(first).toEqual({ count: 1 });
      expect(i.memoize('statefulsets', compute)).toBe(first);
      expect(compute).toHaveBeenCalledTimes(1);

      expect(build([]).memoize('statefulsets', compute)).toEqual({ count: 1 });
      expect(compute).toHaveBeenCalledTimes(2);
    });

    it('keeps undefined and falsy values too', () => {
      const i = build([]);
      const compute = jest.fn(() => undefined);
      expect(i.memoize('nothing', compute)).toBeUndefined();
      expect(i.memoize('nothing', compute)).toBeUndefined();
      expect(compute).toHaveBeenCalledTimes(1);
      const zero = jest.fn(() => 0);
      i.memoize('zero', zero);
      expect(i.memoize('zero', zero)).toBe(0);
      expect(zero).toHaveBeenCalledTimes(1);
    });

    it('keeps keys apart', () => {
      const i = build([]);
      expect(i.memoize('a', () => 'A')).toBe('A');
      expect(i.memoize('b', () => 'B')).toBe('B');
      expect(i.memoize('a', () => 'other')).toBe('A');
    });

    it('does not keep a computation that threw', () => {
      const i = build([]);
      expect(() =>
        i.memoize('flaky', () => {
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(i.memoize('flaky', () => 'ok')).toBe('ok');
    });
  });
});
