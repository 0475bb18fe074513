import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AcceptedRisk,
  buildEntityReport,
  CheckResult,
  EntityConfigurationError,
  EntityReadinessReport,
  parseAcceptedRiskAnnotations,
  ReadinessReportState,
  ScoringOptions,
  WorkloadRef,
  WorkloadResult,
} from '@prodready/plugin-readiness-common';
import {
  ClusterIndex,
  ConfiguredCheck,
  discoverWorkloads,
  EntityContext,
  evaluateEntityChecks,
  evaluateWorkload,
  workloadMalformation,
  groupOf,
  KNOWN_KINDS,
  KubernetesObject,
  ReadinessClusterSource,
  Workload,
} from '@prodready/plugin-readiness-node';
import {
  ClusterResults,
  ClusterRunSummary,
  EntityFacts,
  MAX_OBJECT_ERROR_MESSAGES,
  ReadinessStore,
} from '../database/ReadinessStore';
import { EntityMapping, MappableWorkload, mapEntityToWorkloads, WorkloadCatalog } from '../mapping/mapEntitiesToWorkloads';

/** What one run produced, for logs, metrics and tests. */
export interface EvaluationSummary {
  runId: string;
  durationMs: number;
  entities: number;
  clusters: Record<string, ClusterRunSummary>;
  transitions: ReadinessTransition[];
}

/** An entity that went from go to no-go, or lost a level. */
export interface ReadinessTransition {
  entityRef: string;
  owner?: string;
  title?: string;
  from: { verdict: string; level: string };
  to: { verdict: string; level: string };
}

export interface EvaluateReadinessOptions {
  logger: LoggerService;
  store: ReadinessStore;
  catalog: CatalogService;
  auth: AuthService;
  sources: ReadinessClusterSource[];
  checks: ConfiguredCheck[];
  scoring?: ScoringOptions;
  /** Entity kinds to evaluate (default Component). */
  entityKinds?: string[];
  historyRetentionDays?: number;
  /** How many clusters are read at once. */
  clusterConcurrency?: number;
  now?: Date;
  signal?: AbortSignal;
}

const workloadKey = (ref: WorkloadRef) => `${ref.namespace}/${ref.kind}/${ref.name}`;
const LEVEL_RANK: Record<string, number> = { gold: 0, silver: 1, bronze: 2, none: 3 };

/** A cluster evaluated this run (live) or known only from its last good read (stale). */
interface ClusterState {
  name: string;
  summary: ClusterRunSummary;
  /** Live: the index and workloads, for entity-scoped checks. */
  index: ClusterIndex;
  workloads: Map<string, Workload>;
  results: Map<string, WorkloadResult>;
  mappable: MappableWorkload[];
  stale?: string;
}

async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** An index standing for a cluster that could not be read: every kind is missing, so checks needing it are `unknown`. */
function unreachableIndex(cluster: string, reason: string): ClusterIndex {
  return ClusterIndex.build({
    cluster,
    objects: [],
    missing: KNOWN_KINDS.map(k => ({ plural: k.plural, reason: `the cluster could not be read this cycle (${reason})` })),
  });
}

const KIND_RANK = new Map(KNOWN_KINDS.map((k, i) => [`${k.group}/${k.kind}`, i]));

/** Code-unit order (the API server's byte order for ASCII names), not locale order. */
const byCodeUnits = (a: string, b: string) => Number(a > b) - Number(a < b);

/**
 * The objects in the order a live read returns them: kind by kind (KNOWN_KINDS order, other kinds
 * after), and within a kind by namespace, then name, as the API server lists them. Messages and
 * evidence that name several objects follow index order, so without this a snapshot (files in any
 * order) and the live cluster it was dumped from would give the same statuses in different words.
 */
export function inApiListOrder(objects: KubernetesObject[]): KubernetesObject[] {
  const keyed = objects.map(obj => {
    const kind = `${groupOf(obj.apiVersion)}/${obj.kind}`;
    return { obj, rank: KIND_RANK.get(kind) ?? KNOWN_KINDS.length, kind, namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '' };
  });
  keyed.sort(
    (a, b) => a.rank - b.rank || byCodeUnits(a.kind, b.kind) || byCodeUnits(a.namespace, b.namespace) || byCodeUnits(a.name, b.name),
  );
  return keyed.map(k => k.obj);
}

