import { ReadinessCheck } from '../../types';
import { gitopsManaged } from './gitopsManaged';
import { gitopsSelfHeal } from './gitopsSelfHeal';
import { releaseSmokeTest } from './releaseSmokeTest';
import { rollbackReady } from './rollbackReady';
import { secretsSealed } from './secretsSealed';

export { gitopsManaged, gitopsSelfHeal, releaseSmokeTest, rollbackReady, secretsSealed };

/** The delivery checks, in the order of the check catalog. */
export const deliveryChecks: ReadinessCheck[] = [gitopsManaged, gitopsSelfHeal, secretsSealed, releaseSmokeTest, rollbackReady];
