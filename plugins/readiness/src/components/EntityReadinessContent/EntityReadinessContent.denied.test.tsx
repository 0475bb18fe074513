/*
 * Without `readiness.waiver.manage`. A separate file because `usePermission` caches its answer for
 * the whole module registry (one per test file).
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  annotationRisk,
  apiRisk,
  asResponse,
  cartEntity,
  cartReport,
} from '../common/__testUtils__/fixtures';
import {
  mockReadinessApi,
  renderWithApis,
} from '../common/__testUtils__/renderWithApis';
import { EntityReadinessContent } from './EntityReadinessContent';

describe('EntityReadinessContent without permission to manage accepted risks', () => {
  it('shows the accepted risks but hides Accept this risk and Revoke', async () => {
    const api = mockReadinessApi({
      getEntityReport: jest.fn(async () =>
        asResponse(cartReport({ acceptedRisks: [annotationRisk, apiRisk] })),
      ),
      getWaivers: jest.fn(async () => ({
        items: [
          {
            ...apiRisk,
            id: 'w-1',
            author: 'user:default/alice',
            createdAt: '2026-11-01T10:00:00Z',
          },
        ],
      })),
    });
    await renderWithApis(<EntityReadinessContent />, {
      api,
      entity: cartEntity,
      allowed: false,
      routeEntries: ['/?check=readiness-probe'],
    });
    const table = await screen.findByRole('table', { name: 'Accepted risks' });
    expect(within(table).getAllByTestId('accepted-risk-row')).toHaveLength(2);
    expect(within(table).queryByText('Action')).not.toBeInTheDocument();
    await screen.findByText('Remediation of readiness-probe.');
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Accept this risk' }),
    ).not.toBeInTheDocument();

    // still none on another failing check
    await userEvent.click(
      screen.getByRole('button', { name: /Scheduling & state/ }),
    );
    await userEvent.click(
      screen.getByRole('button', {
        name: /A PodDisruptionBudget protects the workload/,
      }),
    );
    await screen.findByText('Remediation of disruption-budget.');
    expect(
      screen.queryByRole('button', { name: 'Accept this risk' }),
    ).not.toBeInTheDocument();
  });
});
