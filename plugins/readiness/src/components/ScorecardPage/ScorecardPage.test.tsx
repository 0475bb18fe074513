import { useLocation } from 'react-router-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  ReadinessSummary,
  ScorecardQueryParams,
  ScorecardResponse,
} from '@prodready/plugin-readiness-common';
import { ReadinessApi, readinessApiRef } from '../../api';
import { ScorecardPage } from './ScorecardPage';
import {
  ACME_OWNERS,
  ACME_SUMMARIES,
  fakeScorecard,
} from './__testUtils__/acmeRetail';

/** Prints the current URL search so tests can see what the page wrote there. */
const LocationProbe = () => {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
};

function currentSearch(): URLSearchParams {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

function mockApi(summaries: ReadinessSummary[] = ACME_SUMMARIES) {
  return {
    getScorecard: jest.fn(async (query: ScorecardQueryParams) =>
      fakeScorecard(query, summaries),
    ),
    getOwners: jest.fn(async () => ({ items: ACME_OWNERS })),
    downloadScorecardCsv: jest.fn(
      async (_query: ScorecardQueryParams) =>
        new Blob(['entityRef,score\n'], { type: 'text/csv' }),
    ),
  } satisfies Partial<ReadinessApi>;
}

type MockApi = ReturnType<typeof mockApi>;

/** The queries of the Services table (the header's count queries ask for one row). */
function tableQueries(api: MockApi): ScorecardQueryParams[] {
  return api.getScorecard.mock.calls
    .map(([query]) => query)
    .filter(query => query.limit !== 1);
}

function lastTableQuery(api: MockApi): ScorecardQueryParams | undefined {
  return tableQueries(api).at(-1);
}

/** A header's sort label, found by its text inside the table head. */
function sortLabel(text: string): HTMLElement {
  return within(
    screen.getAllByRole('table')[0].querySelector('thead')!,
  ).getByText(text);
}

/** An option of the open select or autocomplete popup. */
async function findOption(text: string | RegExp): Promise<HTMLElement> {
  return within(await screen.findByRole('listbox')).getByText(text);
}

/** The domain select of the filter bar. */
function domainSelect(): HTMLElement {
  return within(screen.getByLabelText('Filters')).getByRole('button', {
    name: /Domain score/,
  });
}

/** The body rows of the Services table (the pagination footer is a table of its own). */
function bodyRows(): HTMLElement[] {
  return within(screen.getAllByRole('table')[0]).getAllByRole('row').slice(1);
}

async function renderPage(api: Partial<ReadinessApi>, route = '/readiness') {
  return renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>
      <ScorecardPage />
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** 30 services, to page through. */
const MANY: ReadinessSummary[] = Array.from({ length: 30 }, (_, i) => ({
  ...ACME_SUMMARIES[i % 11],
  name: `svc-${String(i).padStart(2, '0')}`,
  entityRef: `component:default/svc-${String(i).padStart(2, '0')}`,
}));

// A full page of the table is a large DOM for jsdom.
jest.setTimeout(60_000);

describe('ScorecardPage', () => {
  it('ranks every service with its verdict, score, level, domain heat map and owner', async () => {
    const api = mockApi();
    await renderPage(api);

    expect(await screen.findByText('14 services, 7 no-go')).toBeInTheDocument();
    expect(await screen.findByText('legacy-admin')).toBeInTheDocument();
    expect(lastTableQuery(api)).toEqual({
      sort: 'score',
      order: 'asc',
      offset: 0,
      limit: 25,
    });

    const rows = bodyRows();
    expect(rows).toHaveLength(14);
    // Worst first, as the backend sorted them.
    expect(
      within(rows[0]).getByRole('link', { name: 'legacy-admin' }),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('NO-GO')).toBeInTheDocument();
    expect(within(rows[0]).getByLabelText('Score: 2')).toBeInTheDocument();
    expect(within(rows[0]).getByText('98% coverage')).toBeInTheDocument();
    expect(within(rows[0]).getByText('No level')).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('link', { name: 'catalog-team' }),
    ).toBeInTheDocument();

    // One heat-map cell per domain, value printed, labelled with the domain.
    const reporting = rows.find(r =>
      within(r).queryByRole('link', { name: 'reporting-etl' }),
    )!;
    expect(
      within(reporting).getByRole('img', { name: 'Resilience: 12' }),
    ).toHaveTextContent('12');
    expect(
      within(reporting).getByRole('img', { name: 'Delivery: 57' }),
    ).toHaveTextContent('57');
    expect(
      within(reporting).getByRole('img', { name: 'Supply chain: 100' }),
    ).toHaveTextContent('100');
    expect(
      within(reporting).getAllByRole('img', { name: /^[A-Z][a-z &]+: \d+$/ }),
    ).toHaveLength(8);

    // Unscored entities say why, and their domains have no data.
    const giftCards = rows.find(r =>
      within(r).queryByRole('link', { name: 'gift-cards' }),
    )!;
    expect(within(giftCards).getByText('No workloads')).toBeInTheDocument();
    expect(
      within(giftCards).getByRole('img', { name: 'Security: no data' }),
    ).toHaveTextContent('–');
    const promotions = rows.find(r =>
      within(r).queryByRole('link', { name: 'promotions' }),
    )!;
    expect(
      within(promotions).getByText('configuration error'),
    ).toBeInTheDocument();

    // Stale results are marked.
    const events = rows.find(r =>
      within(r).queryByRole('link', { name: 'event-collector' }),
    )!;
    expect(within(events).getByText('stale')).toBeInTheDocument();
  });

  it('sorts on the server when a column header is clicked, and keeps the sort in the URL', async () => {
    const api = mockApi();
    await renderPage(api);
    await screen.findByText('legacy-admin');

    fireEvent.click(sortLabel('Owner'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toEqual({
        sort: 'owner',
        order: 'asc',
        offset: 0,
        limit: 25,
      }),
    );
    expect(currentSearch().get('sort')).toBe('owner');

    fireEvent.click(sortLabel('Owner'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({
        sort: 'owner',
        order: 'desc',
      }),
    );
    expect(currentSearch().get('order')).toBe('desc');

    fireEvent.click(sortLabel('Security'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({
        sort: 'domain:security',
        order: 'asc',
        offset: 0,
      }),
    );
    expect(currentSearch().get('sort')).toBe('domain:security');

    fireEvent.click(sortLabel('Evaluated'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({ sort: 'evaluatedAt' }),
    );
  });

  it('pages on the server: next page, then 50 rows per page', async () => {
    const api = mockApi(MANY);
    await renderPage(api);
    await screen.findByText('30 services');
    expect(bodyRows()).toHaveLength(25);

    fireEvent.click(screen.getByLabelText('Next Page'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toEqual({
        sort: 'score',
        order: 'asc',
        offset: 25,
        limit: 25,
      }),
    );
    expect(currentSearch().get('page')).toBe('2');

    fireEvent.mouseDown(screen.getByText('25 rows'));
    fireEvent.click(await findOption(/^50/));
    await waitFor(() =>
      expect(lastTableQuery(api)).toEqual({
        sort: 'score',
        order: 'asc',
        offset: 0,
        limit: 50,
      }),
    );
    expect(currentSearch().get('limit')).toBe('50');
    expect(currentSearch().get('page')).toBeNull();
    await waitFor(() => expect(bodyRows()).toHaveLength(30));
  });

  it('filters by owner, verdict, level, domain threshold and debounced free text', async () => {
    const api = mockApi();
    await renderPage(api, '/readiness?page=2');
    await screen.findByText('14 services, 7 no-go');

    await userEvent.click(screen.getByLabelText('Owner'));
    await userEvent.click(await findOption('Checkout Team'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toEqual({
        owner: ['group:default/checkout-team'],
        sort: 'score',
        order: 'asc',
        offset: 0,
        limit: 25,
      }),
    );
    expect(currentSearch().getAll('owner')).toEqual([
      'group:default/checkout-team',
    ]);
    expect(currentSearch().get('page')).toBeNull();
    await userEvent.keyboard('{Escape}');

    await userEvent.click(screen.getByLabelText('Verdict'));
    await userEvent.click(await findOption('No-go'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({ verdict: ['no-go'] }),
    );
    await userEvent.keyboard('{Escape}');

    await userEvent.click(screen.getByLabelText('Level'));
    await userEvent.click(await findOption('No level'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({ level: ['none'] }),
    );
    await userEvent.keyboard('{Escape}');

    fireEvent.mouseDown(domainSelect());
    await userEvent.click(await findOption('Scheduling & state'));
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({
        domain: { id: 'scheduling-state', below: 60 },
      }),
    );
    expect(currentSearch().get('domain')).toBe('scheduling-state:60');

    const threshold = screen.getByLabelText('Domain score below');
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '40');
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({
        domain: { id: 'scheduling-state', below: 40 },
      }),
    );
    // Typing "40" did not query for "4" first.
    expect(tableQueries(api).some(q => q.domain?.below === 4)).toBe(false);

    const callsBeforeTyping = tableQueries(api).length;
    await userEvent.type(screen.getByLabelText('Search'), 'cart');
    await waitFor(
      () => expect(lastTableQuery(api)).toMatchObject({ q: 'cart' }),
      { timeout: 2000 },
    );
    // One query for the whole word, not one per keystroke.
    expect(
      tableQueries(api)
        .slice(callsBeforeTyping)
        .map(q => q.q),
    ).toEqual(['cart']);
    expect(lastTableQuery(api)).toEqual({
      owner: ['group:default/checkout-team'],
      verdict: ['no-go'],
      level: ['none'],
      domain: { id: 'scheduling-state', below: 40 },
      q: 'cart',
      sort: 'score',
      order: 'asc',
      offset: 0,
      limit: 25,
    });
    expect(
      await screen.findByText('1 service matches the filters'),
    ).toBeInTheDocument();
    expect(screen.getByText('cart')).toBeInTheDocument();

    await userEvent.click(screen.getAllByText('Clear filters')[0]);
    await waitFor(() =>
      expect(lastTableQuery(api)).toEqual({
        sort: 'score',
        order: 'asc',
        offset: 0,
        limit: 25,
      }),
    );
    expect(screen.getByLabelText('Search')).toHaveValue('');
  });

  it('restores filters, sorting and paging from the URL of a shared link', async () => {
    const api = mockApi(MANY);
    await renderPage(
      api,
      '/readiness?owner=group:default/checkout-team&owner=group:default/web-team&kind=Component&lifecycle=production&verdict=no-go&level=none&domain=security:95&q=svc&sort=domain:security&order=desc&page=2&limit=50',
    );
    await waitFor(() =>
      expect(tableQueries(api)[0]).toEqual({
        owner: ['group:default/checkout-team', 'group:default/web-team'],
        kind: ['Component'],
        lifecycle: ['production'],
        verdict: ['no-go'],
        level: ['none'],
        domain: { id: 'security', below: 95 },
        q: 'svc',
        sort: 'domain:security',
        order: 'desc',
        offset: 50,
        limit: 50,
      }),
    );
    expect(screen.getByLabelText('Search')).toHaveValue('svc');
    expect(
      screen.getByRole('spinbutton', { name: 'Domain score below' }),
    ).toHaveValue(95);
    expect(domainSelect()).toHaveTextContent('Security');
    expect(
      await screen.findByTitle('Checkout Team, Web Team'),
    ).toHaveTextContent('Checkout Team +1');
  });

  it('goes back to the last page when a shared link points past it', async () => {
    const api = mockApi();
    await renderPage(api, '/readiness?page=4');
    await waitFor(() =>
      expect(lastTableQuery(api)).toMatchObject({ offset: 0, limit: 25 }),
    );
    expect(currentSearch().get('page')).toBeNull();
    expect(await screen.findByText('legacy-admin')).toBeInTheDocument();
  });

  it('exports the current filter and sorting as CSV', async () => {
    const api = mockApi();
    const createObjectURL = jest.fn(() => 'blob:readiness');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordClick(this: HTMLAnchorElement) {
        clicked.push(this);
      });

    await renderPage(
      api,
      '/readiness?verdict=no-go&owner=group:default/analytics-team&sort=name&page=2',
    );
    await screen.findByText('14 services, 7 no-go');
    await userEvent.click(screen.getByText('Export CSV').closest('button')!);

    await waitFor(() =>
      expect(api.downloadScorecardCsv).toHaveBeenCalledTimes(1),
    );
    expect(api.downloadScorecardCsv).toHaveBeenCalledWith({
      owner: ['group:default/analytics-team'],
      verdict: ['no-go'],
      sort: 'name',
      order: 'asc',
    });
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(clicked[0].download).toBe('readiness-scorecard.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:readiness');
    expect(clicked[0].isConnected).toBe(false);
    click.mockRestore();
  });

  it('says when the export fails', async () => {
    const api = mockApi();
    api.downloadScorecardCsv.mockRejectedValue(new Error('403 Forbidden'));
    await renderPage(api);
    await screen.findByText('14 services, 7 no-go');
    await userEvent.click(screen.getByText('Export CSV').closest('button')!);
    await waitFor(() => expect(api.downloadScorecardCsv).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.getByText('Export CSV').closest('button')!).toBeEnabled(),
    );
  });

  it('shows progress while loading', async () => {
    const api = mockApi();
    api.getScorecard.mockReturnValue(new Promise<ScorecardResponse>(() => {}));
    await renderPage(api);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error when the scorecard cannot be loaded', async () => {
    const api = mockApi();
    api.getScorecard.mockRejectedValue(
      new Error('Request failed with 503 Service Unavailable'),
    );
    await renderPage(api);
    expect(
      await screen.findByText(
        'Error: Request failed with 503 Service Unavailable',
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
    // The header falls back to a description instead of counts.
    expect(screen.getByText(/who owns each gap/)).toBeInTheDocument();
  });

  it('explains how services get evaluated when there are none yet', async () => {
    const api = mockApi([]);
    await renderPage(api);
    expect(
      await screen.findByText('No services evaluated yet'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/backstage.io\/kubernetes-id/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says that nothing matches when filters exclude every service', async () => {
    const api = mockApi();
    await renderPage(api, '/readiness?q=nothing-like-this');
    expect(
      await screen.findByText('No service matches these filters.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getAllByText('Clear filters').at(-1)!);
    expect(await screen.findByText('legacy-admin')).toBeInTheDocument();
    expect(currentSearch().get('q')).toBeNull();
  });

  it('ranks owners on the Owners tab and drills down into their services', async () => {
    const api = mockApi();
    await renderPage(api);
    await screen.findByText('legacy-admin');

    await userEvent.click(screen.getByRole('tab', { name: 'Owners' }));
    expect(currentSearch().get('view')).toBe('owners');
    const dataRow = (
      await screen.findByRole('button', { name: 'View services of Data' })
    ).closest('tr')!;
    expect(within(dataRow).getByLabelText('3 no-go')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'View services of Commerce' }),
    );
    await waitFor(() => expect(currentSearch().get('view')).toBeNull());
    expect(currentSearch().getAll('owner')).toEqual([
      'group:default/commerce',
      'group:default/checkout-team',
      'group:default/catalog-team',
      'group:default/web-team',
    ]);
    await waitFor(() =>
      expect(lastTableQuery(api)).toEqual({
        owner: [
          'group:default/commerce',
          'group:default/checkout-team',
          'group:default/catalog-team',
          'group:default/web-team',
        ],
        sort: 'score',
        order: 'asc',
        offset: 0,
        limit: 25,
      }),
    );
    expect(
      await screen.findByText('10 services match the filters'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Services' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
