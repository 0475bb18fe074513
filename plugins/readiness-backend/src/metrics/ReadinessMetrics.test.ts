import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DataPoint,
  Histogram,
  MeterProvider,
  MetricData,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import { ReadinessClusterSource } from '@prodready/plugin-readiness-node';
import { StoredReport } from '../database/ReadinessStore';
import { READINESS_METER_NAME, ReadinessMetrics } from './ReadinessMetrics';

/** A reader that only collects when asked: what a Prometheus scrape does. */
class InMemoryReader extends MetricReader {
  protected async onShutdown() {}
  protected async onForceFlush() {}
}

function inMemoryMeter() {
  const reader = new InMemoryReader();
  const provider = new MeterProvider({ readers: [reader] });
  const meter = provider.getMeter(READINESS_METER_NAME);
  const collect = async (): Promise<Map<string, MetricData>> => {
    const { resourceMetrics, errors } = await reader.collect();
    expect(errors).toEqual([]);
    const out = new Map<string, MetricData>();
    for (const scope of resourceMetrics.scopeMetrics) {
      expect(scope.scope.name).toBe('readiness');
      for (const metric of scope.metrics)
        out.set(metric.descriptor.name, metric);
    }
    return out;
  };
  return { meter, collect, provider };
}

function points(metric: MetricData | undefined): Array<DataPoint<any>> {
  return (metric?.dataPoints ?? []) as Array<DataPoint<any>>;
}

function valueAt(
  metric: MetricData | undefined,
  attributes: Record<string, string>,
): unknown {
  return points(metric).find(
    p => JSON.stringify(p.attributes) === JSON.stringify(attributes),
  )?.value;
}

function row(entityRef: string, fields: Partial<StoredReport>): StoredReport {
  return {
    entityRef,
    kind: 'Component',
    namespace: 'default',
    name: entityRef.split('/')[1],
    state: 'evaluated',
    verdict: 'go',
    score: 80,
    level: 'silver',
    coverage: 1,
    domainScores: {},
    failing: { critical: 0, high: 0, medium: 0, low: 0 },
    evaluatedAt: '2026-11-21T09:00:00.000Z',
    stale: false,
    ...fields,
  };
}

const REPORTS: StoredReport[] = [
  row('component:default/checkout', {
    owner: 'group:default/checkout-team',
    score: 96,
    verdict: 'go',
  }),
  row('component:default/cart', {
    owner: 'group:default/checkout-team',
    score: 41,
    verdict: 'no-go',
  }),
  row('component:default/promotions', {
    state: 'configuration-error',
    score: null,
    verdict: 'no-go',
  }),
  row('component:default/inventory-sync', { state: 'not-mapped', score: null }),
  row('component:default/gift-cards', { state: 'no-workloads', score: null }),
];

function fakeStore(reports: StoredReport[] = REPORTS) {
  return { listAllReportColumns: jest.fn(async () => reports) };
}

function liveSource(name: string): ReadinessClusterSource {
  return {
    name,
    async read() {
      return {
        cluster: name,
        objects: [
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' } },
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'd' },
          },
        ],
        // As fetchClusterSnapshot reports them.
        stats: {
          requests: 40,
          discoveryRequests: 12,
          objectsByKind: { pods: 2, deployments: 1, cronjobs: 0 },
        } as any,
      };
    },
  };
}

