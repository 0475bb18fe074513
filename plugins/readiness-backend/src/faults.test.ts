import { mockCredentials } from '@backstage/backend-test-utils';
import { KubeApiDouble, MatchableRequest } from '@prodready/kube-api-double';
import {
  CheckMetadata,
  EntityReportResponse,
} from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '@prodready/plugin-readiness-node';
import request from 'supertest';
import {
  checksById,
  componentNames,
  FAST_KUBERNETES_OPTIONS,
  getReports,
  prodEuObjects,
  ReadinessTestBackend,
  runCycle,
  startClusterDouble,
  startReadinessBackend,
  withoutRunTimes,
} from './__testUtils__/readinessBackend';
import { CAPTURED_AT } from './__testUtils__/pinnedClock';

// Every live read is stamped with the same time, so two runs of the same objects give the same
// words, ages included, and a fault's effect is all that differs (see pinnedClock).
jest.mock('./sources/clusterSources', () =>
  jest.requireActual('./__testUtils__/pinnedClock').clusterSourcesReadAt(),
);

jest.setTimeout(30_000);

/*
 * Faults of a live cluster, each served by the Kubernetes API double over real HTTP, each compared
 * with a fault-free run of the same objects: the fault shows where it applies (a check `unknown`
 * with the reason, a stale cluster, an error in GET /status) and nowhere else.
 */

type Run = Awaited<ReturnType<typeof runCycle>>;

interface Outcome {
  run: Run;
  reports: Record<string, EntityReportResponse>;
  double: KubeApiDouble;
}

/** One cycle of a fresh backend over a fresh double of prod-eu, after `arrange` set the fault up. */
async function runWith(
  arrange: (double: KubeApiDouble) => void = () => {},
  options: { kubernetesOptions?: Record<string, number> } = {},
): Promise<Outcome> {
  const double = await startClusterDouble();
  let backend: ReadinessTestBackend | undefined;
  try {
    backend = await startReadinessBackend({
      clusters: [{ name: 'prod-eu', url: double.url }],
      kubernetesOptions: options.kubernetesOptions ?? FAST_KUBERNETES_OPTIONS,
    });
    arrange(double);
    const run = await runCycle(backend);
    return { run, reports: await getReports(backend), double };
  } finally {
    await backend?.stop();
    await double.close();
  }
}

/** Every entity's report is the same as in the fault-free run, run times aside. */
function expectSameReports(
  actual: Record<string, EntityReportResponse>,
  expected: Record<string, EntityReportResponse>,
) {
  expect(Object.keys(actual).sort()).toEqual(componentNames);
  for (const name of componentNames) {
    expect({ name, report: withoutRunTimes(actual[name]) }).toEqual({
      name,
      report: withoutRunTimes(expected[name]),
    });
  }
}

/**
 * The fault changed only `affected` checks, and changed them only to `unknown` with `reason` in
 * the message, workload by workload; every other check of every entity is as in the fault-free
 * run. Returns how many workload results became unknown.
 */
function expectOnlyUnknowns(
  actual: Record<string, EntityReportResponse>,
  expected: Record<string, EntityReportResponse>,
  affected: string[],
  reason: string,
): number {
  let unknowns = 0;
  for (const name of componentNames) {
    const before = expected[name];
    const after = actual[name];
    if (before.state !== 'evaluated') {
      expect(withoutRunTimes(after)).toEqual(withoutRunTimes(before));
      continue;
    }
    expect(after.report.workloads).toEqual(before.report.workloads);
    const beforeChecks = checksById(before);
    expect(after.report.checks.map(c => c.checkId)).toEqual(
      before.report.checks.map(c => c.checkId),
    );
    for (const check of after.report.checks) {
      const was = beforeChecks[check.checkId];
      if (!affected.includes(check.checkId)) {
        expect({ name, check }).toEqual({ name, check: was });
        continue;
      }
      const changed = check.workloads.filter(
        (w, i) =>
          w.status !== was.workloads[i].status ||
          w.message !== was.workloads[i].message,
      );
      for (const w of changed) {
        expect({ name, checkId: check.checkId, status: w.status }).toEqual({
          name,
          checkId: check.checkId,
          status: 'unknown',
        });
        expect(w.message).toContain(reason);
      }
      unknowns += changed.length;
    }
  }
  return unknowns;
}

