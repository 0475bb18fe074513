import { ReadinessCheck } from '../../types';
import { alertingRules } from './alertingRules';
import { logsCollected } from './logsCollected';
import { metricsScraped } from './metricsScraped';
import { oncallDefined } from './oncallDefined';
import { sloDefined } from './sloDefined';

export { alertingRules, logsCollected, metricsScraped, oncallDefined, sloDefined };

/** The observability checks, in the order of the check catalog. */
export const observabilityChecks: ReadinessCheck[] = [metricsScraped, alertingRules, sloDefined, logsCollected, oncallDefined];
