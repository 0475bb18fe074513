import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ReadinessHistoryPoint } from '@prodready/plugin-readiness-common';
import { ScoreHistoryChart, summarizeHistory } from './ScoreHistoryChart';

const point = (
  evaluatedAt: string,
  verdict: 'go' | 'no-go',
  score: number | null,
): ReadinessHistoryPoint => ({
  evaluatedAt,
  verdict,
  score,
  level: verdict === 'go' ? 'silver' : 'none',
  coverage: 0.9,
});

const series = [
  point('2026-11-18T09:00:00Z', 'go', 92),
  point('2026-11-18T09:10:00Z', 'go', 92), // unchanged: collapsed
  point('2026-11-19T09:00:00Z', 'no-go', 80),
  point('2026-11-20T09:00:00Z', 'no-go', 84),
  point('2026-11-21T09:00:00Z', 'go', 95),
];

describe('ScoreHistoryChart', () => {
  it('draws a marker per change of score or verdict, and marks each verdict change', async () => {
    await renderInTestApp(<ScoreHistoryChart points={series} />);
    const chart = screen.getByTestId('readiness-history-chart');
    const points = within(chart).getAllByTestId('history-point');
    expect(points.map(p => p.getAttribute('data-score'))).toEqual([
      '92',
      '80',
      '84',
      '95',
    ]);
    expect(points.map(p => p.getAttribute('data-verdict'))).toEqual([
      'go',
      'no-go',
      'no-go',
      'go',
    ]);
    const changes = within(chart).getAllByTestId('history-verdict-change');
    expect(changes).toHaveLength(2);
    expect(changes[0].textContent).toBe('→ NO-GO');
    expect(changes[1].textContent).toBe('→ GO');
    // a circle for GO, a diamond for NO-GO: the shape carries the verdict, not only the colour
    expect(points[0].querySelector('circle')).not.toBeNull();
    expect(points[1].querySelector('polygon')).not.toBeNull();
  });

  it('is an accessible image with a title and a description of the trend', async () => {
    await renderInTestApp(
      <ScoreHistoryChart points={series} title="Score of cart" />,
    );
    const chart = screen.getByRole('img', { name: /Score of cart/ });
    const desc = chart.querySelector('desc')!.textContent!;
    expect(desc).toContain(
      'Score 92 at the start, 95 at the end (lowest 80, highest 95).',
    );
    expect(desc).toContain(
      'Verdict changed 2 times: to NO-GO on 2026-11-19 09:00 UTC, to GO on 2026-11-21 09:00 UTC.',
    );
    expect(chart.querySelector('title')!.textContent).toBe('Score of cart');
    expect(
      within(chart).getAllByTestId('history-point')[0].querySelector('title')!
        .textContent,
    ).toBe('2026-11-18 09:00 UTC: GO, score 92, level silver');
  });

  it('breaks the line where the score is null and says so', async () => {
    await renderInTestApp(
      <ScoreHistoryChart
        points={[
          point('2026-11-19T09:00:00Z', 'go', 90),
          point('2026-11-20T09:00:00Z', 'go', null),
          point('2026-11-21T09:00:00Z', 'go', 90),
        ]}
      />,
    );
    const chart = screen.getByTestId('readiness-history-chart');
    expect(chart.querySelectorAll('path')).toHaveLength(2);
    expect(
      within(chart).getAllByTestId('history-point')[1].querySelector('title')!
        .textContent,
    ).toContain('score no data');
  });

  it('draws a single evaluation', async () => {
    await renderInTestApp(
      <ScoreHistoryChart
        points={[point('2026-11-21T09:00:00Z', 'no-go', 40)]}
      />,
    );
    expect(screen.getAllByTestId('history-point')).toHaveLength(1);
    expect(
      screen.getByRole('img').querySelector('desc')!.textContent,
    ).toContain('Verdict NO-GO throughout.');
  });

  it('says when there is no history', async () => {
    await renderInTestApp(<ScoreHistoryChart points={[]} />);
    expect(
      screen.getByText('No evaluations recorded in this period yet.'),
    ).toBeInTheDocument();
  });

  it('keeps only the points where something changes, plus the last', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      point(
        new Date(Date.UTC(2026, 10, 1) + i * 600_000).toISOString(),
        'go',
        i < 250 ? 80 : 90,
      ),
    );
    expect(summarizeHistory(many).map(p => p.score)).toEqual([80, 90, 90]);
  });
});
