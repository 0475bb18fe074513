import {
  AcceptedRisk,
  buildEntityReport,
  CheckMetadata,
  CheckResult,
  EntityConfigurationError,
  EntityReadinessReport,
  parseAcceptedRiskAnnotations,
  ScoringOptions,
  WorkloadResult,
} from '@prodready/plugin-readiness-common';
import { BUILT_IN_CHECKS } from '../checks/builtin';
import { EntityContext, ReadinessCheck } from '../checks/types';
import {
  ClusterIndex,
  ClusterSnapshot,
  MissingKind,
} from '../cluster/ClusterIndex';
import { discoverWorkloads } from '../cluster/workloads';
import { KubernetesObject } from '../objects';
import {
  checkMetadata,
  CheckPolicy,
  configureChecks,
  evaluateEntityChecks,
  evaluateWorkload,
  evaluationTime,
} from './evaluate';

/** The entity ref of an audit's summary when no catalog entity is given. @public */
export const MANIFESTS_ENTITY_REF = 'manifests';

/** Options of `auditSnapshot`. @public */
export interface AuditOptions {
  /** The checks to run; default `BUILT_IN_CHECKS`. */
  checks?: ReadonlyArray<ReadinessCheck>;
  /** `readiness.checks.<id>` policy (see `readReadinessConfig`). */
  policy?: Record<string, CheckPolicy>;
  /** `readiness.levels` and `readiness.domains` (see `readReadinessConfig`). */
  scoring?: ScoringOptions;
  /**
   * The catalog entity the workloads belong to. Default: the Backstage Component found among the
   * snapshot's objects (a catalog-info.yaml passed alongside manifests), if any.
   */
  entity?: EntityContext;
  /** Accepted risks in force, added to those declared by the entity found among the objects. */
  acceptedRisks?: AcceptedRisk[];
  /** Entity-level configuration errors found by the caller; each makes the verdict no-go. */
  configurationErrors?: EntityConfigurationError[];
  /** The evaluation time; default the snapshot's read time (`fetchedAt`, a snapshot's capture time), else now. */
  now?: Date;
}

/** The outcome of an audit of one snapshot (manifests or a live cluster). @public */
export interface AuditResult {
  /** The cluster (or `manifests`) the snapshot was read from. */
  cluster: string;
  /**
   * One report over every workload of the snapshot, composed by `buildEntityReport`: its
   * entityRef is the catalog entity's, or `manifests` without one.
   */
  summary: EntityReadinessReport;
  /**
   * Each workload's results, in discovery order, with accepted risks applied (`waived`, and the
   * waiver attached to a waived result or to a failing one whose waiver expired). Entity-scoped
   * checks are included when an entity is known.
   */
  workloads: WorkloadResult[];
  /** Skipped objects and documents (with file and line) and entity configuration errors, one line each. */
  errors: string[];
  /** The checks in force, with config applied (disabled ones included, `enabled: false`). */
  checks: CheckMetadata[];
  /** The catalog entity the audit used, if any. */
  entity?: EntityContext;
  /** Enabled entity-scoped checks that did not run because no catalog entity was given. */
  skippedChecks: string[];
  /** Kinds absent from the input or not listable: checks requiring them are `unknown`. */
  missingKinds: MissingKind[];
}

/** Catalog entities found among manifest objects, and the Kubernetes objects left. @public */
export interface CatalogObjects {
  /** The objects that are not Backstage catalog entities. */
  objects: KubernetesObject[];
  /** The first Component: its ref, annotations and links. */
  entity?: EntityContext;
  /** Accepted risks declared by the Component's `prodready.dev/accept.<check-id>` annotations. */
  acceptedRisks: AcceptedRisk[];
  /** Malformed accepted-risk annotations: entity-level configuration errors (the verdict is no-go). */
  configurationErrors: EntityConfigurationError[];
  /** Notes about the catalog input that change nothing in the score (e.g. a second Component, ignored). */
  notes: string[];
}

/** Whether an object is a Backstage catalog entity (apiVersion `backstage.io/...`). @public */
export function isCatalogEntityObject(obj: { apiVersion?: unknown }): boolean {
  return (
    typeof obj?.apiVersion === 'string' &&
    obj.apiVersion.startsWith('backstage.io/')
  );
}

function entityRefOf(obj: KubernetesObject): string {
  const namespace =
    typeof obj.metadata.namespace === 'string' && obj.metadata.namespace
      ? obj.metadata.namespace
      : 'default';
  return `${obj.kind.toLocaleLowerCase('en-US')}:${namespace}/${
    obj.metadata.name
  }`;
}

function stringAnnotations(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function linksOf(value: unknown): EntityContext['links'] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (l): l is Record<string, unknown> =>
        typeof l === 'object' && l !== null && typeof l.url === 'string',
    )
    .map(l => ({
      url: l.url as string,
      ...(typeof l.title === 'string' ? { title: l.title } : {}),
      ...(typeof l.type === 'string' ? { type: l.type } : {}),
    }));
}

/**
 * Separates Backstage catalog entities (apiVersion `backstage.io/*`, e.g. a catalog-info.yaml
 * passed alongside manifests) from Kubernetes objects. The first Component becomes the
 * `EntityContext` of the audit (its annotations and links), and its `prodready.dev/accept.<check-id>`
 * annotations its accepted risks; a malformed one is a configuration error naming the annotation.
 * Other catalog entities (Systems, APIs, Groups...) are dropped; a second Component is ignored with a note.
 *
 * @param objects - parsed manifest objects
 * @param options - `checkIds`: when given, an accepted risk for an unknown check id is an error
 * @public
 */
