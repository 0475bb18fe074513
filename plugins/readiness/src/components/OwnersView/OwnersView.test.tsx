import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { OwnersResponse } from '@prodready/plugin-readiness-common';
import { ReadinessApi, readinessApiRef } from '../../api';
import { ACME_OWNERS } from '../ScorecardPage/__testUtils__/acmeRetail';
import { OwnersView } from './OwnersView';

jest.setTimeout(30_000);

async function renderOwners(
  getOwners: ReadinessApi['getOwners'],
  onViewServices = jest.fn(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, { getOwners }]]}>
      <OwnersView onViewServices={onViewServices} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return onViewServices;
}

function ownerRows(): HTMLElement[] {
  return within(screen.getAllByRole('table')[0]).getAllByRole('row').slice(1);
}

describe('OwnersView', () => {
  it('ranks owners by no-go services, then by lowest mean score', async () => {
    await renderOwners(jest.fn(async () => ({ items: ACME_OWNERS })));
    expect(await screen.findByText('9 owners')).toBeInTheDocument();
    const names = ownerRows().map(
      row => within(row).getAllByRole('link')[0].textContent,
    );
    expect(names).toEqual([
      'commerce',
      'data',
      'analytics-team',
      'web-team',
      'ml-team',
      'catalog-team',
      'checkout-team',
      'identity-team',
      'platform',
    ]);
  });

  it('shows counts, level distribution, mean score and worst gaps of each owner', async () => {
    await renderOwners(jest.fn(async () => ({ items: ACME_OWNERS })));
    await screen.findByText('9 owners');
    const commerce = ownerRows()[0];
    expect(
      within(commerce).getByText('incl. 3 sub-groups'),
    ).toBeInTheDocument();
    expect(within(commerce).getByText('10')).toBeInTheDocument();
    expect(within(commerce).getByText('7 scored')).toBeInTheDocument();
    expect(within(commerce).getByLabelText('4 no-go')).toBeInTheDocument();
    expect(
      within(commerce).getByRole('img', {
        name: 'Levels: 1 gold, 1 silver, 2 bronze, 6 none',
      }),
    ).toBeInTheDocument();
    expect(
      within(commerce).getByRole('img', { name: 'Mean score: 80' }),
    ).toHaveTextContent('80');
    const gaps = within(
      within(commerce).getByRole('list', { name: 'Worst gaps' }),
    ).getAllByRole('listitem');
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toHaveTextContent(
      'CriticalContainers run as non-root · 2 services',
    );

    const analytics = ownerRows()[2];
    expect(within(analytics).getByText('in Data')).toBeInTheDocument();
  });

  it('opens the services of an owner and of its sub-groups', async () => {
    const onViewServices = await renderOwners(
      jest.fn(async () => ({ items: ACME_OWNERS })),
    );
    await screen.findByText('9 owners');

    await userEvent.click(
      screen.getByRole('button', { name: 'View services of Commerce' }),
    );
    expect(onViewServices).toHaveBeenLastCalledWith([
      'group:default/commerce',
      'group:default/checkout-team',
      'group:default/catalog-team',
      'group:default/web-team',
    ]);

    // A click anywhere on the row does the same.
    await userEvent.click(within(ownerRows()[4]).getByText('in Data'));
    // (material-table waits to tell a single click from a double one)
    await waitFor(() =>
      expect(onViewServices).toHaveBeenLastCalledWith([
        'group:default/ml-team',
      ]),
    );
    expect(onViewServices).toHaveBeenCalledTimes(2);
  });

  it('can hide the groups that have sub-groups', async () => {
    await renderOwners(jest.fn(async () => ({ items: ACME_OWNERS })));
    await screen.findByText('9 owners');
    await userEvent.click(screen.getByRole('checkbox', { name: /Teams only/ }));
    expect(await screen.findByText('6 owners')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'View services of Commerce' }),
    ).not.toBeInTheDocument();
  });

  it('shows progress, then the error when the rollup cannot be loaded', async () => {
    let reject: (e: Error) => void = () => {};
    await renderOwners(
      jest.fn(
        () =>
          new Promise<OwnersResponse>((_resolve, r) => {
            reject = r;
          }),
      ),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    reject(new Error('Request failed with 500 Internal Server Error'));
    expect(
      await screen.findByText(
        'Error: Request failed with 500 Internal Server Error',
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });

  it('says when no owner has evaluated services', async () => {
    await renderOwners(jest.fn(async () => ({ items: [] })));
    expect(await screen.findByText('No owners yet')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('table')).not.toBeInTheDocument(),
    );
  });
});
