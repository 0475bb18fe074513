import { gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { KubernetesObject } from '@prodready/plugin-readiness-node';
import { createKubeApiDouble, KubeApiDouble } from './server';

const PARTIAL_LIST =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

function obj(
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
  labels?: Record<string, string>,
  extra: Record<string, unknown> = {},
): KubernetesObject {
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(labels ? { labels } : {}),
    },
    ...extra,
  };
}

const fixtures: KubernetesObject[] = [
  obj('v1', 'Namespace', 'shop'),
  obj('v1', 'Namespace', 'web'),
  obj(
    'apps/v1',
    'Deployment',
    'cart',
    'shop',
    { app: 'cart', tier: 'backend', env: 'prod' },
    { spec: { replicas: 3 } },
  ),
  obj('apps/v1', 'Deployment', 'checkout', 'shop', {
    app: 'checkout',
    tier: 'backend',
    env: 'staging',
  }),
  obj('apps/v1', 'Deployment', 'frontend', 'web', {
    app: 'frontend',
    tier: 'frontend',
    env: 'prod',
  }),
  obj('apps/v1', 'Deployment', 'admin', 'web', {
    app: 'admin',
    tier: 'frontend',
  }),
  obj(
    'v1',
    'Secret',
    'db-password',
    'shop',
    { app: 'cart' },
    { type: 'Opaque', data: { password: 'aHVudGVyMg==' } },
  ),
  obj('v1', 'Secret', 'tls', 'web', undefined, {
    type: 'kubernetes.io/tls',
    data: { 'tls.key': 'c2VjcmV0' },
  }),
  obj('monitoring.coreos.com/v1', 'ServiceMonitor', 'cart', 'shop', {
    app: 'cart',
  }),
];