export function entityFromCatalogObjects(
  objects: KubernetesObject[],
  options: { checkIds?: Iterable<string> } = {},
): CatalogObjects {
  const result: CatalogObjects = {
    objects: [],
    acceptedRisks: [],
    configurationErrors: [],
    notes: [],
  };
  for (const obj of objects) {
    if (!isCatalogEntityObject(obj)) {
      result.objects.push(obj);
      continue;
    }
    if (obj.kind !== 'Component') continue;
    const ref = entityRefOf(obj);
    if (result.entity) {
      result.notes.push(
        `catalog entity ${ref} ignored: the audit uses the first Component of the input, ${result.entity.ref}`,
      );
      continue;
    }
    const annotations = stringAnnotations(obj.metadata.annotations);
    result.entity = { ref, annotations, links: linksOf(obj.metadata.links) };
    const parsed = parseAcceptedRiskAnnotations(ref, annotations, {
      checkIds: options.checkIds,
    });
    result.acceptedRisks.push(...parsed.risks);
    const keys = Object.keys(annotations).sort((a, b) => b.length - a.length);
    for (const message of parsed.errors) {
      const key = keys.find(k => message.startsWith(`${k}: `));
      result.configurationErrors.push(
        key
          ? {
              source: `${ref} annotation ${key}`,
              message: message.slice(key.length + 2),
            }
          : { source: ref, message },
      );
    }
  }
  return result;
}

/**
 * Audits every workload of one snapshot (manifests or a live cluster) the way the CLI reports it:
 * the checks in force (config applied) on every workload, the entity-scoped checks too when a
 * catalog entity is known, then one summary report over all workloads composed by
 * `buildEntityReport` (worst-of per check, accepted risks applied, scored).
 *
 * Backstage catalog entities among the snapshot's objects are not treated as Kubernetes objects:
 * the first Component is the entity (unless `options.entity` is given), see `entityFromCatalogObjects`.
 *
 * @throws CheckConfigError when the policy names an unknown check or an invalid severity
 *   (validate it first with `readReadinessConfig`).
 * @public
 */
export function auditSnapshot(
  snapshot: ClusterSnapshot,
  options: AuditOptions = {},
): AuditResult {
  const checks = [...(options.checks ?? BUILT_IN_CHECKS)];
  const configured = configureChecks(checks, options.policy);
  const builtInIds = new Set(BUILT_IN_CHECKS.map(c => c.id));

  const catalog = entityFromCatalogObjects(snapshot.objects, {
    checkIds: checks.map(c => c.id),
  });
  const fromCatalog = !options.entity;
  const entity = options.entity ?? catalog.entity;
  const acceptedRisks = [
    ...(options.acceptedRisks ?? []),
    ...(fromCatalog ? catalog.acceptedRisks : []),
  ];
  const configurationErrors = [
    ...(options.configurationErrors ?? []),
    ...(fromCatalog ? catalog.configurationErrors : []),
  ];

  const index = ClusterIndex.build({ ...snapshot, objects: catalog.objects });
  const now = evaluationTime(index, { now: options.now });
  const rawResults: WorkloadResult[] = discoverWorkloads(index).map(
    workload => {
      const result = evaluateWorkload(workload, index, configured, { now });
      if (!entity) return result;
      return {
        ref: result.ref,
        results: [
          ...result.results,
          ...evaluateEntityChecks(entity, workload, index, configured, { now }),
        ],
      };
    },
  );

  const summary = buildEntityReport({
    entityRef: entity?.ref ?? MANIFESTS_ENTITY_REF,
    workloadResults: rawResults,
    acceptedRisks,
    configurationErrors,
    scoring: options.scoring,
    now,
    ...(rawResults.length === 0 && configurationErrors.length === 0
      ? { state: 'no-workloads' as const }
      : {}),
  });

  const workloads = withEntityStatuses(rawResults, summary);
  const errors = [
    ...(snapshot.errors ?? []).map(e => e.message),
    ...catalog.notes,
    ...configurationErrors.map(e => `${e.source}: ${e.message}`),
  ];
  const skippedChecks = entity
    ? []
    : configured
        .filter(c => c.enabled && c.check.scope === 'entity')
        .map(c => c.check.id);

  return {
    cluster: snapshot.cluster,
    summary,
    workloads,
    errors,
    checks: checkMetadata(configured, builtInIds),
    ...(entity ? { entity } : {}),
    skippedChecks,
    missingKinds: index.missingKindsList(),
  };
}

/**
 * The per-workload results with the statuses of the summary (accepted risks applied). The
 * summary keeps, for each check, one entry per workload result in input order, so the k-th
 * result of a check id over the workloads is the k-th entry of that check.
 */
function withEntityStatuses(
  raw: WorkloadResult[],
  summary: EntityReadinessReport,
): WorkloadResult[] {
  const byCheck = new Map(summary.checks.map(c => [c.checkId, c]));
  const seen = new Map<string, number>();
  return raw.map(w => ({
    ref: w.ref,
    results: w.results.map((r): CheckResult => {
      const k = seen.get(r.checkId) ?? 0;
      seen.set(r.checkId, k + 1);
      const check = byCheck.get(r.checkId);
      const entry = check?.workloads[k];
      if (!check || !entry) return r;
      const result: CheckResult = { ...r, status: entry.status };
      if (
        check.waiver &&
        (entry.status === 'waived' ||
          (entry.status === 'fail' && check.waiver.expired))
      ) {
        result.waiver = check.waiver;
      }
      return result;
    }),
  }));
}

