import { createReadinessCheck, entityRequired } from '../../types';
import { objectEvidence } from '../../util';
import { unreadableKind } from '../scheduling-state/replicas';
import { describeSchedule } from './backupScheduled';
import { formatDuration, parseIsoDuration } from './time';
import { scheduleCoverage } from './velero';

const RPO = 'prodready.dev/rpo';
const RTO = 'prodready.dev/rto';

/**
 * rpo-rto-declared (cat): recovery objectives are agreed, and the backup frequency meets the RPO.
 * The covering Schedule with the shortest interval (the longest gap between two runs of its
 * cron expression, see ./time) is compared with the RPO.
 */
export const rpoRtoDeclared = createReadinessCheck({
  id: 'rpo-rto-declared',
  domain: 'resilience',
  severity: 'medium',
  scope: 'entity',
  title: 'RPO and RTO are declared and the backup schedule meets the RPO',
  rationale:
    'Without an agreed recovery point and recovery time objective nobody knows how much data loss or downtime is acceptable, and a daily backup quietly promises a 24-hour RPO to a service that needed one hour.',
  remediation: {
    text: `Declare the objectives agreed with the business as ISO-8601 durations in the entity's ${RPO} and ${RTO} annotations, and back the namespace up at least once per RPO.`,
    snippet: `# catalog-info.yaml
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
  annotations:
    prodready.dev/rpo: PT1H   # at most one hour of data may be lost
    prodready.dev/rto: PT4H   # back in service within four hours
spec:
  type: service
  lifecycle: production
  owner: team-checkout
---
apiVersion: velero.io/v1
kind: Schedule
metadata:
  name: shop-hourly
  namespace: velero
spec:
  schedule: "0 * * * *"
  template:
    includedNamespaces:
      - shop`,
  },
  evaluate(context) {
    const { entity, workload, index } = context;
    if (!entity) return entityRequired(`${RPO} and ${RTO} annotations`);
    const read = (key: string) => {
      const text = entity.annotations[key]?.trim();
      if (!text) return { text, problem: `annotation ${key} is missing` };
      const ms = parseIsoDuration(text);
      if (ms === undefined) return { text, problem: `${key} "${text}" is not an ISO-8601 duration (e.g. PT15M, PT1H, P1D)` };
      return { text, ms };
    };
    const rpo = read(RPO);
    const rto = read(RTO);
    const problems = [rpo.problem, rto.problem].filter((p): p is string => !!p);
    if (problems.length > 0 || rpo.ms === undefined) {
      return { status: 'fail', message: `${entity.ref}: ${problems.join('; ')}` };
    }
    const declared = `RPO ${rpo.text} and RTO ${rto.text}`;
    const rpoText = `${rpo.text} (${formatDuration(rpo.ms)})`;

    const unreadable = unreadableKind(index, 'schedules');
    if (unreadable) {
      return { status: 'unknown', message: `${declared} are declared, but the backup schedule cannot be compared: ${unreadable.message}` };
    }
    const { covering, skipped } = scheduleCoverage(context);
    if (covering.length === 0) {
      const notes = skipped.length ? ` (${skipped.map(s => s.reason).join('; ')})` : '';
      return {
        status: 'fail',
        message: `${declared} are declared, but no Velero Schedule backs up namespace '${workload.ref.namespace}'${notes}, so nothing meets the RPO`,
        evidence: skipped.map(s => objectEvidence(s.schedule, 'spec')),
      };
    }
    const known = covering
      .filter(c => c.interval.ok)
      .sort((a, b) => (a.interval.ok && b.interval.ok ? a.interval.intervalMs - b.interval.intervalMs : 0));
    const best = known[0];
    const bestMs = best?.interval.ok ? best.interval.intervalMs : undefined;
    if (best && bestMs !== undefined && bestMs <= rpo.ms) {
      return {
        status: 'pass',
        message: `${declared} are declared; ${describeSchedule(best)} meets the RPO`,
        evidence: [objectEvidence(best.schedule, 'spec.schedule')],
      };
    }
    const unparsed = covering.filter(c => !c.interval.ok);
    if (unparsed.length > 0) {
      return {
        status: 'unknown',
        message: `${declared} are declared, but the interval of ${unparsed
          .map(c => `Velero Schedule '${c.schedule.metadata.name}' (${c.interval.ok ? '' : c.interval.error})`)
          .join(', ')} cannot be computed`,
        evidence: unparsed.map(c => objectEvidence(c.schedule, 'spec.schedule')),
      };
    }
    return {
      status: 'fail',
      message: `${describeSchedule(best)} can lose up to ${formatDuration(bestMs!)} of data, more than the declared RPO ${rpoText}`,
      evidence: known.map(c => objectEvidence(c.schedule, 'spec.schedule')),
    };
  },
});
