/*
 * Test data: the Acme Retail example organisation (examples/org.yaml, examples/entities.yaml) as the
 * readiness API would serve it, with the verdicts, levels, failing counts and indicative domain
 * scores of the answer key (examples/README.md), evaluated at 2026-11-21T09:00:00Z.
 */
import {
  CHECK_SEVERITIES,
  CheckSeverity,
  OwnerGap,
  OwnerRollup,
  READINESS_LEVELS,
  ReadinessDomainId,
  ReadinessLevel,
  ReadinessReportState,
  ReadinessSummary,
  ScorecardQueryParams,
  ScorecardResponse,
  Verdict,
} from '@prodready/plugin-readiness-common';

export const EVALUATED_AT = '2026-11-21T09:00:00Z';

const DOMAIN_ORDER: ReadinessDomainId[] = [
  'supply-chain',
  'packaging-traffic',
  'observability',
  'delivery',
  'security',
  'resources-scaling',
  'scheduling-state',
  'resilience',
];

function summary(input: {
  name: string;
  type: string;
  lifecycle: string;
  owner: string;
  system: string;
  verdict: Verdict;
  level: ReadinessLevel;
  score: number | null;
  coverage: number;
  domains?: number[];
  failing?: [number, number, number, number];
  state?: ReadinessReportState;
  stale?: boolean;
}): ReadinessSummary {
  const [critical, high, medium, low] = input.failing ?? [0, 0, 0, 0];
  return {
    entityRef: `component:default/${input.name}`,
    kind: 'Component',
    namespace: 'default',
    name: input.name,
    owner: `group:default/${input.owner}`,
    system: `system:default/${input.system}`,
    lifecycle: input.lifecycle,
    type: input.type,
    state: input.state ?? 'evaluated',
    verdict: input.verdict,
    score: input.score,
    level: input.level,
    coverage: input.coverage,
    domainScores: input.domains
      ? Object.fromEntries(DOMAIN_ORDER.map((id, i) => [id, input.domains![i]]))
      : {},
    failing: { critical, high, medium, low },
    evaluatedAt: EVALUATED_AT,
    stale: input.stale ?? false,
  };
}

