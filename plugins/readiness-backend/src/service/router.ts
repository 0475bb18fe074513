import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';

/** @internal */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
}

/**
 * The readiness REST API. Routes validate, authenticate, authorize and delegate; nothing else.
 * Every route needs a Backstage identity (the default auth policy of the plugin's http router).
 *
 * @internal
 */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ status: 'ok' });
  });

  return router;
}
