import {
  hasScorecardFilter,
  readScorecardUrlState,
  scorecardSearchForOwners,
  toScorecardFilter,
  toScorecardQuery,
  writeScorecardUrlState,
} from './scorecardSearchParams';

const read = (search: string) =>
  readScorecardUrlState(new URLSearchParams(search));

describe('scorecard URL state', () => {
  it('defaults to the Services view, worst score first, 25 per page', () => {
    expect(read('')).toEqual({
      view: 'services',
      owner: [],
      kind: [],
      lifecycle: [],
      verdict: [],
      level: [],
      domain: undefined,
      q: '',
      sort: 'score',
      order: 'asc',
      page: 1,
      limit: 25,
    });
    expect(toScorecardQuery(read(''))).toEqual({
      sort: 'score',
      order: 'asc',
      offset: 0,
      limit: 25,
    });
  });

  it('reads lists as repeated or comma-separated parameters', () => {
    const state = read(
      'owner=group:default/a&owner=group:default/b,group:default/c&kind=Component&lifecycle=production,experimental&verdict=no-go&level=none,bronze',
    );
    expect(state.owner).toEqual([
      'group:default/a',
      'group:default/b',
      'group:default/c',
    ]);
    expect(state.kind).toEqual(['Component']);
    expect(state.lifecycle).toEqual(['production', 'experimental']);
    expect(state.verdict).toEqual(['no-go']);
    expect(state.level).toEqual(['none', 'bronze']);
  });

  it('maps the whole state to ScorecardQueryParams, page to offset', () => {
    const state = read(
      'owner=group:default/checkout-team&domain=security:60&q=cart&sort=domain:security&order=desc&page=3&limit=50',
    );
    expect(toScorecardQuery(state)).toEqual({
      owner: ['group:default/checkout-team'],
      domain: { id: 'security', below: 60 },
      q: 'cart',
      sort: 'domain:security',
      order: 'desc',
      offset: 100,
      limit: 50,
    });
    expect(toScorecardFilter(state)).toEqual({
      owner: ['group:default/checkout-team'],
      domain: { id: 'security', below: 60 },
      q: 'cart',
    });
  });

  it('drops values the API would reject', () => {
    const state = read(
      'verdict=maybe&level=platinum&domain=nope:50&sort=colour&order=sideways&page=0&limit=33&view=elsewhere',
    );
    expect(state).toMatchObject({
      view: 'services',
      verdict: [],
      level: [],
      domain: undefined,
      sort: 'score',
      order: 'asc',
      page: 1,
      limit: 25,
    });
    expect(read('domain=security:150').domain).toBeUndefined();
    expect(read('domain=security').domain).toBeUndefined();
    expect(read('page=2.5').page).toBe(1);
  });

  it('writes short links that read back to the same state', () => {
    const state = read(
      'view=owners&owner=group:default/a&owner=group:default/b&verdict=no-go&domain=resilience:40&q=x&sort=name&order=desc&page=2&limit=100',
    );
    const written = writeScorecardUrlState(state);
    expect(readScorecardUrlState(written)).toEqual(state);
    expect(writeScorecardUrlState(read('')).toString()).toBe('');
  });

  it('knows whether a filter is set, sorting and paging aside', () => {
    expect(hasScorecardFilter(read('sort=name&page=2'))).toBe(false);
    expect(hasScorecardFilter(read('q=cart'))).toBe(true);
    expect(hasScorecardFilter(read('domain=security:50'))).toBe(true);
  });

  it('builds the search of an owners link', () => {
    expect(
      readScorecardUrlState(
        new URLSearchParams(
          scorecardSearchForOwners([
            'group:default/commerce',
            'group:default/web-team',
          ]),
        ),
      ).owner,
    ).toEqual(['group:default/commerce', 'group:default/web-team']);
  });
});