/** Labels as entity mapping reads them: a malformed (non-object) label map counts as none. */
function plainLabels(value: unknown): Record<string, string> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
}

async function readCluster(source: ReadinessClusterSource, options: EvaluateReadinessOptions, now: Date): Promise<ClusterState> {
  const { logger, store, checks } = options;
  const started = Date.now();
  try {
    const snapshot = await source.read({ signal: options.signal });
    const index = ClusterIndex.build({ ...snapshot, objects: inApiListOrder(snapshot.objects), cluster: source.name });
    const workloads = new Map<string, Workload>();
    const results = new Map<string, WorkloadResult>();
    const mappable: MappableWorkload[] = [];
    const labels: ClusterResults['labels'] = {};
    const templateLabels: NonNullable<ClusterResults['templateLabels']> = {};
    const objectErrors = (snapshot.errors ?? []).map(e => e.message);
    for (const workload of discoverWorkloads(index)) {
      const key = workloadKey(workload.ref);
      workloads.set(key, workload);
      const malformation = workloadMalformation(workload);
      if (malformation) {
        const { kind, namespace, name } = workload.ref;
        objectErrors.push(`cluster ${source.name}: ${kind} ${namespace}/${name}: ${malformation}; its checks are unknown`);
      }
      // Evaluated once per cycle, whatever number of entities map to it.
      results.set(key, evaluateWorkload(workload, index, checks));
      labels[key] = plainLabels(workload.object.metadata.labels);
      templateLabels[key] = plainLabels(workload.template.metadata.labels);
      mappable.push({ ref: workload.ref, labels: labels[key], templateLabels: templateLabels[key] });
    }
    const fetchedAt = snapshot.fetchedAt ?? now.toISOString();
    await store.saveClusterResults({ cluster: source.name, fetchedAt, workloads: [...results.values()], labels, templateLabels });
    for (const e of snapshot.errors ?? []) logger.warn(`cluster ${source.name}: ${e.message}`);
    const missing = (snapshot.missing ?? []).map(m => ({ plural: m.plural, reason: m.reason, ...(m.status !== undefined ? { status: m.status } : {}) }));
    const stats = snapshot.stats as { requests?: number; retries?: number; restarts?: number } | undefined;
    return {
      name: source.name,
      index,
      workloads,
      results,
      mappable,
      summary: {
        ok: true,
        objects: snapshot.objects.length,
        requests: stats?.requests ?? 0,
        ...(stats?.retries !== undefined ? { retries: stats.retries } : {}),
        ...(stats?.restarts !== undefined ? { restarts: stats.restarts } : {}),
        durationMs: Date.now() - started,
        missingKinds: missing.map(m => m.plural),
        missing,
        objectErrors: { count: objectErrors.length, messages: objectErrors.slice(0, MAX_OBJECT_ERROR_MESSAGES) },
        resultsFrom: fetchedAt,
      },
    };
  } catch (e) {
    const error = (e as Error)?.message ?? String(e);
    logger.error(`cluster ${source.name} could not be read: ${error}; keeping its last good results, marked stale`);
    const previous = await store.getClusterResults(source.name);
    const results = new Map<string, WorkloadResult>();
    const mappable: MappableWorkload[] = [];
    for (const w of previous?.workloads ?? []) {
      const key = workloadKey(w.ref);
      results.set(key, w);
      mappable.push({ ref: w.ref, labels: previous!.labels[key] ?? {}, templateLabels: previous!.templateLabels?.[key] ?? {} });
    }
    return {
      name: source.name,
      index: unreachableIndex(source.name, error),
      workloads: new Map(),
      results,
      mappable,
      stale: previous?.fetchedAt,
      summary: {
        ok: false,
        objects: 0,
        requests: 0,
        durationMs: Date.now() - started,
        missingKinds: [],
        error,
        ...(previous ? { resultsFrom: previous.fetchedAt } : {}),
      },
    };
  }
}

/** The workload of a stale cluster, rebuilt from what was stored, for entity-scoped checks. */
function storedWorkload(m: MappableWorkload): Workload {
  return {
    ref: m.ref,
    object: { apiVersion: 'v1', kind: m.ref.kind, metadata: { name: m.ref.name, namespace: m.ref.namespace, labels: m.labels } },
    template: { metadata: { labels: m.templateLabels }, spec: {} },
    templatePath: 'spec.template',
    pods: [],
    batch: m.ref.kind === 'Job' || m.ref.kind === 'CronJob',
  };
}

