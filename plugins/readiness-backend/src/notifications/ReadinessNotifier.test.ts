import { mockServices } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  CheckSeverity,
  CheckStatus,
  EntityCheckResult,
  EntityReadinessReport,
} from '@prodready/plugin-readiness-common';
import { StoredReport } from '../database/ReadinessStore';
import { ReadinessTransition } from '../evaluation/evaluateReadiness';
import {
  ReadinessNotifier,
  ReadinessNotifierOptions,
  readinessTabPath,
} from './ReadinessNotifier';

function check(
  checkId: string,
  severity: CheckSeverity,
  status: CheckStatus = 'fail',
): EntityCheckResult {
  return {
    checkId,
    domain: 'packaging-traffic',
    severity,
    status,
    message: `${checkId} ${status}`,
    workloads: [],
  };
}

function report(
  entityRef: string,
  checks: EntityCheckResult[],
  configurationErrors: EntityReadinessReport['configurationErrors'] = [],
): StoredReport {
  return {
    entityRef,
    report: { entityRef, checks, configurationErrors } as EntityReadinessReport,
  } as StoredReport;
}

const TITLES: Record<string, string> = {
  'readiness-probe': 'Readiness probe',
  'liveness-probe': 'Liveness probe',
  'memory-limit': 'Memory limit',
  'runbook-linked': 'Runbook linked',
};

function fakeNotifications(
  send: NotificationService['send'] = async () => {},
): NotificationService & { send: jest.Mock } {
  return { send: jest.fn(send) };
}

function notifierWith(options: {
  notifications: NotificationService;
  reports?: StoredReport[];
  enabled?: boolean;
  levelNames?: ReadinessNotifierOptions['levelNames'];
}) {
  const logger = mockServices.logger.mock();
  const reports = new Map(
    (options.reports ?? []).map(r => [r.entityRef, r] as const),
  );
  const notifier = new ReadinessNotifier({
    notifications: options.notifications,
    store: { getReport: async ref => reports.get(ref) },
    logger,
    checkTitle: id => TITLES[id],
    enabled: options.enabled,
    levelNames: options.levelNames,
  });
  return { notifier, logger };
}

const wentNoGo: ReadinessTransition = {
  entityRef: 'component:default/checkout',
  owner: 'group:default/checkout-team',
  from: { verdict: 'go', level: 'gold' },
  to: { verdict: 'no-go', level: 'none' },
};

const droppedToSilver: ReadinessTransition = {
  entityRef: 'component:shop/cart',
  owner: 'group:shop/cart-team',
  title: 'Shopping cart',
  from: { verdict: 'go', level: 'gold' },
  to: { verdict: 'go', level: 'silver' },
};

describe('readinessTabPath', () => {
  it('is the entity page route plus the Readiness tab, kind and namespace lower-cased', () => {
    expect(readinessTabPath('component:default/checkout')).toBe(
      '/catalog/default/component/checkout/readiness',
    );
    expect(readinessTabPath('Component:Shop/Cart-API')).toBe(
      '/catalog/shop/component/Cart-API/readiness',
    );
  });
});

