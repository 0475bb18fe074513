import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ChecksResponse,
  CheckMetadata,
  HistoryResponse,
  OwnersResponse,
  readinessRefreshPermission,
  readinessWaiverManagePermission,
  RefreshResponse,
  ScorecardResponse,
  validateAcceptedRiskInput,
  WaiversResponse,
} from '@prodready/plugin-readiness-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  ClusterRunSummary,
  MissingKindSummary,
  ReadinessRun,
  ReadinessStore,
} from '../database/ReadinessStore';
import {
  collectFailingChecks,
  listGroups,
  readGroupHierarchy,
  rollupOwners,
} from './ownerRollup';
import {
  isReadableEntityRef,
  READABLE_ENTITIES_DEFAULT_TTL_MS,
  ReadableEntityResolver,
  readableEntityRefsFilter,
} from './readableEntities';
import {
  toAcceptedRiskResponse,
  toHistoryPoint,
  toReadinessSummary,
} from './responses';
import { scorecardCsvHeader, scorecardCsvLine } from './scorecardCsv';
import {
  entityRefFromPath,
  parseCreateWaiverBody,
  parseEmptyQuery,
  parseHistoryQuery,
  parseRefreshBody,
  parseScorecardQuery,
  parseWaiversQuery,
  SCORECARD_MAX_LIMIT,
} from './validation';

/**
 * Options of {@link createRouter}.
 *
 * @internal
 */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** `catalogServiceRef`: every catalog read is made with the caller's credentials. */
  catalog: CatalogService;
  auditor: AuditorService;
  store: ReadinessStore;
  /** The check catalog in force (built-in and custom, config applied): served by GET /checks, used to validate waivers and title gaps. */
  getChecks: () => CheckMetadata[];
  /** Schedules a re-evaluation of one entity, or of everything when no ref is given (POST /refresh). */
  requestRefresh: (entityRef?: string) => Promise<void>;
  /**
   * The catalog kinds that get readiness reports (the evaluation's entity kinds). Used to list the
   * entities a caller may read when the permission policy answers CONDITIONAL. Default: the
   * distinct kinds of the stored reports (read at most once a minute).
   */
  entityKinds?: string[];
  /**
   * How long the entities a principal may read are reused, in ms. Default 5000; 0 disables the
   * cache. Keep it short: a permission or ownership change is seen only after it.
   */
  readableEntitiesCacheTtlMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * One cluster of the latest run, in GET /status.
 *
 * @internal
 */
export interface ClusterStatus {
  name: string;
  /** Read this run. */
  ok: boolean;
  /** Not read this run; its entities keep the results read at `resultsFrom`, marked stale. */
  stale: boolean;
  /** When the results in use for this cluster were read. */
  resultsFrom?: string;
  /** Why the cluster could not be read. */
  error?: string;
  objects: number;
  /** HTTP requests sent, retries and restarted pages included. */
  requests: number;
  retries?: number;
  restarts?: number;
  durationMs: number;
  /** Kinds that could not be listed; checks that need them are `unknown`. */
  missingKinds: MissingKindSummary[];
  /** Skipped or malformed objects: how many, and the first messages. */
  objectErrors: { count: number; messages: string[] };
}

/**
 * GET /status: the latest finished evaluation run, per cluster; no `latestRun` before the first
 * run ends.
 *
 * @internal
 */
export interface ReadinessStatusResponse {
  latestRun?: {
    id: string;
    status: ReadinessRun['status'];
    startedAt: string;
    finishedAt?: string;
    durationMs?: number;
    entityCount: number;
    error?: string;
    clusters: ClusterStatus[];
  };
}

