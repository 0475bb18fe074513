import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  ClusterSnapshot,
  KubernetesObject,
  readinessSourcesExtensionPoint,
  readSnapshotDirectory,
} from '@prodready/plugin-readiness-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { readinessPlugin } from '../plugin';

/*
 * The whole plugin in a test backend: the example cluster is read once as captured (checkout is
 * go, gold), then with checkout's readiness probe removed (a critical check fails: no-go). The
 * owners of checkout get one notification, or, without the notifications backend, nothing breaks.
 */
const examples = path.resolve(__dirname, '../../../../examples');
const answerKey = JSON.parse(
  fs.readFileSync(path.join(examples, 'answer-key.json'), 'utf8'),
);
const entities = parseAllDocuments(
  fs.readFileSync(path.join(examples, 'entities.yaml'), 'utf8'),
)
  .map(d => d.toJS() as Entity)
  .filter(Boolean)
  .map(e => ({ ...e, metadata: { namespace: 'default', ...e.metadata } }));

jest.setTimeout(60_000);

/** The example cluster; with `broken`, checkout's Deployment and pods lose their readiness probe. */
function switchableExampleCluster() {
  const captured = readSnapshotDirectory(
    path.join(examples, 'clusters/prod-eu'),
  );
  const state = { broken: false };
  const withoutReadinessProbe = (
    object: KubernetesObject,
  ): KubernetesObject => {
    const isCheckout =
      object.metadata?.namespace === 'checkout' &&
      (object.metadata?.name === 'checkout' ||
        object.metadata?.labels?.['backstage.io/kubernetes-id'] === 'checkout');
    if (!isCheckout) return object;
    const copy = JSON.parse(JSON.stringify(object));
    const spec = copy.kind === 'Pod' ? copy.spec : copy.spec?.template?.spec;
    for (const container of spec?.containers ?? [])
      delete container.readinessProbe;
    return copy;
  };
  const source = {
    name: captured.cluster ?? 'prod-eu',
    async read(): Promise<ClusterSnapshot> {
      return state.broken
        ? { ...captured, objects: captured.objects.map(withoutReadinessProbe) }
        : captured;
    },
  };
  const module = createBackendModule({
    pluginId: 'readiness',
    moduleId: 'switchable-example-cluster',
    register(env) {
      env.registerInit({
        deps: { sources: readinessSourcesExtensionPoint },
        async init({ sources }) {
          sources.addClusterSource(source);
        },
      });
    },
  });
  return { state, module };
}

async function startBackend(extraFeatures: any[]) {
  const cluster = switchableExampleCluster();
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      cluster.module,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            ...answerKey.config.readiness,
            schedule: {
              frequency: { hours: 1 },
              timeout: { minutes: 2 },
              initialDelay: { seconds: 0 },
            },
          },
        },
      }),
      ...extraFeatures,
    ],
  });
  return { backend, cluster };
}

async function checkoutVerdict(server: any): Promise<string | undefined> {
  const res = await request(server)
    .get('/api/readiness/entities/component/default/checkout')
    .set('Authorization', mockCredentials.user.header());
  return res.status === 200 ? res.body.verdict : undefined;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

async function breakCheckout(
  backend: Awaited<ReturnType<typeof startBackend>>,
) {
  const { server } = backend.backend;
  // The test scheduler does not run tasks by their initial delay: ask for a run, as the UI does.
  await request(server)
    .post('/api/readiness/refresh')
    .set('Authorization', mockCredentials.user.header())
    .send({});
  await waitFor('checkout to be go', async () =>
    (await checkoutVerdict(server)) === 'go' ? true : undefined,
  );
  backend.cluster.state.broken = true;
  const res = await request(server)
    .post('/api/readiness/refresh')
    .set('Authorization', mockCredentials.user.header())
    .send({});
  expect(res.status).toBe(202);
  await waitFor('checkout to be no-go', async () =>
    (await checkoutVerdict(server)) === 'no-go' ? true : undefined,
  );
}

describe('readiness notifications in the whole plugin', () => {
  it('notifies the owners of an entity that went from go to no-go', async () => {
    const sent: NotificationSendOptions[] = [];
    const started = await startBackend([
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (options: NotificationSendOptions) => {
            sent.push(options);
          },
        }),
      }),
    ]);
    try {
      await breakCheckout(started);
      await waitFor('the notification', async () =>
        sent.length > 0 ? true : undefined,
      );
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'component:default/checkout',
          },
          payload: expect.objectContaining({
            title: 'checkout is now NO-GO',
            description: expect.stringMatching(/^Blocking: .*\(critical\)/),
            link: '/catalog/default/component/checkout/readiness',
            severity: 'high',
            topic: 'readiness',
          }),
        },
      ]);
      expect(sent[0].payload.metadata?.blockers).toContain('readiness-probe');
    } finally {
      await started.backend.stop();
    }
  });

  it('starts and keeps evaluating without the notifications backend', async () => {
    // No notificationService factory and no notifications plugin: the default service is used,
    // and its sends fail (there is no /api/notifications) without failing the cycle.
    const started = await startBackend([]);
    try {
      const health = await request(started.backend.server)
        .get('/api/readiness/health')
        .set('Authorization', mockCredentials.user.header());
      expect(health.status).toBe(200);
      await breakCheckout(started);
      // Still serving, and the next cycle still runs.
      started.cluster.state.broken = false;
      await request(started.backend.server)
        .post('/api/readiness/refresh')
        .set('Authorization', mockCredentials.user.header())
        .send({});
      await waitFor('checkout to be go again', async () =>
        (await checkoutVerdict(started.backend.server)) === 'go'
          ? true
          : undefined,
      );
    } finally {
      await started.backend.stop();
    }
  });
});