/** The 14 components of the example catalog. */
export const ACME_SUMMARIES: ReadinessSummary[] = [
  summary({
    name: 'checkout',
    type: 'service',
    lifecycle: 'production',
    owner: 'checkout-team',
    system: 'payments',
    verdict: 'go',
    level: 'gold',
    score: 100,
    coverage: 1,
    domains: [100, 100, 100, 100, 100, 100, 100, 100],
  }),
  summary({
    name: 'payments-api',
    type: 'service',
    lifecycle: 'production',
    owner: 'checkout-team',
    system: 'payments',
    verdict: 'go',
    level: 'silver',
    score: 99,
    coverage: 0.99,
    domains: [100, 100, 100, 94, 100, 100, 100, 100],
    failing: [0, 0, 0, 1],
  }),
  summary({
    name: 'identity',
    type: 'service',
    lifecycle: 'production',
    owner: 'identity-team',
    system: 'storefront',
    verdict: 'go',
    level: 'gold',
    score: 100,
    coverage: 0.99,
    domains: [100, 100, 100, 100, 100, 100, 100, 100],
  }),
  summary({
    name: 'ledger',
    type: 'service',
    lifecycle: 'production',
    owner: 'checkout-team',
    system: 'payments',
    verdict: 'go',
    level: 'bronze',
    score: 94,
    coverage: 0.99,
    domains: [100, 81, 82, 93, 100, 100, 100, 100],
    failing: [0, 1, 1, 1],
  }),
  summary({
    name: 'search',
    type: 'service',
    lifecycle: 'production',
    owner: 'catalog-team',
    system: 'storefront',
    verdict: 'go',
    level: 'bronze',
    score: 91,
    coverage: 0.98,
    domains: [100, 91, 100, 94, 91, 80, 90, 84],
    failing: [0, 3, 3, 2],
  }),
  summary({
    name: 'cart',
    type: 'service',
    lifecycle: 'production',
    owner: 'checkout-team',
    system: 'storefront',
    verdict: 'no-go',
    level: 'none',
    score: 83,
    coverage: 0.99,
    domains: [76, 100, 71, 94, 95, 93, 35, 100],
    failing: [1, 3, 3, 1],
  }),
  summary({
    name: 'storefront-web',
    type: 'website',
    lifecycle: 'production',
    owner: 'web-team',
    system: 'storefront',
    verdict: 'no-go',
    level: 'none',
    score: 89,
    coverage: 0.99,
    domains: [91, 91, 100, 76, 65, 89, 100, 100],
    failing: [1, 3, 3, 1],
  }),
  summary({
    name: 'reporting-etl',
    type: 'service',
    lifecycle: 'production',
    owner: 'analytics-team',
    system: 'data-platform',
    verdict: 'no-go',
    level: 'none',
    score: 81,
    coverage: 0.97,
    domains: [100, 100, 100, 57, 86, 93, 100, 12],
    failing: [2, 2, 3, 1],
  }),
  summary({
    name: 'event-collector',
    type: 'service',
    lifecycle: 'production',
    owner: 'analytics-team',
    system: 'data-platform',
    verdict: 'no-go',
    level: 'none',
    score: 49,
    coverage: 0.98,
    domains: [61, 69, 65, 76, 40, 61, 18, 0],
    failing: [4, 11, 13, 1],
    stale: true,
  }),
  summary({
    name: 'recommendations',
    type: 'service',
    lifecycle: 'experimental',
    owner: 'ml-team',
    system: 'data-platform',
    verdict: 'no-go',
    level: 'none',
    score: 15,
    coverage: 0.98,
    domains: [15, 14, 6, 47, 18, 20, 0, 0],
    failing: [9, 11, 13, 1],
  }),
  summary({
    name: 'legacy-admin',
    type: 'website',
    lifecycle: 'deprecated',
    owner: 'catalog-team',
    system: 'storefront',
    verdict: 'no-go',
    level: 'none',
    score: 2,
    coverage: 0.98,
    domains: [0, 0, 6, 0, 0, 12, 0, 0],
    failing: [10, 14, 15, 1],
  }),
  summary({
    name: 'gift-cards',
    type: 'service',
    lifecycle: 'experimental',
    owner: 'checkout-team',
    system: 'payments',
    verdict: 'go',
    level: 'none',
    score: null,
    coverage: 0,
    state: 'no-workloads',
  }),
  summary({
    name: 'inventory-sync',
    type: 'service',
    lifecycle: 'experimental',
    owner: 'catalog-team',
    system: 'storefront',
    verdict: 'go',
    level: 'none',
    score: null,
    coverage: 0,
    state: 'not-mapped',
  }),
  summary({
    name: 'promotions',
    type: 'service',
    lifecycle: 'production',
    owner: 'web-team',
    system: 'storefront',
    verdict: 'no-go',
    level: 'none',
    score: null,
    coverage: 0,
    state: 'configuration-error',
  }),
];

/** Groups of examples/org.yaml: name -> parent. */
export const ACME_GROUPS: Record<string, string | undefined> = {
  commerce: undefined,
  'checkout-team': 'commerce',
  'catalog-team': 'commerce',
  'web-team': 'commerce',
  platform: undefined,
  'sre-team': 'platform',
  'identity-team': 'platform',
  data: undefined,
  'analytics-team': 'data',
  'ml-team': 'data',
};

const GROUP_TITLES: Record<string, string> = {
  commerce: 'Commerce',
  'checkout-team': 'Checkout Team',
  'catalog-team': 'Catalog Team',
  'web-team': 'Web Team',
  platform: 'Platform',
  'sre-team': 'SRE Team',
  'identity-team': 'Identity Team',
  data: 'Data',
  'analytics-team': 'Analytics Team',
  'ml-team': 'ML Team',
};