function entityContext(entity: Entity): EntityContext {
  return {
    ref: stringifyEntityRef(entity),
    annotations: entity.metadata.annotations ?? {},
    links: (entity.metadata.links ?? []).map(l => ({ url: l.url, title: l.title, type: l.type })),
  };
}

/** A reference in the entity's spec (`owner`, `system`) as a full entity ref, defaults applied. */
function specRef(entity: Entity, field: 'owner' | 'system', defaultKind: string): string | undefined {
  const value = (entity.spec as any)?.[field];
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(value, { defaultKind, defaultNamespace: entity.metadata.namespace ?? 'default' }));
  } catch {
    return value;
  }
}

export function entityFacts(entity: Entity): EntityFacts {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner: specRef(entity, 'owner', 'group'),
    system: specRef(entity, 'system', 'system'),
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
    type: typeof spec.type === 'string' ? spec.type : undefined,
  };
}

const sameWorkload = (a: WorkloadRef, b: WorkloadRef) =>
  a.cluster === b.cluster && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;

/** A check's result on a workload in an entity's stored report, as a fresh result (waivers are applied again). */
function lastGoodResult(previous: EntityReadinessReport | undefined, result: CheckResult, ref: WorkloadRef): CheckResult | undefined {
  const stored = previous?.checks.find(c => c.checkId === result.checkId)?.workloads.find(w => sameWorkload(w.ref, ref));
  if (!stored) return undefined;
  return {
    ...result,
    status: stored.status === 'waived' ? 'fail' : stored.status,
    message: stored.message,
    evidence: stored.evidence,
  };
}

/**
 * Builds one entity's report from the cycle's evaluated clusters: its workloads' results (each
 * evaluated once per cycle), its entity-scoped checks, its accepted risks, then the score.
 */
export function reportForEntity(
  entity: Entity,
  mapping: EntityMapping,
  clusters: Map<string, ClusterState>,
  options: {
    checks: ConfiguredCheck[];
    scoring?: ScoringOptions;
    apiRisks: AcceptedRisk[];
    checkIds: string[];
    now: Date;
    /** The entity's stored report, for the entity-scoped results of clusters not read this cycle. */
    previousReport?: EntityReadinessReport;
  },
): EntityReadinessReport {
  const entityRef = mapping.entityRef;
  const context = entityContext(entity);
  const configurationErrors: EntityConfigurationError[] = [...mapping.errors];
  const parsed = parseAcceptedRiskAnnotations(entityRef, entity.metadata.annotations ?? {}, { checkIds: options.checkIds });
  for (const message of parsed.errors) configurationErrors.push({ source: 'prodready.dev/accept', message });

  const workloadResults: WorkloadResult[] = [];
  const stale: Record<string, string> = {};
  for (const m of mapping.workloads) {
    const cluster = clusters.get(m.ref.cluster);
    if (!cluster) continue;
    const key = workloadKey(m.ref);
    const base = cluster.results.get(key);
    if (!base) continue;
    if (cluster.stale) stale[cluster.name] = cluster.stale;
    const workload = cluster.workloads.get(key) ?? storedWorkload(m);
    let entityResults: CheckResult[] = evaluateEntityChecks(context, workload, cluster.index, options.checks);
    if (!cluster.summary.ok) {
      // The cluster was not read: an entity-scoped check that needs its objects is `unknown` here,
      // so it keeps its last good result, like the workload's other checks; one that needs only
      // the entity (its annotations) is judged afresh.
      entityResults = entityResults.map(r => (r.status === 'unknown' ? lastGoodResult(options.previousReport, r, base.ref) ?? r : r));
    }
    workloadResults.push({ ref: base.ref, results: [...base.results, ...entityResults] });
  }

  let state: ReadinessReportState;
  if (mapping.state === 'not-mapped') state = 'not-mapped';
  else if (mapping.state === 'configuration-error') state = 'configuration-error';
  else if (workloadResults.length === 0) state = 'no-workloads';
  else state = 'evaluated';

  return buildEntityReport({
    entityRef,
    state,
    workloadResults,
    acceptedRisks: [...parsed.risks, ...options.apiRisks],
    configurationErrors,
    scoring: options.scoring,
    now: options.now,
    stale,
  });
}