/** Calls `onRequest` for every request the double receives, before it answers. */
function observeRequests(
  double: KubeApiDouble,
  onRequest: (r: MatchableRequest) => void,
) {
  // A latency rule that never matches: the double consults it on every request.
  double.setLatency(0, r => {
    onRequest(r);
    return false;
  });
}

describe('faults of a live cluster', () => {
  let baseline: Outcome;
  let checks: CheckMetadata[];

  beforeAll(async () => {
    baseline = await runWith();
    const double = await startClusterDouble();
    const backend = await startReadinessBackend({
      clusters: [{ name: 'prod-eu', url: double.url }],
    });
    const res = await request(backend.server)
      .get('/api/readiness/checks')
      .set({ Authorization: mockCredentials.user.header() });
    checks = res.body.items;
    await backend.stop();
    await double.close();
  });

  it('has a fault-free baseline read entirely over HTTP', () => {
    const [cluster] = baseline.run.clusters;
    expect(cluster).toMatchObject({
      name: 'prod-eu',
      ok: true,
      stale: false,
      resultsFrom: CAPTURED_AT,
      retries: 0,
      restarts: 0,
      missingKinds: [],
      objectErrors: { count: 0, messages: [] },
    });
    expect(cluster.requests).toBe(baseline.double.requests.total);
    expect(baseline.reports.checkout.verdict).toBe('go');
  });

  it('403 on one kind: only the checks that need it become unknown, with the reason', async () => {
    const started = Date.now();
    const { run, reports } = await runWith(double =>
      double.forbid('policy/poddisruptionbudgets'),
    );
    const [cluster] = run.clusters;
    expect(cluster.ok).toBe(true);
    expect(cluster.missingKinds).toEqual([
      {
        plural: 'poddisruptionbudgets',
        status: 403,
        reason: expect.stringContaining(
          'poddisruptionbudgets.policy is forbidden: User "system:serviceaccount:backstage:prodready" cannot list resource "poddisruptionbudgets" in API group "policy" at the cluster scope',
        ),
      },
    ]);
    const unknowns = expectOnlyUnknowns(
      reports,
      baseline.reports,
      ['disruption-budget', 'disruption-budget-allows-eviction'],
      'cannot read poddisruptionbudgets in cluster prod-eu: poddisruptionbudgets.policy is forbidden',
    );
    expect(unknowns).toBeGreaterThan(5);
    // The entity-level message says why, and the check is no longer failing.
    const cart = checksById(reports.cart)['disruption-budget'];
    expect(cart.status).toBe('unknown');
    expect(cart.message).toContain('is forbidden');
    expect(checksById(baseline.reports.cart)['disruption-budget'].status).toBe(
      'fail',
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('500 burst: retried, the same results, the retries counted in /status', async () => {
    const { run, reports, double } = await runWith(d =>
      d.failNext('apps/deployments', {
        status: 500,
        times: 3,
        message: 'etcdserver: leader changed',
      }),
    );
    const [cluster] = run.clusters;
    expect(cluster).toMatchObject({ ok: true, retries: 3, missingKinds: [] });
    expect(cluster.requests).toBe(baseline.run.clusters[0].requests + 3);
    expect(double.requests.log.filter(r => r.status === 500)).toHaveLength(3);
    expectSameReports(reports, baseline.reports);
  });

  it('timeout on one kind: that kind is missing, its checks unknown, the rest intact', async () => {
    const started = Date.now();
    const { run, reports } = await runWith(
      double => double.setLatency(5000, 'networkpolicies'),
      {
        kubernetesOptions: {
          ...FAST_KUBERNETES_OPTIONS,
          requestTimeoutMs: 2000,
          maxAttempts: 2,
        },
      },
    );
    const [cluster] = run.clusters;
    expect(cluster.ok).toBe(true);
    expect(cluster.missingKinds).toEqual([
      {
        plural: 'networkpolicies',
        reason: 'gave up after 2 attempts: timed out after 2000 ms',
      },
    ]);
    expect(cluster.retries).toBe(1);
    const unknowns = expectOnlyUnknowns(
      reports,
      baseline.reports,
      ['network-policy'],
      'cannot read networkpolicies in cluster prod-eu: gave up after 2 attempts: timed out after 2000 ms',
    );
    // Every workload of every evaluated entity.
    expect(unknowns).toBe(
      Object.values(baseline.reports).reduce(
        (n, r) => n + r.report.workloads.length,
        0,
      ),
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('410 on a continue token: the list starts over, the same results', async () => {
    let expired = false;
    const { run, reports, double } = await runWith(d =>
      observeRequests(d, r => {
        // Expire every token when the first follow-up page is asked for: mid-list.
        if (!expired && r.query.has('continue')) {
          expired = true;
          d.expireContinueTokens();
        }
      }),
    );
    const gone = double.requests.log.filter(r => r.status === 410);
    expect(gone.length).toBeGreaterThanOrEqual(1);
    const [cluster] = run.clusters;
    expect(cluster.restarts).toBe(gone.length);
    expect(cluster).toMatchObject({ ok: true, missingKinds: [] });
    // Each expired list was read again from its first page.
    for (const g of gone) {
      const later = double.requests.log.slice(double.requests.log.indexOf(g));
      expect(
        later.some(
          r =>
            r.resource === g.resource &&
            r.status === 200 &&
            !r.query.includes('continue='),
        ),
      ).toBe(true);
    }
    expectSameReports(reports, baseline.reports);
  });

  it('429 with Retry-After: waits as told, then the same results', async () => {
    const arrivals: number[] = [];
    const { run, reports, double } = await runWith(d => {
      d.failNext('apps/deployments', { status: 429, retryAfterSeconds: 1 });
      observeRequests(d, r => {
        if (r.plural === 'deployments') arrivals.push(Date.now());
      });
    });
    const deployments = double.requests.forResource('apps/deployments');
    expect(deployments[0].status).toBe(429);
    expect(deployments[1].status).toBe(200);
    // Retry-After: 1 was honoured (without it the backoff here is at most 20 ms).
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(1000);
    const [cluster] = run.clusters;
    expect(cluster).toMatchObject({ ok: true, retries: 1, missingKinds: [] });
    expect(cluster.durationMs).toBeGreaterThanOrEqual(1000);
    expectSameReports(reports, baseline.reports);
  });

  it('malformed objects: skipped or unknown, reported in /status, nothing else changes', async () => {
    const nameless = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { namespace: 'gift-cards', labels: { app: 'nameless' } },
      spec: { replicas: 1 },
    } as unknown as KubernetesObject;
    // Maps to gift-cards, which has no workload in prod-eu.
    const stringTemplate = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'gift-cards',
        namespace: 'gift-cards',
        labels: { 'backstage.io/kubernetes-id': 'gift-cards' },
      },
      spec: { replicas: 2, template: 'oops' },
    } as unknown as KubernetesObject;
    const { run, reports } = await runWith(double =>
      double.addObjects([nameless, stringTemplate]),
    );
    const [cluster] = run.clusters;
    expect(cluster).toMatchObject({ ok: true, missingKinds: [] });
    expect(cluster.objectErrors.count).toBe(2);
    expect(cluster.objectErrors.messages).toEqual([
      expect.stringMatching(
        /^cluster prod-eu: item \d+ of page \d+ of \/apis\/apps\/v1\/deployments has no metadata\.name; skipped$/,
      ),
      'cluster prod-eu: Deployment gift-cards/gift-cards: spec.template is a string, not an object; its checks are unknown',
    ]);

    // The malformed workload is discovered and mapped: unknown, not judged on an empty template.
    const giftCards = reports['gift-cards'];
    expect(baseline.reports['gift-cards'].state).toBe('no-workloads');
    expect(giftCards.state).toBe('evaluated');
    expect(giftCards.report.workloads).toEqual([
      {
        cluster: 'prod-eu',
        kind: 'Deployment',
        namespace: 'gift-cards',
        name: 'gift-cards',
      },
    ]);
    const workloadChecks = checks.filter(
      c => c.enabled && c.scope !== 'entity',
    );
    for (const id of workloadChecks.map(c => c.id)) {
      const check = checksById(giftCards)[id];
      expect({ id, status: check.status, message: check.message }).toEqual({
        id,
        status: 'unknown',
        message:
          'the Deployment cannot be evaluated: spec.template is a string, not an object',
      });
    }

    // Every other entity is as before.
    const others = componentNames.filter(n => n !== 'gift-cards');
    for (const name of others) {
      expect({ name, report: withoutRunTimes(reports[name]) }).toEqual({
        name,
        report: withoutRunTimes(baseline.reports[name]),
      });
    }
  });
});

describe('a cluster that dies between two runs', () => {
  // prod-eu split in two clusters: payments and identity move to prod-us. Both keep the shared
  // infrastructure (backups, monitoring, GitOps, log shipping), so each is judged as before.
  const MOVED = new Set(['payments', 'identity']);
  const SHARED = new Set([
    'velero',
    'monitoring',
    'argocd',
    'logging',
    'backstage',
    'kube-system',
  ]);
  const namespaceOf = (o: KubernetesObject) =>
    o.kind === 'Namespace' ? o.metadata.name : o.metadata.namespace;
  const objects = prodEuObjects();
  const inEu = objects.filter(o => !MOVED.has(namespaceOf(o) ?? ''));
  const inUs = objects.filter(o => {
    const ns = namespaceOf(o);
    return ns === undefined || MOVED.has(ns) || SHARED.has(ns);
  });
  const usEntities = ['identity', 'ledger', 'payments-api'];

  let eu: KubeApiDouble;
  let us: KubeApiDouble;
  let backend: ReadinessTestBackend;
  let first: { run: Run; reports: Record<string, EntityReportResponse> };
  let second: { run: Run; reports: Record<string, EntityReportResponse> };

  beforeAll(async () => {
    eu = await startClusterDouble(inEu);
    us = await startClusterDouble(inUs);
    backend = await startReadinessBackend({
      clusters: [
        { name: 'prod-eu', url: eu.url },
        { name: 'prod-us', url: us.url },
      ],
      kubernetesOptions: FAST_KUBERNETES_OPTIONS,
    });
    const run1 = await runCycle(backend);
    first = { run: run1, reports: await getReports(backend) };
    await us.close();
    const run2 = await runCycle(backend);
    second = { run: run2, reports: await getReports(backend) };
  });

  afterAll(async () => {
    await backend?.stop();
    await eu?.close();
  });

  it('read both clusters in the first run', () => {
    expect(first.run.clusters.map(c => [c.name, c.ok, c.stale])).toEqual([
      ['prod-eu', true, false],
      ['prod-us', true, false],
    ]);
    for (const name of usEntities) {
      expect(first.reports[name].report.workloads.map(w => w.cluster)).toEqual(
        first.reports[name].report.workloads.map(() => 'prod-us'),
      );
      expect(first.reports[name].state).toBe('evaluated');
    }
    expect(first.reports.checkout.report.workloads[0].cluster).toBe('prod-eu');
  });

  it('shows the dead cluster in /status: not read, stale since its last good read, with the error', () => {
    const [euStatus, usStatus] = second.run.clusters;
    expect(euStatus).toMatchObject({ name: 'prod-eu', ok: true, stale: false });
    expect(usStatus).toMatchObject({
      name: 'prod-us',
      ok: false,
      stale: true,
      resultsFrom: CAPTURED_AT,
      objects: 0,
    });
    expect(usStatus.error).toMatch(
      new RegExp(
        `^cannot read cluster "prod-us" at ${us.url.replace(
          /[.]/g,
          '\\.',
        )}: .*ECONNREFUSED`,
      ),
    );
  });

  it('keeps the dead cluster entities last good results, marked stale with their time', () => {
    /** A report without its run times and staleness marks. */
    const results = (r: EntityReportResponse) => {
      const { stale: _stale, report, ...summary } = withoutRunTimes(r);
      const { stale: _since, ...rest } = report;
      return { ...summary, report: rest };
    };
    expect(second.run.clusters[1].resultsFrom).toBe(
      first.run.clusters[1].resultsFrom,
    );
    for (const name of usEntities) {
      const before = first.reports[name];
      const after = second.reports[name];
      expect(before.stale).toBe(false);
      expect(after.stale).toBe(true);
      // Stale since the last good read of prod-us (the first run's read).
      expect(after.report.stale).toEqual({ 'prod-us': CAPTURED_AT });
      expect(after.evaluatedAt > before.evaluatedAt).toBe(true);
      // Every check, message and piece of evidence as the last good run had it.
      expect({ name, report: results(after) }).toEqual({
        name,
        report: results(before),
      });
    }
  });

  it('keeps the live cluster entities fresh and unchanged', () => {
    const euEntities = componentNames.filter(n => !usEntities.includes(n));
    for (const name of euEntities) {
      expect(second.reports[name].stale).toBe(false);
      expect(second.reports[name].report.stale).toBeUndefined();
      expect({ name, report: withoutRunTimes(second.reports[name]) }).toEqual({
        name,
        report: withoutRunTimes(first.reports[name]),
      });
    }
  });
});
