/**
 * The Prodready backend plugin: reads every configured cluster once per cycle, maps catalog
 * entities to their workloads, scores them, keeps their history and serves it.
 *
 * @packageDocumentation
 */
export { readinessPlugin as default } from './plugin';
