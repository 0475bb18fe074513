import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  BatchObservableCallback,
  Counter,
  Histogram,
  Meter,
  metrics,
  ObservableGauge,
} from '@opentelemetry/api';
import {
  findKind,
  ReadinessClusterSource,
} from '@prodready/plugin-readiness-node';
import { ReadinessStore, StoredReport } from '../database/ReadinessStore';

/** The meter name (instrumentation scope) of every readiness instrument. */
export const READINESS_METER_NAME = 'readiness';

/** How long the entity gauges reuse what they read from the store, by default. */
export const ENTITY_GAUGE_CACHE_TTL_MS = 30_000;

/** Bucket boundaries of `readiness.evaluation.duration`, in seconds: a cycle takes seconds to minutes. */
const EVALUATION_DURATION_BUCKETS = [
  0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600,
];

/** Report states whose verdict means something (not `not-mapped` or `no-workloads`). */
const GAUGED_STATES = new Set(['evaluated', 'configuration-error']);

/** Options of {@link ReadinessMetrics}. */
export interface ReadinessMetricsOptions {
  /** Default: `metrics.getMeter('readiness')` of `@opentelemetry/api` (a no-op until a MeterProvider is registered). */
  meter?: Meter;
  /** Read by the entity gauges (latest report columns, no report JSON). */
  store: Pick<ReadinessStore, 'listAllReportColumns'>;
  logger: LoggerService;
  /** `readiness.metrics.entityGauges` (default true): one series per entity for score and verdict. */
  entityGauges?: boolean;
  /** How long the entity gauges reuse one read of the store, in ms (default 30000). */
  entityGaugeCacheTtlMs?: number;
  /** The clock, in ms (tests). */
  now?: () => number;
}

type EvaluationResult = 'succeeded' | 'failed';

/**
 * The readiness plugin's OpenTelemetry metrics (meter `readiness`), exported by whatever
 * MeterProvider the backend registers (Backstage's instrumentation setup, e.g. Prometheus):
 *
 * | instrument | type | unit | attributes |
 * |---|---|---|---|
 * | `readiness.evaluation.duration` | histogram | s | `result` (`succeeded`, `failed`) |
 * | `readiness.cluster.objects` | counter | {object} | `cluster`, `kind` (object kind, e.g. `Pod`) |
 * | `readiness.cluster.requests` | counter | {request} | `cluster`, `kind` (`discovery` or `list`) |
 * | `readiness.cluster.failures` | counter | {failure} | `cluster` |
 * | `readiness.entity.score` | observable gauge | 1 | `entity_ref`, `owner` |
 * | `readiness.entity.verdict` | observable gauge (1 go, 0 no-go) | 1 | `entity_ref`, `owner` |
 *
 * Cardinality: the cluster instruments have (clusters x kinds) series, a few hundred at most. The
 * entity gauges have one series per evaluated entity each (the owner is a property of the entity,
 * so it adds no series): 10,000 entities make 20,000 series. Turn them off with
 * `readiness.metrics.entityGauges: false` when the metrics backend cannot afford that; the
 * scorecard API has the same data. Entities that are not mapped or have no workloads are left out.
 *
 * The gauges read the store (not memory), so every backend replica reports the same values
 * whichever replica ran the cycle; one read serves both gauges and is reused for 30 s.
 *
 * The cluster requests counter splits discovery requests from LIST requests: the fetcher reports
 * its request count per cluster, not per resource kind.
 */
export class ReadinessMetrics {
  private readonly evaluationDuration: Histogram;
  private readonly clusterObjects: Counter;
  private readonly clusterRequests: Counter;
  private readonly clusterFailures: Counter;
  private readonly entityGauges?: {
    score: ObservableGauge;
    verdict: ObservableGauge;
    callback: BatchObservableCallback;
  };
  private readonly meter: Meter;
  private readonly now: () => number;
  private cached?: { expiresAt: number; rows: Promise<StoredReport[]> };
  private lastGaugeError?: string;

  /** The metrics as configured by `readiness.metrics`. */
  static fromConfig(
    config: Config,
    options: Omit<ReadinessMetricsOptions, 'entityGauges'>,
  ): ReadinessMetrics {
    return new ReadinessMetrics({
      ...options,
      entityGauges:
        config.getOptionalBoolean('readiness.metrics.entityGauges') ?? true,
    });
  }