async function get(
  double: KubeApiDouble,
  path: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${double.url}${path}`, { headers });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

function names(body: any): string[] {
  return body.items.map(
    (i: any) => `${i.metadata.namespace ?? ''}/${i.metadata.name}`,
  );
}

describe('createKubeApiDouble', () => {
  let double: KubeApiDouble;

  beforeEach(async () => {
    double = await createKubeApiDouble({ objects: fixtures });
  });

  afterEach(async () => {
    await double.close();
  });

  describe('discovery', () => {
    it('answers /api with the core versions', async () => {
      const { status, body } = await get(double, '/api');
      expect(status).toBe(200);
      expect(body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
      expect(body.serverAddressByClientCIDRs[0].clientCIDR).toBe('0.0.0.0/0');
    });

    it('answers /api/v1 with every core resource, namespaced flags and verbs', async () => {
      const { body } = await get(double, '/api/v1');
      expect(body.kind).toBe('APIResourceList');
      expect(body.groupVersion).toBe('v1');
      const byName = new Map<string, any>(
        body.resources.map((r: any) => [r.name, r]),
      );
      expect(byName.get('pods')).toMatchObject({
        name: 'pods',
        singularName: 'pod',
        namespaced: true,
        kind: 'Pod',
        verbs: ['get', 'list', 'watch'],
      });
      expect(byName.get('namespaces')).toMatchObject({
        namespaced: false,
        kind: 'Namespace',
      });
      expect(byName.get('secrets')).toMatchObject({
        namespaced: true,
        kind: 'Secret',
      });
      // Subresources are advertised like the real server does; clients must skip them.
      expect(byName.get('pods/status')).toMatchObject({
        kind: 'Pod',
        verbs: ['get', 'patch', 'update'],
      });
    });

    it('answers /apis with built-in groups and only the CRD groups that have objects or were registered', async () => {
      const { body } = await get(double, '/apis');
      expect(body).toMatchObject({ kind: 'APIGroupList', apiVersion: 'v1' });
      const groups = new Map<string, any>(
        body.groups.map((g: any) => [g.name, g]),
      );
      for (const builtIn of [
        'apps',
        'batch',
        'networking.k8s.io',
        'policy',
        'autoscaling',
        'rbac.authorization.k8s.io',
      ]) {
        expect(groups.has(builtIn)).toBe(true);
      }
      expect(groups.get('apps')).toEqual({
        name: 'apps',
        versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
      });
      expect(groups.get('autoscaling').preferredVersion.version).toBe('v2');
      expect(groups.has('monitoring.coreos.com')).toBe(true); // objects exist
      expect(groups.has('autoscaling.k8s.io')).toBe(false); // VPA is a CRD, none installed
      expect(groups.has('keda.sh')).toBe(false);

      double.registerCrd('verticalpodautoscalers.autoscaling.k8s.io');
      const after = await get(double, '/apis');
      expect(after.body.groups.map((g: any) => g.name)).toContain(
        'autoscaling.k8s.io',
      );
      const vpa = await get(double, '/apis/autoscaling.k8s.io/v1');
      expect(vpa.body.resources[0]).toMatchObject({
        name: 'verticalpodautoscalers',
        kind: 'VerticalPodAutoscaler',
        namespaced: true,
      });
    });

    it('answers /apis/<group>/<version> with the resources of that group version', async () => {
      const { body } = await get(double, '/apis/monitoring.coreos.com/v1');
      expect(body).toMatchObject({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'monitoring.coreos.com/v1',
      });
      expect(
        body.resources
          .filter((r: any) => !r.name.includes('/'))
          .map((r: any) => r.name),
      ).toEqual(['servicemonitors']);
      expect((await get(double, '/apis/apps')).body).toMatchObject({
        kind: 'APIGroup',
        name: 'apps',
      });
      expect((await get(double, '/apis/keda.sh/v1alpha1')).status).toBe(404);
    });

    it('serves every version objects were stored under, preferring the highest', async () => {
      double.addObjects([
        obj('external-secrets.io/v1beta1', 'ExternalSecret', 'db', 'shop'),
      ]);
      const { body } = await get(double, '/apis');
      const es = body.groups.find((g: any) => g.name === 'external-secrets.io');
      expect(es.versions.map((v: any) => v.version)).toEqual(['v1', 'v1beta1']);
      expect(es.preferredVersion.version).toBe('v1');
      const list = await get(
        double,
        '/apis/external-secrets.io/v1beta1/externalsecrets',
      );
      expect(list.body.apiVersion).toBe('external-secrets.io/v1beta1');
      expect(names(list.body)).toEqual(['shop/db']);
    });

    it('can hide the built-in resources', async () => {
      const bare = await createKubeApiDouble({
        builtIns: false,
        objects: [obj('apps/v1', 'Deployment', 'a', 'x')],
      });
      try {
        const { body } = await get(bare, '/apis');
        expect(body.groups.map((g: any) => g.name)).toEqual(['apps']);
        expect((await get(bare, '/api/v1')).body.resources).toEqual([]);
      } finally {
        await bare.close();
      }
    });
  });

  describe('LIST', () => {
    it('lists cluster-wide in namespace-then-name order, without kind/apiVersion on items', async () => {
      const { status, body } = await get(double, '/apis/apps/v1/deployments');
      expect(status).toBe(200);
      expect(body.kind).toBe('DeploymentList');
      expect(body.apiVersion).toBe('apps/v1');
      expect(body.metadata.resourceVersion).toEqual(
        String(double.resourceVersion),
      );
      expect(body.metadata.continue).toBeUndefined();
      expect(names(body)).toEqual([
        'shop/cart',
        'shop/checkout',
        'web/admin',
        'web/frontend',
      ]);
      expect(body.items[0].kind).toBeUndefined();
      expect(body.items[0].apiVersion).toBeUndefined();
      expect(body.items[0].spec).toEqual({ replicas: 3 });
    });

    it('lists in one namespace, and cluster-scoped kinds', async () => {
      expect(
        names(
          (await get(double, '/apis/apps/v1/namespaces/web/deployments')).body,
        ),
      ).toEqual(['web/admin', 'web/frontend']);
      expect(
        names(
          (await get(double, '/apis/apps/v1/namespaces/nowhere/deployments'))
            .body,
        ),
      ).toEqual([]);
      const ns = await get(double, '/api/v1/namespaces');
      expect(ns.body.kind).toBe('NamespaceList');
      expect(names(ns.body)).toEqual(['/shop', '/web']);
      // A cluster-scoped resource has no namespaced path.
      expect(
        (await get(double, '/api/v1/namespaces/shop/namespaces')).status,
      ).toBe(404);
    });

    it('answers an empty list for a served resource without objects', async () => {
      const { status, body } = await get(double, '/apis/batch/v1/cronjobs');
      expect(status).toBe(200);
      expect(body).toEqual({
        kind: 'CronJobList',
        apiVersion: 'batch/v1',
        metadata: { resourceVersion: String(double.resourceVersion) },
        items: [],
      });
    });

    it('gets one object with kind and apiVersion, or a NotFound Status', async () => {
      const { body } = await get(
        double,
        '/apis/apps/v1/namespaces/shop/deployments/cart',
      );
      expect(body).toMatchObject({
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        metadata: { name: 'cart', namespace: 'shop' },
      });
      const missing = await get(
        double,
        '/apis/apps/v1/namespaces/shop/deployments/nope',
      );
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        reason: 'NotFound',
        message: 'deployments.apps "nope" not found',
        details: { name: 'nope', group: 'apps', kind: 'deployments' },
      });
      expect((await get(double, '/api/v1/namespaces/shop')).body).toMatchObject(
        { kind: 'Namespace', metadata: { name: 'shop' } },
      );
    });

    it('filters by equality-based label selectors', async () => {
      const q = (s: string) =>
        get(
          double,
          `/apis/apps/v1/deployments?labelSelector=${encodeURIComponent(s)}`,
        );
      expect(names((await q('tier=backend')).body)).toEqual([
        'shop/cart',
        'shop/checkout',
      ]);
      expect(names((await q('tier==frontend,env=prod')).body)).toEqual([
        'web/frontend',
      ]);
      // != matches objects without the key, as in Kubernetes.
      expect(names((await q('env!=prod')).body)).toEqual([
        'shop/checkout',
        'web/admin',
      ]);
    });

    it('filters by set-based label selectors', async () => {
      const q = (s: string) =>
        get(
          double,
          `/apis/apps/v1/deployments?labelSelector=${encodeURIComponent(s)}`,
        );
      expect(names((await q('env in (prod,staging)')).body)).toEqual([
        'shop/cart',
        'shop/checkout',
        'web/frontend',
      ]);
      expect(names((await q('env notin (prod)')).body)).toEqual([
        'shop/checkout',
        'web/admin',
      ]);
      expect(names((await q('env')).body)).toEqual([
        'shop/cart',
        'shop/checkout',
        'web/frontend',
      ]);
      expect(names((await q('!env')).body)).toEqual(['web/admin']);
      expect(names((await q('tier=frontend,!env')).body)).toEqual([
        'web/admin',
      ]);
    });

    it('answers 400 BadRequest for a malformed label selector', async () => {
      const { status, body } = await get(
        double,
        `/apis/apps/v1/deployments?labelSelector=${encodeURIComponent(
          'env in (prod',
        )}`,
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'BadRequest',
        code: 400,
      });
      expect(body.message).toMatch(
        /^unable to parse requirement: invalid label selector "env in \(prod"/,
      );
    });

    it('supports metadata.name and metadata.namespace field selectors only', async () => {
      const q = (s: string) =>
        get(
          double,
          `/apis/apps/v1/deployments?fieldSelector=${encodeURIComponent(s)}`,
        );
      expect(names((await q('metadata.namespace=web')).body)).toEqual([
        'web/admin',
        'web/frontend',
      ]);
      expect(names((await q('metadata.name=cart')).body)).toEqual([
        'shop/cart',
      ]);
      expect(names((await q('metadata.namespace!=web')).body)).toEqual([
        'shop/cart',
        'shop/checkout',
      ]);
      const bad = await q('spec.replicas=3');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        reason: 'BadRequest',
        message: 'field label not supported: spec.replicas',
      });
    });
  });

  describe('pagination', () => {
    beforeEach(() => {
      double.addObjects(
        Array.from({ length: 23 }, (_, i) =>
          obj(
            'v1',
            'Pod',
            `pod-${String(i).padStart(2, '0')}`,
            i % 2 ? 'b' : 'a',
          ),
        ),
      );
    });

    it('pages with limit and continue until the end, with remainingItemCount', async () => {
      const seen: string[] = [];
      let token: string | undefined;
      const pages: any[] = [];
      do {
        const { body } = await get(
          double,
          `/api/v1/pods?limit=10${
            token ? `&continue=${encodeURIComponent(token)}` : ''
          }`,
        );
        pages.push(body);
        seen.push(...names(body));
        token = body.metadata.continue;
      } while (token);
      expect(pages.map(p => p.items.length)).toEqual([10, 10, 3]);
      expect(pages.map(p => p.metadata.remainingItemCount)).toEqual([
        13,
        3,
        undefined,
      ]);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
      expect(seen).toEqual([...seen].sort()); // namespace a first, then b, by name
      expect(seen[0]).toBe('a/pod-00');
      // The token is opaque URL-safe base64.
      expect(pages[0].metadata.continue).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('caps the page size at pageLimitMax', async () => {
      const capped = await createKubeApiDouble({
        pageLimitMax: 4,
        objects: fixtures,
      });
      try {
        const { body } = await get(
          capped,
          '/apis/apps/v1/deployments?limit=500',
        );
        expect(body.items).toHaveLength(4);
        const all = await get(capped, '/apis/apps/v1/deployments');
        expect(all.body.items).toHaveLength(4);
        const small = await get(capped, '/apis/apps/v1/deployments?limit=3');
        expect(small.body.items).toHaveLength(3);
        expect(small.body.metadata.continue).toBeDefined();
      } finally {
        await capped.close();
      }
    });

    it('pages a label-selected list without remainingItemCount', async () => {
      double.addObjects(
        Array.from({ length: 5 }, (_, i) =>
          obj('v1', 'Pod', `labelled-${i}`, 'c', { app: 'x' }),
        ),
      );
      const first = await get(
        double,
        '/api/v1/pods?limit=2&labelSelector=app%3Dx',
      );
      expect(names(first.body)).toEqual(['c/labelled-0', 'c/labelled-1']);
      expect(first.body.metadata.continue).toBeDefined();
      expect(first.body.metadata.remainingItemCount).toBeUndefined();
    });

    it('answers 410 Expired for a continue token issued before the objects changed', async () => {
      const first = await get(double, '/api/v1/pods?limit=10');
      double.addObjects([obj('v1', 'Pod', 'newcomer', 'a')]);
      const { status, body } = await get(
        double,
        `/api/v1/pods?limit=10&continue=${first.body.metadata.continue}`,
      );
      expect(status).toBe(410);
      expect(body).toMatchObject({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        reason: 'Expired',
        code: 410,
      });
      expect(body.message).toMatch(
        /^The provided continue parameter is too old/,
      );
    });

    it('answers 410 Expired after expireContinueTokens, and fresh lists work again', async () => {
      const first = await get(double, '/api/v1/pods?limit=10');
      double.expireContinueTokens();
      expect(
        (
          await get(
            double,
            `/api/v1/pods?limit=10&continue=${first.body.metadata.continue}`,
          )
        ).status,
      ).toBe(410);
      const again = await get(double, '/api/v1/pods?limit=10');
      expect(
        (
          await get(
            double,
            `/api/v1/pods?limit=10&continue=${again.body.metadata.continue}`,
          )
        ).status,
      ).toBe(200);
    });

    it('answers 400 for a garbled continue token', async () => {
      const { status, body } = await get(
        double,
        '/api/v1/pods?limit=10&continue=%25%25%25',
      );
      expect(status).toBe(400);
      expect(body.message).toMatch(/^continue key is not valid/);
    });
  });

  describe('metadata-only lists', () => {
    it('answers PartialObjectMetadataList without data when asked, and counts full Secret reads', async () => {
      const { body, headers } = await get(double, '/api/v1/secrets', {
        Accept: PARTIAL_LIST,
      });
      expect(headers.get('content-type')).toBe('application/json');
      expect(body.kind).toBe('PartialObjectMetadataList');
      expect(body.apiVersion).toBe('meta.k8s.io/v1');
      expect(body.items).toEqual([
        {
          apiVersion: 'meta.k8s.io/v1',
          kind: 'PartialObjectMetadata',
          metadata: expect.objectContaining({
            name: 'db-password',
            namespace: 'shop',
            labels: { app: 'cart' },
          }),
        },
        {
          apiVersion: 'meta.k8s.io/v1',
          kind: 'PartialObjectMetadata',
          metadata: expect.objectContaining({ name: 'tls', namespace: 'web' }),
        },
      ]);
      expect(JSON.stringify(body)).not.toContain('aHVudGVyMg==');
      expect(double.requests.fullSecretReads).toBe(0);
      expect(double.requests.metadataOnlyReads).toBe(1);

      const full = await get(double, '/api/v1/namespaces/shop/secrets');
      expect(full.body.kind).toBe('SecretList');
      expect(full.body.items[0].data).toEqual({ password: 'aHVudGVyMg==' });
      expect(double.requests.fullSecretReads).toBe(1);
    });

    it('takes the first acceptable media type, and answers 406 when none is', async () => {
      const withFallback = await get(double, '/apis/apps/v1/deployments', {
        Accept: `application/json;as=Table;g=meta.k8s.io;v=v1,${PARTIAL_LIST},application/json`,
      });
      expect(withFallback.body.kind).toBe('PartialObjectMetadataList');
      const protobuf = await get(double, '/apis/apps/v1/deployments', {
        Accept: 'application/vnd.kubernetes.protobuf',
      });
      expect(protobuf.status).toBe(406);
      expect(protobuf.body.reason).toBe('NotAcceptable');
    });
  });

  describe('errors', () => {
    it('requires the bearer token when one is set (401 Status)', async () => {
      const secured = await createKubeApiDouble({
        token: 's3cret',
        objects: fixtures,
      });
      try {
        const attempts: Array<Record<string, string>> = [
          {},
          { Authorization: 'Bearer wrong' },
          { Authorization: 'Basic czNjcmV0' },
        ];
        for (const headers of attempts) {
          const { status, body } = await get(
            secured,
            '/api/v1/namespaces',
            headers,
          );
          expect(status).toBe(401);
          expect(body).toEqual({
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: 'Unauthorized',
            reason: 'Unauthorized',
            code: 401,
          });
        }
        expect(
          (
            await get(secured, '/api/v1/namespaces', {
              Authorization: 'Bearer s3cret',
            })
          ).status,
        ).toBe(200);
      } finally {
        await secured.close();
      }
    });

    it('answers 403 like RBAC for a forbidden resource, and only for it', async () => {
      double.forbid('secrets');
      double.forbid('apps/deployments');
      const secrets = await get(double, '/api/v1/secrets', {
        Accept: PARTIAL_LIST,
      });
      expect(secrets.status).toBe(403);
      expect(secrets.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'secrets is forbidden: User "system:serviceaccount:backstage:prodready" cannot list resource "secrets" in API group "" at the cluster scope',
        reason: 'Forbidden',
        details: { kind: 'secrets' },
        code: 403,
      });
      const deployments = await get(
        double,
        '/apis/apps/v1/namespaces/shop/deployments',
      );
      expect(deployments.body.message).toBe(
        'deployments.apps is forbidden: User "system:serviceaccount:backstage:prodready" cannot list resource "deployments" in API group "apps" in the namespace "shop"',
      );
      expect(deployments.body.details).toEqual({
        group: 'apps',
        kind: 'deployments',
      });
      expect((await get(double, '/api/v1/namespaces')).status).toBe(200);
      double.allow('secrets');
      expect(
        (await get(double, '/api/v1/secrets', { Accept: PARTIAL_LIST })).status,
      ).toBe(200);
    });

    it('answers 404 NotFound for an unknown resource or group', async () => {
      for (const path of [
        '/api/v1/widgets',
        '/apis/keda.sh/v1alpha1/scaledobjects',
        '/apis/apps/v2/deployments',
        '/nothing/here',
      ]) {
        const { status, body } = await get(double, path);
        expect(status).toBe(404);
        expect(body).toEqual({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'the server could not find the requested resource',
          reason: 'NotFound',
          code: 404,
        });
      }
    });

    it('injects 429 with Retry-After, then answers normally', async () => {
      double.failNext('apps/deployments', {
        status: 429,
        retryAfterSeconds: 2,
        times: 2,
      });
      for (let i = 0; i < 2; i++) {
        const { status, headers, body } = await get(
          double,
          '/apis/apps/v1/deployments',
        );
        expect(status).toBe(429);
        expect(headers.get('retry-after')).toBe('2');
        expect(body).toEqual({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'Too many requests, please try again later.',
          reason: 'TooManyRequests',
          details: { retryAfterSeconds: 2 },
          code: 429,
        });
      }
      expect((await get(double, '/apis/apps/v1/deployments')).status).toBe(200);
    });

    it('injects 500 and 503 Status bodies, matching by path, regexp or predicate', async () => {
      double.failNext('/api/v1/pods', {
        status: 500,
        message: 'etcdserver: leader changed',
      });
      double.failNext(/labelSelector=/, { status: 503 });
      double.failNext(r => r.namespace === 'web', { status: 500 });
      const pods = await get(double, '/api/v1/pods');
      expect(pods.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Internal error occurred: etcdserver: leader changed',
        reason: 'InternalError',
        details: { causes: [{ message: 'etcdserver: leader changed' }] },
        code: 500,
      });
      const selected = await get(double, '/api/v1/pods?labelSelector=a%3Db');
      expect(selected.status).toBe(503);
      expect(selected.body.reason).toBe('ServiceUnavailable');
      expect(
        (await get(double, '/apis/apps/v1/namespaces/shop/deployments')).status,
      ).toBe(200);
      expect(
        (await get(double, '/apis/apps/v1/namespaces/web/deployments')).status,
      ).toBe(500);
      expect((await get(double, '/api/v1/pods')).status).toBe(200);
    });

    it('can drop the connection', async () => {
      double.failNext('namespaces', { reset: true });
      await expect(fetch(`${double.url}/api/v1/namespaces`)).rejects.toThrow();
      expect((await get(double, '/api/v1/namespaces')).status).toBe(200);
    });

    it('answers 405 to writes and watches', async () => {
      const res = await fetch(`${double.url}/api/v1/namespaces`, {
        method: 'POST',
        body: '{}',
      });
      expect(res.status).toBe(405);
      expect((await res.json()).reason).toBe('MethodNotAllowed');
      expect((await get(double, '/api/v1/pods?watch=true')).status).toBe(405);
    });
  });

  describe('latency, compression and counters', () => {
    it('delays answers globally and per path', async () => {
      double.setLatency(600, 'apps/deployments');
      let t = Date.now();
      await get(double, '/apis/apps/v1/deployments');
      expect(Date.now() - t).toBeGreaterThanOrEqual(590);
      t = Date.now();
      await get(double, '/api/v1/namespaces');
      expect(Date.now() - t).toBeLessThan(590);
      double.setLatency(300);
      t = Date.now();
      await get(double, '/api/v1/namespaces');
      expect(Date.now() - t).toBeGreaterThanOrEqual(290);
      double.setLatency(0);
      double.setLatency(0, 'apps/deployments');
    });

    it('gzips large answers when the client accepts it', async () => {
      const zipped = await createKubeApiDouble({
        objects: fixtures,
        gzipThresholdBytes: 10,
      });
      try {
        const raw = await new Promise<{ encoding?: string; body: Buffer }>(
          (resolve, reject) => {
            const req = httpRequest(
              `${zipped.url}/apis/apps/v1/deployments`,
              { headers: { 'Accept-Encoding': 'gzip' } },
              res => {
                const chunks: Buffer[] = [];
                res.on('data', c => chunks.push(c));
                res.on('end', () =>
                  resolve({
                    encoding: res.headers['content-encoding'],
                    body: Buffer.concat(chunks),
                  }),
                );
              },
            );
            req.on('error', reject);
            req.end();
          },
        );
        expect(raw.encoding).toBe('gzip');
        expect(JSON.parse(gunzipSync(raw.body).toString()).kind).toBe(
          'DeploymentList',
        );
      } finally {
        await zipped.close();
      }
    });

    it('counts every request, by path, in order', async () => {
      await get(double, '/api');
      await get(double, '/apis');
      await get(double, '/api/v1/pods?limit=5');
      await get(double, '/api/v1/pods?limit=5');
      await get(double, '/api/v1/secrets', { Accept: PARTIAL_LIST });
      expect(double.requests.total).toBe(5);
      expect(double.requests.byPath.get('/api/v1/pods')).toBe(2);
      expect(double.requests.byPath.get('/apis')).toBe(1);
      expect(double.requests.log.map(r => r.status)).toEqual([
        200, 200, 200, 200, 200,
      ]);
      expect(double.requests.log[2]).toMatchObject({
        method: 'GET',
        path: '/api/v1/pods',
        query: 'limit=5',
        resource: 'pods',
        metadataOnly: false,
      });
      expect(double.requests.forResource('secrets')[0].metadataOnly).toBe(true);
      double.requests.reset();
      expect(double.requests.total).toBe(0);
      expect(double.requests.byPath.size).toBe(0);
    });
  });

  describe('objects', () => {
    it('replaces objects with setObjects and removes them with removeObjects', async () => {
      double.setObjects([obj('apps/v1', 'Deployment', 'only', 'x')]);
      expect(
        names((await get(double, '/apis/apps/v1/deployments')).body),
      ).toEqual(['x/only']);
      // ServiceMonitors were only served because objects existed.
      expect(
        (await get(double, '/apis/monitoring.coreos.com/v1/servicemonitors'))
          .status,
      ).toBe(404);
      double.addObjects([
        obj('apps/v1', 'Deployment', 'only', 'x', { v: '2' }),
      ]);
      const replaced = await get(double, '/apis/apps/v1/deployments');
      expect(replaced.body.items).toHaveLength(1);
      expect(replaced.body.items[0].metadata.labels).toEqual({ v: '2' });
      expect(double.removeObjects(o => o.metadata.name === 'only')).toBe(1);
      expect(
        (await get(double, '/apis/apps/v1/deployments')).body.items,
      ).toEqual([]);
    });

    it('serves unknown kinds under a guessed plural, and nameless objects (for client robustness tests)', async () => {
      double.addObjects([
        obj('example.com/v1', 'Widget', 'w', 'shop'),
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { namespace: 'shop' },
        } as unknown as KubernetesObject,
      ]);
      expect(
        names((await get(double, '/apis/example.com/v1/widgets')).body),
      ).toEqual(['shop/w']);
      const deployments = await get(
        double,
        '/apis/apps/v1/namespaces/shop/deployments',
      );
      expect(deployments.body.items.map((i: any) => i.metadata.name)).toEqual([
        undefined,
        'cart',
        'checkout',
      ]);
    });

    it('does not share object references with the caller', async () => {
      const mine = obj('v1', 'Namespace', 'mutable');
      double.setObjects([mine]);
      mine.metadata.name = 'changed';
      expect(names((await get(double, '/api/v1/namespaces')).body)).toEqual([
        '/mutable',
      ]);
    });
  });
});
