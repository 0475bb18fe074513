import { ReadinessCheck } from '../../types';
import { imageDigestPinned } from './imageDigestPinned';
import { imageRegistryAllowed } from './imageRegistryAllowed';
import { imageTagPinned } from './imageTagPinned';
import { imageVulnerabilityScan } from './imageVulnerabilityScan';
import { noSecretLiteralsInEnv } from './noSecretLiteralsInEnv';

export { imageDigestPinned, imageRegistryAllowed, imageTagPinned, imageVulnerabilityScan, noSecretLiteralsInEnv };
export type { ImageRegistryAllowedOptions } from './imageRegistryAllowed';

/** The supply-chain checks, in catalog order (checks.md). */
export const supplyChainChecks: ReadinessCheck[] = [
  imageTagPinned,
  imageDigestPinned,
  imageRegistryAllowed,
  imageVulnerabilityScan,
  noSecretLiteralsInEnv,
];
