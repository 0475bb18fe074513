import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  CheckSeverity,
  DEFAULT_LEVEL_NAMES,
  EntityReadinessReport,
  ReadinessLevel,
} from '@prodready/plugin-readiness-common';
import { ReadinessStore } from '../database/ReadinessStore';
import { ReadinessTransition } from '../evaluation/evaluateReadiness';

/** The notification topic of every readiness notification. */
export const READINESS_NOTIFICATION_TOPIC = 'readiness';

/** Most failing checks named in one notification; the rest are counted. */
const MAX_NAMED_BLOCKERS = 5;
/** Notifications sent at the same time. */
const SEND_CONCURRENCY = 4;
/**
 * After this many failed sends in a row, the rest of the cycle's notifications are skipped: the
 * notifications backend is missing or down, and trying every transition would only add load.
 */
const MAX_CONSECUTIVE_FAILURES = 3;

const SEVERITY_RANK: Record<CheckSeverity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

/** The severities whose failure rules out each level (see the level definitions in contracts.md). */
const SEVERITIES_RULING_OUT: Record<ReadinessLevel, CheckSeverity[]> = {
  gold: ['critical', 'high', 'medium', 'low'],
  silver: ['critical', 'high'],
  bronze: ['critical'],
  none: [],
};

/** Options of {@link ReadinessNotifier}. */
export interface ReadinessNotifierOptions {
  /** `notificationService` of `@backstage/plugin-notifications-node`. */
  notifications: NotificationService;
  /** Where the reports of the run that found the transitions are read, to name the new blockers. */
  store: Pick<ReadinessStore, 'getReport'>;
  logger: LoggerService;
  /** Display names of the levels (`readiness.levels`); defaults to Gold, Silver, Bronze, None. */
  levelNames?: Record<ReadinessLevel, string>;
  /** The title of a check in force, by id; the id is shown when it has none. */
  checkTitle?: (checkId: string) => string | undefined;
  /** `readiness.notifications.enabled` (default true). */
  enabled?: boolean;
}

/** The outcome of one {@link ReadinessNotifier.notifyTransitions} call. */
export interface NotifyTransitionsResult {
  sent: number;
  failed: number;
  /** Not attempted, because the notifications backend kept failing. */
  skipped: number;
}

/** The path of an entity's Readiness tab in the Backstage app (`/catalog/<ns>/<kind>/<name>/readiness`). */
export function readinessTabPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  // As the catalog's entity routes write them: kind and namespace lower-cased, the name as it is.
  return `/catalog/${encodeURIComponent(
    namespace.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/readiness`;
}

interface Blocker {
  checkId: string;
  severity: CheckSeverity;
}

function wentNoGo(transition: ReadinessTransition): boolean {
  return transition.from.verdict === 'go' && transition.to.verdict === 'no-go';
}

