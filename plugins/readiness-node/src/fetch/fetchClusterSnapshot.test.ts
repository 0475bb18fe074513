import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import {
  createKubeApiDouble,
  KubeApiDouble,
  loadObjectsFromDirectory,
} from '@prodready/kube-api-double';
import { ClusterIndex } from '../cluster/ClusterIndex';
import { KNOWN_KINDS, findKind } from '../kinds';
import { KubernetesObject } from '../objects';
import {
  deploymentWithPods,
  namespaceObject,
  object,
  service,
} from '../testing/fixtures';
import {
  ClusterUnreachableError,
  fetchClusterSnapshot,
} from './fetchClusterSnapshot';
import { connectionFor } from './http';
import { kubeConfigForCluster } from './kubeConfig';
import { FetchClusterSnapshotOptions, FetchProgressEvent } from './types';

const TOKEN = 'prodready-test-token';

/** A small but realistic cluster: two namespaces, workloads with ReplicaSets and Pods, and a few CRDs. */
function smallCluster(): KubernetesObject[] {
  return [
    namespaceObject('shop'),
    namespaceObject('web'),
    ...deploymentWithPods('cart', 'shop'),
    ...deploymentWithPods('checkout', 'shop'),
    ...deploymentWithPods('frontend', 'web'),
    service('cart', 'shop'),
    service('frontend', 'web'),
    object('v1', 'ServiceAccount', 'default', 'shop'),
    object('v1', 'ServiceAccount', 'default', 'web'),
    object('v1', 'Secret', 'db-password', 'shop', {
      type: 'Opaque',
      data: { password: 'aHVudGVyMg==' },
      metadata: { labels: { app: 'cart' } },
    }),
    object('v1', 'Secret', 'tls', 'web', {
      type: 'kubernetes.io/tls',
      data: { 'tls.key': 'c2VjcmV0LWtleQ==' },
    }),
    object('policy/v1', 'PodDisruptionBudget', 'cart', 'shop', {
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'cart' } } },
    }),
    object('autoscaling/v2', 'HorizontalPodAutoscaler', 'cart', 'shop', {
      spec: { minReplicas: 2, maxReplicas: 5 },
    }),
    object('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', 'shop', {
      spec: { podSelector: {} },
    }),
    object(
      'rbac.authorization.k8s.io/v1',
      'ClusterRoleBinding',
      'prodready-view',
      undefined,
    ),
    object('monitoring.coreos.com/v1', 'ServiceMonitor', 'cart', 'shop'),
    object('external-secrets.io/v1beta1', 'ExternalSecret', 'db', 'shop'),
  ];
}

const countOf = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind).length;

const fast: FetchClusterSnapshotOptions = {
  retryBaseDelayMs: 10,
  retryMaxDelayMs: 2000,
};

function target(double: KubeApiDouble, token = TOKEN, name = 'test-cluster') {
  return {
    name,
    kubeConfig: kubeConfigForCluster({
      name,
      url: double.url,
      serviceAccountToken: token,
      skipTLSVerify: true,
    }),
  };
}

/** Kinds of KNOWN_KINDS the double serves for these objects: built-in groups plus CRD groups that have objects. */
function servedPlurals(objects: KubernetesObject[]): string[] {
  const builtIn = new Set([
    '',
    'apps',
    'batch',
    'networking.k8s.io',
    'policy',
    'autoscaling',
    'rbac.authorization.k8s.io',
  ]);
  const crdGroups = new Set(
    objects.map(o =>
      o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '',
    ),
  );
  return KNOWN_KINDS.filter(
    k =>
      builtIn.has(k.group) ||
      (crdGroups.has(k.group) && objects.some(o => o.kind === k.kind)),
  ).map(k => k.plural);
}

