import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReadinessClient, scorecardQueryString } from './ReadinessClient';

const baseUrl = 'http://example.com/api/readiness';
const server = setupServer();
registerMswTestHooks(server);

const client = new ReadinessClient({
  discoveryApi: mockApis.discovery({ baseUrl: 'http://example.com' }),
  fetchApi: { fetch: (input, init) => fetch(input, init) },
});

const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

/** Records each request the handlers see, so a test can assert on URL, method and body. */
function record() {
  const seen: Array<{ method: string; url: URL; body?: unknown }> = [];
  const push = async (request: Request) => {
    const text = await request.text();
    seen.push({
      method: request.method,
      url: new URL(request.url),
      body: text ? JSON.parse(text) : undefined,
    });
  };
  return { seen, push };
}

const notFound = () =>
  HttpResponse.json(
    {
      error: {
        name: 'NotFoundError',
        message: 'no report for component:default/nope',
      },
      request: { method: 'GET', url: '/entities/component/default/nope' },
      response: { statusCode: 404 },
    },
    { status: 404 },
  );

describe('ReadinessClient', () => {
  it('gets the check catalog', async () => {
    server.use(
      http.get(`${baseUrl}/checks`, () =>
        HttpResponse.json({ items: [{ id: 'readiness-probe' }] }),
      ),
    );
    await expect(client.getChecks()).resolves.toEqual({
      items: [{ id: 'readiness-probe' }],
    });
  });

  it('gets an entity report by kind, namespace and name', async () => {
    const { seen, push } = record();
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name`,
        async ({ request }) => {
          await push(request);
          return HttpResponse.json({
            entityRef: 'component:default/checkout',
            verdict: 'go',
          });
        },
      ),
    );
    await expect(client.getEntityReport(checkout)).resolves.toMatchObject({
      verdict: 'go',
    });
    expect(seen[0].url.pathname).toBe(
      '/api/readiness/entities/component/default/checkout',
    );
  });

  it('returns undefined for an entity that has not been evaluated (404)', async () => {
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, notFound),
    );
    await expect(
      client.getEntityReport({ ...checkout, name: 'nope' }),
    ).resolves.toBeUndefined();
  });

  it('encodes entity names', async () => {
    const { seen, push } = record();
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name`,
        async ({ request }) => {
          await push(request);
          return HttpResponse.json({});
        },
      ),
    );
    await client.getEntityReport({
      kind: 'Component',
      namespace: 'team a',
      name: 'x/y',
    });
    expect(seen[0].url.pathname).toBe(
      '/api/readiness/entities/component/team%20a/x%2Fy',
    );
  });

  it('maps other errors of the entity report to a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'not allowed' },
            request: {
              method: 'GET',
              url: '/entities/component/default/checkout',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.getEntityReport(checkout).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe('not allowed');
  });

  it('gets the history, with since as an ISO timestamp when given', async () => {
    const { seen, push } = record();
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name/history`,
        async ({ request }) => {
          await push(request);
          return HttpResponse.json({ items: [] });
        },
      ),
    );
    await client.getEntityHistory(checkout);
    await client.getEntityHistory(checkout, {
      since: new Date('2026-10-01T00:00:00Z'),
    });
    expect(seen[0].url.pathname).toBe(
      '/api/readiness/entities/component/default/checkout/history',
    );
    expect(seen[0].url.search).toBe('');
    expect(seen[1].url.searchParams.get('since')).toBe(
      '2026-10-01T00:00:00.000Z',
    );
  });

  it('gets the scorecard with lists comma-separated and the domain filter as id:below', async () => {
    const { seen, push } = record();
    server.use(
      http.get(`${baseUrl}/scorecard`, async ({ request }) => {
        await push(request);
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          offset: 20,
          limit: 20,
        });
      }),
    );
    await client.getScorecard({
      owner: ['group:default/checkout-team', 'group:default/web-team'],
      kind: ['Component'],
      lifecycle: ['production'],
      verdict: ['no-go'],
      level: ['bronze', 'none'],
      domain: { id: 'security', below: 60 },
      q: ' cart ',
      sort: 'score',
      order: 'asc',
      offset: 20,
      limit: 20,
    });
    const params = seen[0].url.searchParams;
    expect(params.get('owner')).toBe(
      'group:default/checkout-team,group:default/web-team',
    );
    expect(params.get('kind')).toBe('Component');
    expect(params.get('lifecycle')).toBe('production');
    expect(params.get('verdict')).toBe('no-go');
    expect(params.get('level')).toBe('bronze,none');
    expect(params.get('domain')).toBe('security:60');
    expect(params.get('q')).toBe('cart');
    expect(params.get('sort')).toBe('score');
    expect(params.get('order')).toBe('asc');
    expect(params.get('offset')).toBe('20');
    expect(params.get('limit')).toBe('20');
  });

  it('leaves empty scorecard filters out of the query', () => {
    expect(scorecardQueryString({})).toBe('');
    expect(scorecardQueryString({ owner: [], q: '  ', offset: 0 })).toBe(
      '?offset=0',
    );
  });

  it('downloads the scorecard CSV as a blob with the same query', async () => {
    const { seen, push } = record();
    server.use(
      http.get(`${baseUrl}/scorecard.csv`, async ({ request }) => {
        await push(request);
        return new HttpResponse(
          'entityRef,score\ncomponent:default/cart,83\n',
          {
            headers: { 'Content-Type': 'text/csv' },
          },
        );
      }),
    );
    const blob = await client.downloadScorecardCsv({
      owner: ['group:default/a'],
      sort: 'name',
    });
    expect(await blob.text()).toContain('component:default/cart,83');
    expect(seen[0].url.searchParams.get('owner')).toBe('group:default/a');
    expect(seen[0].url.searchParams.get('sort')).toBe('name');
  });

  it('maps a failed CSV download to a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/scorecard.csv`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'bad sort' },
            request: {},
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(client.downloadScorecardCsv({})).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
    });
  });

  it('gets the owner rollup', async () => {
    server.use(
      http.get(`${baseUrl}/scorecard/owners`, () =>
        HttpResponse.json({
          items: [{ owner: 'group:default/checkout-team' }],
        }),
      ),
    );
    await expect(client.getOwners()).resolves.toEqual({
      items: [{ owner: 'group:default/checkout-team' }],
    });
  });

  it('lists waivers, filtered by entity when asked', async () => {
    const { seen, push } = record();
    server.use(
      http.get(`${baseUrl}/waivers`, async ({ request }) => {
        await push(request);
        return HttpResponse.json({ items: [] });
      }),
    );
    await client.getWaivers();
    await client.getWaivers({ entityRef: 'component:default/cart' });
    expect(seen[0].url.search).toBe('');
    expect(seen[1].url.searchParams.get('entityRef')).toBe(
      'component:default/cart',
    );
  });

  it('creates a waiver with a JSON body', async () => {
    const { seen, push } = record();
    server.use(
      http.post(`${baseUrl}/waivers`, async ({ request }) => {
        await push(request);
        return HttpResponse.json({ id: 'w1', source: 'api' }, { status: 201 });
      }),
    );
    const request = {
      entityRef: 'component:default/cart',
      checkId: 'readiness-probe',
      reason: 'batch consumer',
      expiresAt: '2027-01-31',
    };
    await expect(client.createWaiver(request)).resolves.toMatchObject({
      id: 'w1',
    });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].body).toEqual(request);
  });

  it('maps a refused waiver to a ResponseError carrying the backend message', async () => {
    server.use(
      http.post(`${baseUrl}/waivers`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'expiresAt: must be at most 1 year from now',
            },
            request: { method: 'POST', url: '/waivers' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .createWaiver({
        entityRef: 'component:default/cart',
        checkId: 'x',
        reason: 'r',
        expiresAt: '2030-01-01',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe(
      'expiresAt: must be at most 1 year from now',
    );
  });

  it('revokes a waiver by id', async () => {
    const { seen, push } = record();
    server.use(
      http.delete(`${baseUrl}/waivers/:id`, async ({ request }) => {
        await push(request);
        return HttpResponse.json({
          id: 'w 1',
          revokedAt: '2026-11-21T09:00:00Z',
        });
      }),
    );
    await expect(client.revokeWaiver('w 1')).resolves.toMatchObject({
      revokedAt: '2026-11-21T09:00:00Z',
    });
    expect(seen[0].method).toBe('DELETE');
    expect(seen[0].url.pathname).toBe('/api/readiness/waivers/w%201');
  });

  it('maps a forbidden revoke to a ResponseError', async () => {
    server.use(
      http.delete(`${baseUrl}/waivers/:id`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'denied' },
            request: {},
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.revokeWaiver('w1')).rejects.toMatchObject({
      statusCode: 403,
    });
  });

  it('schedules a refresh for one entity or for all (202)', async () => {
    const { seen, push } = record();
    server.use(
      http.post(`${baseUrl}/refresh`, async ({ request }) => {
        await push(request);
        return HttpResponse.json({ status: 'scheduled' }, { status: 202 });
      }),
    );
    await expect(
      client.refresh({ entityRef: 'component:default/cart' }),
    ).resolves.toBeUndefined();
    await client.refresh();
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: { entityRef: 'component:default/cart' },
    });
    expect(seen[1].body).toEqual({});
  });

  it('maps a refused refresh to a ResponseError', async () => {
    server.use(
      http.post(
        `${baseUrl}/refresh`,
        () =>
          new HttpResponse('nope', {
            status: 500,
            statusText: 'Internal Server Error',
          }),
      ),
    );
    await expect(client.refresh()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 500,
    });
  });
});
