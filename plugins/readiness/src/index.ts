/**
 * Prodready frontend plugin: whether each service is production-ready, on its own page.
 *
 * @packageDocumentation
 */
export {
  readinessPlugin,
  EntityReadinessContent,
  EntityReadinessCard,
  EntityGroupReadinessCard,
  ReadinessScorecardPage,
} from './plugin';
export { isReadinessAvailable } from './isReadinessAvailable';
export * from './api';
