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
     * Base URL of the check documentation (the repository's docs/checks folder), linked from
     * every check in the UI.
     * @visibility frontend
     */
    docsBaseUrl?: string;
  };
}
