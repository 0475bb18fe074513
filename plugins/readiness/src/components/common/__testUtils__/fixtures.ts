/*
 * Test data for the readiness components: catalog entities, the check catalog and reports built
 * with the real `buildEntityReport`, so verdicts, scores and blockers are the ones users would see.
 */
import { Entity } from '@backstage/catalog-model';
import {
  AcceptedRisk,
  buildEntityReport,
  BuildEntityReportInput,
  CheckMetadata,
  CheckResult,
  EntityReadinessReport,
  EntityReportResponse,
  WorkloadRef,
} from '@prodready/plugin-readiness-common';

export const NOW = new Date('2026-11-21T09:00:00Z');

export function makeEntity(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
  };
}

export const cartEntity = makeEntity('cart', {
  'backstage.io/kubernetes-id': 'cart',
});
export const checkoutEntity = makeEntity('checkout', {
  'backstage.io/kubernetes-id': 'checkout',
});
export const unmappedEntity = makeEntity('inventory-sync');
export const promotionsEntity = makeEntity('promotions', {
  'backstage.io/kubernetes-label-selector':
    'app.kubernetes.io/name in (promotions,promotions-worker',
});
export const giftCardsEntity = makeEntity('gift-cards', {
  'backstage.io/kubernetes-id': 'gift-cards',
});

const check = (
  id: string,
  domain: CheckMetadata['domain'],
  severity: CheckMetadata['severity'],
  title: string,
  snippet?: string,
): CheckMetadata => ({
  id,
  domain,
  severity,
  title,
  rationale: `Rationale of ${id}.`,
  remediation: {
    text: `Remediation of ${id}.`,
    ...(snippet ? { snippet } : {}),
  },
  scope: 'workload',
  enabled: true,
  builtIn: true,
});

export const CHECKS: CheckMetadata[] = [
  check(
    'readiness-probe',
    'packaging-traffic',
    'critical',
    'Containers declare a readiness probe',
    'readinessProbe:\n  httpGet:\n    path: /ready\n    port: http',
  ),
  check(
    'liveness-probe',
    'packaging-traffic',
    'high',
    'Containers declare a liveness probe',
  ),
  check(
    'disruption-budget',
    'scheduling-state',
    'high',
    'A PodDisruptionBudget protects the workload',
  ),
  check(
    'resource-requests',
    'resources-scaling',
    'medium',
    'Containers request CPU and memory',
  ),
  check('run-as-non-root', 'security', 'high', 'Containers run as non-root'),
  check('image-pinned', 'supply-chain', 'low', 'Images are pinned by digest'),
  check('alerting-rules', 'observability', 'medium', 'Alerting rules exist'),
];

export const cartRef: WorkloadRef = {
  cluster: 'prod-eu',
  kind: 'Deployment',
  namespace: 'checkout',
  name: 'cart',
};
export const cartWorkerRef: WorkloadRef = {
  cluster: 'prod-eu',
  kind: 'Deployment',
  namespace: 'checkout',
  name: 'cart-worker',
};

const result = (
  id: string,
  status: CheckResult['status'],
  ref: WorkloadRef,
  message: string,
  path?: string,
): CheckResult => {
  const meta = CHECKS.find(c => c.id === id)!;
  return {
    checkId: id,
    domain: meta.domain,
    severity: meta.severity,
    status,
    message,
    evidence: [
      {
        kind: ref.kind,
        namespace: ref.namespace,
        name: ref.name,
        ...(path ? { path } : {}),
      },
    ],
  };
};

/** cart: NO-GO (readiness-probe fails on cart), failing high, medium; run-as-non-root passes. */
export function cartReport(
  options: Partial<BuildEntityReportInput> = {},
): EntityReadinessReport {
  return buildEntityReport({
    entityRef: 'component:default/cart',
    workloadResults: [
      {
        ref: cartRef,
        results: [
          result(
            'readiness-probe',
            'fail',
            cartRef,
            "container 'cart' has no readinessProbe",
            'spec.template.spec.containers[0].readinessProbe',
          ),
          result(
            'liveness-probe',
            'pass',
            cartRef,
            "container 'cart' has a livenessProbe",
          ),
          result(
            'disruption-budget',
            'fail',
            cartRef,
            'PDB cart selects app: cart and matches no pod',
          ),
          result(
            'resource-requests',
            'fail',
            cartRef,
            "container 'cart' sets no memory request",
            'spec.template.spec.containers[0].resources',
          ),
          result(
            'run-as-non-root',
            'pass',
            cartRef,
            'all containers run as non-root',
          ),
          result(
            'alerting-rules',
            'unknown',
            cartRef,
            'PrometheusRule kind is not installed',
          ),
        ],
      },
      {
        ref: cartWorkerRef,
        results: [
          result(
            'readiness-probe',
            'pass',
            cartWorkerRef,
            "container 'worker' has a readinessProbe",
          ),
          result(
            'liveness-probe',
            'pass',
            cartWorkerRef,
            "container 'worker' has a livenessProbe",
          ),
          result(
            'disruption-budget',
            'pass',
            cartWorkerRef,
            'PDB cart-worker allows one eviction',
          ),
          result('resource-requests', 'pass', cartWorkerRef, 'requests set'),
          result(
            'run-as-non-root',
            'pass',
            cartWorkerRef,
            'all containers run as non-root',
          ),
          result(
            'alerting-rules',
            'unknown',
            cartWorkerRef,
            'PrometheusRule kind is not installed',
          ),
        ],
      },
    ],
    now: NOW,
    ...options,
  });
}

/** checkout: GO, gold, everything passes. */
export function checkoutReport(): EntityReadinessReport {
  const ref: WorkloadRef = {
    cluster: 'prod-eu',
    kind: 'Deployment',
    namespace: 'checkout',
    name: 'checkout',
  };
  return buildEntityReport({
    entityRef: 'component:default/checkout',
    workloadResults: [
      {
        ref,
        results: CHECKS.map(c => result(c.id, 'pass', ref, `${c.id} passes`)),
      },
    ],
    now: NOW,
  });
}

export const annotationRisk: AcceptedRisk = {
  checkId: 'run-as-non-root',
  entityRef: 'component:default/cart',
  reason: 'nginx sidecar needs root until the unprivileged image lands',
  expiresAt: '2027-06-30',
  source: 'annotation',
};

export const apiRisk: AcceptedRisk = {
  id: 'w-1',
  checkId: 'resource-requests',
  entityRef: 'component:default/cart',
  reason: 'sized by the load test next sprint',
  expiresAt: '2027-01-31',
  author: 'user:default/alice',
  createdAt: '2026-11-01T10:00:00Z',
  source: 'api',
};

/** Wraps a report the way GET /entities/:kind/:namespace/:name serves it. */
export function asResponse(
  report: EntityReadinessReport,
  extra: Partial<EntityReportResponse> = {},
): EntityReportResponse {
  const [kind, rest] = report.entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return {
    entityRef: report.entityRef,
    kind,
    namespace,
    name,
    state: report.state,
    verdict: report.verdict,
    score: report.score,
    level: report.level,
    coverage: report.coverage,
    domainScores: Object.fromEntries(
      Object.entries(report.domains).map(([id, d]) => [id, d.score]),
    ),
    failing: report.failing,
    evaluatedAt: report.evaluatedAt,
    stale: Boolean(report.stale),
    report,
    ...extra,
  };
}
