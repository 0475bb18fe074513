import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityReportResponse } from '@prodready/plugin-readiness-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { readinessPlugin } from './plugin';

/*
 * The whole plugin in a real Backstage backend: the bundled example snapshot is evaluated by the
 * scheduled task, and every example component's report must match the demo's answer key
 * (examples/answer-key.json), which was written from the check catalog independently of the engine.
 */
const examples = path.resolve(__dirname, '../../../examples');
const answerKey = JSON.parse(fs.readFileSync(path.join(examples, 'answer-key.json'), 'utf8'));
const entities = parseAllDocuments(fs.readFileSync(path.join(examples, 'entities.yaml'), 'utf8'))
  .map(d => d.toJS() as Entity)
  .filter(Boolean)
  .map(e => ({ ...e, metadata: { namespace: 'default', ...e.metadata } }));

jest.setTimeout(60_000);

async function startDemoBackend() {
  return startTestBackend({
    features: [
      readinessPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            ...answerKey.config.readiness,
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 2 }, initialDelay: { seconds: 0 } },
            sources: { snapshot: [{ path: path.join(examples, 'clusters/prod-eu') }] },
          },
        },
      }),
    ],
  });
}

async function waitForReport(server: any, name: string): Promise<EntityReportResponse> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await request(server).get(`/api/readiness/entities/component/default/${name}`).set('Authorization', mockCredentials.user.header());
    if (res.status === 200) return res.body;
    if (Date.now() > deadline) throw new Error(`no report for ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

const statusIds = (report: EntityReportResponse, status: string) =>
  report.report.checks.filter(c => c.status === status).map(c => c.checkId).sort();

describe('readiness backend plugin on the bundled example snapshot', () => {
  let backend: Awaited<ReturnType<typeof startDemoBackend>>;

  beforeAll(async () => {
    backend = await startDemoBackend();
    // Ask for a run now, as the UI does after accepting a risk.
    const res = await request(backend.server).post('/api/readiness/refresh').set('Authorization', mockCredentials.user.header()).send({});
    if (res.status !== 202) throw new Error(`POST /refresh answered ${res.status}: ${JSON.stringify(res.body)}`);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const scored = Object.entries<any>(answerKey.components).filter(([, c]) => c.state === 'mapped');

  it.each(scored)('reports %s as the answer key says', async (name, expected) => {
    const report = await waitForReport(backend.server, name);
    expect({ verdict: report.verdict, level: report.level }).toEqual({ verdict: expected.verdict, level: expected.level });
    expect(statusIds(report, 'fail')).toEqual([...expected.fail].sort());
    expect(statusIds(report, 'waived')).toEqual([...expected.waived].sort());
    expect(report.report.workloads.map(w => `${w.kind}/${w.namespace}/${w.name}`).sort()).toEqual(
      expected.workloads.map((w: any) => `${w.kind}/${w.namespace}/${w.name}`).sort(),
    );
  });

  it('shows the honest states: not mapped, no workloads found, configuration error', async () => {
    expect((await waitForReport(backend.server, 'inventory-sync')).state).toBe('not-mapped');
    expect((await waitForReport(backend.server, 'gift-cards')).state).toBe('no-workloads');
    const promotions = await waitForReport(backend.server, 'promotions');
    expect(promotions.state).toBe('configuration-error');
    expect(promotions.verdict).toBe('no-go');
    expect(promotions.report.configurationErrors[0].message).toContain('backstage.io/kubernetes-label-selector');
  });

  it('needs an identity on every route', async () => {
    const res = await request(backend.server).get('/api/readiness/scorecard').set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
