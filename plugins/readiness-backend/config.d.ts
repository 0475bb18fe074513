export interface Config {
  /** Prodready: production readiness of catalog entities. */
  readiness?: {
    /** How often every cluster is evaluated. */
    schedule?: {
      /** A human duration object, e.g. `{ minutes: 10 }`, or an ISO-8601 duration. Default 10 minutes. */
      frequency?: { [unit: string]: number } | string;
      /** Longest a run may take before it is abandoned. Default 5 minutes. */
      timeout?: { [unit: string]: number } | string;
    };
    /** Where cluster objects come from. */
    sources?: {
      /**
       * Reuse the clusters of the Backstage `kubernetes` config (clusterLocatorMethods of type `config`).
       * Default true when a `kubernetes` section exists.
       */
      kubernetes?: boolean;
      /** Directories of YAML/JSON object dumps; each directory is one cluster named after it. */
      snapshot?: Array<{
        /** Path of the directory, relative to the backend's working directory. */
        path: string;
        /** Cluster name; defaults to the directory name. */
        name?: string;
      }>;
    };
  };
}
