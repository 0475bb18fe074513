/**
 * The Prodready readiness engine: cluster object index, workload discovery, built-in checks and
 * the extension points for custom checks and sources. Used by the backend plugin and the CLI alike.
 *
 * @packageDocumentation
 */
export * from './objects';
export * from './kinds';
export * from './selectors';
export * from './cluster/ClusterIndex';
export * from './cluster/availability';
export * from './cluster/workloads';
export * from './cluster/relations';
export * from './checks/types';
export * from './engine/evaluate';
export * from './sources/manifests';
export * from './checks/builtin';
export * from './config';
export * from './engine/audit';
export * from './extensions';
export * from './fetch';
