import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createKubeApiDouble,
  KubeApiDouble,
  KubeApiDoubleOptions,
  loadObjectsFromDirectory,
} from '@prodready/kube-api-double';
import {
  EntityCheckResult,
  EntityReportResponse,
} from '@prodready/plugin-readiness-common';
import {
  groupOf,
  KNOWN_KINDS,
  KubernetesObject,
} from '@prodready/plugin-readiness-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { readinessPlugin } from '../plugin';
import { ReadinessStatusResponse } from '../service/router';

/*
 * The whole plugin in a test backend, reading clusters served by the Kubernetes API double over
 * real HTTP, configured the way a team configures them: through the Backstage `kubernetes`
 * config (`clusterLocatorMethods` of type `config`, authProvider serviceAccount).
 */

export const EXAMPLES = path.resolve(__dirname, '../../../../examples');
export const PROD_EU = path.join(EXAMPLES, 'clusters/prod-eu');
export const answerKey = JSON.parse(
  fs.readFileSync(path.join(EXAMPLES, 'answer-key.json'), 'utf8'),
);
export const exampleEntities: Entity[] = parseAllDocuments(
  fs.readFileSync(path.join(EXAMPLES, 'entities.yaml'), 'utf8'),
)
  .map(d => d.toJS() as Entity)
  .filter(Boolean)
  .map(e => ({ ...e, metadata: { namespace: 'default', ...e.metadata } }));
/** The names of the example Components, which the plugin evaluates. */
export const componentNames: string[] = exampleEntities
  .filter(e => e.kind === 'Component')
  .map(e => e.metadata.name)
  .sort();

/** The bearer token the doubles require, as a service account token would be. */
export const TOKEN = 'prodready-test-token';

const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'networking.k8s.io',
  'policy',
  'autoscaling',
  'rbac.authorization.k8s.io',
]);

/** The objects of the bundled example snapshot of prod-eu. */
export function prodEuObjects(): KubernetesObject[] {
  return loadObjectsFromDirectory(PROD_EU);
}

/**
 * The CustomResourceDefinitions a real cluster holding these objects has installed: every kind
 * of an operator's API group once any object of that group or its CRD is there (installing Argo
 * CD or the Prometheus operator installs all their CRDs, used or not). The snapshot source infers
 * availability the same way (inferMissingKinds), so both see the same served kinds.
 */
export function installedCrds(objects: KubernetesObject[]): string[] {
  const groups = new Set(objects.map(o => groupOf(o.apiVersion)));
  const crds = new Set(
    objects
      .filter(o => o.kind === 'CustomResourceDefinition')
      .map(o => o.metadata.name),
  );
  return KNOWN_KINDS.filter(k => !BUILT_IN_GROUPS.has(k.group))
    .map(k => `${k.plural}.${k.group}`)
    .filter(
      crd => crds.has(crd) || groups.has(crd.slice(crd.indexOf('.') + 1)),
    );
}

/** A Kubernetes API double serving `objects`, with their operators' CRDs installed. */
export async function startClusterDouble(
  objects: KubernetesObject[] = prodEuObjects(),
  options: KubeApiDoubleOptions = {},
): Promise<KubeApiDouble> {
  return createKubeApiDouble({
    objects,
    token: TOKEN,
    crds: installedCrds(objects),
    ...options,
  });
}

/** Small pages and short timeouts and backoffs, so faults cost little time. */
export const FAST_KUBERNETES_OPTIONS = {
  pageSize: 5,
  requestTimeoutMs: 5000,
  maxAttempts: 4,
  retryBaseDelayMs: 20,
};

export interface ReadinessBackendOptions {
  /** Live clusters, configured through the Backstage `kubernetes` config. */
  clusters?: Array<{ name: string; url: string }>;
  /** `readiness.sources.kubernetesOptions`. */
  kubernetesOptions?: Record<string, number>;
  /** Snapshot directories (`readiness.sources.snapshot`). */
  snapshots?: Array<{ path: string; name?: string }>;
  /** Replaces the default `readiness.schedule` (hourly, run by POST /refresh in tests). */
  schedule?: Record<string, unknown>;
  /**
   * The scheduler. Default: a mock scheduler of this backend's own that runs the task only when
   * triggered (POST /refresh). startTestBackend's default mock scheduler is one instance shared
   * by every test backend of the process, so with two backends a refresh of one would run the
   * other's task.
   */
  scheduler?: ServiceFactory;
  /** More features, e.g. a database. */
  features?: Parameters<typeof startTestBackend>[0]['features'];
}

export type ReadinessTestBackend = Awaited<ReturnType<typeof startTestBackend>>;

