import type { KubeConfig } from '@kubernetes/client-node';
import {
  ClusterSnapshot,
  MissingKind,
  ObjectError,
} from '../cluster/ClusterIndex';
import { KindDescriptor } from '../kinds';

/** A cluster to read: its name (as reports show it) and how to reach it. @public */
export interface ClusterTarget {
  name: string;
  /** The current context's cluster and user are used. */
  kubeConfig: KubeConfig;
}

/** What one fetch cost. @public */
export interface FetchStats {
  /** HTTP requests sent: discovery + one LIST per kind per page, plus retries and restarted pages. */
  requests: number;
  /** Of which discovery (`/api`, `/apis`, `/api/v1`, `/apis/<group>/<version>`). */
  discoveryRequests: number;
  /** Requests repeated after a 429, a 5xx, a network error or a timeout. */
  retries: number;
  /** Lists started over after 410 Gone (an expired continue token). */
  restarts: number;
  durationMs: number;
  /** Objects read per plural (0 for a served kind without objects; missing kinds are absent). */
  objectsByKind: Record<string, number>;
}

/** A cluster snapshot read from a live API server, with what it cost. @public */
export interface FetchedSnapshot extends ClusterSnapshot {
  missing: MissingKind[];
  errors: ObjectError[];
  fetchedAt: string;
  stats: FetchStats;
}

/**
 * Progress of one fetch, for a progress indicator. Every kind gets one `kind-done` (with
 * `missing` when it could not be listed); kinds found missing at discovery get no `kind-started`.
 * @public
 */
export type FetchProgressEvent =
  | {
      type: 'discovered';
      cluster: string;
      served: number;
      missing: number;
      total: number;
    }
  | {
      type: 'kind-started';
      cluster: string;
      kind: string;
      plural: string;
      total: number;
    }
  | {
      type: 'kind-done';
      cluster: string;
      kind: string;
      plural: string;
      /** Objects read (0 when missing). */
      count: number;
      pages: number;
      durationMs: number;
      missing?: MissingKind;
      /** Kinds done so far, including this one, and all kinds. */
      done: number;
      total: number;
    };

/** Where the fetcher reports retries and missing kinds; Backstage's LoggerService fits. @public */
export interface FetchLogger {
  warn(message: string): void;
  debug(message: string): void;
}

/** @public */
export interface FetchClusterSnapshotOptions {
  /** Kinds to list (default: every KNOWN_KIND). */
  kinds?: ReadonlyArray<KindDescriptor>;
  /** `limit` of each LIST page (default 500). */
  pageSize?: number;
  /** Kinds listed at the same time (default 4). */
  concurrency?: number;
  /** Timeout of one HTTP request, body included, in ms (default 15000). */
  requestTimeoutMs?: number;
  /** Attempts per request for 429, 5xx, network errors and timeouts (default 4). */
  maxAttempts?: number;
  /** First retry delay in ms, doubled each attempt, with jitter (default 500). */
  retryBaseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included, in ms (default 30000). */
  retryMaxDelayMs?: number;
  /** Times a kind's list is started over after 410 Gone before it is reported missing (default 3). */
  maxListRestarts?: number;
  /** Aborts the whole fetch (e.g. the scheduled task's timeout). */
  signal?: AbortSignal;
  onProgress?: (event: FetchProgressEvent) => void;
  logger?: FetchLogger;
  /** User-Agent header (default `prodready`). */
  userAgent?: string;
}
