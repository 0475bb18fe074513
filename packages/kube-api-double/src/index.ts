/**
 * A faithful fake Kubernetes API server for tests and benchmarks: discovery, paginated LIST
 * with continue tokens and 410 Expired, label/field selectors, PartialObjectMetadataList,
 * bearer-token auth, RBAC-like 403s, and injectable failures and latency, over real HTTP.
 *
 * @packageDocumentation
 */
export { createKubeApiDouble } from './server';
export type {
  KubeApiDouble,
  KubeApiDoubleOptions,
  InjectedFailure,
  RequestMatcher,
  MatchableRequest,
} from './server';
export { RequestStats } from './requests';
export type { RecordedRequest } from './requests';
export { kubeStatus } from './status';
export type { KubeStatus, StatusReason } from './status';
export {
  BUILT_IN_GROUPS,
  BUILT_IN_RESOURCES,
  KNOWN_RESOURCES,
  guessPlural,
} from './resources';
export type { ResourceDefinition } from './resources';
export { loadObjectsFromDirectory } from './loadObjects';
export type { LoadObjectsOptions } from './loadObjects';