describe('fetchClusterSnapshot', () => {
  let double: KubeApiDouble;
  let objects: KubernetesObject[];

  beforeEach(async () => {
    objects = smallCluster();
    double = await createKubeApiDouble({ objects, token: TOKEN });
  });

  afterEach(async () => {
    await double.close();
  });

  it('reads a whole cluster with discovery plus one LIST per kind, never per namespace', async () => {
    const snapshot = await fetchClusterSnapshot(target(double), fast);

    expect(snapshot.cluster).toBe('test-cluster');
    expect(Date.parse(snapshot.fetchedAt)).not.toBeNaN();
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.objects).toHaveLength(objects.length);
    for (const o of snapshot.objects) {
      expect(typeof o.kind).toBe('string');
      expect(typeof o.apiVersion).toBe('string');
    }
    const byKey = new Map(
      snapshot.objects.map(o => [
        `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`,
        o,
      ]),
    );
    expect(byKey.get('Deployment/shop/cart')).toMatchObject({
      apiVersion: 'apps/v1',
      spec: { replicas: 2 },
    });
    expect(byKey.get('HorizontalPodAutoscaler/shop/cart')?.apiVersion).toBe(
      'autoscaling/v2',
    );
    expect(byKey.get('ExternalSecret/shop/db')?.apiVersion).toBe(
      'external-secrets.io/v1',
    );
    expect(byKey.get('ClusterRoleBinding//prodready-view')?.apiVersion).toBe(
      'rbac.authorization.k8s.io/v1',
    );

    // CRDs that are not installed are missing with the standard reason; everything else was read.
    const served = servedPlurals(objects);
    const notServed = KNOWN_KINDS.map(k => k.plural).filter(
      p => !served.includes(p),
    );
    expect(snapshot.missing.map(m => m.plural).sort()).toEqual(
      [...notServed].sort(),
    );
    expect(
      snapshot.missing.find(m => m.plural === 'verticalpodautoscalers'),
    ).toEqual({
      plural: 'verticalpodautoscalers',
      reason: 'not served by the API server (is the CRD installed?)',
      status: 404,
    });
    expect(Object.keys(snapshot.stats.objectsByKind).sort()).toEqual(
      [...served].sort(),
    );
    expect(snapshot.stats.objectsByKind).toMatchObject({
      deployments: 3,
      replicasets: 3,
      pods: 6,
      namespaces: 2,
      jobs: 0,
      servicemonitors: 1,
    });

    // Requests: /api, /apis, one resource list per group version needed, one LIST per served kind.
    const groupVersions = new Set(served.map(p => findKind(p)!.group)).size;
    const discovery = 2 + groupVersions;
    expect(snapshot.stats.discoveryRequests).toBe(discovery);
    expect(snapshot.stats.requests).toBe(discovery + served.length);
    expect(double.requests.total).toBe(snapshot.stats.requests);
    expect(snapshot.stats.retries).toBe(0);
    expect(
      double.requests.log.filter(r => r.path.includes('/namespaces/')),
    ).toEqual([]);
    expect(double.requests.log.every(r => r.status === 200)).toBe(true);

    // The engine can index it.
    const index = ClusterIndex.build(snapshot);
    expect(
      index
        .list('Deployment', 'shop')
        .map(d => d.metadata.name)
        .sort(),
    ).toEqual(['cart', 'checkout']);
    expect(index.missing('verticalpodautoscalers')?.status).toBe(404);
  });

  it('lists Secrets as metadata only: their data is never read', async () => {
    const snapshot = await fetchClusterSnapshot(target(double), fast);
    const secrets = snapshot.objects.filter(o => o.kind === 'Secret');
    expect(secrets).toHaveLength(2);
    for (const s of secrets) {
      expect(Object.keys(s).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
      expect(s.apiVersion).toBe('v1');
    }
    expect(
      secrets.find(s => s.metadata.name === 'db-password')?.metadata.labels,
    ).toEqual({ app: 'cart' });
    expect(JSON.stringify(snapshot)).not.toContain('aHVudGVyMg==');
    expect(double.requests.fullSecretReads).toBe(0);
    const secretRequests = double.requests.forResource('secrets');
    expect(secretRequests).toHaveLength(1);
    expect(secretRequests[0].accept).toBe(
      'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
    );
    expect(secretRequests[0].metadataOnly).toBe(true);
  });

  it('follows continue tokens page by page with a small limit', async () => {
    double.addObjects(
      Array.from({ length: 12 }, (_, i) =>
        object('v1', 'Pod', `extra-${i}`, i % 2 ? 'web' : 'shop'),
      ),
    );
    const snapshot = await fetchClusterSnapshot(target(double), {
      ...fast,
      pageSize: 5,
    });

    const pods = snapshot.objects.filter(o => o.kind === 'Pod');
    expect(pods).toHaveLength(18);
    expect(
      new Set(pods.map(p => `${p.metadata.namespace}/${p.metadata.name}`)).size,
    ).toBe(18);
    const podLists = double.requests.forResource('pods');
    expect(podLists.map(r => r.query)).toEqual([
      'limit=5',
      expect.stringMatching(/^limit=5&continue=/),
      expect.stringMatching(/^limit=5&continue=/),
      expect.stringMatching(/^limit=5&continue=/),
    ]);
    // Every kind costs ceil(n / limit) pages (at least one).
    const pages = Object.values(snapshot.stats.objectsByKind).reduce(
      (sum, n) => sum + Math.max(1, Math.ceil(n / 5)),
      0,
    );
    expect(snapshot.stats.requests).toBe(
      snapshot.stats.discoveryRequests + pages,
    );
    expect(double.requests.total).toBe(snapshot.stats.requests);
  });

  it('starts a list over when its continue token expires (410 Gone)', async () => {
    double.addObjects(
      Array.from({ length: 8 }, (_, i) =>
        object('v1', 'Pod', `extra-${i}`, 'shop'),
      ),
    );
    let changed = false;
    // The cluster changes between the first and second page of pods: the real token goes stale.
    double.setLatency(0, request => {
      if (
        request.plural === 'pods' &&
        request.query.has('continue') &&
        !changed
      ) {
        changed = true;
        double.addObjects([object('v1', 'Pod', 'late-arrival', 'web')]);
      }
      return false;
    });
    const logger = { warn: jest.fn(), debug: jest.fn() };
    const snapshot = await fetchClusterSnapshot(target(double), {
      ...fast,
      pageSize: 10,
      logger,
    });

    const pods = snapshot.objects.filter(o => o.kind === 'Pod');
    expect(pods).toHaveLength(15);
    expect(pods.map(p => p.metadata.name)).toContain('late-arrival');
    expect(
      new Set(pods.map(p => `${p.metadata.namespace}/${p.metadata.name}`)).size,
    ).toBe(15);
    expect(snapshot.missing.find(m => m.plural === 'pods')).toBeUndefined();
    expect(snapshot.stats.restarts).toBe(1);
    expect(double.requests.forResource('pods').map(r => r.status)).toEqual([
      200, 410, 200, 200,
    ]);
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringMatching(/continue token expired \(410\); listing again/),
    );
  });

  it('reports a kind missing when its list keeps expiring', async () => {
    double.addObjects(
      Array.from({ length: 4 }, (_, i) =>
        object('v1', 'Pod', `extra-${i}`, 'shop'),
      ),
    );
    double.failNext(r => r.plural === 'pods' && r.query.has('continue'), {
      status: 410,
      times: 100,
    });
    const snapshot = await fetchClusterSnapshot(target(double), {
      ...fast,
      pageSize: 5,
    });

    const missing = snapshot.missing.find(m => m.plural === 'pods');
    expect(missing?.status).toBe(410);
    expect(missing?.reason).toMatch(
      /^the list expired \(410 Gone\) while paging, 4 times; gave up: The provided continue parameter is too old/,
    );
    expect(snapshot.objects.some(o => o.kind === 'Pod')).toBe(false);
    expect(snapshot.stats.objectsByKind.pods).toBeUndefined();
    // First attempt plus 3 restarts, two pages each.
    expect(double.requests.forResource('pods')).toHaveLength(8);
    expect(snapshot.stats.restarts).toBe(3);
  });

  it('reports only the forbidden kind missing, with the Status message (403)', async () => {
    double.forbid('secrets');
    const snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(snapshot.missing.find(m => m.plural === 'secrets')).toEqual({
      plural: 'secrets',
      reason:
        'secrets is forbidden: User "system:serviceaccount:backstage:prodready" cannot list resource "secrets" in API group "" at the cluster scope',
      status: 403,
    });
    expect(
      snapshot.missing.filter(m => m.status !== 404).map(m => m.plural),
    ).toEqual(['secrets']);
    expect(snapshot.objects.some(o => o.kind === 'Secret')).toBe(false);
    expect(snapshot.objects.filter(o => o.kind === 'Deployment')).toHaveLength(
      3,
    );
    expect(ClusterIndex.build(snapshot).missing('Secret')?.status).toBe(403);
  });

  it('reports a kind missing when its LIST answers 404 or 401', async () => {
    double.failNext('apps/deployments', { status: 404 });
    double.failNext('apps/statefulsets', { status: 401 });
    const snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(snapshot.missing.find(m => m.plural === 'deployments')).toEqual({
      plural: 'deployments',
      reason: 'not served by the API server (is the CRD installed?)',
      status: 404,
    });
    expect(snapshot.missing.find(m => m.plural === 'statefulsets')).toEqual({
      plural: 'statefulsets',
      reason: 'Unauthorized',
      status: 401,
    });
    expect(snapshot.objects.filter(o => o.kind === 'Pod')).toHaveLength(
      countOf(objects, 'Pod'),
    );
  });

  it('reports a CRD kind missing once it is absent, and reads it once installed', async () => {
    let snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(
      snapshot.missing.find(m => m.plural === 'scaledobjects')?.reason,
    ).toBe('not served by the API server (is the CRD installed?)');
    expect(double.requests.byPath.has('/apis/keda.sh/v1alpha1')).toBe(false);
    double.registerCrd('scaledobjects.keda.sh');
    snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(
      snapshot.missing.find(m => m.plural === 'scaledobjects'),
    ).toBeUndefined();
    expect(snapshot.stats.objectsByKind.scaledobjects).toBe(0);
  });

  it('reports a kind missing when only another version of its group is served', async () => {
    const snapshot = await fetchClusterSnapshot(target(double), {
      ...fast,
      kinds: [
        {
          kind: 'Deployment',
          group: 'apps',
          versions: ['v1beta2'],
          plural: 'deployments',
          namespaced: true,
        },
      ],
    });
    expect(snapshot.missing).toEqual([
      {
        plural: 'deployments',
        reason:
          'not served by the API server (is the CRD installed?): apps is served at v1, not v1beta2',
        status: 404,
      },
    ]);
  });

  it('honours Retry-After on 429', async () => {
    double.failNext('apps/deployments', { status: 429, retryAfterSeconds: 1 });
    const t = Date.now();
    const snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(Date.now() - t).toBeGreaterThanOrEqual(1000);
    expect(snapshot.objects.filter(o => o.kind === 'Deployment')).toHaveLength(
      3,
    );
    expect(snapshot.stats.retries).toBe(1);
    expect(
      double.requests.forResource('apps/deployments').map(r => r.status),
    ).toEqual([429, 200]);
    expect(snapshot.stats.requests).toBe(double.requests.total);
  });

  it('retries a burst of 500s and 503s, then succeeds', async () => {
    double.failNext('pods', { status: 500, times: 2 });
    double.failNext('pods', { status: 503, times: 1 });
    const snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(snapshot.missing.find(m => m.plural === 'pods')).toBeUndefined();
    expect(snapshot.objects.filter(o => o.kind === 'Pod')).toHaveLength(
      countOf(objects, 'Pod'),
    );
    expect(double.requests.forResource('pods').map(r => r.status)).toEqual([
      500, 500, 503, 200,
    ]);
    expect(snapshot.stats.retries).toBe(3);
  });

  it('gives up after maxAttempts and reports the kind missing with the last error', async () => {
    double.failNext('pods', { status: 503, times: 10 });
    const snapshot = await fetchClusterSnapshot(target(double), {
      ...fast,
      maxAttempts: 3,
    });
    expect(snapshot.missing.find(m => m.plural === 'pods')).toEqual({
      plural: 'pods',
      reason:
        'gave up after 3 attempts: 503 ServiceUnavailable: the server is currently unable to handle the request',
      status: 503,
    });
    expect(double.requests.forResource('pods')).toHaveLength(3);
  });

  it('retries a dropped connection', async () => {
    double.failNext('apps/replicasets', { reset: true });
    const snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(snapshot.stats.objectsByKind.replicasets).toBe(3);
    expect(snapshot.stats.retries).toBe(1);
  });

  it('times out a slow request, retries it, then reports the kind missing', async () => {
    double.setLatency(8000, 'apps/deployments');
    const t = Date.now();
    const snapshot = await fetchClusterSnapshot(target(double), {
      ...fast,
      requestTimeoutMs: 200,
      maxAttempts: 2,
    });
    expect(Date.now() - t).toBeLessThan(6000);
    expect(snapshot.missing.find(m => m.plural === 'deployments')).toEqual({
      plural: 'deployments',
      reason: 'gave up after 2 attempts: timed out after 200 ms',
    });
    expect(double.requests.forResource('apps/deployments')).toHaveLength(2);
    expect(snapshot.objects.filter(o => o.kind === 'Pod')).toHaveLength(
      countOf(objects, 'Pod'),
    );
  });

  it('keeps the other items when one has no metadata.name', async () => {
    double.addObjects([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { namespace: 'shop' },
      } as unknown as KubernetesObject,
    ]);
    const snapshot = await fetchClusterSnapshot(target(double), fast);
    expect(snapshot.errors).toEqual([
      {
        message:
          'cluster test-cluster: item 0 of page 1 of /api/v1/services has no metadata.name; skipped',
        origin: { cluster: 'test-cluster' },
        kind: 'Service',
        namespace: 'shop',
      },
    ]);
    expect(snapshot.objects.filter(o => o.kind === 'Service')).toHaveLength(2);
  });

  it('requires the bearer token: a wrong one makes the cluster unreadable', async () => {
    await expect(
      fetchClusterSnapshot(target(double, 'wrong'), {
        ...fast,
        maxAttempts: 1,
      }),
    ).rejects.toThrow(
      `cannot read cluster "test-cluster" at ${double.url}: discovery (GET /api) failed: 401 Unauthorized: Unauthorized`,
    );
    expect(double.requests.log.every(r => r.status === 401)).toBe(true);
    expect(double.requests.total).toBeLessThanOrEqual(2);
  });

  it('throws naming the cluster, the URL and the cause when the cluster is unreachable', async () => {
    const url = double.url;
    await double.close();
    const error = await fetchClusterSnapshot(target(double, TOKEN, 'prod-eu'), {
      ...fast,
      maxAttempts: 2,
    }).catch(e => e);
    expect(error).toBeInstanceOf(ClusterUnreachableError);
    expect(error.cluster).toBe('prod-eu');
    expect(error.url).toBe(url);
    expect(error.message).toMatch(
      new RegExp(
        `^cannot read cluster "prod-eu" at ${url.replace(
          /\./g,
          '\\.',
        )}: discovery \\(GET /api\\) failed: gave up after 2 attempts: .*ECONNREFUSED`,
      ),
    );
    double = await createKubeApiDouble(); // for afterEach
  });

  it('refuses a plain http:// URL without skipTLSVerify, as client-node does', async () => {
    const kubeConfig = kubeConfigForCluster({
      name: 'plain',
      url: double.url,
      serviceAccountToken: TOKEN,
    });
    await expect(
      fetchClusterSnapshot({ name: 'plain', kubeConfig }, fast),
    ).rejects.toThrow(
      `cannot read cluster "plain" at ${double.url}: HTTP protocol is not allowed when skipTLSVerify is not set or false`,
    );
    expect(double.requests.total).toBe(0);
  });

  it('reports a failing group version only for its kinds', async () => {
    double.failNext('/apis/monitoring.coreos.com/v1', {
      status: 503,
      times: 10,
    });
    const snapshot = await fetchClusterSnapshot(target(double), {
      ...fast,
      maxAttempts: 2,
    });
    const monitoring = snapshot.missing.filter(
      m => findKind(m.plural)?.group === 'monitoring.coreos.com',
    );
    expect(monitoring.map(m => m.plural)).toEqual([
      'servicemonitors',
      'podmonitors',
      'prometheusrules',
    ]);
    expect(monitoring[0]).toEqual({
      plural: 'servicemonitors',
      reason:
        'discovery of monitoring.coreos.com/v1 failed: gave up after 2 attempts: 503 ServiceUnavailable: the server is currently unable to handle the request',
      status: 503,
    });
    expect(snapshot.stats.objectsByKind.deployments).toBe(3);
  });

  it('reports progress for every kind and keeps to the concurrency bound', async () => {
    double.setLatency(20);
    const events: FetchProgressEvent[] = [];
    let running = 0;
    let maxRunning = 0;
    await fetchClusterSnapshot(target(double), {
      ...fast,
      concurrency: 3,
      onProgress: e => {
        events.push(e);
        if (e.type === 'kind-started')
          maxRunning = Math.max(maxRunning, (running += 1));
        if (e.type === 'kind-done' && !e.missing) running -= 1;
      },
    });
    expect(events[0]).toMatchObject({
      type: 'discovered',
      cluster: 'test-cluster',
      total: KNOWN_KINDS.length,
    });
    const done = events.filter(e => e.type === 'kind-done');
    expect(done).toHaveLength(KNOWN_KINDS.length);
    expect(done[done.length - 1]).toMatchObject({
      done: KNOWN_KINDS.length,
      total: KNOWN_KINDS.length,
    });
    expect(
      done.find(e => e.type === 'kind-done' && e.plural === 'pods'),
    ).toMatchObject({ count: countOf(objects, 'Pod'), pages: 1 });
    expect(maxRunning).toBe(3);
  });

  it('can be aborted', async () => {
    double.setLatency(300);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('evaluation timed out')), 100);
    await expect(
      fetchClusterSnapshot(target(double), {
        ...fast,
        signal: controller.signal,
      }),
    ).rejects.toThrow('evaluation timed out');
  });

  it('reads gzip-compressed answers', async () => {
    const zipped = await createKubeApiDouble({
      objects,
      gzipThresholdBytes: 0,
    });
    try {
      const snapshot = await fetchClusterSnapshot(target(zipped), fast);
      expect(snapshot.objects).toHaveLength(objects.length);
    } finally {
      await zipped.close();
    }
  });
});

