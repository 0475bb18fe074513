import { coreServices, createBackendPlugin, readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readinessPermissions, resolveLevelNames } from '@prodready/plugin-readiness-common';
import {
  BUILT_IN_CHECKS,
  checkMetadata,
  configureChecks,
  ReadinessCheck,
  readinessChecksExtensionPoint,
  ReadinessClusterSource,
  readinessSourcesExtensionPoint,
  readReadinessConfig,
} from '@prodready/plugin-readiness-node';
import { DatabaseReadinessStore } from './database/DatabaseReadinessStore';
import { evaluateReadiness } from './evaluation/evaluateReadiness';
import { ReadinessMetrics } from './metrics';
import { ReadinessNotifier } from './notifications';
import { createRouter } from './service/router';
import { readClusterSources } from './sources/clusterSources';

/** The id of the scheduled evaluation task; stable so replicas sharing a database run it once. */
export const EVALUATION_TASK_ID = 'readiness-evaluate';

/**
 * The Prodready backend plugin (plugin id `readiness`): reads every configured cluster once per
 * cycle, maps catalog entities to their workloads, scores them, keeps their history and serves
 * it under /api/readiness.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const addedChecks: ReadinessCheck[] = [];
    const addedSources: ReadinessClusterSource[] = [];
    env.registerExtensionPoint(readinessChecksExtensionPoint, {
      addChecks(...checks) {
        addedChecks.push(...checks);
      },
    });
    env.registerExtensionPoint(readinessSourcesExtensionPoint, {
      addClusterSource(...sources) {
        addedSources.push(...sources);
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        lifecycle: coreServices.lifecycle,
        // Has a default implementation, so the plugin starts without the notifications backend; sends then fail and are logged.
        notifications: notificationService,
      },
      async init({ logger, config, database, scheduler, httpRouter, httpAuth, auth, permissions, permissionsRegistry, auditor, catalog, lifecycle, notifications }) {
        const allChecks = [...BUILT_IN_CHECKS, ...addedChecks];
        const readiness = readReadinessConfig(config.getOptional('readiness'), 'app-config', { checkIds: allChecks.map(c => c.id) });
        if (readiness.errors.length > 0) {
          throw new Error(`Invalid readiness configuration:\n  ${readiness.errors.join('\n  ')}`);
        }
        const checks = configureChecks(allChecks, readiness.policy);
        const builtInIds = new Set(BUILT_IN_CHECKS.map(c => c.id));
        const metadata = checkMetadata(checks, builtInIds);
        const sources = [...readClusterSources(config, logger), ...addedSources];
        const entityKinds = config.getOptionalStringArray('readiness.catalog.kinds') ?? ['Component'];
        if (sources.length === 0) {
          logger.warn('No readiness sources configured (readiness.sources.snapshot, or clusters in the kubernetes config): every mapped entity will show "no workloads found"');
        }
        const store = await DatabaseReadinessStore.create({ database });
        permissionsRegistry.addPermissions(readinessPermissions);
        const metrics = ReadinessMetrics.fromConfig(config, { store, logger });
        lifecycle.addShutdownHook(() => metrics.shutdown());
        const instrumentedSources = metrics.instrumentSources(sources);
        const notifier = new ReadinessNotifier({
          notifications,
          store,
          logger,
          levelNames: resolveLevelNames(readiness.scoring.levels),
          checkTitle: id => metadata.find(c => c.id === id)?.title,
          enabled: config.getOptionalBoolean('readiness.notifications.enabled') ?? true,
        });

        const schedule = config.has('readiness.schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig('readiness.schedule'))
          : { frequency: { minutes: 10 }, timeout: { minutes: 5 }, initialDelay: { seconds: 5 } };
        await scheduler.scheduleTask({
          id: EVALUATION_TASK_ID,
          scope: 'global',
          ...schedule,
          initialDelay: schedule.initialDelay ?? { seconds: 5 },
          fn: async signal => {
            const summary = await metrics.measureEvaluation(() => evaluateReadiness({
              logger,
              store,
              catalog,
              auth,
              sources: instrumentedSources,
              checks,
              scoring: readiness.scoring,
              entityKinds,
              historyRetentionDays: config.getOptionalNumber('readiness.history.retentionDays') ?? 90,
              signal: signal as AbortSignal,
            }));
            const failed = Object.entries(summary.clusters).filter(([, c]) => !c.ok);
            logger.info(
              `readiness run ${summary.runId}: ${summary.entities} entities, ${Object.keys(summary.clusters).length} clusters` +
                `${failed.length ? ` (${failed.length} stale: ${failed.map(([n]) => n).join(', ')})` : ''} in ${summary.durationMs} ms`,
            );
            await notifier.notifyTransitions(summary.transitions);
          },
        });

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            permissions,
            catalog,
            auditor,
            store,
            getChecks: () => metadata,
            entityKinds,
            requestRefresh: async () => scheduler.triggerTask(EVALUATION_TASK_ID),
          }),
        );
      },
    });
  },
});
