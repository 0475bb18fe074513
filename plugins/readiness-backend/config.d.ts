export interface Config {
  /** Prodready: production readiness of catalog entities, from their Kubernetes workloads. */
  readiness?: {
    /**
     * How often every cluster is evaluated (a scheduled task with `scope: 'global'`, so backend
     * replicas sharing a database run each cycle once). Default: every 10 minutes, 5 minutes timeout.
     */
    schedule?: {
      /** e.g. `{ minutes: 10 }`, an ISO-8601 duration such as `PT10M`, or `{ cron: '*\/10 * * * *' }`. */
      frequency: { [unit: string]: number } | string | { cron: string };
      /** Longest a cycle may run before it is abandoned, e.g. `{ minutes: 5 }`. */
      timeout: { [unit: string]: number } | string;
      /** Delay before the first cycle after start. Default 5 seconds. */
      initialDelay?: { [unit: string]: number } | string;
    };

    /** Where cluster objects come from. */
    sources?: {
      /**
       * Read the clusters of the Backstage Kubernetes plugin's configuration
       * (`kubernetes.clusterLocatorMethods` of type `config`, authProvider `serviceAccount`), so a
       * cluster is configured once for both plugins. Default: true when a `kubernetes` section exists.
       */
      kubernetes?: boolean;
      /**
       * How every live cluster is read: one paginated LIST per kind, each request retried with
       * exponential backoff on 429 (honouring Retry-After), 5xx, network errors and timeouts. A
       * kind that still cannot be listed is reported missing (its checks are `unknown`, the rest
       * are evaluated); a cluster whose discovery fails keeps its last good results, marked stale.
       */
      kubernetesOptions?: {
        /** `limit` of each LIST page. Default 500. */
        pageSize?: number;
        /** Timeout of one HTTP request, body included, in milliseconds. Default 15000. */
        requestTimeoutMs?: number;
        /** Attempts per request (first try included). Default 4. */
        maxAttempts?: number;
        /** First retry delay in milliseconds, doubled each attempt, with jitter. Default 500. */
        retryBaseDelayMs?: number;
      };
      /**
       * Directories of YAML/JSON object dumps, each read as one cluster (offline demos and audits).
       * A `.snapshot.yaml` in the directory may set `cluster:` (the name) and `capturedAt:` (ages
       * such as backup freshness are judged as of that time).
       */
      snapshot?: Array<{
        /** Directory path, relative to the backend's working directory. */
        path: string;
        /** Cluster name; defaults to `.snapshot.yaml`'s `cluster:` or the directory name. */
        name?: string;
      }>;
    };

    /** Which catalog entities are evaluated. */
    catalog?: {
      /** Entity kinds to evaluate. Default `[Component]`. */
      kinds?: string[];
    };

    /**
     * Policy per check, keyed by check id (see docs/checks): `enabled`, `severity`, and any option
     * the check documents (e.g. `image-registry-allowed.registries`, `restore-tested.maxAgeDays`).
     * An unknown check id or severity stops the backend at start with a message naming the key.
     */
    checks?: {
      [checkId: string]: {
        enabled?: boolean;
        severity?: 'critical' | 'high' | 'medium' | 'low';
        [option: string]: unknown;
      };
    };

    /** Display names of the levels. */
    levels?: {
      gold?: string;
      silver?: string;
      bronze?: string;
      none?: string;
    };

    /** Weight of each domain in the overall score (default 1 each; 0 leaves a domain out). */
    domains?: {
      [domainId: string]: {
        weight?: number;
      };
    };

    /** History kept per entity. */
    history?: {
      /** Days of score history to keep. Default 90. */
      retentionDays?: number;
    };

    /**
     * OpenTelemetry metrics (meter `readiness`; exported by the MeterProvider the backend registers,
     * e.g. Prometheus): `readiness.evaluation.duration`, `readiness.cluster.objects`,
     * `readiness.cluster.requests`, `readiness.cluster.failures`, and the per-entity gauges below.
     */
    metrics?: {
      /**
       * Observable gauges `readiness.entity.score` and `readiness.entity.verdict` (1 go, 0 no-go)
       * with attributes `entity_ref` and `owner`: one series per evaluated entity each, so 10,000
       * entities make 20,000 series. Set to false when the metrics backend cannot afford that.
       * Default true.
       */
      entityGauges?: boolean;
    };

    /**
     * Backstage notifications to an entity's owners when it goes from go to no-go or loses a level,
     * linking to its Readiness tab. Needs `@backstage/plugin-notifications-backend`; without it the
     * sends fail and are logged, and nothing else changes.
     */
    notifications?: {
      /** Default true. */
      enabled?: boolean;
    };

    /**
     * Base URL of the check documentation (the repository's docs/checks folder), linked from
     * every check in the UI.
     * @visibility frontend
     */
    docsBaseUrl?: string;
  };
}
