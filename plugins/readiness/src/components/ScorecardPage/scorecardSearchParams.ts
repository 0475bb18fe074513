/*
 * The scorecard's state lives in the URL so a filtered, sorted view can be shared as a link.
 * Lists are repeated parameters (`owner=a&owner=b`); comma-separated values are accepted too, as
 * in the REST API. Invalid values are dropped rather than sent to the backend.
 */
import {
  isReadinessDomainId,
  READINESS_LEVELS,
  ReadinessLevel,
  ScorecardQueryParams,
  ScorecardSort,
  Verdict,
} from '@prodready/plugin-readiness-common';

/** The two views of the scorecard page. */
export type ScorecardView = 'services' | 'owners';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const DEFAULT_SORT: ScorecardSort = 'score';
export const DEFAULT_ORDER: 'asc' | 'desc' = 'asc';

const VERDICTS: ReadonlyArray<Verdict> = ['no-go', 'go'];
const PLAIN_SORTS: ReadonlyArray<string> = [
  'score',
  'name',
  'verdict',
  'level',
  'evaluatedAt',
  'owner',
  'coverage',
];

/** The filters, sorting and page of the Services view, as read from the URL. */
export interface ScorecardUrlState {
  view: ScorecardView;
  owner: string[];
  kind: string[];
  lifecycle: string[];
  verdict: Verdict[];
  level: ReadinessLevel[];
  domain?: ScorecardQueryParams['domain'];
  q: string;
  sort: ScorecardSort;
  order: 'asc' | 'desc';
  /** 1-based. */
  page: number;
  limit: number;
}

export function isScorecardSort(value: unknown): value is ScorecardSort {
  if (typeof value !== 'string') return false;
  if (PLAIN_SORTS.includes(value)) return true;
  return (
    value.startsWith('domain:') &&
    isReadinessDomainId(value.slice('domain:'.length))
  );
}

function readList(params: URLSearchParams, key: string): string[] {
  const values = params
    .getAll(key)
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

function readInt(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

/** Reads the scorecard state from URL search params, dropping what is not valid. */
export function readScorecardUrlState(
  params: URLSearchParams,
): ScorecardUrlState {
  const domainParam = params.get('domain');
  let domain: ScorecardUrlState['domain'];
  if (domainParam) {
    const [id, below] = domainParam.split(':');
    const threshold = readInt(below ?? null);
    if (
      isReadinessDomainId(id) &&
      threshold !== undefined &&
      threshold >= 0 &&
      threshold <= 100
    ) {
      domain = { id, below: threshold };
    }
  }
  const sort = params.get('sort');
  const order = params.get('order');
  const page = readInt(params.get('page'));
  const limit = readInt(params.get('limit'));
  return {
    view: params.get('view') === 'owners' ? 'owners' : 'services',
    owner: readList(params, 'owner'),
    kind: readList(params, 'kind'),
    lifecycle: readList(params, 'lifecycle'),
    verdict: readList(params, 'verdict').filter((v): v is Verdict =>
      (VERDICTS as string[]).includes(v),
    ),
    level: readList(params, 'level').filter((v): v is ReadinessLevel =>
      (READINESS_LEVELS as string[]).includes(v),
    ),
    domain,
    q: params.get('q')?.trim() ?? '',
    sort: isScorecardSort(sort) ? sort : DEFAULT_SORT,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER,
    page: page !== undefined && page >= 1 ? page : 1,
    limit:
      limit !== undefined && (PAGE_SIZES as readonly number[]).includes(limit)
        ? limit
        : DEFAULT_PAGE_SIZE,
  };
}

/** Writes the scorecard state as URL search params, leaving defaults out so links stay short. */
export function writeScorecardUrlState(
  state: Partial<ScorecardUrlState>,
): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view === 'owners') params.set('view', 'owners');
  const lists: Array<keyof ScorecardUrlState> = [
    'owner',
    'kind',
    'lifecycle',
    'verdict',
    'level',
  ];
  for (const key of lists) {
    for (const value of (state[key] as string[] | undefined) ?? [])
      params.append(key, value);
  }
  if (state.domain)
    params.set('domain', `${state.domain.id}:${state.domain.below}`);
  if (state.q) params.set('q', state.q);
  if (state.sort && state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.order && state.order !== DEFAULT_ORDER)
    params.set('order', state.order);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  if (state.limit && state.limit !== DEFAULT_PAGE_SIZE)
    params.set('limit', String(state.limit));
  return params;
}

/** The filter part of the state (no sorting, no paging), as the API expects it. */
export function toScorecardFilter(
  state: ScorecardUrlState,
): ScorecardQueryParams {
  const query: ScorecardQueryParams = {};
  if (state.owner.length) query.owner = state.owner;
  if (state.kind.length) query.kind = state.kind;
  if (state.lifecycle.length) query.lifecycle = state.lifecycle;
  if (state.verdict.length) query.verdict = state.verdict;
  if (state.level.length) query.level = state.level;
  if (state.domain) query.domain = state.domain;
  if (state.q) query.q = state.q;
  return query;
}

/** The page of the Services table as a query of GET /scorecard. */
export function toScorecardQuery(
  state: ScorecardUrlState,
): ScorecardQueryParams {
  return {
    ...toScorecardFilter(state),
    sort: state.sort,
    order: state.order,
    offset: (state.page - 1) * state.limit,
    limit: state.limit,
  };
}

/** Whether any filter (not sorting or paging) is set. */
export function hasScorecardFilter(state: ScorecardUrlState): boolean {
  return Object.keys(toScorecardFilter(state)).length > 0;
}

/** The search string of a Services view filtered by some owners, e.g. for links from a group page. */
export function scorecardSearchForOwners(owners: string[]): string {
  return writeScorecardUrlState({ owner: owners }).toString();
}