/** The readiness plugin with the example catalog and the answer key's readiness config. */
export async function startReadinessBackend(
  options: ReadinessBackendOptions,
): Promise<ReadinessTestBackend> {
  // Config is JSON; `any` lets the answer key's JSON in.
  const data: Record<string, any> = {
    readiness: {
      ...answerKey.config.readiness,
      schedule: options.schedule ?? {
        frequency: { hours: 1 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 0 },
      },
      sources: {
        ...(options.snapshots ? { snapshot: options.snapshots } : {}),
        ...(options.kubernetesOptions
          ? { kubernetesOptions: options.kubernetesOptions }
          : {}),
      },
    },
  };
  if (options.clusters) {
    data.kubernetes = {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: options.clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: TOKEN,
            skipTLSVerify: true,
          })),
        },
      ],
    };
  }
  return startTestBackend({
    features: [
      readinessPlugin,
      catalogServiceMock.factory({ entities: exampleEntities }),
      mockServices.rootConfig.factory({ data }),
      options.scheduler ??
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ...(options.features ?? []),
    ],
  });
}

const user = () => ({ Authorization: mockCredentials.user.header() });

/**
 * One evaluation cycle: POST /refresh, which the test scheduler answers by running the task to its
 * end, then the run's summary from GET /status.
 */
export async function runCycle(
  backend: ReadinessTestBackend,
): Promise<NonNullable<ReadinessStatusResponse['latestRun']>> {
  const before = await getStatus(backend);
  const refreshed = await request(backend.server)
    .post('/api/readiness/refresh')
    .set(user())
    .send({});
  expect(refreshed.status).toBe(202);
  const after = await getStatus(backend);
  if (!after.latestRun || after.latestRun.id === before.latestRun?.id) {
    throw new Error(`no new run finished: ${JSON.stringify(after)}`);
  }
  return after.latestRun;
}

export async function getStatus(
  backend: ReadinessTestBackend,
): Promise<ReadinessStatusResponse> {
  const res = await request(backend.server)
    .get('/api/readiness/status')
    .set(user());
  expect(res.status).toBe(200);
  return res.body;
}

export async function getReport(
  backend: ReadinessTestBackend,
  name: string,
): Promise<EntityReportResponse> {
  const res = await request(backend.server)
    .get(`/api/readiness/entities/component/default/${name}`)
    .set(user());
  if (res.status !== 200) {
    throw new Error(
      `no report for ${name}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

/** The reports of every example component, by name. */
export async function getReports(
  backend: ReadinessTestBackend,
): Promise<Record<string, EntityReportResponse>> {
  const out: Record<string, EntityReportResponse> = {};
  for (const name of componentNames) {
    out[name] = await getReport(backend, name);
  }
  return out;
}

export const statusIds = (report: EntityReportResponse, status: string) =>
  report.report.checks
    .filter(c => c.status === status)
    .map(c => c.checkId)
    .sort();

/**
 * What the answer key says of a component, and what the report says, in the same shape: what
 * plugin.test.ts compares (verdict, level, workloads, the ids of failing and waived checks) plus
 * the ids of unknown checks, which a missing kind would change. Not-applicable ids are left out as
 * plugin.test.ts leaves them out: for reporting-etl the engine answers hpa-vpa-conflict
 * not-applicable and no-nodeport-exposure pass where the answer key says the reverse, from the
 * snapshot as from a live read (neither changes a score, verdict or level).
 */
export function answerKeyView(expected: any) {
  return {
    verdict: expected.verdict,
    level: expected.level,
    fail: [...expected.fail].sort(),
    waived: [...expected.waived].sort(),
    unknown: [...expected.unknown].sort(),
    workloads: expected.workloads
      .map((w: any) => `${w.kind}/${w.namespace}/${w.name}`)
      .sort(),
  };
}

export function reportView(report: EntityReportResponse) {
  return {
    verdict: report.verdict,
    level: report.level,
    fail: statusIds(report, 'fail'),
    waived: statusIds(report, 'waived'),
    unknown: statusIds(report, 'unknown'),
    workloads: report.report.workloads
      .map(w => `${w.kind}/${w.namespace}/${w.name}`)
      .sort(),
  };
}

/** A report without the times that differ between two runs of the same data. */
export function withoutRunTimes(report: EntityReportResponse) {
  const { evaluatedAt: _a, report: full, ...summary } = report;
  const { evaluatedAt: _b, ...rest } = full;
  return { ...summary, report: rest };
}

/** An entity's check results by check id. */
export function checksById(
  report: EntityReportResponse,
): Record<string, EntityCheckResult> {
  return Object.fromEntries(report.report.checks.map(c => [c.checkId, c]));
}
