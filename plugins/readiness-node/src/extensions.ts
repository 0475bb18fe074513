import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ClusterSnapshot } from './cluster/ClusterIndex';
import { ReadinessCheck } from './checks/types';

/**
 * Where one cluster's objects come from. The built-in sources read a live cluster (the Backstage
 * `kubernetes` config) or a snapshot directory; a module can add its own (a cache, a fleet
 * inventory service...).
 * @public
 */
export interface ReadinessClusterSource {
  /** The cluster name, as used by `backstage.io/kubernetes-cluster` and in evidence. */
  readonly name: string;
  /** Reads every object the checks need, once. Throws when the cluster cannot be read at all. */
  read(options?: { signal?: AbortSignal }): Promise<ClusterSnapshot & { stats?: { requests?: number; durationMs?: number } }>;
}

/** Lets modules add checks, first-class like the built-in ones. @public */
export interface ReadinessChecksExtensionPoint {
  addChecks(...checks: ReadinessCheck[]): void;
}

/** @public */
export const readinessChecksExtensionPoint = createExtensionPoint<ReadinessChecksExtensionPoint>({
  id: 'readiness.checks',
});

/** Lets modules add cluster sources. @public */
export interface ReadinessSourcesExtensionPoint {
  addClusterSource(...sources: ReadinessClusterSource[]): void;
}

/** @public */
export const readinessSourcesExtensionPoint = createExtensionPoint<ReadinessSourcesExtensionPoint>({
  id: 'readiness.sources',
});
