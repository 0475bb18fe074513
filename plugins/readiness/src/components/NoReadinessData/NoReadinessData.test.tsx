import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { NoReadinessData } from './NoReadinessData';

describe('NoReadinessData', () => {
  it('says plainly that nothing was evaluated yet', async () => {
    await renderInTestApp(<NoReadinessData />);
    expect(screen.getByText('No readiness data yet')).toBeInTheDocument();
  });

  it('wraps the message in a titled card on overview pages', async () => {
    await renderInTestApp(<NoReadinessData variant="card" />);
    expect(screen.getByText('Readiness')).toBeInTheDocument();
    expect(screen.getByText('No readiness data yet')).toBeInTheDocument();
  });
});