type Gap = Omit<OwnerGap, 'entityCount'> & { entities: string[] };

/** Failing checks of the answer key, by component (a few per component; enough for "worst gaps"). */
const FAILING_CHECKS: Gap[] = [
  {
    checkId: 'restore-tested',
    title: 'Restores are tested',
    domain: 'resilience',
    severity: 'critical',
    entities: [
      'reporting-etl',
      'event-collector',
      'recommendations',
      'legacy-admin',
    ],
  },
  {
    checkId: 'backup-scheduled',
    title: 'Backups are scheduled and recent',
    domain: 'resilience',
    severity: 'critical',
    entities: [
      'reporting-etl',
      'event-collector',
      'recommendations',
      'legacy-admin',
    ],
  },
  {
    checkId: 'disruption-budget',
    title: 'A PodDisruptionBudget protects the workload',
    domain: 'scheduling-state',
    severity: 'critical',
    entities: ['cart', 'event-collector'],
  },
  {
    checkId: 'run-as-non-root',
    title: 'Containers run as non-root',
    domain: 'security',
    severity: 'critical',
    entities: ['storefront-web', 'recommendations', 'legacy-admin'],
  },
  {
    checkId: 'resource-requests',
    title: 'Containers set CPU and memory requests',
    domain: 'resources-scaling',
    severity: 'critical',
    entities: ['recommendations', 'legacy-admin'],
  },
  {
    checkId: 'probes-distinct',
    title: 'Readiness and liveness probes differ',
    domain: 'packaging-traffic',
    severity: 'high',
    entities: ['ledger'],
  },
  {
    checkId: 'namespace-quota',
    title: 'The namespace has a ResourceQuota',
    domain: 'resources-scaling',
    severity: 'high',
    entities: [
      'storefront-web',
      'event-collector',
      'recommendations',
      'legacy-admin',
    ],
  },
  {
    checkId: 'spread-across-nodes',
    title: 'Replicas are spread across nodes',
    domain: 'scheduling-state',
    severity: 'high',
    entities: ['cart', 'event-collector'],
  },
  {
    checkId: 'slo-defined',
    title: 'An SLO is defined',
    domain: 'observability',
    severity: 'medium',
    entities: ['ledger', 'search', 'cart'],
  },
  {
    checkId: 'autoscaling',
    title: 'The workload autoscales',
    domain: 'resources-scaling',
    severity: 'medium',
    entities: ['search', 'cart', 'event-collector', 'legacy-admin'],
  },
  {
    checkId: 'release-smoke-test',
    title: 'Releases are smoke-tested',
    domain: 'delivery',
    severity: 'low',
    entities: [
      'payments-api',
      'ledger',
      'search',
      'cart',
      'storefront-web',
      'event-collector',
      'recommendations',
      'legacy-admin',
    ],
  },
];

function severityRank(severity: CheckSeverity): number {
  return CHECK_SEVERITIES.indexOf(severity);
}

function groupAndDescendants(group: string): string[] {
  const result = [group];
  for (let i = 0; i < result.length; i++) {
    for (const [child, parent] of Object.entries(ACME_GROUPS)) {
      if (parent === result[i]) result.push(child);
    }
  }
  return result;
}

