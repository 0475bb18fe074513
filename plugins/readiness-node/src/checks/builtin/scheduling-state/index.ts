import { ReadinessCheck } from '../../types';
import { disruptionBudget } from './disruptionBudget';
import { disruptionBudgetAllowsEviction } from './disruptionBudgetAllowsEviction';
import { priorityClass } from './priorityClass';
import { replicasMinimum } from './replicasMinimum';
import { spreadAcrossNodes } from './spreadAcrossNodes';
import { statefulStorage } from './statefulStorage';

export { disruptionBudget, disruptionBudgetAllowsEviction, priorityClass, replicasMinimum, spreadAcrossNodes, statefulStorage };

/** The scheduling-state checks, in catalog order (docs/spec checks.md section 7). */
export const schedulingStateChecks: ReadinessCheck[] = [
  replicasMinimum,
  spreadAcrossNodes,
  disruptionBudget,
  disruptionBudgetAllowsEviction,
  statefulStorage,
  priorityClass,
];
