import { createRouteRef } from '@backstage/core-plugin-api';

/** The org-wide scorecard page. @public */
export const rootRouteRef = createRouteRef({ id: 'readiness' });
