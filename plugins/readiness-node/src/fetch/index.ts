export {
  fetchClusterSnapshot,
  ClusterUnreachableError,
} from './fetchClusterSnapshot';
export { kubeConfigForCluster } from './kubeConfig';
export type { KubernetesClusterConfig } from './kubeConfig';
export { KubeApiError } from './http';
export { NOT_SERVED_REASON } from './discovery';
export { PARTIAL_OBJECT_METADATA_LIST } from './listKind';
export type {
  ClusterTarget,
  FetchClusterSnapshotOptions,
  FetchedSnapshot,
  FetchLogger,
  FetchProgressEvent,
  FetchStats,
} from './types';
