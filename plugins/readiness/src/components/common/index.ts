/*
 * Small presentational pieces shared by every readiness view (entity tab and card, scorecard
 * page, owners view, group card). Each one writes its meaning in words next to any colour or icon.
 */
export { VerdictChip } from './VerdictChip';
export type { VerdictChipProps } from './VerdictChip';
export { CheckStatusLabel } from './CheckStatusLabel';
export type { CheckStatusLabelProps } from './CheckStatusLabel';
export { SeverityChip } from './SeverityChip';
export type { SeverityChipProps } from './SeverityChip';
export { LevelBadge } from './LevelBadge';
export type { LevelBadgeProps } from './LevelBadge';
export { ScoreDisplay, CoverageLabel, LOW_COVERAGE } from './ScoreDisplay';
export type { ScoreDisplayProps, CoverageLabelProps } from './ScoreDisplay';
export { FailingCounts } from './FailingCounts';
export type { FailingCountsProps } from './FailingCounts';
export { EvaluatedAt } from './EvaluatedAt';
export type { EvaluatedAtProps } from './EvaluatedAt';
export { CheckDocLink, useCheckDocUrl, checkDocPath } from './CheckDocLink';
export type { CheckDocLinkProps } from './CheckDocLink';
export { ScoreHistoryChart } from './ScoreHistoryChart';
export type { ScoreHistoryChartProps } from './ScoreHistoryChart';
export {
  NotMappedState,
  NoWorkloadsState,
  NotEvaluatedState,
  ConfigurationErrorsAlert,
  StaleAlert,
} from './ReadinessStates';
export { rankGaps, compareCheckResults } from './gaps';
export {
  VERDICT_LABELS,
  CHECK_STATUS_LABELS,
  SEVERITY_LABELS,
  DEFAULT_LEVEL_LABELS,
  domainTitle,
  domainDescription,
  formatPercent,
  formatAbsoluteTime,
  formatRelativeTime,
  formatDate,
} from './format';
