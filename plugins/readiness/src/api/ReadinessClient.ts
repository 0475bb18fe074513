import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ChecksResponse,
  CreateWaiverRequest,
  EntityReportResponse,
  HistoryResponse,
  OwnersResponse,
  ScorecardQueryParams,
  ScorecardResponse,
  StoredAcceptedRiskResponse,
  WaiversResponse,
} from '@prodready/plugin-readiness-common';
import { ReadinessApi } from './ReadinessApi';

type QueryValue = string | number | undefined;

/**
 * The query string of GET /scorecard and GET /scorecard.csv: lists comma-separated, `domain` as
 * `<id>:<below>`, empty values left out. Keys in a stable order so URLs are comparable.
 * @public
 */
export function scorecardQueryString(query: ScorecardQueryParams): string {
  const list = (values?: readonly string[]) =>
    values && values.length > 0 ? values.join(',') : undefined;
  const entries: Array<[string, QueryValue]> = [
    ['owner', list(query.owner)],
    ['kind', list(query.kind)],
    ['lifecycle', list(query.lifecycle)],
    ['system', list(query.system)],
    ['verdict', list(query.verdict)],
    ['level', list(query.level)],
    ['state', list(query.state)],
    [
      'domain',
      query.domain ? `${query.domain.id}:${query.domain.below}` : undefined,
    ],
    ['q', query.q?.trim() ? query.q.trim() : undefined],
    ['sort', query.sort],
    ['order', query.order],
    ['offset', query.offset],
    ['limit', query.limit],
  ];
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function entityPath(entity: CompoundEntityRef): string {
  return [entity.kind, entity.namespace, entity.name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/');
}

/** Talks to the readiness backend through the discovery and fetch APIs. @public */
export class ReadinessClient implements ReadinessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getChecks(): Promise<ChecksResponse> {
    return this.json<ChecksResponse>('/checks');
  }

  async getEntityReport(
    entity: CompoundEntityRef,
  ): Promise<EntityReportResponse | undefined> {
    const response = await this.request(`/entities/${entityPath(entity)}`);
    if (response.status === 404) return undefined;
    return this.parse<EntityReportResponse>(response);
  }

  async getEntityHistory(
    entity: CompoundEntityRef,
    options: { since?: Date } = {},
  ): Promise<HistoryResponse> {
    const query = options.since
      ? `?${new URLSearchParams({ since: options.since.toISOString() })}`
      : '';
    return this.json<HistoryResponse>(
      `/entities/${entityPath(entity)}/history${query}`,
    );
  }

  async getScorecard(query: ScorecardQueryParams): Promise<ScorecardResponse> {
    return this.json<ScorecardResponse>(
      `/scorecard${scorecardQueryString(query)}`,
    );
  }

  async downloadScorecardCsv(query: ScorecardQueryParams): Promise<Blob> {
    const response = await this.request(
      `/scorecard.csv${scorecardQueryString(query)}`,
      { headers: { Accept: 'text/csv' } },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.blob();
  }

  async getOwners(): Promise<OwnersResponse> {
    return this.json<OwnersResponse>('/scorecard/owners');
  }

  async getWaivers(
    options: { entityRef?: string } = {},
  ): Promise<WaiversResponse> {
    const query = options.entityRef
      ? `?${new URLSearchParams({ entityRef: options.entityRef })}`
      : '';
    return this.json<WaiversResponse>(`/waivers${query}`);
  }

  async createWaiver(
    request: CreateWaiverRequest,
  ): Promise<StoredAcceptedRiskResponse> {
    return this.json<StoredAcceptedRiskResponse>('/waivers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async revokeWaiver(id: string): Promise<StoredAcceptedRiskResponse> {
    return this.json<StoredAcceptedRiskResponse>(
      `/waivers/${encodeURIComponent(id)}`,
      { method: 'DELETE' },
    );
  }

  async refresh(options: { entityRef?: string } = {}): Promise<void> {
    const response = await this.request('/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(
        options.entityRef ? { entityRef: options.entityRef } : {},
      ),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    return this.fetchApi.fetch(`${baseUrl}${path}`, init);
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return this.parse<T>(await this.request(path, init));
  }

  private async parse<T>(response: Response): Promise<T> {
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
