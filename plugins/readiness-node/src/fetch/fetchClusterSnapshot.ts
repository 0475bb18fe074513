import { MissingKind, ObjectError } from '../cluster/ClusterIndex';
import { KindDescriptor, KNOWN_KINDS } from '../kinds';
import { KubernetesObject } from '../objects';
import { DiscoveryError, discoverKinds } from './discovery';
import { connectionFor, KubeConnection, KubeHttpClient } from './http';
import { createLimiter } from './limiter';
import { listKind } from './listKind';
import {
  ClusterTarget,
  FetchClusterSnapshotOptions,
  FetchedSnapshot,
  FetchProgressEvent,
} from './types';

/**
 * The cluster could not be read at all: discovery failed (unreachable, refused the
 * credentials, not an API server) or its kubeconfig is unusable.
 * @public
 */
export class ClusterUnreachableError extends Error {
  readonly cluster: string;
  readonly url: string;

  constructor(cluster: string, url: string, cause: Error) {
    super(`cannot read cluster "${cluster}" at ${url}: ${cause.message}`, {
      cause,
    });
    this.name = 'ClusterUnreachableError';
    this.cluster = cluster;
    this.url = url;
  }
}

/**
 * Reads one cluster: discovery (`/api`, `/apis`, the group versions needed), then one
 * cluster-wide paginated LIST per kind (never per namespace or entity), with bounded
 * concurrency, retries with backoff for 429/5xx/network errors/timeouts, a fresh start of a
 * kind's list on 410 Gone, and Secrets as metadata only. A kind that cannot be listed is
 * reported in `missing` and the rest are still read; only a failed discovery throws
 * (ClusterUnreachableError, naming the cluster and URL).
 * @public
 */
export async function fetchClusterSnapshot(
  target: ClusterTarget,
  options: FetchClusterSnapshotOptions = {},
): Promise<FetchedSnapshot> {
  const started = Date.now();
  const fetchedAt = new Date(started).toISOString();
  const kinds: ReadonlyArray<KindDescriptor> = options.kinds ?? KNOWN_KINDS;
  const concurrency = options.concurrency ?? 4;
  const { logger } = options;
  const cluster = target.name;
  const serverUrl =
    target.kubeConfig.getCurrentCluster()?.server ??
    '(no server in the kubeconfig)';

  const emit = (event: FetchProgressEvent) => {
    try {
      options.onProgress?.(event);
    } catch (e) {
      logger?.warn(
        `cluster ${cluster}: the progress callback threw: ${
          (e as Error).message
        }`,
      );
    }
  };

  let connection: KubeConnection;
  try {
    connection = await connectionFor(target.kubeConfig, concurrency);
  } catch (e) {
    throw new ClusterUnreachableError(cluster, serverUrl, e as Error);
  }
  const client = new KubeHttpClient(connection, {
    timeoutMs: options.requestTimeoutMs ?? 15_000,
    maxAttempts: Math.max(1, options.maxAttempts ?? 4),
    baseDelayMs: options.retryBaseDelayMs ?? 500,
    maxDelayMs: options.retryMaxDelayMs ?? 30_000,
    userAgent: options.userAgent ?? 'prodready',
    signal: options.signal,
    logger,
  });
  const limit = createLimiter(concurrency);

  try {
    let discovery;
    try {
      discovery = await discoverKinds(client, kinds, limit);
    } catch (e) {
      if (e instanceof DiscoveryError)
        throw new ClusterUnreachableError(cluster, client.baseUrl, e);
      throw e;
    }
    const discoveryRequests = client.requests;
    const total = kinds.length;
    emit({
      type: 'discovered',
      cluster,
      served: discovery.served.size,
      missing: discovery.missing.size,
      total,
    });

    const results = new Map<
      string,
      | { objects: KubernetesObject[]; errors: ObjectError[] }
      | { missing: MissingKind }
    >();
    let done = 0;
    for (const kind of kinds) {
      const missing = discovery.missing.get(kind.plural);
      if (!missing) continue;
      results.set(kind.plural, { missing });
      done += 1;
      emit({
        type: 'kind-done',
        cluster,
        kind: kind.kind,
        plural: kind.plural,
        count: 0,
        pages: 0,
        durationMs: 0,
        missing,
        done,
        total,
      });
    }
    let restarts = 0;

    await Promise.all(
      kinds
        .filter(kind => discovery.served.has(kind.plural))
        .map(kind =>
          limit(async () => {
            const served = discovery.served.get(kind.plural)!;
            const kindStarted = Date.now();
            emit({
              type: 'kind-started',
              cluster,
              kind: kind.kind,
              plural: kind.plural,
              total,
            });
            const result = await listKind(client, served, {
              cluster,
              pageSize: options.pageSize ?? 500,
              maxRestarts: options.maxListRestarts ?? 3,
              logger,
            });
            restarts += result.restarts;
            results.set(kind.plural, result);
            done += 1;
            const missing = 'missing' in result ? result.missing : undefined;
            emit({
              type: 'kind-done',
              cluster,
              kind: kind.kind,
              plural: kind.plural,
              count: 'objects' in result ? result.objects.length : 0,
              pages: result.pages,
              durationMs: Date.now() - kindStarted,
              ...(missing ? { missing } : {}),
              done,
              total,
            });
          }),
        ),
    );

    const objects: KubernetesObject[] = [];
    const errors: ObjectError[] = [];
    const missing: MissingKind[] = [];
    const objectsByKind: Record<string, number> = {};
    for (const kind of kinds) {
      const result = results.get(kind.plural);
      if (!result) continue;
      if ('missing' in result) {
        missing.push(result.missing);
        // A kind missing because it is not installed is normal; anything else deserves a warning.
        const log =
          result.missing.status === 404 ? logger?.debug : logger?.warn;
        log?.call(
          logger,
          `cluster ${cluster}: ${kind.plural} not read: ${result.missing.reason}`,
        );
        continue;
      }
      // A loop, not push(...spread): a kind can hold more objects than the call stack allows arguments.
      for (const o of result.objects) objects.push(o);
      for (const e of result.errors) errors.push(e);
      objectsByKind[kind.plural] = result.objects.length;
    }
    for (const e of errors) logger?.warn(e.message);

    return {
      cluster,
      objects,
      missing,
      errors,
      fetchedAt,
      stats: {
        requests: client.requests,
        discoveryRequests,
        retries: client.retries,
        restarts,
        durationMs: Date.now() - started,
        objectsByKind,
      },
    };
  } finally {
    connection.agent.destroy();
  }
}
