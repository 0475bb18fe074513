import { buildEntityReport } from '@prodready/plugin-readiness-common';
import { screen, within } from '@testing-library/react';
import {
  asResponse,
  cartEntity,
  cartReport,
  checkoutEntity,
  checkoutReport,
  giftCardsEntity,
  NOW,
  promotionsEntity,
  unmappedEntity,
} from '../common/__testUtils__/fixtures';
import {
  mockReadinessApi,
  renderWithApis,
} from '../common/__testUtils__/renderWithApis';
import { EntityReadinessCard } from './EntityReadinessCard';

describe('EntityReadinessCard', () => {
  it('shows verdict, score, level and coverage, and links to the Readiness tab', async () => {
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () => asResponse(checkoutReport())),
    });
    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: checkoutEntity,
    });
    expect(await screen.findByText('GO')).toBeInTheDocument();
    expect(screen.getByText('100')).toBeInTheDocument();
    expect(screen.getByText('Gold')).toBeInTheDocument();
    expect(
      screen.getByText('score rests on 100% of checks'),
    ).toBeInTheDocument();
    expect(screen.getByText('No failing checks')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the readiness report/ }),
    ).toHaveAttribute('href', '/readiness');
  });

  it('lists the three most important gaps, critical first, each linking to its check on the tab', async () => {
    const report = cartReport();
    // a fourth failing check, low, which must not be listed
    report.checks.push({
      checkId: 'image-pinned',
      domain: 'supply-chain',
      severity: 'low',
      status: 'fail',
      message: 'image cart:latest is not pinned',
      workloads: [],
    });
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () => asResponse(report)),
    });
    await renderWithApis(<EntityReadinessCard />, { api, entity: cartEntity });
    expect(await screen.findByText('NO-GO')).toBeInTheDocument();
    expect(screen.getByText('Top gaps (3 of 3 failing)')).toBeInTheDocument();
    const links = screen
      .getAllByRole('link')
      .filter(l => l.getAttribute('href')?.includes('?check='));
    expect(links.map(l => l.textContent)).toEqual([
      'Containers declare a readiness probe',
      'A PodDisruptionBudget protects the workload',
      'Containers request CPU and memory',
    ]);
    expect(links[0]).toHaveAttribute(
      'href',
      '/readiness?check=readiness-probe',
    );
    expect(
      screen.queryByText('Images are pinned by digest'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText("container 'cart' has no readinessProbe"),
    ).toBeInTheDocument();
  });

  it('says an unmapped entity is not mapped, with the annotation, without calling the backend', async () => {
    const api = mockReadinessApi();
    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: unmappedEntity,
    });
    expect(
      screen.getByText('Not mapped to Kubernetes workloads'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('readiness-not-mapped').textContent).toContain(
      'backstage.io/kubernetes-id: inventory-sync',
    );
    expect(api.getEntityReport).not.toHaveBeenCalled();
  });

  it('says an entity was not evaluated yet', async () => {
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () => undefined),
    });
    await renderWithApis(<EntityReadinessCard />, { api, entity: cartEntity });
    expect(await screen.findByText(/Not evaluated yet/)).toBeInTheDocument();
  });

  it('says a mapped entity has no workloads', async () => {
    const report = buildEntityReport({
      entityRef: 'component:default/gift-cards',
      state: 'no-workloads',
      workloadResults: [],
      now: NOW,
    });
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () => asResponse(report)),
    });
    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: giftCardsEntity,
    });
    expect(await screen.findByText('No workloads found')).toBeInTheDocument();
  });

  it('shows a configuration error with its NO-GO verdict', async () => {
    const report = buildEntityReport({
      entityRef: 'component:default/promotions',
      workloadResults: [],
      configurationErrors: [
        {
          source: 'backstage.io/kubernetes-label-selector',
          message: 'invalid label selector',
        },
      ],
      now: NOW,
    });
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () => asResponse(report)),
    });
    await renderWithApis(<EntityReadinessCard />, {
      api,
      entity: promotionsEntity,
    });
    expect(await screen.findByText('NO-GO')).toBeInTheDocument();
    const alert = screen.getByTestId('readiness-configuration-errors');
    expect(
      within(alert).getByText(/invalid label selector/),
    ).toBeInTheDocument();
  });

  it('warns when results are stale', async () => {
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () =>
        asResponse(
          cartReport({ stale: { 'prod-eu': '2026-11-21T07:00:00Z' } }),
        ),
      ),
    });
    await renderWithApis(<EntityReadinessCard />, { api, entity: cartEntity });
    expect(await screen.findByTestId('readiness-stale')).toHaveTextContent(
      /prod-eu could not be read/,
    );
  });

  it('shows a backend error', async () => {
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () =>
        Promise.reject(new Error('backend down')),
      ),
    });
    await renderWithApis(<EntityReadinessCard />, { api, entity: cartEntity });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });

  it('shows progress while loading', async () => {
    const api = mockReadinessApi({
      getEntityReport: jest.fn(() => new Promise<never>(() => {})),
    });
    await renderWithApis(<EntityReadinessCard />, { api, entity: cartEntity });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
