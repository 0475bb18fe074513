import { ResponseError } from '@backstage/errors';
import { buildEntityReport } from '@prodready/plugin-readiness-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  annotationRisk,
  apiRisk,
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
import {
  EntityReadinessContent,
  EntityReadinessView,
} from './EntityReadinessContent';

const isoDay = (days: number) =>
  new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

async function notFound(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'database unavailable' },
        request: {},
        response: { statusCode: 500 },
      }),
      {
        status: 500,
        statusText: 'Internal Server Error',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

// Dialog flows type into several fields; give them room on slow machines.
jest.setTimeout(30000);

describe('EntityReadinessContent', () => {
  describe('honest states', () => {
    it('explains an unmapped entity and shows the annotation to add, without calling the backend', async () => {
      const api = mockReadinessApi();
      await renderWithApis(<EntityReadinessContent />, {
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

    it('shows the not-mapped state the backend reports', async () => {
      const report = buildEntityReport({
        entityRef: 'component:default/cart',
        state: 'not-mapped',
        workloadResults: [],
        now: NOW,
      });
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(report)),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      expect(
        await screen.findByText('Not mapped to Kubernetes workloads'),
      ).toBeInTheDocument();
    });

    it('shows progress while loading', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(() => new Promise<never>(() => {})),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      expect(screen.getByTestId('progress')).toBeInTheDocument();
    });

    it('shows a backend error', async () => {
      const error = await notFound();
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => Promise.reject(error)),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      expect(
        (await screen.findAllByText(/database unavailable/)).length,
      ).toBeGreaterThan(0);
    });

    it('says an entity was not evaluated yet (404)', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => undefined),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
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
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: giftCardsEntity,
      });
      expect(await screen.findByText('No workloads found')).toBeInTheDocument();
      expect(
        screen.getByTestId('readiness-no-workloads').textContent,
      ).toContain('backstage.io/kubernetes-id: gift-cards');
      expect(screen.queryByText('GO')).not.toBeInTheDocument();
    });

    it('shows an entity-level configuration error prominently, with a NO-GO verdict', async () => {
      const report = buildEntityReport({
        entityRef: 'component:default/promotions',
        workloadResults: [],
        configurationErrors: [
          {
            source: 'backstage.io/kubernetes-label-selector',
            message: 'invalid label selector: missing closing parenthesis',
          },
        ],
        now: NOW,
      });
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(report)),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: promotionsEntity,
      });
      const alert = await screen.findByTestId('readiness-configuration-errors');
      expect(
        within(alert).getByText(
          /Configuration error: the\s+verdict is NO-GO until fixed/,
        ),
      ).toBeInTheDocument();
      expect(
        within(alert).getByText(
          /invalid label selector: missing closing parenthesis/,
        ),
      ).toBeInTheDocument();
      expect(
        within(screen.getByTestId('readiness-verdict')).getByText('NO-GO'),
      ).toBeInTheDocument();
      expect(screen.getByText(/1 configuration error/)).toBeInTheDocument();
      expect(screen.queryByText('Domains')).not.toBeInTheDocument();
    });
  });

  describe('the header', () => {
    it('shows a GO verdict with score, level, coverage and when it was evaluated', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(checkoutReport())),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: checkoutEntity,
      });
      const verdict = await screen.findByTestId('readiness-verdict');
      expect(within(verdict).getByText('GO')).toBeInTheDocument();
      expect(
        within(verdict).getByText('May ship: no check fails.'),
      ).toBeInTheDocument();
      expect(screen.getByText('Gold')).toBeInTheDocument();
      expect(
        screen.getByText('score rests on 100% of checks'),
      ).toBeInTheDocument();
      expect(screen.getByText('2026-11-21 09:00 UTC')).toBeInTheDocument();
      expect(
        screen.queryByTestId('readiness-blockers'),
      ).not.toBeInTheDocument();
      expect(screen.queryByTestId('readiness-stale')).not.toBeInTheDocument();
    });

    it('lists the blockers right under a NO-GO verdict and opens the check on "How to fix"', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      const verdict = await screen.findByTestId('readiness-verdict');
      expect(within(verdict).getByText('NO-GO')).toBeInTheDocument();
      expect(
        within(verdict).getByText('Must not ship: 1 critical check fails.'),
      ).toBeInTheDocument();
      const blockers = screen.getByTestId('readiness-blockers');
      expect(
        within(blockers).getByText('What blocks the release (1)'),
      ).toBeInTheDocument();
      expect(
        within(blockers).getByText('Containers declare a readiness probe'),
      ).toBeInTheDocument();
      expect(
        within(blockers).getByText("container 'cart' has no readinessProbe"),
      ).toBeInTheDocument();

      await userEvent.click(
        within(blockers).getByRole('button', { name: /How to fix/ }),
      );
      expect(
        await screen.findByText('Remediation of readiness-probe.'),
      ).toBeInTheDocument();
    });

    it('warns clearly when results are stale, naming the cluster and since when', async () => {
      const report = cartReport({
        stale: { 'prod-eu': '2026-11-21T07:00:00Z' },
      });
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(report)),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      const stale = await screen.findByTestId('readiness-stale');
      expect(
        within(stale).getByText('Results may be out of date'),
      ).toBeInTheDocument();
      expect(within(stale).getByText('prod-eu')).toBeInTheDocument();
      expect(
        within(stale).getByText(/2026-11-21 07:00 UTC/),
      ).toBeInTheDocument();
    });
  });

  describe('domains and checks', () => {
    it('shows the eight domains with scores, "no data" and failing counts', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      await screen.findByText('Domains');
      for (const title of [
        'Supply chain',
        'Packaging & traffic',
        'Observability',
        'Delivery',
        'Security',
        'Resources & scaling',
        'Scheduling & state',
        'Resilience',
      ]) {
        expect(screen.getAllByText(title).length).toBeGreaterThan(0);
      }
      const packaging = screen.getByTestId('domain-packaging-traffic');
      expect(within(packaging).getByText('1 critical')).toBeInTheDocument();
      // readiness-probe fails (critical, weight 10), liveness-probe passes (high, 5): 5 / 15
      expect(within(packaging).getByText('33')).toBeInTheDocument();
      const security = screen.getByTestId('domain-security');
      expect(within(security).getByText('100')).toBeInTheDocument();
      expect(
        within(security).getByText('No failing checks'),
      ).toBeInTheDocument();
      const delivery = screen.getByTestId('domain-delivery');
      expect(within(delivery).getByText('No data')).toBeInTheDocument();
      // Observability has only unknown results: no score, and it says so.
      expect(
        within(screen.getByTestId('domain-observability')).getByText('No data'),
      ).toBeInTheDocument();
    });

    it('opens the domain of the first blocker and shows each check with status word and severity', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      expect(
        await screen.findByText('Packaging & traffic: 2 checks'),
      ).toBeInTheDocument();
      const failing = screen.getByTestId('check-readiness-probe');
      expect(within(failing).getByText('Fail')).toBeInTheDocument();
      expect(within(failing).getByText('Critical')).toBeInTheDocument();
      expect(
        within(failing).getByText('fails on 1 of 2 workloads'),
      ).toBeInTheDocument();
      expect(
        within(screen.getByTestId('check-liveness-probe')).getByText('Pass'),
      ).toBeInTheDocument();

      await userEvent.click(screen.getByRole('button', { name: /Security/ }));
      expect(screen.getByText('Security: 1 check')).toBeInTheDocument();
      expect(screen.getByTestId('check-run-as-non-root')).toBeInTheDocument();
    });

    it('renders per-workload evidence, the remediation snippet and the doc path', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      const check = await screen.findByTestId('check-readiness-probe');
      await userEvent.click(
        within(check).getByRole('button', {
          name: /Containers declare a readiness probe/,
        }),
      );

      const table = await within(check).findByRole('table', {
        name: 'Evidence for readiness-probe',
      });
      const rows = within(table).getAllByTestId('evidence-row');
      expect(rows).toHaveLength(2);
      // failing workload first
      expect(within(rows[0]).getByText('Fail')).toBeInTheDocument();
      expect(within(rows[0]).getByText('prod-eu')).toBeInTheDocument();
      expect(within(rows[0]).getByText('checkout')).toBeInTheDocument();
      expect(within(rows[0]).getByText('Deployment')).toBeInTheDocument();
      expect(within(rows[0]).getByText('cart')).toBeInTheDocument();
      expect(
        within(rows[0]).getByText(
          'spec.template.spec.containers[0].readinessProbe',
        ),
      ).toBeInTheDocument();
      expect(within(rows[1]).getByText('Pass')).toBeInTheDocument();
      expect(within(rows[1]).getByText('cart-worker')).toBeInTheDocument();

      expect(
        within(check).getByText('Rationale of readiness-probe.'),
      ).toBeInTheDocument();
      expect(
        within(check).getByText('Remediation of readiness-probe.'),
      ).toBeInTheDocument();
      expect(check.textContent).toContain('path: /ready');
      expect(
        within(check).getByRole('button', { name: /copy/i }),
      ).toBeInTheDocument();
      expect(
        within(check).getByText('docs/checks/readiness-probe.md'),
      ).toBeInTheDocument();
    });

    it('links to the check documentation when readiness.docsBaseUrl is configured', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
        config: {
          readiness: {
            docsBaseUrl:
              'https://github.com/acme/prodready/blob/main/docs/checks/',
          },
        },
        routeEntries: ['/?check=readiness-probe'],
      });
      const link = await screen.findByRole('link', {
        name: /Documentation of readiness-probe/,
      });
      expect(link).toHaveAttribute(
        'href',
        'https://github.com/acme/prodready/blob/main/docs/checks/readiness-probe.md',
      );
    });

    it('opens the check named in ?check= (links from the overview card)', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
        routeEntries: ['/?check=resource-requests'],
      });
      expect(
        await screen.findByText('Resources & scaling: 1 check'),
      ).toBeInTheDocument();
      expect(
        await screen.findByText('Remediation of resource-requests.'),
      ).toBeInTheDocument();
    });
  });

  describe('accepted risks', () => {
    const withRisks = () =>
      asResponse(cartReport({ acceptedRisks: [annotationRisk, apiRisk] }));

    it('lists accepted risks with reason, expiry, author and source, and marks expired ones', async () => {
      const expired = {
        ...apiRisk,
        id: 'w-2',
        checkId: 'disruption-budget',
        expiresAt: '2026-10-01',
        reason: 'old exception',
      };
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () =>
          asResponse(
            cartReport({ acceptedRisks: [annotationRisk, apiRisk, expired] }),
          ),
        ),
        getWaivers: jest.fn(async () => ({
          items: [
            {
              ...apiRisk,
              id: 'w-1',
              author: 'user:default/alice',
              createdAt: '2026-11-01T10:00:00Z',
            },
            {
              ...expired,
              author: 'user:default/bob',
              createdAt: '2026-09-01T00:00:00Z',
            },
          ] as any,
        })),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
      });
      const table = await screen.findByRole('table', {
        name: 'Accepted risks',
      });
      const rows = within(table).getAllByTestId('accepted-risk-row');
      expect(rows).toHaveLength(3);
      const annotationRow = rows.find(r =>
        within(r).queryByText(/nginx sidecar/),
      )!;
      expect(within(annotationRow).getByText('2027-06-30')).toBeInTheDocument();
      expect(
        within(annotationRow).getByText('Catalog annotation'),
      ).toBeInTheDocument();
      const apiRow = rows.find(r =>
        within(r).queryByText(/sized by the load test/),
      )!;
      expect(within(apiRow).getByText(/by alice/)).toBeInTheDocument();
      expect(within(apiRow).getByText('Prodready API')).toBeInTheDocument();
      const expiredRow = rows.find(r =>
        within(r).queryByText('old exception'),
      )!;
      expect(within(expiredRow).getByText('Expired')).toBeInTheDocument();
      // the expired risk leaves its check failing, and the check says so
      await userEvent.click(
        screen.getByRole('button', { name: /Scheduling & state/ }),
      );
      expect(screen.getByText('Fail (risk expired)')).toBeInTheDocument();
    });

    it('offers Revoke on API risks only when allowed, and revokes after confirmation', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => withRisks()),
        getWaivers: jest.fn(async () => ({
          items: [
            {
              ...apiRisk,
              id: 'w-1',
              author: 'user:default/alice',
              createdAt: '2026-11-01T10:00:00Z',
            },
          ] as any,
        })),
        revokeWaiver: jest.fn(async () => ({
          ...apiRisk,
          id: 'w-1',
          author: 'a',
          createdAt: 'x',
          revokedAt: '2026-11-21T09:05:00Z',
        })),
      });
      await renderWithApis(
        <EntityReadinessView
          entity={cartEntity}
          pollIntervalMs={10}
          pollTimeoutMs={50}
        />,
        { api, entity: cartEntity, allowed: true },
      );
      const table = await screen.findByRole('table', {
        name: 'Accepted risks',
      });
      const revokeButtons = await within(table).findAllByRole('button', {
        name: /Revoke/,
      });
      expect(revokeButtons).toHaveLength(1); // the annotation risk is edited in git
      expect(within(table).getByText('Edit in git')).toBeInTheDocument();

      await userEvent.click(revokeButtons[0]);
      const dialog = await screen.findByRole('dialog');
      expect(
        within(dialog).getByText(
          /Revoke the accepted risk for Containers request CPU and memory/,
        ),
      ).toBeInTheDocument();
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Revoke' }),
      );
      await waitFor(() => expect(api.revokeWaiver).toHaveBeenCalledWith('w-1'));
      expect(api.refresh).toHaveBeenCalledWith({
        entityRef: 'component:default/cart',
      });
      expect(
        await screen.findByText('Accepted risk revoked'),
      ).toBeInTheDocument();
    });

    it('validates the accept-risk dialog, submits it, re-evaluates and shows the new verdict', async () => {
      const before = asResponse(cartReport());
      const after = asResponse(
        cartReport({
          now: new Date('2026-11-21T09:01:00Z'),
          acceptedRisks: [
            {
              checkId: 'readiness-probe',
              entityRef: 'component:default/cart',
              reason: 'batch consumer, fixed in v2',
              expiresAt: '2027-01-31',
              source: 'api',
              id: 'w-9',
            },
          ],
        }),
      );
      const getEntityReport = jest
        .fn()
        .mockResolvedValueOnce(before)
        .mockResolvedValueOnce(before) // first poll: not evaluated yet
        .mockResolvedValue(after);
      const api = mockReadinessApi({
        getEntityReport,
        createWaiver: jest.fn(async request => ({
          ...request,
          id: 'w-9',
          source: 'api' as const,
          author: 'user:default/test',
          createdAt: '2026-11-21T09:00:30Z',
        })),
      });
      await renderWithApis(
        <EntityReadinessView
          entity={cartEntity}
          pollIntervalMs={10}
          pollTimeoutMs={5000}
        />,
        {
          api,
          entity: cartEntity,
          allowed: true,
        },
      );
      const check = await screen.findByTestId('check-readiness-probe');
      await userEvent.click(
        within(check).getByRole('button', {
          name: /Containers declare a readiness probe/,
        }),
      );
      await userEvent.click(
        await within(check).findByRole('button', { name: 'Accept this risk' }),
      );

      const dialog = await screen.findByRole('dialog');
      expect(
        within(dialog).getByText(/accepting its risk lifts a release blocker/),
      ).toBeInTheDocument();
      const expiry = within(dialog).getByLabelText(
        /Expires on/,
      ) as HTMLInputElement;
      expect(expiry.value).toBe(isoDay(90));

      // reason is required
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Accept risk' }),
      );
      expect(within(dialog).getByText('Is required')).toBeInTheDocument();
      expect(api.createWaiver).not.toHaveBeenCalled();

      // at most one year
      await userEvent.type(
        within(dialog).getByLabelText(/Reason/),
        'batch consumer, fixed in v2',
      );
      await userEvent.clear(expiry);
      await userEvent.type(expiry, isoDay(800));
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Accept risk' }),
      );
      expect(
        within(dialog).getByText(/Must be at most 1 year from now/),
      ).toBeInTheDocument();
      expect(api.createWaiver).not.toHaveBeenCalled();

      // expiry is required too
      await userEvent.clear(expiry);
      expect(within(dialog).getByText('Is required')).toBeInTheDocument();

      await userEvent.type(expiry, '2027-01-31');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Accept risk' }),
      );
      await waitFor(() =>
        expect(api.createWaiver).toHaveBeenCalledWith({
          entityRef: 'component:default/cart',
          checkId: 'readiness-probe',
          reason: 'batch consumer, fixed in v2',
          expiresAt: '2027-01-31',
        }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(api.refresh).toHaveBeenCalledWith({
        entityRef: 'component:default/cart',
      });
      expect(
        await screen.findByText(/Re-evaluated just now: the verdict is GO/),
      ).toBeInTheDocument();
      expect(
        within(screen.getByTestId('readiness-verdict')).getByText('GO'),
      ).toBeInTheDocument();
    });

    it('shows the backend refusal inside the dialog', async () => {
      const refusal = Object.assign(new Error('Request failed with 400'), {
        body: {
          error: { message: 'checkId: there is no check "readiness-probe"' },
        },
      });
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
        createWaiver: jest.fn(async () => Promise.reject(refusal)),
      });
      await renderWithApis(<EntityReadinessContent />, {
        api,
        entity: cartEntity,
        allowed: true,
        routeEntries: ['/?check=readiness-probe'],
      });
      await userEvent.click(
        await screen.findByRole('button', { name: 'Accept this risk' }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.type(within(dialog).getByLabelText(/Reason/), 'because');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Accept risk' }),
      );
      expect(
        await within(dialog).findByText(/there is no check "readiness-probe"/),
      ).toBeInTheDocument();
    });

    it('says when the new verdict is not there yet after polling', async () => {
      const api = mockReadinessApi({
        getEntityReport: jest.fn(async () => asResponse(cartReport())),
        createWaiver: jest.fn(async request => ({
          ...request,
          id: 'w-9',
          source: 'api' as const,
          author: 'me',
          createdAt: 'now',
        })),
        refresh: jest.fn(async () => Promise.reject(new Error('forbidden'))),
      });
      await renderWithApis(
        <EntityReadinessView
          entity={cartEntity}
          pollIntervalMs={5}
          pollTimeoutMs={40}
        />,
        {
          api,
          entity: cartEntity,
          allowed: true,
        },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: /How to fix/ }),
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Accept this risk' }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.type(within(dialog).getByLabelText(/Reason/), 'because');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Accept risk' }),
      );
      expect(
        await screen.findByText(
          /new verdict appears after the next evaluation cycle/,
        ),
      ).toBeInTheDocument();
    });
  });

  it('draws the score history', async () => {
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () => asResponse(cartReport())),
      getEntityHistory: jest.fn(async () => ({
        items: [
          {
            evaluatedAt: '2026-11-19T09:00:00Z',
            verdict: 'go' as const,
            score: 90,
            level: 'bronze' as const,
            coverage: 0.9,
          },
          {
            evaluatedAt: '2026-11-20T09:00:00Z',
            verdict: 'no-go' as const,
            score: 83,
            level: 'none' as const,
            coverage: 0.9,
          },
          {
            evaluatedAt: '2026-11-21T09:00:00Z',
            verdict: 'no-go' as const,
            score: 83,
            level: 'none' as const,
            coverage: 0.9,
          },
        ],
      })),
    });
    await renderWithApis(<EntityReadinessContent />, {
      api,
      entity: cartEntity,
    });
    const chart = await screen.findByTestId('readiness-history-chart');
    expect(within(chart).getAllByTestId('history-point')).toHaveLength(3);
    expect(within(chart).getAllByTestId('history-verdict-change')).toHaveLength(
      1,
    );
    expect(api.getEntityHistory).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'cart' },
      { since: expect.any(Date) },
    );
  });
});