function toClusterStatus(name: string, c: ClusterRunSummary): ClusterStatus {
  return {
    name,
    ok: c.ok,
    stale: !c.ok && c.resultsFrom !== undefined,
    ...(c.resultsFrom !== undefined ? { resultsFrom: c.resultsFrom } : {}),
    ...(c.error !== undefined ? { error: c.error } : {}),
    objects: c.objects,
    requests: c.requests,
    ...(c.retries !== undefined ? { retries: c.retries } : {}),
    ...(c.restarts !== undefined ? { restarts: c.restarts } : {}),
    durationMs: c.durationMs,
    // Runs recorded before reasons were kept have the plurals only.
    missingKinds:
      c.missing ??
      (c.missingKinds ?? []).map(plural => ({
        plural,
        reason: 'not recorded',
      })),
    objectErrors: c.objectErrors ?? { count: 0, messages: [] },
  };
}

function toStatusResponse(run?: ReadinessRun): ReadinessStatusResponse {
  if (!run) {
    return {};
  }
  const durationMs = run.finishedAt
    ? Date.parse(run.finishedAt) - Date.parse(run.startedAt)
    : undefined;
  return {
    latestRun: {
      id: run.id,
      status: run.status,
      startedAt: run.startedAt,
      ...(run.finishedAt !== undefined ? { finishedAt: run.finishedAt } : {}),
      ...(durationMs !== undefined ? { durationMs } : {}),
      entityCount: run.entityCount,
      ...(run.error !== undefined ? { error: run.error } : {}),
      clusters: Object.entries(run.clusters)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, c]) => toClusterStatus(name, c)),
    },
  };
}

/** The most text of a raw request field copied into an audit event. */
const AUDIT_TEXT_MAX = 1000;

function auditText(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, AUDIT_TEXT_MAX) : undefined;
}

function withoutUndefined(
  meta: Record<string, string | boolean | undefined>,
): Record<string, string | boolean> {
  return Object.fromEntries(
    Object.entries(meta).filter(([, value]) => value !== undefined),
  ) as Record<string, string | boolean>;
}

