import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createKubeApiDouble } from '@prodready/kube-api-double';
import { readClusterSources } from './clusterSources';

jest.setTimeout(30_000);

const TOKEN = 'test-token';

function config(url: string, kubernetesOptions?: Record<string, number>) {
  return new ConfigReader({
    readiness: { sources: kubernetesOptions ? { kubernetesOptions } : {} },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'shop',
              url,
              authProvider: 'serviceAccount',
              serviceAccountToken: TOKEN,
              skipTLSVerify: true,
            },
          ],
        },
      ],
    },
  });
}

const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { replicas: 1 },
});

describe('readClusterSources: readiness.sources.kubernetesOptions', () => {
  it('reads live clusters with the configured page size, timeout and attempts', async () => {
    const double = await createKubeApiDouble({
      token: TOKEN,
      objects: ['a', 'b', 'c'].map(deployment),
    });
    try {
      double.failNext('apps/deployments', { status: 503, times: 2 });
      const [source] = readClusterSources(
        config(double.url, {
          pageSize: 1,
          requestTimeoutMs: 2000,
          maxAttempts: 3,
          retryBaseDelayMs: 0,
        }),
        mockServices.logger.mock(),
      );
      const snapshot = await source.read();
      expect(
        snapshot.objects.filter(o => o.kind === 'Deployment'),
      ).toHaveLength(3);
      const lists = double.requests.forResource('apps/deployments');
      // Two 503s retried, then three pages of one.
      expect(lists.map(r => r.status)).toEqual([503, 503, 200, 200, 200]);
      expect(lists.every(r => r.query.includes('limit=1'))).toBe(true);
      expect(snapshot.stats).toMatchObject({ retries: 2 });
      // Stamped with the real time of the read by default.
      expect(Date.now() - Date.parse(snapshot.fetchedAt!)).toBeLessThan(10_000);
    } finally {
      await double.close();
    }
  });

  it('gives up after maxAttempts', async () => {
    const double = await createKubeApiDouble({ token: TOKEN });
    try {
      double.failNext('apps/deployments', { status: 500, times: 5 });
      const [source] = readClusterSources(
        config(double.url, { maxAttempts: 2, retryBaseDelayMs: 0 }),
        mockServices.logger.mock(),
      );
      const snapshot = await source.read();
      expect(snapshot.missing).toContainEqual({
        plural: 'deployments',
        status: 500,
        reason: expect.stringMatching(/^gave up after 2 attempts: 500 /),
      });
    } finally {
      await double.close();
    }
  });

  it('stamps reads with the given clock', async () => {
    const double = await createKubeApiDouble({ token: TOKEN });
    try {
      const [source] = readClusterSources(
        config(double.url),
        mockServices.logger.mock(),
        {
          clock: () => new Date('2026-11-21T09:00:00Z'),
        },
      );
      expect((await source.read()).fetchedAt).toBe('2026-11-21T09:00:00.000Z');
    } finally {
      await double.close();
    }
  });

  it.each([
    [
      { pageSize: 0 },
      'readiness.sources.kubernetesOptions.pageSize: must be an integer of at least 1, got 0',
    ],
    [
      { maxAttempts: 1.5 },
      'readiness.sources.kubernetesOptions.maxAttempts: must be an integer of at least 1, got 1.5',
    ],
    [
      { retryBaseDelayMs: -1 },
      'readiness.sources.kubernetesOptions.retryBaseDelayMs: must be an integer of at least 0, got -1',
    ],
  ])('rejects %j naming the key', (options, message) => {
    expect(() =>
      readClusterSources(
        config('https://k8s.example', options),
        mockServices.logger.mock(),
      ),
    ).toThrow(message);
  });
});
