import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  fetchClusterSnapshot,
  kubeConfigForCluster,
  KubernetesClusterConfig,
  readSnapshotDirectory,
  readSnapshotMetadata,
  ReadinessClusterSource,
} from '@prodready/plugin-readiness-node';
import fs from 'node:fs';
import path from 'node:path';

/** A directory of YAML/JSON dumps, read as one cluster each cycle. */
export class SnapshotClusterSource implements ReadinessClusterSource {
  readonly name: string;

  constructor(private readonly directory: string, name?: string) {
    this.name = name ?? SnapshotClusterSource.nameOf(directory);
  }

  /** The cluster name a snapshot directory declares (`.snapshot.yaml` `cluster:`), else its folder name. */
  static nameOf(directory: string): string {
    return snapshotName(directory);
  }

  async read() {
    if (!fs.existsSync(this.directory)) {
      throw new Error(`snapshot directory ${this.directory} does not exist (readiness.sources.snapshot)`);
    }
    const snapshot = readSnapshotDirectory(this.directory, this.name);
    return { ...snapshot, stats: { requests: 0 } };
  }
}

function snapshotName(directory: string): string {
  return readSnapshotMetadata(directory).cluster ?? path.basename(path.resolve(directory));
}

/** How live clusters are read (`readiness.sources.kubernetesOptions`). */
export interface KubernetesClusterSourceOptions {
  /** `limit` of each LIST page (default 500). */
  pageSize?: number;
  /** Timeout of one HTTP request in ms (default 15000). */
  requestTimeoutMs?: number;
  /** Attempts per request for 429, 5xx, network errors and timeouts (default 4). */
  maxAttempts?: number;
  /** First retry delay in ms, doubled each attempt (default 500). Retry-After, when sent, wins. */
  retryBaseDelayMs?: number;
  /**
   * The time a read is stamped with (`fetchedAt`), which time-relative checks (backup age,
   * certificate expiry) judge the objects as of. Default: the real time the read started. Tests
   * pin it to compare a live read with a snapshot captured at a known time.
   */
  clock?: () => Date;
}

/** A live cluster of the Backstage `kubernetes` config, read with one paginated LIST per kind. */
export class KubernetesClusterSource implements ReadinessClusterSource {
  readonly name: string;

  constructor(private readonly cluster: KubernetesClusterConfig, private readonly logger: LoggerService, private readonly options: KubernetesClusterSourceOptions = {}) {
    this.name = cluster.name;
  }

  async read(options?: { signal?: AbortSignal }) {
    const { clock, ...fetchOptions } = this.options;
    const readAt = clock?.();
    const snapshot = await fetchClusterSnapshot(
      { name: this.name, kubeConfig: kubeConfigForCluster(this.cluster) },
      { ...fetchOptions, signal: options?.signal, logger: this.logger.child({ cluster: this.name }) },
    );
    return readAt ? { ...snapshot, fetchedAt: readAt.toISOString() } : snapshot;
  }
}

const KUBERNETES_OPTIONS_KEY = 'readiness.sources.kubernetesOptions';

/** `readiness.sources.kubernetesOptions`: each value a positive integer, else an error naming its key. */
function readKubernetesOptions(config: Config): KubernetesClusterSourceOptions {
  const options: KubernetesClusterSourceOptions = {};
  for (const key of ['pageSize', 'requestTimeoutMs', 'maxAttempts', 'retryBaseDelayMs'] as const) {
    const value = config.getOptionalNumber(`${KUBERNETES_OPTIONS_KEY}.${key}`);
    if (value === undefined) continue;
    const min = key === 'retryBaseDelayMs' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`${KUBERNETES_OPTIONS_KEY}.${key}: must be an integer of at least ${min}, got ${value}`);
    }
    options[key] = value;
  }
  return options;
}

/**
 * The cluster sources of the configuration:
 * - `readiness.sources.snapshot[]`: `{ path, name? }`, paths relative to the backend's working directory;
 * - `readiness.sources.kubernetes` (default true when a `kubernetes` section exists): the clusters
 *   of `kubernetes.clusterLocatorMethods` of type `config`, so a team configures its clusters once
 *   for both plugins.
 * - `readiness.sources.kubernetesOptions`: `{ pageSize, requestTimeoutMs, maxAttempts, retryBaseDelayMs }`
 *   for every live cluster (a bad value stops the backend at start, naming its key).
 * Each problem names its config key; a bad cluster entry is skipped, never the others.
 * `options.clock` stamps live reads (see KubernetesClusterSourceOptions.clock).
 */
export function readClusterSources(config: Config, logger: LoggerService, options: { clock?: () => Date } = {}): ReadinessClusterSource[] {
  const sources: ReadinessClusterSource[] = [];
  const snapshots = config.getOptionalConfigArray('readiness.sources.snapshot') ?? [];
  snapshots.forEach((s, i) => {
    const dir = s.getString('path');
    const resolved = path.resolve(dir);
    if (!fs.existsSync(resolved)) {
      logger.error(`readiness.sources.snapshot[${i}].path: ${resolved} does not exist; that source is skipped`);
      return;
    }
    sources.push(new SnapshotClusterSource(resolved, s.getOptionalString('name')));
  });

  const useKubernetes = config.getOptionalBoolean('readiness.sources.kubernetes') ?? config.has('kubernetes');
  if (useKubernetes) {
    const kubernetesOptions: KubernetesClusterSourceOptions = { ...readKubernetesOptions(config), ...(options.clock ? { clock: options.clock } : {}) };
    const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    methods.forEach((method, m) => {
      if (method.getString('type') !== 'config') {
        logger.info(`kubernetes.clusterLocatorMethods[${m}] is of type ${method.getString('type')}; Prodready reads clusters of type config only`);
        return;
      }
      (method.getOptionalConfigArray('clusters') ?? []).forEach((c, i) => {
        const key = `kubernetes.clusterLocatorMethods[${m}].clusters[${i}]`;
        try {
          const authProvider = c.getOptionalString('authProvider') ?? 'serviceAccount';
          if (authProvider !== 'serviceAccount') {
            logger.warn(`${key}: authProvider ${authProvider} is not supported by Prodready (serviceAccount only); cluster skipped`);
            return;
          }
          sources.push(
            new KubernetesClusterSource(
              {
                name: c.getString('name'),
                url: c.getString('url'),
                serviceAccountToken: c.getOptionalString('serviceAccountToken'),
                caData: c.getOptionalString('caData'),
                caFile: c.getOptionalString('caFile'),
                skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
              },
              logger,
              kubernetesOptions,
            ),
          );
        } catch (e) {
          logger.error(`${key}: ${(e as Error).message}; cluster skipped`);
        }
      });
    });
  }
  const names = new Set<string>();
  for (const s of sources) {
    if (names.has(s.name)) throw new Error(`readiness.sources: two sources are named "${s.name}"; cluster names must be unique`);
    names.add(s.name);
  }
  return sources;
}
