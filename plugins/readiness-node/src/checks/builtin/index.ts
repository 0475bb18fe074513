import { ReadinessCheck } from '../types';
import { supplyChainChecks } from './supply-chain';
import { packagingTrafficChecks } from './packaging-traffic';
import { observabilityChecks } from './observability';
import { deliveryChecks } from './delivery';
import { securityChecks } from './security';
import { resourcesScalingChecks } from './resources-scaling';
import { schedulingStateChecks } from './scheduling-state';
import { resilienceChecks } from './resilience';

/**
 * Every built-in check, in catalog order (domain by domain). Ids are a contract: never renamed,
 * never reused.
 * @public
 */
export const BUILT_IN_CHECKS: ReadonlyArray<ReadinessCheck> = [
  ...supplyChainChecks,
  ...packagingTrafficChecks,
  ...observabilityChecks,
  ...deliveryChecks,
  ...securityChecks,
  ...resourcesScalingChecks,
  ...schedulingStateChecks,
  ...resilienceChecks,
];
