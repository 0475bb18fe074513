import { ReadinessCheck } from '../../types';
import { capabilitiesDropped } from './capabilitiesDropped';
import { dedicatedServiceAccount } from './dedicatedServiceAccount';
import { networkPolicy } from './networkPolicy';
import { noHostAccess } from './noHostAccess';
import { noPrivilegeEscalation } from './noPrivilegeEscalation';
import { podSecurityRestricted } from './podSecurityRestricted';
import { readOnlyRootFilesystem } from './readOnlyRootFilesystem';
import { runAsNonRoot } from './runAsNonRoot';
import { seccompProfile } from './seccompProfile';
import { tokenAutomountDisabled } from './tokenAutomountDisabled';

export {
  capabilitiesDropped,
  dedicatedServiceAccount,
  networkPolicy,
  noHostAccess,
  noPrivilegeEscalation,
  podSecurityRestricted,
  readOnlyRootFilesystem,
  runAsNonRoot,
  seccompProfile,
  tokenAutomountDisabled,
};

/** The built-in checks of the security domain, in catalog order. */
export const securityChecks: ReadinessCheck[] = [
  dedicatedServiceAccount,
  tokenAutomountDisabled,
  podSecurityRestricted,
  runAsNonRoot,
  noPrivilegeEscalation,
  capabilitiesDropped,
  readOnlyRootFilesystem,
  seccompProfile,
  noHostAccess,
  networkPolicy,
];
