import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { metrics } from '@opentelemetry/api';
import {
  DataPoint,
  Histogram,
  MeterProvider,
  MetricData,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { readinessPlugin } from '../plugin';

/*
 * The whole plugin with a global in-memory MeterProvider, as a Backstage backend registers one in
 * its instrumentation file before the backend starts: one cycle over the bundled example snapshot
 * must show up in every readiness instrument.
 */
const examples = path.resolve(__dirname, '../../../../examples');
const entities = parseAllDocuments(
  fs.readFileSync(path.join(examples, 'entities.yaml'), 'utf8'),
)
  .map(d => d.toJS() as Entity)
  .filter(Boolean)
  .map(e => ({ ...e, metadata: { namespace: 'default', ...e.metadata } }));

jest.setTimeout(60_000);

class InMemoryReader extends MetricReader {
  protected async onShutdown() {}
  protected async onForceFlush() {}
}

async function collect(reader: MetricReader): Promise<Map<string, MetricData>> {
  const { resourceMetrics } = await reader.collect();
  const out = new Map<string, MetricData>();
  for (const scope of resourceMetrics.scopeMetrics) {
    if (scope.scope.name !== 'readiness') continue;
    for (const metric of scope.metrics) out.set(metric.descriptor.name, metric);
  }
  return out;
}

const points = (metric: MetricData | undefined) =>
  (metric?.dataPoints ?? []) as Array<DataPoint<any>>;

describe('readiness metrics in the whole plugin', () => {
  const reader = new InMemoryReader();

  beforeAll(() => {
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  });

  afterAll(() => {
    metrics.disable();
  });

  it('records a cycle, the cluster read and the entity gauges', async () => {
    const backend = await startTestBackend({
      features: [
        readinessPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            readiness: {
              schedule: {
                frequency: { hours: 1 },
                timeout: { minutes: 2 },
                initialDelay: { seconds: 0 },
              },
              sources: {
                snapshot: [{ path: path.join(examples, 'clusters/prod-eu') }],
              },
            },
          },
        }),
      ],
    });
    try {
      await request(backend.server)
        .post('/api/readiness/refresh')
        .set('Authorization', mockCredentials.user.header())
        .send({});
      const deadline = Date.now() + 30_000;
      let collected = await collect(reader);
      while (!collected.has('readiness.evaluation.duration')) {
        if (Date.now() > deadline) throw new Error('no evaluation recorded');
        await new Promise(r => setTimeout(r, 200));
        collected = await collect(reader);
      }

      const [duration] = points(collected.get('readiness.evaluation.duration'));
      expect(duration.attributes).toEqual({ result: 'succeeded' });
      expect((duration.value as Histogram).count).toBe(1);

      const objects = points(collected.get('readiness.cluster.objects'));
      const deployments = objects.find(
        p =>
          p.attributes.cluster === 'prod-eu' &&
          p.attributes.kind === 'Deployment',
      );
      expect(deployments?.value).toBeGreaterThan(5);
      expect(points(collected.get('readiness.cluster.requests'))).toEqual([
        expect.objectContaining({
          attributes: { cluster: 'prod-eu', kind: 'list' },
          value: 0,
        }),
      ]);

      const verdicts = points(collected.get('readiness.entity.verdict'));
      expect(
        verdicts.find(
          p => p.attributes.entity_ref === 'component:default/checkout',
        ),
      ).toMatchObject({
        attributes: { owner: 'group:default/checkout-team' },
        value: 1,
      });
      expect(
        verdicts.find(p => p.attributes.entity_ref === 'component:default/cart')
          ?.value,
      ).toBe(0);
      const scores = points(collected.get('readiness.entity.score'));
      expect(
        scores.find(
          p => p.attributes.entity_ref === 'component:default/checkout',
        )?.value,
      ).toBeGreaterThan(90);
    } finally {
      await backend.stop();
    }
  });
});
