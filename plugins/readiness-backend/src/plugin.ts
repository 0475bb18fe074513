import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { createRouter } from './service/router';

/**
 * The Prodready backend plugin (plugin id `readiness`).
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ logger, httpRouter, httpAuth }) {
        httpRouter.use(await createRouter({ logger, httpAuth }));
        logger.info('Prodready readiness plugin started');
      },
    });
  },
});
