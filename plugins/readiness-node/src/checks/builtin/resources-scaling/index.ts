import { ReadinessCheck } from '../../types';
import { autoscaling } from './autoscaling';
import { criticalQosGuaranteed } from './criticalQosGuaranteed';
import { hpaVpaConflict } from './hpaVpaConflict';
import { memoryLimit } from './memoryLimit';
import { namespaceLimitRange } from './namespaceLimitRange';
import { namespaceQuota } from './namespaceQuota';
import { notBestEffort } from './notBestEffort';
import { requestsRightSized } from './requestsRightSized';
import { resourceRequests } from './resourceRequests';

export {
  autoscaling,
  criticalQosGuaranteed,
  hpaVpaConflict,
  memoryLimit,
  namespaceLimitRange,
  namespaceQuota,
  notBestEffort,
  requestsRightSized,
  resourceRequests,
};

/** The built-in checks of the resources-scaling domain, in catalog order. */
export const resourcesScalingChecks: ReadinessCheck[] = [
  resourceRequests,
  notBestEffort,
  memoryLimit,
  criticalQosGuaranteed,
  autoscaling,
  hpaVpaConflict,
  requestsRightSized,
  namespaceQuota,
  namespaceLimitRange,
];
