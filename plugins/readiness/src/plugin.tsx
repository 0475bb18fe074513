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
      factory: ({ discoveryApi, fetchApi }) =>
        new ReadinessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The Readiness tab of a service page: verdict, blockers, the eight domains with each check's
 * evidence and fix, accepted risks and the score history. Shows an honest state for entities that
 * are not mapped, have no workloads, are misconfigured or not evaluated yet.
 * @public
 */
export const EntityReadinessContent = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessContent',
    component: {
      lazy: () =>
        import('./components/EntityReadinessContent').then(
          m => m.EntityReadinessContent,
        ),
    },
  }),
);

/**
 * The readiness card of a service's overview tab: verdict, score, level, coverage and the three
 * most important gaps, each linking to the Readiness tab (mounted at `readiness`).
 * @public
 */
export const EntityReadinessCard = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityReadinessCard').then(
          m => m.EntityReadinessCard,
        ),
    },
  }),
);

/** The readiness card of a group page: the team's services and their gaps. @public */
export const EntityGroupReadinessCard = readinessPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupReadinessCard',
    component: {
      lazy: () =>
        import('./components/GroupReadinessCard').then(
          m => m.GroupReadinessCard,
        ),
    },
  }),
);

/** The org-wide scorecard page, ranking every service. @public */
export const ReadinessScorecardPage = readinessPlugin.provide(
  createRoutableExtension({
    name: 'ReadinessScorecardPage',
    component: () =>
      import('./components/ScorecardPage').then(m => m.ScorecardPage),
    mountPoint: rootRouteRef,
  }),
);