function csvFileName(now: Date): string {
  return `readiness-scorecard-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * The readiness REST API (base path /api/readiness). Routes validate (zod), authenticate
 * (`httpAuth`, user or service), authorize (permissions) and delegate to the store; nothing is
 * computed from clusters on a request.
 *
 * Listings (`/scorecard`, `/scorecard.csv`, `/scorecard/owners`, `/waivers`) only ever contain,
 * count or export entities the caller may read in the catalog (see `ReadableEntityResolver`);
 * `/entities/...` answers 404 alike for an entity that does not exist, may not be read, or has no
 * report yet. Creating and revoking waivers needs a user (the author) and
 * `readiness.waiver.manage`, and is recorded by the auditor.
 *
 * Routes: GET /health, GET /status (the latest finished run per cluster), GET /checks, GET /entities/:kind/:namespace/:name,
 * GET /entities/:kind/:namespace/:name/history?since=, GET /scorecard (query of
 * `ScorecardQueryParams`; lists comma-separated or repeated; `owner` defaults to kind group and
 * `system` to kind system, namespace default; limit 25 by default, at most 500; unknown parameters
 * are a 400), GET /scorecard.csv (same filters, every page; offset/limit ignored),
 * GET /scorecard/owners, POST /refresh, GET /waivers?entityRef=&includeRevoked=,
 * POST /waivers, DELETE /waivers/:id.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    logger,
    httpAuth,
    permissions,
    catalog,
    auditor,
    store,
    getChecks,
    requestRefresh,
  } = options;
  const now = options.now ?? (() => new Date());
  const readableEntities = new ReadableEntityResolver({
    permissions,
    catalog,
    ttlMs:
      options.readableEntitiesCacheTtlMs ?? READABLE_ENTITIES_DEFAULT_TTL_MS,
    getReportKinds: options.entityKinds
      ? async () => options.entityKinds!
      : async () => [
          ...new Set(
            (await store.listAllReportColumns()).map(report => report.kind),
          ),
        ],
  });

  const authenticate = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  const authorize = async (
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: missing the ${permission.name} permission`,
      );
    }
  };

  /** The entity's ref as the catalog writes it, or NotFoundError when the caller may not read it. */
  const readEntityRef = async (
    entityRef: string,
    credentials: BackstageCredentials,
    notFoundMessage: string,
  ) => {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(notFoundMessage);
    }
    return stringifyEntityRef(entity);
  };

  const router = Router();
  router.use(express.json());

  router.get('/health', async (req, res) => {
    await authenticate(req);
    res.json({ status: 'ok' });
  });

  router.get('/status', async (req, res) => {
    await authenticate(req);
    parseEmptyQuery(req.query);
    const body: ReadinessStatusResponse = toStatusResponse(
      await store.getLatestRun({ finished: true }),
    );
    res.json(body);
  });

  router.get('/checks', async (req, res) => {
    await authenticate(req);
    const body: ChecksResponse = { items: getChecks() };
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await authenticate(req);
    const entityRef = entityRefFromPath(req.params);
    // The same answer for "no such entity", "may not read it" and "not evaluated yet".
    const notFound = `no readiness report for ${entityRef} yet`;
    const ref = await readEntityRef(entityRef, credentials, notFound);
    const stored = await store.getReportJson(ref);
    if (!stored) {
      throw new NotFoundError(notFound);
    }
    // An EntityReportResponse: the summary columns, then the report spliced in as it is stored.
    // Parsing and re-serialising the report was most of this route's cost (see bench/backend).
    const summary = JSON.stringify(toReadinessSummary(stored.columns));
    res
      .type('application/json')
      .send(`${summary.slice(0, -1)},"report":${stored.reportJson}}`);
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await authenticate(req);
    const entityRef = entityRefFromPath(req.params);
    const { since } = parseHistoryQuery(req.query);
    const ref = await readEntityRef(
      entityRef,
      credentials,
      `no readiness report for ${entityRef} yet`,
    );
    const points = await store.getHistory(ref, since);
    const body: HistoryResponse = { items: points.map(toHistoryPoint) };
    res.json(body);
  });

  router.get('/scorecard', async (req, res) => {
    const credentials = await authenticate(req);
    const query = parseScorecardQuery(req.query);
    const readable = await readableEntities.resolve(credentials);
    const page = await store.listReports({
      ...query,
      entityRefs: readableEntityRefsFilter(readable),
    });
    const body: ScorecardResponse = {
      items: page.items.map(toReadinessSummary),
      totalCount: page.totalCount,
      offset: query.offset,
      limit: query.limit,
    };
    res.json(body);
  });

  router.get('/scorecard.csv', async (req, res) => {
    const credentials = await authenticate(req);
    // offset and limit are accepted (the UI sends its query as it is) but the export has every page.
    const {
      offset: _offset,
      limit: _limit,
      ...filters
    } = parseScorecardQuery(req.query);
    const readable = await readableEntities.resolve(credentials);
    const query = {
      ...filters,
      entityRefs: readableEntityRefsFilter(readable),
      limit: SCORECARD_MAX_LIMIT,
    };
    // The first page is read before anything is sent, so a failure is still a JSON error.
    let page = await store.listReports({ ...query, offset: 0 });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${csvFileName(now())}"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.write(scorecardCsvHeader());
    let written = 0;
    for (;;) {
      res.write(
        page.items
          .map(row => scorecardCsvLine(toReadinessSummary(row)))
          .join(''),
      );
      written += page.items.length;
      if (page.items.length === 0 || written >= page.totalCount) {
        break;
      }
      page = await store.listReports({ ...query, offset: written });
    }
    res.end();
  });

  router.get('/scorecard/owners', async (req, res) => {
    const credentials = await authenticate(req);
    parseEmptyQuery(req.query);
    const readable = await readableEntities.resolve(credentials);
    const [reports, groups] = await Promise.all([
      store.listAllReportColumns(readableEntityRefsFilter(readable)),
      listGroups(catalog, credentials),
    ]);
    const failingChecks = await collectFailingChecks(store, reports);
    const body: OwnersResponse = {
      items: rollupOwners({
        reports,
        hierarchy: readGroupHierarchy(groups),
        failingChecks,
        checks: getChecks(),
      }),
    };
    res.json(body);
  });

  router.post('/refresh', async (req, res) => {
    const credentials = await authenticate(req);
    await authorize(readinessRefreshPermission, credentials);
    const { entityRef } = parseRefreshBody(req.body);
    const ref = entityRef
      ? await readEntityRef(entityRef, credentials, `no entity ${entityRef}`)
      : undefined;
    await requestRefresh(ref);
    logger.debug(`Readiness refresh requested for ${ref ?? 'every entity'}`);
    const body: RefreshResponse = { status: 'scheduled' };
    res.status(202).json(body);
  });

  router.get('/waivers', async (req, res) => {
    const credentials = await authenticate(req);
    const { entityRef, includeRevoked } = parseWaiversQuery(req.query);
    const readable = await readableEntities.resolve(credentials);
    const risks =
      entityRef && !isReadableEntityRef(readable, entityRef)
        ? []
        : await store.listAcceptedRisks({ entityRef, includeRevoked });
    const at = now();
    const body: WaiversResponse = {
      items: risks
        .filter(risk => isReadableEntityRef(readable, risk.entityRef))
        .map(risk => toAcceptedRiskResponse(risk, at)),
    };
    res.json(body);
  });

  router.post('/waivers', async (req, res) => {
    // The author of a waiver is a person.
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const auditorEvent = await auditor.createEvent({
      eventId: 'waiver-create',
      severityLevel: 'medium',
      request: req,
      meta: withoutUndefined({
        entityRef: auditText(raw.entityRef),
        checkId: auditText(raw.checkId),
        expiresAt: auditText(raw.expiresAt),
        reason: auditText(raw.reason),
      }),
    });
    try {
      await authorize(readinessWaiverManagePermission, credentials);
      const at = now();
      const { entityRef, input, problems } = parseCreateWaiverBody(req.body);
      problems.push(
        ...validateAcceptedRiskInput(input, at, {
          checkIds: getChecks().map(check => check.id),
        }),
      );
      if (problems.length > 0 || !entityRef) {
        throw new InputError(`Invalid waiver: ${problems.join('; ')}`);
      }
      const ref = await readEntityRef(
        entityRef,
        credentials,
        `no entity ${entityRef}`,
      );
      const risk = await store.createAcceptedRisk(
        {
          checkId: input.checkId as string,
          entityRef: ref,
          reason: (input.reason as string).trim(),
          expiresAt: (input.expiresAt as string).trim(),
          author: credentials.principal.userEntityRef,
        },
        at,
      );
      await auditorEvent.success({
        meta: { waiverId: risk.id, entityRef: risk.entityRef },
      });
      res.status(201).json(toAcceptedRiskResponse(risk, at));
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.delete('/waivers/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { id } = req.params;
    const auditorEvent = await auditor.createEvent({
      eventId: 'waiver-revoke',
      severityLevel: 'medium',
      request: req,
      meta: { waiverId: id },
    });
    try {
      await authorize(readinessWaiverManagePermission, credentials);
      const notFound = `no waiver ${id}`;
      const existing = await store.getAcceptedRisk(id);
      const readable = await readableEntities.resolve(credentials);
      if (!existing || !isReadableEntityRef(readable, existing.entityRef)) {
        throw new NotFoundError(notFound);
      }
      const at = now();
      const revoked = await store.revokeAcceptedRisk(
        id,
        credentials.principal.userEntityRef,
        at,
      );
      if (!revoked) {
        throw new NotFoundError(notFound);
      }
      await auditorEvent.success({
        meta: {
          entityRef: revoked.entityRef,
          checkId: revoked.checkId,
          alreadyRevoked: Boolean(existing.revokedAt),
        },
      });
      res.json(toAcceptedRiskResponse(revoked, at));
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