/** The rollup of GET /scorecard/owners, computed from the summaries as the backend would. */
export function buildOwnerRollups(
  summaries: ReadinessSummary[] = ACME_SUMMARIES,
): OwnerRollup[] {
  const rollups: OwnerRollup[] = [];
  for (const [group, parent] of Object.entries(ACME_GROUPS)) {
    const owners = groupAndDescendants(group).map(g => `group:default/${g}`);
    const entities = summaries.filter(s => s.owner && owners.includes(s.owner));
    if (entities.length === 0) continue;
    const scored = entities.filter(e => e.score !== null);
    const names = entities.map(e => e.name);
    const worstGaps: OwnerGap[] = FAILING_CHECKS.map(
      ({ entities: failingOn, ...gap }) => ({
        ...gap,
        entityCount: failingOn.filter(n => names.includes(n)).length,
      }),
    )
      .filter(g => g.entityCount > 0)
      .sort(
        (a, b) =>
          severityRank(a.severity) - severityRank(b.severity) ||
          b.entityCount - a.entityCount,
      )
      .slice(0, 5);
    rollups.push({
      owner: `group:default/${group}`,
      title: GROUP_TITLES[group],
      ...(parent ? { parent: `group:default/${parent}` } : {}),
      entityCount: entities.length,
      scoredCount: scored.length,
      verdicts: {
        go: entities.filter(e => e.verdict === 'go').length,
        'no-go': entities.filter(e => e.verdict === 'no-go').length,
      },
      levels: Object.fromEntries(
        READINESS_LEVELS.map(l => [
          l,
          entities.filter(e => e.level === l).length,
        ]),
      ) as Record<ReadinessLevel, number>,
      meanScore: scored.length
        ? Math.round(
            scored.reduce((sum, e) => sum + (e.score ?? 0), 0) / scored.length,
          )
        : null,
      worstGaps,
    });
  }
  return rollups;
}

export const ACME_OWNERS: OwnerRollup[] = buildOwnerRollups();

const VERDICT_RANK: Record<Verdict, number> = { 'no-go': 0, go: 1 };
const LEVEL_RANK: Record<ReadinessLevel, number> = {
  none: 0,
  bronze: 1,
  silver: 2,
  gold: 3,
};

function sortValue(
  row: ReadinessSummary,
  sort: string,
): string | number | null {
  if (sort.startsWith('domain:'))
    return row.domainScores[sort.slice(7) as ReadinessDomainId] ?? null;
  switch (sort) {
    case 'name':
      return row.name;
    case 'verdict':
      return VERDICT_RANK[row.verdict];
    case 'level':
      return LEVEL_RANK[row.level];
    case 'owner':
      return row.owner ?? null;
    case 'evaluatedAt':
      return row.evaluatedAt;
    case 'coverage':
      return row.coverage;
    default:
      return row.score;
  }
}

/** GET /scorecard over the fixture, with the backend's semantics (direct owners, nulls last, ties by ref). */
export function fakeScorecard(
  query: ScorecardQueryParams,
  summaries: ReadinessSummary[] = ACME_SUMMARIES,
): ScorecardResponse {
  const q = query.q?.toLocaleLowerCase('en-US');
  const filtered = summaries.filter(
    s =>
      (!query.owner?.length ||
        (s.owner !== undefined && query.owner.includes(s.owner))) &&
      (!query.kind?.length ||
        query.kind
          .map(k => k.toLocaleLowerCase('en-US'))
          .includes(s.kind.toLocaleLowerCase('en-US'))) &&
      (!query.lifecycle?.length ||
        (s.lifecycle !== undefined && query.lifecycle.includes(s.lifecycle))) &&
      (!query.system?.length ||
        (s.system !== undefined && query.system.includes(s.system))) &&
      (!query.verdict?.length || query.verdict.includes(s.verdict)) &&
      (!query.level?.length || query.level.includes(s.level)) &&
      (!query.state?.length || query.state.includes(s.state)) &&
      (!query.domain ||
        (typeof s.domainScores[query.domain.id] === 'number' &&
          s.domainScores[query.domain.id]! < query.domain.below)) &&
      (!q ||
        [s.name, s.title, s.owner, s.system].some(v =>
          v?.toLocaleLowerCase('en-US').includes(q),
        )),
  );
  const sort = query.sort ?? 'score';
  const direction = query.order === 'desc' ? -1 : 1;
  const sorted = [...filtered].sort((a, b) => {
    const va = sortValue(a, sort);
    const vb = sortValue(b, sort);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb)
      return (va < vb ? -1 : 1) * direction;
    return a.entityRef.localeCompare(b.entityRef);
  });
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  return {
    items: sorted.slice(offset, offset + limit),
    totalCount: sorted.length,
    offset,
    limit,
  };
}
