import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CHECK_SEVERITIES,
  CheckMetadata,
  CheckSeverity,
  OwnerGap,
  OwnerRollup,
  READINESS_LEVELS,
  ReadinessDomainId,
  ReadinessLevel,
  Verdict,
} from '@prodready/plugin-readiness-common';
import { ReadinessStore, StoredReport } from '../database/ReadinessStore';

/** How many gaps an owner row lists. */
export const OWNER_WORST_GAPS = 5;

/** A group of the catalog with its direct parents, as refs written by `stringifyEntityRef`. */
export interface GroupNode {
  ref: string;
  title?: string;
  parents: string[];
}

/** Group hierarchy keyed by lower-cased ref (entity refs compare case-insensitively). */
export type GroupHierarchy = Map<string, GroupNode>;

/** A failing, unwaived check of one entity. */
export interface FailingCheck {
  checkId: string;
  domain: ReadinessDomainId;
  severity: CheckSeverity;
}

const key = (ref: string) => ref.toLocaleLowerCase('en-US');

function toGroupRef(ref: string, defaultNamespace: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind: 'group', defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** The catalog fields {@link readGroupHierarchy} reads. */
export const GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.parent',
  'spec.children',
  'spec.profile.displayName',
  'relations',
];

/**
 * The parent links of catalog groups, from `spec.parent` / `spec.children` and the `childOf` /
 * `parentOf` relations (a group may come with either, depending on the provider).
 */
export function readGroupHierarchy(groups: Entity[]): GroupHierarchy {
  const hierarchy: GroupHierarchy = new Map();
  const parentLinks: Array<[child: string, parent: string]> = [];
  for (const group of groups) {
    const ref = stringifyEntityRef(group);
    const namespace = group.metadata.namespace ?? 'default';
    const spec = (group.spec ?? {}) as {
      parent?: unknown;
      children?: unknown;
      profile?: { displayName?: unknown };
    };
    const displayName = spec.profile?.displayName;
    const title =
      group.metadata.title ||
      (typeof displayName === 'string' ? displayName : undefined);
    hierarchy.set(key(ref), {
      ref,
      ...(title ? { title } : {}),
      parents: [],
    });
    const parentOf = (child: string | undefined) => {
      if (child) parentLinks.push([child, ref]);
    };
    const childOf = (parent: string | undefined) => {
      if (parent) parentLinks.push([ref, parent]);
    };
    if (typeof spec.parent === 'string') {
      childOf(toGroupRef(spec.parent, namespace));
    }
    if (Array.isArray(spec.children)) {
      for (const child of spec.children) {
        if (typeof child === 'string') parentOf(toGroupRef(child, namespace));
      }
    }
    for (const relation of group.relations ?? []) {
      if (relation.type === RELATION_CHILD_OF) {
        childOf(toGroupRef(relation.targetRef, namespace));
      } else if (relation.type === RELATION_PARENT_OF) {
        parentOf(toGroupRef(relation.targetRef, namespace));
      }
    }
  }
  for (const [child, parent] of parentLinks) {
    const node = hierarchy.get(key(child));
    if (!node || key(child) === key(parent)) continue;
    const parentRef = hierarchy.get(key(parent))?.ref ?? parent;
    if (!node.parents.some(p => key(p) === key(parentRef))) {
      node.parents.push(parentRef);
    }
  }
  return hierarchy;
}

/** The groups above `ref`, nearest first; cycles are cut. Only groups in the hierarchy are walked. */
function ancestorsOf(hierarchy: GroupHierarchy, ref: string): string[] {
  const seen = new Set([key(ref)]);
  const result: string[] = [];
  const queue = [...(hierarchy.get(key(ref))?.parents ?? [])];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    const node = hierarchy.get(key(parent));
    if (!node || seen.has(key(parent))) continue;
    seen.add(key(parent));
    result.push(node.ref);
    queue.push(...node.parents);
  }
  return result;
}

interface OwnerAccumulator {
  owner: string;
  entityCount: number;
  scoredCount: number;
  scoreSum: number;
  verdicts: Record<Verdict, number>;
  levels: Record<ReadinessLevel, number>;
  gaps: Map<string, { check: FailingCheck; entityCount: number }>;
}

/** Whether a report's verdict and level mean something (a not-mapped entity is not "gold"). */
function isAssessed(report: StoredReport): boolean {
  return report.state === 'evaluated' || report.state === 'configuration-error';
}

const severityRank = (severity: CheckSeverity) => {
  const rank = CHECK_SEVERITIES.indexOf(severity);
  return rank < 0 ? CHECK_SEVERITIES.length : rank;
};

/**
 * Rolls the reports up per owner, each group also counting the entities of its sub-groups
 * (transitively; each entity once per group).
 *
 * - `entityCount`: every report owned by the group or its sub-groups; `scoredCount`: those with a
 *   score; `meanScore`: the rounded mean over those, null when none.
 * - `verdicts` and `levels` count the assessed entities (state `evaluated` or
 *   `configuration-error`): an entity that is not mapped or has no workloads has no meaningful
 *   verdict or level, so it is counted in `entityCount` only.
 * - `worstGaps`: the failing, unwaived checks over those entities, by severity (critical first),
 *   then by how many entities fail them, then by id; the first {@link OWNER_WORST_GAPS}. Title,
 *   domain and severity are the check's as in force (`checks`), falling back to the stored result.
 * - Rows: every direct owner of a report and every group above one, sorted by owner ref. Owners
 *   that are not readable groups (users, hidden or deleted groups) get a row without a title or a
 *   parent; hierarchy is only followed through the given (readable) groups.
 */
