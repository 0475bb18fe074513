import { ReadinessCheck } from '../../types';
import { backupScheduled } from './backupScheduled';
import { logicalBackup } from './logicalBackup';
import { restoreTested } from './restoreTested';
import { rpoRtoDeclared } from './rpoRtoDeclared';
import { runbookLinked } from './runbookLinked';

export { backupScheduled, logicalBackup, restoreTested, rpoRtoDeclared, runbookLinked };

/** The resilience checks, in catalog order (docs/spec checks.md section 8). */
export const resilienceChecks: ReadinessCheck[] = [backupScheduled, logicalBackup, restoreTested, rpoRtoDeclared, runbookLinked];
