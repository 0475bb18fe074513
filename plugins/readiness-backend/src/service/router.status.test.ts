import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { ClusterRunSummary, ReadinessStore } from '../database/ReadinessStore';
import { fakeCatalog } from './__testUtils__/fakeCatalog';
import { CHECKS, ENTITIES } from './__testUtils__/fixtures';
import { createRouter, ReadinessStatusResponse } from './router';

jest.setTimeout(60_000);

/*
 * GET /status: the latest finished evaluation run, per cluster, as the store recorded it.
 */

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T0 = new Date('2026-11-21T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const user = { Authorization: mockCredentials.user.header() };
const service = { Authorization: mockCredentials.service.header() };
const nobody = { Authorization: mockCredentials.none.header() };

async function setup() {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    catalog: fakeCatalog({ entities: ENTITIES }),
    auditor: mockServices.auditor.mock(),
    store,
    getChecks: () => CHECKS,
    requestRefresh: async () => {},
  });
  return { app: express().use(router).use(mockErrorHandler()), store };
}

async function recordRun(
  store: ReadinessStore,
  startedAt: Date,
  outcome: {
    finishedAt?: Date;
    status: 'running' | 'succeeded' | 'failed';
    clusters?: Record<string, ClusterRunSummary>;
    entityCount?: number;
    error?: string;
  },
) {
  const id = await store.startRun(startedAt);
  if (outcome.status !== 'running') {
    await store.finishRun(id, {
      finishedAt: outcome.finishedAt?.toISOString(),
      status: outcome.status,
      entityCount: outcome.entityCount ?? 0,
      clusters: outcome.clusters ?? {},
      ...(outcome.error ? { error: outcome.error } : {}),
    });
  }
  return id;
}

const objectErrors = Array.from(
  { length: 25 },
  (_, i) =>
    `cluster prod-eu: item ${i} of page 1 of /apis/apps/v1/deployments has no metadata.name; skipped`,
);

const PROD_EU: ClusterRunSummary = {
  ok: true,
  objects: 266,
  requests: 91,
  retries: 3,
  restarts: 1,
  durationMs: 812,
  missingKinds: ['poddisruptionbudgets'],
  missing: [
    {
      plural: 'poddisruptionbudgets',
      status: 403,
      reason:
        'poddisruptionbudgets.policy is forbidden: User "system:serviceaccount:backstage:prodready" cannot list resource "poddisruptionbudgets" in API group "policy" at the cluster scope',
    },
  ],
  objectErrors: { count: 25, messages: objectErrors.slice(0, 20) },
  resultsFrom: at(1).toISOString(),
};

const PROD_US_DOWN: ClusterRunSummary = {
  ok: false,
  objects: 0,
  requests: 0,
  durationMs: 160,
  missingKinds: [],
  error:
    'cannot read cluster "prod-us" at https://prod-us.example:6443: discovery (GET /api) failed: gave up after 4 attempts: connect ECONNREFUSED',
  resultsFrom: T0.toISOString(),
};

describe('GET /status', () => {
  it('needs an identity', async () => {
    const { app } = await setup();
    const res = await request(app).get('/status').set(nobody);
    expect(res.status).toBe(401);
  });

  it('has no latest run before the first run ends', async () => {
    const { app, store } = await setup();
    expect((await request(app).get('/status').set(user)).body).toEqual({});
    await recordRun(store, T0, { status: 'running' });
    const res = await request(app).get('/status').set(service);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
  });

  it('summarizes the latest finished run per cluster: ok or stale, since when, missing kinds, object errors, requests', async () => {
    const { app, store } = await setup();
    await recordRun(store, at(-600), {
      status: 'succeeded',
      finishedAt: at(-599),
      clusters: { 'prod-eu': { ...PROD_EU, objects: 1 } },
    });
    const id = await recordRun(store, at(0), {
      status: 'succeeded',
      finishedAt: at(2.5),
      entityCount: 14,
      clusters: { 'prod-us': PROD_US_DOWN, 'prod-eu': PROD_EU },
    });
    // A run still going (or abandoned by a replica that stopped) is not the latest summary.
    await recordRun(store, at(600), { status: 'running' });

    const res = await request(app).get('/status').set(user);
    expect(res.status).toBe(200);
    const expected: ReadinessStatusResponse = {
      latestRun: {
        id,
        status: 'succeeded',
        startedAt: at(0).toISOString(),
        finishedAt: at(2.5).toISOString(),
        durationMs: 2500,
        entityCount: 14,
        clusters: [
          {
            name: 'prod-eu',
            ok: true,
            stale: false,
            resultsFrom: at(1).toISOString(),
            objects: 266,
            requests: 91,
            retries: 3,
            restarts: 1,
            durationMs: 812,
            missingKinds: PROD_EU.missing!,
            objectErrors: { count: 25, messages: objectErrors.slice(0, 20) },
          },
          {
            name: 'prod-us',
            ok: false,
            stale: true,
            resultsFrom: T0.toISOString(),
            error: PROD_US_DOWN.error,
            objects: 0,
            requests: 0,
            durationMs: 160,
            missingKinds: [],
            objectErrors: { count: 0, messages: [] },
          },
        ],
      },
    };
    expect(res.body).toEqual(expected);
  });

  it('shows a failed run with its error, a never-read cluster as not stale, and runs recorded before reasons were kept', async () => {
    const { app, store } = await setup();
    await recordRun(store, at(0), {
      status: 'failed',
      finishedAt: at(1),
      error: 'the catalog could not be read',
      clusters: {
        'new-cluster': { ...PROD_US_DOWN, resultsFrom: undefined },
        legacy: {
          ok: true,
          objects: 3,
          requests: 40,
          durationMs: 20,
          missingKinds: ['verticalpodautoscalers'],
        },
      },
    });
    const res = await request(app).get('/status').set(user);
    expect(res.body.latestRun).toMatchObject({
      status: 'failed',
      error: 'the catalog could not be read',
      clusters: [
        {
          name: 'legacy',
          ok: true,
          stale: false,
          missingKinds: [
            { plural: 'verticalpodautoscalers', reason: 'not recorded' },
          ],
          objectErrors: { count: 0, messages: [] },
        },
        { name: 'new-cluster', ok: false, stale: false },
      ],
    });
    expect(res.body.latestRun.clusters[1].resultsFrom).toBeUndefined();
  });

  it('takes no query parameters', async () => {
    const { app } = await setup();
    const res = await request(app).get('/status?cluster=prod-eu').set(user);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
  });
});
