import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  OwnersResponse,
  ScorecardQueryParams,
} from '@prodready/plugin-readiness-common';
import { ReadinessApi, readinessApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  ACME_OWNERS,
  fakeScorecard,
} from '../ScorecardPage/__testUtils__/acmeRetail';
import { GroupReadinessCard } from './GroupReadinessCard';

jest.setTimeout(30_000);

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

function mockApi() {
  return {
    getOwners: jest.fn(
      async (): Promise<OwnersResponse> => ({
        items: ACME_OWNERS,
      }),
    ),
    getScorecard: jest.fn(async (query: ScorecardQueryParams) =>
      fakeScorecard(query),
    ),
  } satisfies Partial<ReadinessApi>;
}

async function renderCard(
  api: Partial<ReadinessApi>,
  name: string,
  options: { scorecardMounted?: boolean } = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>
      <EntityProvider entity={group(name)}>
        <GroupReadinessCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        ...(options.scorecardMounted === false
          ? {}
          : { '/readiness': rootRouteRef }),
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

function serviceRows(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Services' })).getAllByRole(
    'listitem',
  );
}

describe('GroupReadinessCard', () => {
  it("lists a business unit's services, its teams' included, worst first", async () => {
    const api = mockApi();
    await renderCard(api, 'commerce');

    expect(
      await screen.findByRole('group', {
        name: 'Summary: 10 services, 4 no-go, mean score 80',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Services of this group and its 3 sub-groups'),
    ).toBeInTheDocument();
    // The owner filter matches direct owners, so the card asks for the group and its sub-groups.
    expect(api.getScorecard).toHaveBeenCalledWith({
      owner: [
        'group:default/commerce',
        'group:default/checkout-team',
        'group:default/catalog-team',
        'group:default/web-team',
      ],
      sort: 'score',
      order: 'asc',
      limit: 10,
    });

    const rows = serviceRows();
    expect(rows).toHaveLength(10);
    expect(
      within(rows[0]).getByRole('link', { name: 'legacy-admin' }),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('NO-GO')).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('img', { name: 'Score: 2' }),
    ).toHaveTextContent('2');
    expect(within(rows[0]).getByText('No level')).toBeInTheDocument();
    // The two most severe failing counts, and the sub-team that owns it.
    expect(within(rows[0]).getByText('10 critical')).toBeInTheDocument();
    expect(within(rows[0]).getByText('14 high')).toBeInTheDocument();
    expect(within(rows[0]).queryByText('15 medium')).not.toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('link', { name: 'catalog-team' }),
    ).toBeInTheDocument();
    // Nested teams' services are all there.
    for (const name of [
      'cart',
      'storefront-web',
      'search',
      'checkout',
      'promotions',
    ]) {
      expect(screen.getByRole('link', { name })).toBeInTheDocument();
    }

    const gaps = within(
      screen.getByRole('list', { name: 'Biggest gaps' }),
    ).getAllByRole('listitem');
    expect(gaps[0]).toHaveTextContent(
      'Containers run as non-root · 2 services',
    );

    const scorecardLink = screen.getByRole('link', {
      name: /View all 10 in the scorecard/,
    });
    const href = new URL(scorecardLink.getAttribute('href')!, 'http://x');
    expect(href.pathname).toBe('/readiness');
    expect(href.searchParams.getAll('owner')).toEqual([
      'group:default/commerce',
      'group:default/checkout-team',
      'group:default/catalog-team',
      'group:default/web-team',
    ]);
  });

  it("lists a team's own services without naming the team on each row", async () => {
    const api = mockApi();
    await renderCard(api, 'checkout-team');
    expect(
      await screen.findByRole('group', {
        name: 'Summary: 5 services, 1 no-go, mean score 94',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Services owned by this team')).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith(
      expect.objectContaining({ owner: ['group:default/checkout-team'] }),
    );
    const rows = serviceRows();
    expect(
      rows.map(r => within(r).getAllByRole('link')[0].textContent),
    ).toEqual(['cart', 'ledger', 'payments-api', 'checkout', 'gift-cards']);
    expect(
      screen.queryByRole('link', { name: 'checkout-team' }),
    ).not.toBeInTheDocument();
    expect(within(rows[4]).getByText('No workloads')).toBeInTheDocument();
    expect(within(rows[3]).getByText('No failing checks')).toBeInTheDocument();
  });

  it('works without a link when the app does not mount the scorecard page', async () => {
    await renderCard(mockApi(), 'ml-team', { scorecardMounted: false });
    expect(
      await screen.findByRole('link', { name: 'recommendations' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /in the scorecard/ }),
    ).not.toBeInTheDocument();
  });

  it('says honestly when the team owns no evaluated service', async () => {
    const api = mockApi();
    await renderCard(api, 'sre-team');
    expect(
      await screen.findByText('No evaluated services'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Neither sre-team nor its sub-groups/),
    ).toBeInTheDocument();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });

  it('shows progress while loading and the error when loading fails', async () => {
    const api = mockApi();
    let reject: (e: Error) => void = () => {};
    api.getOwners.mockReturnValue(
      new Promise<OwnersResponse>((_resolve, r) => {
        reject = r;
      }),
    );
    await renderCard(api, 'commerce');
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    reject(new Error('Request failed with 403 Forbidden'));
    expect(
      await screen.findByText('Error: Request failed with 403 Forbidden', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });
});