/**
 * One evaluation cycle: every cluster read once (bounded concurrency; one failing never stops
 * the others), every workload evaluated once, every entity mapped to already-evaluated
 * workloads, scored and stored with a history point.
 */
export async function evaluateReadiness(options: EvaluateReadinessOptions): Promise<EvaluationSummary> {
  const { logger, store, catalog, auth } = options;
  const now = options.now ?? new Date();
  const started = Date.now();
  const runId = await store.startRun(now);
  try {
    const states = await mapWithConcurrency(options.sources, options.clusterConcurrency ?? 2, s => readCluster(s, options, now));
    const clusters = new Map(states.map(s => [s.name, s]));
    const workloadCatalog = new WorkloadCatalog(states.flatMap(s => s.mappable));

    const apiRisks = await store.listAcceptedRisks();
    const risksByEntity = new Map<string, AcceptedRisk[]>();
    for (const r of apiRisks) {
      const list = risksByEntity.get(r.entityRef);
      if (list) list.push(r);
      else risksByEntity.set(r.entityRef, [r]);
    }
    const checkIds = options.checks.map(c => c.check.id);
    const previous = new Map((await store.listAllReportColumns()).map(r => [r.entityRef, r]));

    const credentials = await auth.getOwnServiceCredentials();
    const kinds = options.entityKinds ?? ['Component'];
    const reports: Array<{ facts: EntityFacts; report: EntityReadinessReport; stale: boolean }> = [];
    const transitions: ReadinessTransition[] = [];
    for await (const page of catalog.streamEntities({ filter: { kind: kinds } }, { credentials })) {
      for (const entity of page) {
        const facts = entityFacts(entity);
        try {
          const mapping = mapEntityToWorkloads(entity, workloadCatalog);
          const onUnreadCluster = mapping.workloads.some(w => clusters.get(w.ref.cluster)?.summary.ok === false);
          const report = reportForEntity(entity, mapping, clusters, {
            checks: options.checks,
            scoring: options.scoring,
            apiRisks: risksByEntity.get(facts.entityRef) ?? [],
            checkIds,
            now,
            previousReport: onUnreadCluster ? (await store.getReport(facts.entityRef))?.report : undefined,
          });
          reports.push({ facts, report, stale: Boolean(report.stale) });
          const before = previous.get(facts.entityRef);
          if (before && report.state === 'evaluated') {
            const wentNoGo = before.verdict === 'go' && report.verdict === 'no-go';
            const lostLevel = (LEVEL_RANK[report.level] ?? 0) > (LEVEL_RANK[before.level] ?? 0);
            if (wentNoGo || lostLevel) {
              transitions.push({
                entityRef: facts.entityRef,
                owner: facts.owner,
                title: facts.title,
                from: { verdict: before.verdict, level: before.level },
                to: { verdict: report.verdict, level: report.level },
              });
            }
          }
        } catch (e) {
          // One broken entity never stops the others: it is stored with its error.
          logger.error(`entity ${facts.entityRef} could not be evaluated: ${(e as Error).message}`);
          const report = buildEntityReport({
            entityRef: facts.entityRef,
            state: 'configuration-error',
            workloadResults: [],
            configurationErrors: [{ source: 'evaluation', message: (e as Error).message }],
            now,
          });
          reports.push({ facts, report, stale: false });
        }
      }
    }

    await store.saveReports(runId, reports, { replaceAll: true });
    const retentionDays = options.historyRetentionDays ?? 90;
    await store.trimHistory(new Date(now.getTime() - retentionDays * 24 * 3600 * 1000));
    const clusterSummaries = Object.fromEntries(states.map(s => [s.name, s.summary]));
    await store.finishRun(runId, {
      finishedAt: new Date().toISOString(),
      status: 'succeeded',
      entityCount: reports.length,
      clusters: clusterSummaries,
    });
    return { runId, durationMs: Date.now() - started, entities: reports.length, clusters: clusterSummaries, transitions };
  } catch (e) {
    await store.finishRun(runId, {
      finishedAt: new Date().toISOString(),
      status: 'failed',
      entityCount: 0,
      clusters: {},
      error: (e as Error)?.message ?? String(e),
    });
    throw e;
  }
}