  constructor(private readonly options: ReadinessMetricsOptions) {
    this.meter = options.meter ?? metrics.getMeter(READINESS_METER_NAME);
    this.now = options.now ?? Date.now;
    this.evaluationDuration = this.meter.createHistogram(
      'readiness.evaluation.duration',
      {
        description:
          'Duration of one readiness evaluation cycle (every cluster read, every entity scored and stored)',
        unit: 's',
        advice: { explicitBucketBoundaries: EVALUATION_DURATION_BUCKETS },
      },
    );
    this.clusterObjects = this.meter.createCounter(
      'readiness.cluster.objects',
      {
        description:
          'Kubernetes objects read from clusters, by cluster and object kind',
        unit: '{object}',
      },
    );
    this.clusterRequests = this.meter.createCounter(
      'readiness.cluster.requests',
      {
        description:
          'HTTP requests sent to Kubernetes API servers, by cluster and request kind (discovery or list)',
        unit: '{request}',
      },
    );
    this.clusterFailures = this.meter.createCounter(
      'readiness.cluster.failures',
      {
        description:
          'Cluster reads that failed (the cluster keeps its last good results, marked stale)',
        unit: '{failure}',
      },
    );
    if (options.entityGauges ?? true) {
      const score = this.meter.createObservableGauge('readiness.entity.score', {
        description:
          'Overall readiness score (0-100) of each evaluated entity; absent while it has no data',
        unit: '1',
      });
      const verdict = this.meter.createObservableGauge(
        'readiness.entity.verdict',
        {
          description:
            'Readiness verdict of each evaluated entity: 1 go, 0 no-go',
          unit: '1',
        },
      );
      const callback: BatchObservableCallback = async result => {
        const rows = await this.entityRows();
        for (const row of rows) {
          if (!GAUGED_STATES.has(row.state)) continue;
          const attributes = {
            entity_ref: row.entityRef,
            ...(row.owner ? { owner: row.owner } : {}),
          };
          if (row.score !== null) result.observe(score, row.score, attributes);
          result.observe(verdict, row.verdict === 'go' ? 1 : 0, attributes);
        }
      };
      this.meter.addBatchObservableCallback(callback, [score, verdict]);
      this.entityGauges = { score, verdict, callback };
    }
  }

  /** Runs one evaluation cycle and records its duration, whether it succeeds or throws. */
  async measureEvaluation<T>(run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let result: EvaluationResult = 'failed';
    try {
      const value = await run();
      result = 'succeeded';
      return value;
    } finally {
      this.evaluationDuration.record((performance.now() - started) / 1000, {
        result,
      });
      // The next collection reads the new reports.
      this.cached = undefined;
    }
  }

  /** The sources, each counting its objects, requests and failures. */
  instrumentSources(
    sources: ReadonlyArray<ReadinessClusterSource>,
  ): ReadinessClusterSource[] {
    return sources.map(source => this.instrumentSource(source));
  }

  /** One source counting its objects (by kind), requests (discovery and list) and failed reads. */
  instrumentSource(source: ReadinessClusterSource): ReadinessClusterSource {
    const instruments = {
      objects: this.clusterObjects,
      requests: this.clusterRequests,
      failures: this.clusterFailures,
    };
    return {
      get name() {
        return source.name;
      },
      async read(options) {
        const cluster = source.name;
        let snapshot: Awaited<ReturnType<ReadinessClusterSource['read']>>;
        try {
          snapshot = await source.read(options);
        } catch (e) {
          instruments.failures.add(1, { cluster });
          throw e;
        }
        for (const [kind, count] of objectsByKind(snapshot)) {
          instruments.objects.add(count, { cluster, kind });
        }
        const stats = snapshot.stats as
          | { requests?: number; discoveryRequests?: number }
          | undefined;
        const requests = stats?.requests ?? 0;
        const discovery = Math.min(requests, stats?.discoveryRequests ?? 0);
        if (discovery > 0) {
          instruments.requests.add(discovery, { cluster, kind: 'discovery' });
        }
        instruments.requests.add(requests - discovery, {
          cluster,
          kind: 'list',
        });
        return snapshot;
      },
    };
  }

  /** Stops observing the entity gauges (backend shutdown). */
  shutdown(): void {
    if (this.entityGauges) {
      this.meter.removeBatchObservableCallback(this.entityGauges.callback, [
        this.entityGauges.score,
        this.entityGauges.verdict,
      ]);
    }
  }

  /** The latest report columns, read at most once per TTL; nothing (and one warning) when the read fails. */
  private async entityRows(): Promise<StoredReport[]> {
    const now = this.now();
    if (!this.cached || this.cached.expiresAt <= now) {
      const rows = this.options.store.listAllReportColumns();
      const entry = {
        expiresAt:
          now +
          (this.options.entityGaugeCacheTtlMs ?? ENTITY_GAUGE_CACHE_TTL_MS),
        rows,
      };
      this.cached = entry;
      rows.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    try {
      const rows = await this.cached.rows;
      this.lastGaugeError = undefined;
      return rows;
    } catch (e) {
      const message = (e as Error)?.message ?? String(e);
      if (message !== this.lastGaugeError) {
        this.options.logger.warn(
          `readiness metrics: the entity gauges could not read the reports: ${message}`,
        );
      }
      this.lastGaugeError = message;
      return [];
    }
  }
}

/** Objects read per object kind: from the fetcher's per-plural counts when it gives them, else counted. */
function objectsByKind(snapshot: {
  objects: Array<{ kind?: string }>;
  stats?: unknown;
}): Map<string, number> {
  const counts = new Map<string, number>();
  const byPlural = (
    snapshot.stats as { objectsByKind?: Record<string, number> } | undefined
  )?.objectsByKind;
  if (byPlural) {
    for (const [plural, count] of Object.entries(byPlural)) {
      const kind = findKind(plural)?.kind ?? plural;
      counts.set(kind, (counts.get(kind) ?? 0) + count);
    }
    return counts;
  }
  for (const object of snapshot.objects) {
    const kind = object.kind ?? 'unknown';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}