// The example snapshot is maintained elsewhere; skip when it is not there.
const example = path.resolve(
  __dirname,
  '../../../../examples/clusters/prod-eu',
);
(fs.existsSync(example) ? describe : describe.skip)(
  'the example cluster prod-eu',
  () => {
    it('is read with discovery plus one LIST per kind', async () => {
      const exampleObjects = loadObjectsFromDirectory(example, {
        ignoreErrors: true,
      });
      const exampleDouble = await createKubeApiDouble({
        objects: exampleObjects,
        token: TOKEN,
      });
      try {
        const snapshot = await fetchClusterSnapshot(
          target(exampleDouble, TOKEN, 'prod-eu'),
          fast,
        );
        const known = exampleObjects.filter(o => findKind(o.kind)).length;
        expect(snapshot.objects).toHaveLength(known);
        expect(snapshot.errors).toEqual([]);
        expect(exampleDouble.requests.fullSecretReads).toBe(0);
        const served = Object.keys(snapshot.stats.objectsByKind).length;
        expect(snapshot.stats.requests).toBe(
          snapshot.stats.discoveryRequests + served,
        );
        expect(exampleDouble.requests.total).toBe(snapshot.stats.requests);
        // eslint-disable-next-line no-console
        console.log(
          `prod-eu: ${snapshot.objects.length} objects, ${served} kinds listed, ${snapshot.missing.length} missing, ` +
            `${snapshot.stats.requests} requests (${snapshot.stats.discoveryRequests} discovery), ${snapshot.stats.durationMs} ms`,
        );
      } finally {
        await exampleDouble.close();
      }
    });
  },
);

