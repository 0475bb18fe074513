import { Entity } from '@backstage/catalog-model';
import {
  buildEntityReport,
  CheckMetadata,
  CheckResult,
  CheckStatus,
  EntityReadinessReport,
  ReadinessReportState,
} from '@prodready/plugin-readiness-common';
import { EntityFacts, ReadinessStore } from '../../database/ReadinessStore';

export const EVALUATED_AT = new Date('2026-01-10T08:00:00.000Z');

function check(
  id: string,
  domain: CheckMetadata['domain'],
  severity: CheckMetadata['severity'],
  title: string,
): CheckMetadata {
  return {
    id,
    domain,
    severity,
    title,
    rationale: `${title} matters in production.`,
    remediation: { text: `Fix ${id}.` },
    scope: 'workload',
    enabled: true,
    builtIn: true,
  };
}

/** The check catalog in force in the tests. */
export const CHECKS: CheckMetadata[] = [
  check('readiness-probe', 'packaging-traffic', 'critical', 'Readiness probe'),
  check('run-as-non-root', 'security', 'high', 'Runs as non-root'),
  check('resource-limits', 'resources-scaling', 'medium', 'Resource limits'),
  check(
    'pod-disruption-budget',
    'scheduling-state',
    'low',
    'Disruption budget',
  ),
];

function group(
  name: string,
  spec: { parent?: string; children?: string[] },
  extra: Partial<Entity> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title: `Team ${name}` },
    spec: { type: 'team', children: spec.children ?? [], ...spec },
    ...extra,
  };
}

function component(name: string, owner: string, title?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(title ? { title } : {}),
      annotations: { 'backstage.io/kubernetes-id': name },
    },
    spec: { type: 'service', lifecycle: 'production', owner, system: 'shop' },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

/**
 * The organisation: platform > payments > payments-api (the last linked only by a `childOf`
 * relation), platform > search, platform > security.
 */
export const GROUPS: Entity[] = [
  group('platform', { children: ['payments', 'search'] }),
  group('payments', { parent: 'group:default/platform' }),
  group(
    'payments-api',
    {},
    { relations: [{ type: 'childOf', targetRef: 'group:default/payments' }] },
  ),
  group('search', { parent: 'platform' }),
  group('security', { parent: 'platform' }),
];

type Statuses = Partial<Record<string, CheckStatus>>;

interface Service {
  name: string;
  owner: string;
  title?: string;
  statuses?: Statuses;
  state?: ReadinessReportState;
}

/**
 * The evaluated services. Scores: cart 75 (silver, go), checkout 25 (none, no-go), ledger 100
 * (gold), vault 50 (none, no-go), search-ui not mapped (no score).
 */
export const SERVICES: Service[] = [
  {
    name: 'cart',
    owner: 'group:default/payments',
    title: 'Cart, the "basket"',
    statuses: {
      'readiness-probe': 'pass',
      'run-as-non-root': 'pass',
      'resource-limits': 'fail',
      'pod-disruption-budget': 'pass',
    },
  },
  {
    name: 'checkout',
    owner: 'group:default/payments-api',
    title: 'Checkout',
    statuses: {
      'readiness-probe': 'fail',
      'run-as-non-root': 'fail',
      'resource-limits': 'fail',
      'pod-disruption-budget': 'pass',
    },
  },
  {
    name: 'ledger',
    owner: 'group:default/payments-api',
    title: 'Ledger',
    statuses: {
      'readiness-probe': 'pass',
      'run-as-non-root': 'pass',
      'resource-limits': 'pass',
      'pod-disruption-budget': 'pass',
    },
  },
  {
    name: 'vault',
    owner: 'group:default/security',
    title: '=HYPERLINK("http://evil.example")',
    statuses: {
      'readiness-probe': 'fail',
      'pod-disruption-budget': 'pass',
    },
  },
  {
    name: 'search-ui',
    owner: 'group:default/search',
    title: '@search',
    state: 'not-mapped',
  },
];

/** A component with no report (never evaluated). */
export const UNEVALUATED = component('new-service', 'group:default/payments');

export const ENTITIES: Entity[] = [
  ...GROUPS,
  ...SERVICES.map(s => component(s.name, s.owner, s.title)),
  UNEVALUATED,
];

/** What alice may not read. */
export const HIDDEN_FROM_ALICE = [
  'component:default/ledger',
  'component:default/vault',
  'group:default/security',
];

function result(checkId: string, status: CheckStatus): CheckResult {
  const meta = CHECKS.find(c => c.id === checkId)!;
  return {
    checkId,
    domain: meta.domain,
    severity: meta.severity,
    status,
    message: `${checkId}: ${status}`,
    evidence: [{ kind: 'Deployment', namespace: 'shop', name: checkId }],
  };
}

export function reportOf(
  service: Service,
  now: Date = EVALUATED_AT,
): EntityReadinessReport {
  const entityRef = `component:default/${service.name}`;
  if (service.state === 'not-mapped') {
    return buildEntityReport({
      entityRef,
      state: 'not-mapped',
      workloadResults: [],
      now,
    });
  }
  return buildEntityReport({
    entityRef,
    workloadResults: [
      {
        ref: {
          cluster: 'prod',
          kind: 'Deployment',
          namespace: 'shop',
          name: service.name,
        },
        results: Object.entries(service.statuses ?? {}).map(([id, status]) =>
          result(id, status!),
        ),
      },
    ],
    now,
  });
}

export function factsOf(service: Service, index = 0): EntityFacts {
  return {
    entityRef: `component:default/${service.name}`,
    kind: 'Component',
    namespace: 'default',
    name: service.name,
    ...(service.title ? { title: service.title } : {}),
    owner: service.owner,
    system: 'system:default/shop',
    lifecycle: index % 2 === 0 ? 'production' : 'experimental',
    type: 'service',
  };
}

/** Stores two runs: an older one (everything at score from a day before) and the latest. */
export async function seedReports(store: ReadinessStore) {
  const earlier = new Date(EVALUATED_AT.getTime() - 24 * 3600 * 1000);
  const firstRun = await store.startRun(earlier);
  await store.saveReports(
    firstRun,
    SERVICES.map((service, i) => ({
      facts: factsOf(service, i),
      report: reportOf(
        { ...service, statuses: { 'readiness-probe': 'fail' } },
        earlier,
      ),
      stale: false,
    })),
  );
  const run = await store.startRun(EVALUATED_AT);
  await store.saveReports(
    run,
    SERVICES.map((service, i) => ({
      facts: factsOf(service, i),
      report: reportOf(service),
      stale: service.name === 'checkout',
    })),
  );
}
