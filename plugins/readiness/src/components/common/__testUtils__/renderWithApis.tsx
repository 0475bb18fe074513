import { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactNode } from 'react';
import { ReadinessApi, readinessApiRef } from '../../../api';
import { CHECKS } from './fixtures';

/** A readiness API whose every method is a jest mock; override the ones a test needs. */
export function mockReadinessApi(
  overrides: Partial<ReadinessApi> = {},
): jest.Mocked<ReadinessApi> {
  return {
    getChecks: jest.fn(async () => ({ items: CHECKS })),
    getEntityReport: jest.fn(async () => undefined),
    getEntityHistory: jest.fn(async () => ({ items: [] })),
    getScorecard: jest.fn(),
    downloadScorecardCsv: jest.fn(),
    getOwners: jest.fn(),
    getWaivers: jest.fn(async () => ({ items: [] })),
    createWaiver: jest.fn(),
    revokeWaiver: jest.fn(),
    refresh: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<ReadinessApi>;
}

/** A permission API answering every request with ALLOW or DENY. */
export function permissionApi(allowed: boolean): PermissionApi {
  return {
    authorize: async () => ({ result: allowed ? 'ALLOW' : 'DENY' }),
  } as unknown as PermissionApi;
}

/**
 * Renders inside a test app with the readiness, permission and config APIs and an EntityProvider.
 * `usePermission` caches answers (SWR) for the whole test file, so keep one `allowed` value per file.
 */
export async function renderWithApis(
  node: ReactNode,
  options: {
    api: ReadinessApi;
    entity: Entity;
    allowed?: boolean;
    config?: Record<string, any>;
    routeEntries?: string[];
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [readinessApiRef, options.api],
        [permissionApiRef, permissionApi(options.allowed ?? true)],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
      ]}
    >
      <EntityProvider entity={options.entity}>{node}</EntityProvider>
    </TestApiProvider>,
    options.routeEntries ? { routeEntries: options.routeEntries } : undefined,
  );
}