export function rollupOwners(input: {
  reports: StoredReport[];
  hierarchy: GroupHierarchy;
  failingChecks: Map<string, FailingCheck[]>;
  checks: CheckMetadata[];
}): OwnerRollup[] {
  const { reports, hierarchy, failingChecks } = input;
  const checks = new Map(input.checks.map(check => [check.id, check]));
  const rows = new Map<string, OwnerAccumulator>();

  const rowOf = (owner: string) => {
    let row = rows.get(key(owner));
    if (!row) {
      row = {
        owner: hierarchy.get(key(owner))?.ref ?? owner,
        entityCount: 0,
        scoredCount: 0,
        scoreSum: 0,
        verdicts: { go: 0, 'no-go': 0 },
        levels: Object.fromEntries(READINESS_LEVELS.map(l => [l, 0])) as Record<
          ReadinessLevel,
          number
        >,
        gaps: new Map(),
      };
      rows.set(key(owner), row);
    }
    return row;
  };

  for (const report of reports) {
    if (!report.owner) continue;
    const owner = toGroupRef(report.owner, report.namespace) ?? report.owner;
    const failing = failingChecks.get(report.entityRef) ?? [];
    for (const ref of [owner, ...ancestorsOf(hierarchy, owner)]) {
      const row = rowOf(ref);
      row.entityCount += 1;
      if (report.score !== null && report.score !== undefined) {
        row.scoredCount += 1;
        row.scoreSum += report.score;
      }
      if (isAssessed(report)) {
        row.verdicts[report.verdict] = (row.verdicts[report.verdict] ?? 0) + 1;
        row.levels[report.level] = (row.levels[report.level] ?? 0) + 1;
      }
      for (const check of failing) {
        const gap = row.gaps.get(check.checkId);
        if (gap) {
          gap.entityCount += 1;
        } else {
          row.gaps.set(check.checkId, { check, entityCount: 1 });
        }
      }
    }
  }

  return [...rows.values()]
    .sort((a, b) => a.owner.localeCompare(b.owner))
    .map(row => {
      const node = hierarchy.get(key(row.owner));
      const worstGaps: OwnerGap[] = [...row.gaps.values()]
        .map(({ check, entityCount }) => {
          const meta = checks.get(check.checkId);
          return {
            checkId: check.checkId,
            title: meta?.title ?? check.checkId,
            domain: meta?.domain ?? check.domain,
            severity: meta?.severity ?? check.severity,
            entityCount,
          };
        })
        .sort(
          (a, b) =>
            severityRank(a.severity) - severityRank(b.severity) ||
            b.entityCount - a.entityCount ||
            a.checkId.localeCompare(b.checkId),
        )
        .slice(0, OWNER_WORST_GAPS);
      return {
        owner: row.owner,
        ...(node?.title ? { title: node.title } : {}),
        ...(node?.parents.length ? { parent: node.parents[0] } : {}),
        entityCount: row.entityCount,
        scoredCount: row.scoredCount,
        verdicts: row.verdicts,
        levels: row.levels,
        meanScore:
          row.scoredCount > 0
            ? Math.round(row.scoreSum / row.scoredCount)
            : null,
        worstGaps,
      };
    });
}

/** Every group the caller may read in the catalog (paged, only the fields the hierarchy needs). */
export async function listGroups(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  pageSize = 1000,
): Promise<Entity[]> {
  const groups: Entity[] = [];
  let response = await catalog.queryEntities(
    { filter: { kind: 'group' }, fields: GROUP_FIELDS, limit: pageSize },
    { credentials },
  );
  for (let page = 1; page < 10_000; page++) {
    groups.push(...response.items);
    const cursor = response.pageInfo?.nextCursor;
    if (!cursor) break;
    response = await catalog.queryEntities(
      { cursor, fields: GROUP_FIELDS, limit: pageSize },
      { credentials },
    );
  }
  return groups;
}

/**
 * The failing, unwaived checks of each report, read from the stored reports. Only reports whose
 * columns count failures are read, a few at a time.
 */
export async function collectFailingChecks(
  store: ReadinessStore,
  reports: StoredReport[],
  concurrency = 8,
): Promise<Map<string, FailingCheck[]>> {
  const failingChecks = new Map<string, FailingCheck[]>();
  const pending = reports.filter(report =>
    Object.values(report.failing ?? {}).some(count => count > 0),
  );
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const stored = await store.getReport(next.entityRef);
      const failing = (stored?.report?.checks ?? [])
        .filter(check => check.status === 'fail')
        .map(({ checkId, domain, severity }) => ({
          checkId,
          domain,
          severity,
        }));
      if (failing.length > 0) {
        failingChecks.set(next.entityRef, failing);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, pending.length) }, worker),
  );
  return failingChecks;
}
