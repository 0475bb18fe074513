import { createApiRef } from '@backstage/core-plugin-api';

/** Health of the readiness backend. @public */
export interface ReadinessHealth {
  status: 'ok';
}

/** The one client of the readiness backend; components use nothing else to fetch. @public */
export interface ReadinessApi {
  getHealth(): Promise<ReadinessHealth>;
}

/** @public */
export const readinessApiRef = createApiRef<ReadinessApi>({ id: 'plugin.readiness.api' });