/** The failing checks (unwaived) of the report that rule out `level`, worst first. */
function blockersRulingOut(
  report: EntityReadinessReport | undefined,
  severities: CheckSeverity[],
): Blocker[] {
  if (!report) return [];
  return report.checks
    .filter(c => c.status === 'fail' && severities.includes(c.severity))
    .map(c => ({ checkId: c.checkId, severity: c.severity }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.checkId.localeCompare(b.checkId),
    );
}

/**
 * Tells the owners of an entity when it gets worse: one Backstage notification per transition
 * (go to no-go, or a level lost) found by an evaluation cycle, sent to the entity itself so that
 * the notifications backend delivers it to the entity's owners (its `ownedBy` group and that
 * group's members), with a link to the entity's Readiness tab.
 *
 * The notifications backend is optional: `notificationService` has a default implementation that
 * posts to the `notifications` plugin, which fails when that plugin is not installed. A failure is
 * logged and never fails the cycle; after a few failures in a row the rest of the cycle's
 * notifications are skipped.
 *
 * Notifications of one entity share a scope (`readiness:<entityRef>`), so a newer one replaces an
 * older unread one instead of piling up.
 */
export class ReadinessNotifier {
  private readonly levelNames: Record<ReadinessLevel, string>;

  constructor(private readonly options: ReadinessNotifierOptions) {
    this.levelNames = options.levelNames ?? { ...DEFAULT_LEVEL_NAMES };
  }

  /** Sends one notification per transition. Never throws. */
  async notifyTransitions(
    transitions: ReadinessTransition[],
  ): Promise<NotifyTransitionsResult> {
    const result: NotifyTransitionsResult = { sent: 0, failed: 0, skipped: 0 };
    if (this.options.enabled === false || transitions.length === 0) {
      return result;
    }
    const { logger } = this.options;
    let consecutiveFailures = 0;
    let lastError = '';
    let next = 0;
    const worker = async () => {
      while (next < transitions.length) {
        const transition = transitions[next++];
        if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
          result.skipped += 1;
          continue;
        }
        try {
          await this.options.notifications.send(
            await this.notificationFor(transition),
          );
          result.sent += 1;
          consecutiveFailures = 0;
        } catch (e) {
          result.failed += 1;
          consecutiveFailures += 1;
          lastError = (e as Error)?.message ?? String(e);
        }
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(SEND_CONCURRENCY, transitions.length) },
        worker,
      ),
    );
    if (result.failed > 0) {
      logger.warn(
        `readiness notifications: ${result.failed} of ${transitions.length} could not be sent` +
          `${
            result.skipped
              ? ` and ${result.skipped} were not attempted after ${MAX_CONSECUTIVE_FAILURES} failures in a row`
              : ''
          }` +
          ` (is @backstage/plugin-notifications-backend installed?): ${lastError}`,
      );
    } else {
      logger.info(
        `readiness notifications: ${result.sent} sent for entities that went no-go or lost a level`,
      );
    }
    return result;
  }

  /** The notification of one transition (exported through the class for tests). */
  async notificationFor(
    transition: ReadinessTransition,
  ): Promise<NotificationSendOptions> {
    const { entityRef } = transition;
    const displayName = transition.title || parseEntityRef(entityRef).name;
    const noGo = wentNoGo(transition);
    const report = await this.readReport(entityRef);

    const from = this.levelName(transition.from.level);
    const to = this.levelName(transition.to.level);
    const levelLost = transition.from.level !== transition.to.level;

    const title = noGo
      ? `${displayName} is now NO-GO`
      : `${displayName} dropped from ${from} to ${to}`;

    const blockers = noGo
      ? blockersRulingOut(report, ['critical'])
      : blockersRulingOut(
          report,
          SEVERITIES_RULING_OUT[transition.from.level as ReadinessLevel] ?? [],
        );
    const sentences: string[] = [];
    if (blockers.length > 0) {
      const named = blockers
        .slice(0, MAX_NAMED_BLOCKERS)
        .map(b => `${this.checkTitle(b.checkId)} (${b.severity})`);
      const more = blockers.length - named.length;
      sentences.push(
        `${noGo ? 'Blocking' : 'Now failing'}: ${named.join(', ')}${
          more > 0 ? ` and ${more} more` : ''
        }.`,
      );
    }
    const configurationErrors = report?.configurationErrors ?? [];
    if (noGo && configurationErrors.length > 0) {
      sentences.push(
        `Configuration error: ${configurationErrors[0].message}${
          configurationErrors.length > 1
            ? ` (and ${configurationErrors.length - 1} more)`
            : ''
        }.`,
      );
    }
    if (noGo && levelLost) {
      sentences.push(`Level ${from} → ${to}.`);
    }
    if (sentences.length === 0) {
      sentences.push(
        noGo ? 'It was go at the previous evaluation.' : `It was ${from}.`,
      );
    }

    return {
      recipients: { type: 'entity', entityRef },
      payload: {
        title,
        description: sentences.join(' '),
        link: readinessTabPath(entityRef),
        severity: noGo ? 'high' : 'normal',
        topic: READINESS_NOTIFICATION_TOPIC,
        scope: `readiness:${entityRef}`,
        metadata: {
          entityRef,
          fromVerdict: transition.from.verdict,
          toVerdict: transition.to.verdict,
          fromLevel: transition.from.level,
          toLevel: transition.to.level,
          blockers: blockers.map(b => b.checkId),
        },
      },
    };
  }

  private levelName(level: string): string {
    return this.levelNames[level as ReadinessLevel] ?? level;
  }

  private checkTitle(checkId: string): string {
    return this.options.checkTitle?.(checkId) ?? checkId;
  }

  private async readReport(
    entityRef: string,
  ): Promise<EntityReadinessReport | undefined> {
    try {
      return (await this.options.store.getReport(entityRef))?.report;
    } catch (e) {
      // Without the report the notification still goes out, without the blockers' names.
      this.options.logger.warn(
        `readiness notifications: could not read the report of ${entityRef}: ${
          (e as Error).message
        }`,
      );
      return undefined;
    }
  }
}