describe('ReadinessMetrics', () => {
  it('records the duration of each evaluation cycle in seconds, succeeded or failed', async () => {
    const { meter, collect } = inMemoryMeter();
    const metrics = new ReadinessMetrics({
      meter,
      store: fakeStore(),
      logger: mockServices.logger.mock(),
      entityGauges: false,
    });

    await expect(
      metrics.measureEvaluation(async () => {
        await new Promise(r => setTimeout(r, 20));
        return 'summary';
      }),
    ).resolves.toBe('summary');
    await expect(
      metrics.measureEvaluation(async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');

    const duration = (await collect()).get('readiness.evaluation.duration');
    expect(duration?.descriptor.unit).toBe('s');
    const succeeded = valueAt(duration, { result: 'succeeded' }) as Histogram;
    expect(succeeded.count).toBe(1);
    expect(succeeded.sum).toBeGreaterThanOrEqual(0.015);
    expect(succeeded.sum).toBeLessThan(5);
    expect((valueAt(duration, { result: 'failed' }) as Histogram).count).toBe(
      1,
    );
  });

  it('counts objects by cluster and kind, requests by cluster and request kind, and failed reads', async () => {
    const { meter, collect } = inMemoryMeter();
    const metrics = new ReadinessMetrics({
      meter,
      store: fakeStore(),
      logger: mockServices.logger.mock(),
      entityGauges: false,
    });
    const down: ReadinessClusterSource = {
      name: 'prod-us',
      async read() {
        throw new Error('connect ECONNREFUSED');
      },
    };
    const snapshotDir: ReadinessClusterSource = {
      name: 'demo',
      async read() {
        return {
          cluster: 'demo',
          objects: [
            { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } },
          ],
          stats: { requests: 0 },
        };
      },
    };
    const [eu, us, demo] = metrics.instrumentSources([
      liveSource('prod-eu'),
      down,
      snapshotDir,
    ]);
    expect([eu.name, us.name, demo.name]).toEqual([
      'prod-eu',
      'prod-us',
      'demo',
    ]);

    const snapshot = await eu.read();
    expect(snapshot.objects).toHaveLength(3);
    await eu.read();
    await expect(us.read()).rejects.toThrow('ECONNREFUSED');
    await demo.read();

    const collected = await collect();
    const objects = collected.get('readiness.cluster.objects');
    expect(valueAt(objects, { cluster: 'prod-eu', kind: 'Pod' })).toBe(4);
    expect(valueAt(objects, { cluster: 'prod-eu', kind: 'Deployment' })).toBe(
      2,
    );
    expect(valueAt(objects, { cluster: 'prod-eu', kind: 'CronJob' })).toBe(0);
    expect(valueAt(objects, { cluster: 'demo', kind: 'Service' })).toBe(1);
    const requests = collected.get('readiness.cluster.requests');
    expect(valueAt(requests, { cluster: 'prod-eu', kind: 'discovery' })).toBe(
      24,
    );
    expect(valueAt(requests, { cluster: 'prod-eu', kind: 'list' })).toBe(56);
    expect(valueAt(requests, { cluster: 'demo', kind: 'list' })).toBe(0);
    const failures = collected.get('readiness.cluster.failures');
    expect(points(failures).map(p => [p.attributes, p.value])).toEqual([
      [{ cluster: 'prod-us' }, 1],
    ]);
  });

  it('observes score and verdict per evaluated entity, with its owner', async () => {
    const { meter, collect } = inMemoryMeter();
    const metrics = new ReadinessMetrics({
      meter,
      store: fakeStore(),
      logger: mockServices.logger.mock(),
    });

    const collected = await collect();
    const score = collected.get('readiness.entity.score');
    const verdict = collected.get('readiness.entity.verdict');
    expect(points(score).map(p => [p.attributes, p.value])).toEqual([
      [
        {
          entity_ref: 'component:default/checkout',
          owner: 'group:default/checkout-team',
        },
        96,
      ],
      [
        {
          entity_ref: 'component:default/cart',
          owner: 'group:default/checkout-team',
        },
        41,
      ],
    ]);
    expect(points(verdict).map(p => [p.attributes, p.value])).toEqual([
      [
        {
          entity_ref: 'component:default/checkout',
          owner: 'group:default/checkout-team',
        },
        1,
      ],
      [
        {
          entity_ref: 'component:default/cart',
          owner: 'group:default/checkout-team',
        },
        0,
      ],
      // A configuration error is no-go, without a score; not-mapped and no-workloads are left out.
      [{ entity_ref: 'component:default/promotions' }, 0],
    ]);
    metrics.shutdown();
  });

  it('reads the store once per collection window for both gauges, and again after a cycle', async () => {
    const { meter, collect } = inMemoryMeter();
    const store = fakeStore();
    let now = 1_000_000;
    const metrics = new ReadinessMetrics({
      meter,
      store,
      logger: mockServices.logger.mock(),
      now: () => now,
    });

    await collect();
    await collect();
    expect(store.listAllReportColumns).toHaveBeenCalledTimes(1);
    now += 31_000;
    await collect();
    expect(store.listAllReportColumns).toHaveBeenCalledTimes(2);
    await metrics.measureEvaluation(async () => undefined);
    await collect();
    expect(store.listAllReportColumns).toHaveBeenCalledTimes(3);
  });

  it('observes nothing, and warns once, when the store cannot be read', async () => {
    const { meter, collect } = inMemoryMeter();
    const logger = mockServices.logger.mock();
    const metrics = new ReadinessMetrics({
      meter,
      store: {
        listAllReportColumns: async () => {
          throw new Error('relation "readiness_reports" does not exist');
        },
      },
      logger,
    });

    const first = await collect();
    await collect();
    expect(points(first.get('readiness.entity.score'))).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('readiness_reports'),
    );
    metrics.shutdown();
  });

  it('has no entity gauges when readiness.metrics.entityGauges is false', async () => {
    const { meter, collect } = inMemoryMeter();
    const store = fakeStore();
    const metrics = ReadinessMetrics.fromConfig(
      new ConfigReader({ readiness: { metrics: { entityGauges: false } } }),
      { meter, store, logger: mockServices.logger.mock() },
    );
    await metrics.measureEvaluation(async () => undefined);

    const collected = await collect();
    expect(collected.has('readiness.entity.score')).toBe(false);
    expect(collected.has('readiness.entity.verdict')).toBe(false);
    expect(collected.has('readiness.evaluation.duration')).toBe(true);
    expect(store.listAllReportColumns).not.toHaveBeenCalled();
  });

  it('stops observing the entity gauges on shutdown', async () => {
    const { meter, collect } = inMemoryMeter();
    const store = fakeStore();
    const metrics = new ReadinessMetrics({
      meter,
      store,
      logger: mockServices.logger.mock(),
    });
    metrics.shutdown();

    const collected = await collect();
    expect(points(collected.get('readiness.entity.score'))).toEqual([]);
    expect(store.listAllReportColumns).not.toHaveBeenCalled();
  });

  it('uses the global meter of @opentelemetry/api by default (a no-op without a MeterProvider)', async () => {
    const metrics = new ReadinessMetrics({
      store: fakeStore(),
      logger: mockServices.logger.mock(),
    });
    await expect(metrics.measureEvaluation(async () => 42)).resolves.toBe(42);
    await expect(
      metrics.instrumentSource(liveSource('x')).read(),
    ).resolves.toBeDefined();
    metrics.shutdown();
  });
});
