import { KubeApiDouble } from '@prodready/kube-api-double';
import { EntityReportResponse } from '@prodready/plugin-readiness-common';
import {
  answerKey,
  answerKeyView,
  componentNames,
  FAST_KUBERNETES_OPTIONS,
  getReports,
  PROD_EU,
  ReadinessTestBackend,
  reportView,
  runCycle,
  startClusterDouble,
  startReadinessBackend,
  withoutRunTimes,
} from './__testUtils__/readinessBackend';
import { CAPTURED_AT } from './__testUtils__/pinnedClock';

// Live reads are judged as of the snapshot's capture time, as the snapshot is (see pinnedClock).
jest.mock('./sources/clusterSources', () =>
  jest.requireActual('./__testUtils__/pinnedClock').clusterSourcesReadAt(),
);

jest.setTimeout(60_000);

/*
 * The promise: "the same plugin pointed at the fake API server in tests produces the same
 * reports" as from the bundled snapshot. The prod-eu snapshot is served by the Kubernetes API
 * double (real HTTP, discovery, paginated LISTs, bearer token) as the `kubernetes` cluster
 * prod-eu; every example component must match the answer key, and every report must equal, field
 * by field, the one the snapshot source produces.
 */
describe('the plugin on prod-eu served by a Kubernetes API double', () => {
  let double: KubeApiDouble;
  let live: ReadinessTestBackend;
  let snapshot: ReadinessTestBackend;
  let liveReports: Record<string, EntityReportResponse>;
  let snapshotReports: Record<string, EntityReportResponse>;
  let liveRun: Awaited<ReturnType<typeof runCycle>>;

  beforeAll(async () => {
    double = await startClusterDouble();
    live = await startReadinessBackend({
      clusters: [{ name: 'prod-eu', url: double.url }],
      kubernetesOptions: FAST_KUBERNETES_OPTIONS,
    });
    snapshot = await startReadinessBackend({
      snapshots: [{ path: PROD_EU }],
    });
    liveRun = await runCycle(live);
    await runCycle(snapshot);
    liveReports = await getReports(live);
    snapshotReports = await getReports(snapshot);
  });

  afterAll(async () => {
    await live?.stop();
    await snapshot?.stop();
    await double?.close();
  });

  it('read the cluster over HTTP: one paginated LIST per kind, Secrets as metadata only', () => {
    const [cluster] = liveRun.clusters;
    expect(cluster).toMatchObject({
      name: 'prod-eu',
      ok: true,
      stale: false,
      resultsFrom: CAPTURED_AT,
      objects: expect.any(Number),
      objectErrors: { count: 0, messages: [] },
    });
    expect(cluster.objects).toBeGreaterThan(100);
    expect(cluster.requests).toBe(double.requests.total);
    expect(double.requests.log.every(r => r.status === 200)).toBe(true);
    // Pages of 5: some kinds needed several pages.
    expect(
      double.requests.log.filter(r => r.query.includes('continue=')).length,
    ).toBeGreaterThan(10);
    expect(double.requests.fullSecretReads).toBe(0);
    expect(double.requests.forResource('secrets').length).toBeGreaterThan(0);
  });

  const scored = Object.entries<any>(answerKey.components).filter(
    ([, c]) => c.state === 'mapped',
  );

  it.each(scored)('reports %s as the answer key says', (name, expected) => {
    expect(reportView(liveReports[name])).toEqual(answerKeyView(expected));
  });

  it('shows the honest states: not mapped, no workloads found, configuration error', () => {
    expect(liveReports['inventory-sync'].state).toBe('not-mapped');
    expect(liveReports['gift-cards'].state).toBe('no-workloads');
    expect(liveReports.promotions.state).toBe('configuration-error');
    expect(liveReports.promotions.verdict).toBe('no-go');
  });

  it.each(componentNames)(
    'gives %s the same report as the snapshot source, field by field',
    name => {
      expect(withoutRunTimes(liveReports[name])).toEqual(
        withoutRunTimes(snapshotReports[name]),
      );
    },
  );
});
