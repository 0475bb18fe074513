export {
  ENTITY_GAUGE_CACHE_TTL_MS,
  READINESS_METER_NAME,
  ReadinessMetrics,
} from './ReadinessMetrics';
export type { ReadinessMetricsOptions } from './ReadinessMetrics';
