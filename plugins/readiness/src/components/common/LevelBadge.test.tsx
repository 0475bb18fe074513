import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LevelBadge } from './LevelBadge';

describe('LevelBadge', () => {
  it('names the level', async () => {
    await renderInTestApp(<LevelBadge level="gold" state="evaluated" />);
    expect(screen.getByText('Gold')).toBeInTheDocument();
  });

  it('says "Not rated" for an entity that was not evaluated, never a medal', async () => {
    await renderInTestApp(<LevelBadge level="gold" state="not-mapped" />);
    expect(screen.getByText('Not rated')).toBeInTheDocument();
    expect(screen.queryByText('Gold')).not.toBeInTheDocument();
  });
});