describe('kubeConfigForCluster', () => {
  it('builds a one-context KubeConfig from the Backstage cluster config', async () => {
    const caData = Buffer.from(
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    ).toString('base64');
    const kc = kubeConfigForCluster({
      name: 'prod',
      url: 'https://k8s.example.com:6443/',
      serviceAccountToken: 'tok',
      caData,
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'prod',
      server: 'https://k8s.example.com:6443',
      caData,
      skipTLSVerify: false,
    });
    expect(kc.getCurrentUser()?.token).toBe('tok');

    const connection = await connectionFor(kc, 4);
    try {
      expect(connection.headers.Authorization).toBe('Bearer tok');
      expect(connection.agent).toBeInstanceOf(https.Agent);
      const agentOptions = (connection.agent as any).options;
      expect(Buffer.from(agentOptions.ca).toString()).toContain(
        'BEGIN CERTIFICATE',
      );
      expect(agentOptions.keepAlive).toBe(true);
      expect(agentOptions.rejectUnauthorized).toBeUndefined();
    } finally {
      connection.agent.destroy();
    }
  });

  it('turns off certificate verification only when asked, even without a token', async () => {
    const kc = kubeConfigForCluster({
      name: 'dev',
      url: 'https://10.0.0.1:6443',
      skipTLSVerify: true,
    });
    const connection = await connectionFor(kc, 4);
    try {
      expect(connection.headers.Authorization).toBeUndefined();
      expect((connection.agent as any).options.rejectUnauthorized).toBe(false);
    } finally {
      connection.agent.destroy();
    }
  });
});
