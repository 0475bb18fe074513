import { ReadinessCheck } from '../../types';
import { helmManaged } from './helmManaged';
import { ingressTls } from './ingressTls';
import { livenessProbe } from './livenessProbe';
import { noNodeportExposure } from './noNodeportExposure';
import { probesDistinct } from './probesDistinct';
import { readinessProbe } from './readinessProbe';
import { tlsCertificateManaged } from './tlsCertificateManaged';

export { helmManaged, ingressTls, livenessProbe, noNodeportExposure, probesDistinct, readinessProbe, tlsCertificateManaged };

/** The packaging-traffic checks, in catalog order (checks.md). */
export const packagingTrafficChecks: ReadinessCheck[] = [
  helmManaged,
  readinessProbe,
  livenessProbe,
  probesDistinct,
  ingressTls,
  tlsCertificateManaged,
  noNodeportExposure,
];
