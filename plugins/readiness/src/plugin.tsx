import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { readinessApiRef, ReadinessClient } from './api';
import { rootRouteRef } from './routes';

/** The Prodready frontend plugin. @public */
export const readinessPlugin = createPlugin({
  id: 'readiness',
  apis: [
    createApiFactory({
      api: readinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new ReadinessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The Readiness tab of a service page. @public */
export const EntityReadinessContent = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessContent',
    component: {
      lazy: () => import('./components/NoReadinessData').then(m => () => <m.NoReadinessData />),
    },
  }),
);

/** The readiness card of a service's overview tab. @public */
export const EntityReadinessCard = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessCard',
    component: {
      lazy: () => import('./components/NoReadinessData').then(m => () => <m.NoReadinessData variant="card" />),
    },
  }),
);

/** The readiness card of a group page: the team's services and their gaps. @public */
export const EntityGroupReadinessCard = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupReadinessCard',
    component: {
      lazy: () => import('./components/NoReadinessData').then(m => () => <m.NoReadinessData variant="card" />),
    },
  }),
);

/** The org-wide scorecard page, ranking every service. @public */
export const ReadinessScorecardPage = readinessPlugin.provide(
  createRoutableExtension({
    name: 'ReadinessScorecardPage',
    component: () => import('./components/NoReadinessData').then(m => () => <m.NoReadinessData variant="page" />),
    mountPoint: rootRouteRef,
  }),
);
