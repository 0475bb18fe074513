'use strict';
/*
 * Child process of bench/backend/run.js: a real Backstage backend (`createBackend()` of
 * @backstage/backend-defaults: real scheduler, database, httpAuth and permissions services) with
 * the readiness plugin from source, reading the fake clusters through the `kubernetes` config.
 *
 * The catalog service is an in-memory catalog (InMemoryCatalogClient) whose entities the parent
 * sets before each cycle. `getEntityByRef` and `streamEntities` are answered from an index: the
 * test client rebuilds a map of every entity on each `getEntityByRef` and filters the whole list
 * for each streamed page, costs a real catalog (indexed SQL) does not have and which would
 * otherwise be measured as the plugin's.
 *
 * A global OpenTelemetry MeterProvider with an in-memory reader is registered before the plugin
 * loads (as a Backstage instrumentation file does); the end of a cycle is seen in the plugin's
 * own `readiness.evaluation.duration` histogram.
 *
 * IPC with the parent:
 *   -> { type: 'started', port, startMs }
 *   <- { type: 'cycle', entities: N }  -> { type: 'cycle', ... figures of the cycle }
 *   <- { type: 'memory' }              -> { type: 'memory', maxRssMb, rssMb, heapUsedMb }
 *   <- { type: 'stop' }                (stops the backend and exits)
 */
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
require(path.join(
  root,
  'node_modules/@backstage/cli/config/nodeTransform.cjs',
));

const { metrics } = require('@opentelemetry/api');
const { MeterProvider, MetricReader } = require('@opentelemetry/sdk-metrics');

class InMemoryReader extends MetricReader {
  async onShutdown() {}
  async onForceFlush() {}
}
const reader = new InMemoryReader();
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));

const { createBackend } = require('@backstage/backend-defaults');
const {
  coreServices,
  createServiceFactory,
} = require('@backstage/backend-plugin-api');
const { ConfigReader } = require('@backstage/config');
const {
  parseEntityRef,
  stringifyEntityRef,
} = require('@backstage/catalog-model');
const { catalogServiceRef } = require('@backstage/plugin-catalog-node');
const {
  InMemoryCatalogClient,
} = require('@backstage/catalog-client/testUtils');
const { readinessPlugin } = require(path.join(
  root,
  'plugins/readiness-backend/src/plugin',
));

const options = JSON.parse(
  require('node:fs').readFileSync(process.env.BENCH_BACKEND_OPTIONS, 'utf8'),
);

/** The in-memory catalog, with indexed lookups (see the header). */
class BenchCatalog {
  constructor() {
    this.set([]);
  }

  set(entities) {
    this.entities = entities;
    this.byRef = new Map(
      entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
    );
    this.client = new InMemoryCatalogClient({ entities });
  }

  async getEntityByRef(ref) {
    const parsed = typeof ref === 'string' ? parseEntityRef(ref) : ref;
    return this.byRef.get(
      stringifyEntityRef(parsed).toLocaleLowerCase('en-US'),
    );
  }

  async *streamEntities(request) {
    const kinds = request?.filter?.kind
      ? [request.filter.kind]
          .flat()
          .map(k => String(k).toLocaleLowerCase('en-US'))
      : undefined;
    const selected = kinds
      ? this.entities.filter(e =>
          kinds.includes(e.kind.toLocaleLowerCase('en-US')),
        )
      : this.entities;
    const pageSize = request?.pageSize ?? 500;
    for (let i = 0; i < selected.length; i += pageSize) {
      yield selected.slice(i, i + pageSize);
    }
  }
}

const catalog = new BenchCatalog();
const catalogService = new Proxy(catalog, {
  get(target, prop) {
    if (prop in target)
      return typeof target[prop] === 'function'
        ? target[prop].bind(target)
        : target[prop];
    const value = target.client[prop];
    return typeof value === 'function' ? value.bind(target.client) : value;
  },
});

function benchEntities(ids, count) {
  return ids.slice(0, count).map((id, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: id,
      namespace: 'default',
      uid: `bench-${i}`,
      annotations: { 'backstage.io/kubernetes-id': id },
    },
    spec: {
      type: 'service',
      lifecycle: i % 4 === 3 ? 'experimental' : 'production',
      owner: `team-${i % 37}`,
      system: `shop-${id.split('-').slice(0, 3).join('-')}`,
    },
  }));
}

/** Sums of the plugin's instruments, from the in-memory reader. */
let slowestCollectionMs = 0;
async function readMetrics() {
  const started = performance.now();
  const { resourceMetrics } = await reader.collect();
  slowestCollectionMs = Math.max(
    slowestCollectionMs,
    performance.now() - started,
  );
  const out = {
    cycles: 0,
    cycleSeconds: 0,
    lastResult: undefined,
    requests: 0,
    discoveryRequests: 0,
    objects: 0,
    failures: 0,
  };
  for (const scope of resourceMetrics.scopeMetrics) {
    if (scope.scope.name !== 'readiness') continue;
    for (const metric of scope.metrics) {
      for (const point of metric.dataPoints) {
        switch (metric.descriptor.name) {
          case 'readiness.evaluation.duration':
            out.cycles += point.value.count;
            out.cycleSeconds += point.value.sum;
            break;
          case 'readiness.cluster.requests':
            out.requests += point.value;
            if (point.attributes.kind === 'discovery')
              out.discoveryRequests += point.value;
            break;
          case 'readiness.cluster.objects':
            out.objects += point.value;
            break;
          case 'readiness.cluster.failures':
            out.failures += point.value;
            break;
          default:
        }
      }
      if (metric.descriptor.name === 'readiness.evaluation.duration') {
        const failed = metric.dataPoints.find(
          p => p.attributes.result === 'failed',
        );
        out.failedCycles = failed ? failed.value.count : 0;
      }
    }
  }
  return out;
}

