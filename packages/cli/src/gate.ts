import { ReadinessScore } from '@prodready/plugin-readiness-common';

/** What makes `prodready audit` exit 1. */
export type FailOn = 'no-go' | 'critical' | 'high' | 'never';

export const FAIL_ON_VALUES: ReadonlyArray<FailOn> = [
  'no-go',
  'critical',
  'high',
  'never',
];

/**
 * Whether the release gate passes:
 * - `no-go` (default): the verdict is go (no unwaived critical failure, no entity configuration error);
 * - `critical`: no unwaived critical check fails;
 * - `high`: no unwaived critical or high check fails;
 * - `never`: always (report only).
 * A check whose accepted risk expired fails again, so it counts.
 */
export function gatePasses(
  summary: Pick<ReadinessScore, 'verdict' | 'failing'>,
  failOn: FailOn,
): boolean {
  switch (failOn) {
    case 'never':
      return true;
    case 'critical':
      return summary.failing.critical === 0;
    case 'high':
      return summary.failing.critical === 0 && summary.failing.high === 0;
    default:
      return summary.verdict === 'go';
  }
}

/** Exit codes of the CLI. */
export const EXIT_PASS = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_USAGE = 2;