describe('ReadinessNotifier', () => {
  it('sends a high-severity notification to the entity (its owners) when it goes no-go, naming the critical blockers', async () => {
    const notifications = fakeNotifications();
    const { notifier } = notifierWith({
      notifications,
      reports: [
        report(wentNoGo.entityRef, [
          check('memory-limit', 'high'),
          check('readiness-probe', 'critical'),
          check('liveness-probe', 'critical', 'waived'),
          check('runbook-linked', 'low', 'pass'),
        ]),
      ],
    });

    const result = await notifier.notifyTransitions([wentNoGo]);

    expect(result).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(notifications.send).toHaveBeenCalledTimes(1);
    const sent: NotificationSendOptions = notifications.send.mock.calls[0][0];
    expect(sent.recipients).toEqual({
      type: 'entity',
      entityRef: 'component:default/checkout',
    });
    expect(sent.payload).toEqual({
      title: 'checkout is now NO-GO',
      description: 'Blocking: Readiness probe (critical). Level Gold → None.',
      link: '/catalog/default/component/checkout/readiness',
      severity: 'high',
      topic: 'readiness',
      scope: 'readiness:component:default/checkout',
      metadata: {
        entityRef: 'component:default/checkout',
        fromVerdict: 'go',
        toVerdict: 'no-go',
        fromLevel: 'gold',
        toLevel: 'none',
        blockers: ['readiness-probe'],
      },
    });
  });

  it('names a configuration error that made the entity no-go', async () => {
    const notifications = fakeNotifications();
    const { notifier } = notifierWith({
      notifications,
      reports: [
        report(
          wentNoGo.entityRef,
          [],
          [
            {
              source: 'backstage.io/kubernetes-label-selector',
              message: 'bad selector "app in (a"',
            },
          ],
        ),
      ],
    });

    await notifier.notifyTransitions([
      { ...wentNoGo, to: { verdict: 'no-go', level: 'gold' } },
    ]);

    expect(notifications.send.mock.calls[0][0].payload.description).toBe(
      'Configuration error: bad selector "app in (a".',
    );
  });

  it('sends a normal-severity notification when a level is lost, naming what now fails, with the configured level names', async () => {
    const notifications = fakeNotifications();
    const { notifier } = notifierWith({
      notifications,
      levelNames: {
        gold: 'Production ready',
        silver: 'Almost',
        bronze: 'Started',
        none: 'Not ready',
      },
      reports: [
        report(droppedToSilver.entityRef, [
          check('runbook-linked', 'low'),
          check('memory-limit', 'medium'),
          check('readiness-probe', 'critical', 'pass'),
        ]),
      ],
    });

    await notifier.notifyTransitions([droppedToSilver]);

    const { recipients, payload } = notifications.send.mock.calls[0][0];
    expect(recipients).toEqual({
      type: 'entity',
      entityRef: 'component:shop/cart',
    });
    expect(payload).toMatchObject({
      title: 'Shopping cart dropped from Production ready to Almost',
      description: 'Now failing: Memory limit (medium), Runbook linked (low).',
      link: '/catalog/shop/component/cart/readiness',
      severity: 'normal',
      topic: 'readiness',
    });
  });

  it('keeps the list of blockers short', async () => {
    const notifications = fakeNotifications();
    const failing = Array.from({ length: 8 }, (_, i) =>
      check(`check-${i}`, 'critical'),
    );
    const { notifier } = notifierWith({
      notifications,
      reports: [report(wentNoGo.entityRef, failing)],
    });

    await notifier.notifyTransitions([wentNoGo]);

    expect(notifications.send.mock.calls[0][0].payload.description).toBe(
      'Blocking: check-0 (critical), check-1 (critical), check-2 (critical), check-3 (critical), check-4 (critical) and 3 more. Level Gold → None.',
    );
  });

  it('still notifies, without blockers, when the report cannot be read', async () => {
    const notifications = fakeNotifications();
    const logger = mockServices.logger.mock();
    const notifier = new ReadinessNotifier({
      notifications,
      store: {
        getReport: async () => {
          throw new Error('database is locked');
        },
      },
      logger,
    });

    await notifier.notifyTransitions([droppedToSilver]);

    expect(notifications.send.mock.calls[0][0].payload).toMatchObject({
      title: 'Shopping cart dropped from Gold to Silver',
      description: 'It was Gold.',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database is locked'),
    );
  });

  it('sends one notification per transition', async () => {
    const notifications = fakeNotifications();
    const { notifier } = notifierWith({ notifications });

    const transitions = Array.from({ length: 10 }, (_, i) => ({
      ...wentNoGo,
      entityRef: `component:default/service-${i}`,
    }));
    const result = await notifier.notifyTransitions(transitions);

    expect(result.sent).toBe(10);
    expect(
      notifications.send.mock.calls
        .map(
          ([options]) =>
            (options.recipients as { entityRef: string }).entityRef,
        )
        .sort(),
    ).toEqual(transitions.map(t => t.entityRef).sort());
  });

  it('never throws when the notifications backend is missing, and stops trying after a few failures', async () => {
    const notifications = fakeNotifications(async () => {
      throw new Error(
        'Failed to send notifications: Error: Request failed with status 404',
      );
    });
    const { notifier, logger } = notifierWith({ notifications });

    const transitions = Array.from({ length: 20 }, (_, i) => ({
      ...wentNoGo,
      entityRef: `component:default/service-${i}`,
    }));
    const result = await notifier.notifyTransitions(transitions);

    expect(result.sent).toBe(0);
    expect(result.failed + result.skipped).toBe(20);
    // At most one failing send per worker after the limit was reached.
    expect(notifications.send.mock.calls.length).toBeLessThanOrEqual(7);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('status 404'),
    );
  });

  it('sends nothing when disabled or when nothing got worse', async () => {
    const notifications = fakeNotifications();
    const disabled = notifierWith({ notifications, enabled: false });
    expect(await disabled.notifier.notifyTransitions([wentNoGo])).toEqual({
      sent: 0,
      failed: 0,
      skipped: 0,
    });
    const enabled = notifierWith({ notifications });
    await enabled.notifier.notifyTransitions([]);
    expect(notifications.send).not.toHaveBeenCalled();
  });
});