function memory({ collect = false } = {}) {
  // With --expose-gc: the heap still in use after a full collection (what the process needs),
  // as opposed to the RSS, which also holds garbage V8 had no reason to collect yet.
  let liveHeapMb;
  if (collect && typeof global.gc === 'function') {
    global.gc();
    liveHeapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  }
  const usage = process.memoryUsage();
  return {
    liveHeapMb,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssMb: Math.round(usage.rss / 2 ** 20),
    heapUsedMb: Math.round(usage.heapUsed / 2 ** 20),
  };
}

async function api(pathAndQuery, init = {}) {
  const res = await fetch(
    `http://127.0.0.1:${options.port}/api/readiness${pathAndQuery}`,
    {
      ...init,
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    },
  );
  const body = await res.json().catch(() => undefined);
  if (!res.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${pathAndQuery}: ${res.status} ${JSON.stringify(
        body,
      )}`,
    );
  return body;
}

const NO_METRICS = {
  cycles: 0,
  cycleSeconds: 0,
  failedCycles: 0,
  requests: 0,
  discoveryRequests: 0,
  objects: 0,
  failures: 0,
};

/**
 * One evaluation cycle over `count` entities. The first one is the plugin's own, a few seconds
 * after start (the scheduler runs a task once after its initial delay, and does not pick up a
 * trigger before that delay is over); the others are asked for with POST /refresh.
 */
async function runCycle(count, first) {
  let before = NO_METRICS;
  const requested = Date.now();
  if (!first) {
    catalog.set(benchEntities(options.ids, count));
    before = await readMetrics();
    await api('/refresh', { method: 'POST', body: '{}' });
  }
  let after = before;
  const deadline = Date.now() + options.cycleTimeoutMs;
  while (after.cycles === before.cycles) {
    if (Date.now() > deadline)
      throw new Error(`no cycle finished within ${options.cycleTimeoutMs} ms`);
    // As often as an eager Prometheus scrape: each collection observes every entity gauge.
    await new Promise(r => setTimeout(r, 1000));
    after = await readMetrics();
  }
  const wallMs = Date.now() - requested;
  const [all, evaluated, noGo] = await Promise.all([
    api('/scorecard?limit=1'),
    api('/scorecard?limit=1&state=evaluated'),
    api('/scorecard?limit=1&verdict=no-go&state=evaluated'),
  ]);
  return {
    type: 'cycle',
    entities: count,
    cycleSeconds: after.cycleSeconds - before.cycleSeconds,
    failed: (after.failedCycles ?? 0) - (before.failedCycles ?? 0),
    wallMs: first ? undefined : wallMs,
    requests: after.requests - before.requests,
    discoveryRequests: after.discoveryRequests - before.discoveryRequests,
    objects: after.objects - before.objects,
    clusterFailures: after.failures - before.failures,
    reports: all.totalCount,
    evaluated: evaluated.totalCount,
    noGo: noGo.totalCount,
    slowestCollectionMs,
    ...memory({ collect: true }),
  };
}

async function main() {
  const started = Date.now();
  const config = new ConfigReader({
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${options.port}`,
      listen: { host: '127.0.0.1', port: options.port },
      database: options.database,
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.token, subject: 'prodready-bench' },
          },
        ],
      },
    },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: options.clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: options.clusterToken,
            skipTLSVerify: true,
          })),
        },
      ],
    },
    readiness: {
      // One cycle after the initial delay, then only when the bench asks (POST /refresh).
      schedule: {
        frequency: { trigger: 'manual' },
        timeout: { minutes: 20 },
        initialDelay: { seconds: 2 },
      },
    },
  });

  catalog.set(benchEntities(options.ids, options.firstEntities));
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  backend.add(
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => catalogService,
    }),
  );
  backend.add(readinessPlugin);
  await backend.start();
  process.send({
    type: 'started',
    port: options.port,
    startMs: Date.now() - started,
    ...memory(),
  });

  process.on('message', async message => {
    try {
      if (message.type === 'cycle') {
        process.send(await runCycle(message.entities, message.first));
      } else if (message.type === 'memory') {
        process.send({ type: 'memory', ...memory() });
      } else if (message.type === 'stop') {
        await backend.stop();
        process.exit(0);
      }
    } catch (e) {
      process.send({ type: 'error', message: e.stack ?? String(e) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch(e => {
  console.error(e);
  if (process.send)
    process.send({ type: 'error', message: e.stack ?? String(e) });
  process.exit(1);
});
