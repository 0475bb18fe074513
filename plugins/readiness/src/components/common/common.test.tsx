import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntityCheckResult } from '@prodready/plugin-readiness-common';
import {
  CheckStatusLabel,
  CoverageLabel,
  domainTitle,
  FailingCounts,
  formatAbsoluteTime,
  formatPercent,
  formatRelativeTime,
  LevelBadge,
  rankGaps,
  ScoreDisplay,
  SeverityChip,
  VerdictChip,
} from '.';

describe('shared readiness pieces', () => {
  it('writes the verdict as a word next to its icon', async () => {
    await renderInTestApp(
      <>
        <VerdictChip verdict="go" />
        <VerdictChip verdict="no-go" size="small" />
        <VerdictChip verdict="go" state="not-mapped" />
        <VerdictChip verdict="go" state="no-workloads" />
      </>,
    );
    expect(screen.getByText('GO')).toBeInTheDocument();
    expect(screen.getByText('NO-GO')).toBeInTheDocument();
    expect(screen.getByText('Not mapped')).toBeInTheDocument();
    expect(screen.getByText('No workloads')).toBeInTheDocument();
  });

  it('writes every check status as a word', async () => {
    await renderInTestApp(
      <>
        {(['pass', 'fail', 'unknown', 'waived', 'not-applicable'] as const).map(
          s => (
            <CheckStatusLabel key={s} status={s} />
          ),
        )}
      </>,
    );
    for (const word of [
      'Pass',
      'Fail',
      'Unknown',
      'Accepted risk',
      'Not applicable',
    ]) {
      expect(screen.getByText(word)).toBeInTheDocument();
    }
  });

  it('shows severities, levels, scores and coverage in words', async () => {
    await renderInTestApp(
      <>
        <SeverityChip severity="critical" />
        <SeverityChip severity="high" prefix={3} />
        <LevelBadge level="gold" levelNames={{ gold: 'Platinum' }} />
        <LevelBadge level="none" />
        <ScoreDisplay score={null} coverage={0.2} />
        <ScoreDisplay score={87} />
        <CoverageLabel coverage={0.874} variant="short" />
        <FailingCounts failing={{ critical: 1, high: 0, medium: 2, low: 0 }} />
        <FailingCounts failing={{ critical: 0, high: 0, medium: 0, low: 0 }} />
      </>,
    );
    expect(screen.getByText('Critical')).toBeInTheDocument();
    expect(screen.getByText('3 high')).toBeInTheDocument();
    expect(screen.getByText('Platinum')).toBeInTheDocument();
    expect(screen.getByText('No level')).toBeInTheDocument();
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(
      screen.getByText('score rests on 20% of checks'),
    ).toBeInTheDocument();
    expect(screen.getByText('87')).toBeInTheDocument();
    expect(screen.getByText('87% coverage')).toBeInTheDocument();
    expect(screen.getByText('1 critical')).toBeInTheDocument();
    expect(screen.getByText('2 medium')).toBeInTheDocument();
    expect(screen.getByText('No failing checks')).toBeInTheDocument();
  });

  it('formats times, shares and domain names', () => {
    const now = new Date('2026-11-21T09:00:00Z');
    expect(formatAbsoluteTime('2026-11-21T08:03:51Z')).toBe(
      '2026-11-21 08:03 UTC',
    );
    expect(formatRelativeTime('2026-11-21T08:55:00Z', now)).toBe(
      '5 minutes ago',
    );
    expect(formatRelativeTime('2026-11-21T08:59:50Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-11-24T09:00:00Z', now)).toBe('in 3 days');
    expect(formatPercent(0.874)).toBe('87%');
    expect(domainTitle('packaging-traffic')).toBe('Packaging & traffic');
    expect(domainTitle('custom')).toBe('custom');
  });

  it('ranks the failing checks critical first', () => {
    const check = (
      checkId: string,
      severity: EntityCheckResult['severity'],
      status: EntityCheckResult['status'],
    ) =>
      ({ checkId, severity, status, domain: 'security' } as EntityCheckResult);
    const gaps = rankGaps(
      [
        check('a', 'low', 'fail'),
        check('b', 'critical', 'fail'),
        check('c', 'high', 'waived'),
        check('d', 'high', 'fail'),
        check('e', 'medium', 'fail'),
      ],
      3,
    );
    expect(gaps.map(g => g.checkId)).toEqual(['b', 'd', 'e']);
  });
});
