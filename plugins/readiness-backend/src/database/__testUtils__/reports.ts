import {
  buildEntityReport,
  CheckResult,
  CheckSeverity,
  CheckStatus,
  EntityReadinessReport,
  ReadinessDomainId,
  ReadinessReportState,
  WorkloadResult,
} from '@prodready/plugin-readiness-common';
import { EntityFacts } from '../ReadinessStore';

/** One realistic check per domain, with the severity it has by default. */
export const TEST_CHECKS: ReadonlyArray<{
  checkId: string;
  domain: ReadinessDomainId;
  severity: CheckSeverity;
}> = [
  { checkId: 'image-digest-pinned', domain: 'supply-chain', severity: 'high' },
  {
    checkId: 'readiness-probe',
    domain: 'packaging-traffic',
    severity: 'critical',
  },
  { checkId: 'metrics-scraped', domain: 'observability', severity: 'medium' },
  { checkId: 'gitops-managed', domain: 'delivery', severity: 'medium' },
  { checkId: 'run-as-non-root', domain: 'security', severity: 'high' },
  {
    checkId: 'resource-requests',
    domain: 'resources-scaling',
    severity: 'high',
  },
  { checkId: 'min-replicas', domain: 'scheduling-state', severity: 'high' },
  { checkId: 'backup-configured', domain: 'resilience', severity: 'low' },
];

export interface TestReportOptions {
  /** Check ids that fail; every other check passes unless listed below. */
  fail?: string[];
  unknown?: string[];
  notApplicable?: string[];
  /** Not mapped / no workloads: the report has no workload at all. */
  state?: Extract<ReadinessReportState, 'not-mapped' | 'no-workloads'>;
  now?: Date;
  cluster?: string;
  stale?: Record<string, string>;
}

export function parseRef(entityRef: string): {
  kind: string;
  namespace: string;
  name: string;
} {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(entityRef);
  if (!match) {
    throw new Error(`bad entity ref ${entityRef}`);
  }
  return { kind: match[1], namespace: match[2], name: match[3] };
}

/** The workload results the engine would produce for one Deployment of the entity. */
export function buildTestWorkloadResults(
  entityRef: string,
  options: TestReportOptions = {},
): WorkloadResult[] {
  const { namespace, name } = parseRef(entityRef);
  const ref = {
    cluster: options.cluster ?? 'prod-eu',
    kind: 'Deployment',
    namespace,
    name,
  };
  const statusOf = (checkId: string): CheckStatus => {
    if (options.fail?.includes(checkId)) return 'fail';
    if (options.unknown?.includes(checkId)) return 'unknown';
    if (options.notApplicable?.includes(checkId)) return 'not-applicable';
    return 'pass';
  };
  const results: CheckResult[] = TEST_CHECKS.map(check => {
    const status = statusOf(check.checkId);
    return {
      ...check,
      status,
      message: `${check.checkId} ${status} on container '${name}'`,
      evidence: [
        {
          cluster: ref.cluster,
          kind: 'Deployment',
          namespace,
          name,
          path: 'spec.template.spec.containers[0]',
        },
      ],
    };
  });
  return [{ ref, results }];
}

/** A report built the way the backend builds it, with `buildEntityReport`. */
export function buildTestReport(
  entityRef: string,
  options: TestReportOptions = {},
): EntityReadinessReport {
  return buildEntityReport({
    entityRef,
    state: options.state,
    workloadResults: options.state
      ? []
      : buildTestWorkloadResults(entityRef, options),
    now: options.now ?? new Date('2026-11-21T12:00:00.000Z'),
    stale: options.stale,
  });
}

export function buildTestFacts(
  entityRef: string,
  facts: Partial<EntityFacts> = {},
): EntityFacts {
  return { entityRef, ...parseRef(entityRef), ...facts };
}
