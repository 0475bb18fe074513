import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  READINESS_DOMAIN_IDS,
  READINESS_LEVELS,
  ReadinessDomainId,
  ReadinessReportState,
} from '@prodready/plugin-readiness-common';
import { z } from 'zod';
import { ScorecardQuery, ScorecardSortField } from '../database/ReadinessStore';

/** Page size of GET /scorecard when the query gives none. */
export const SCORECARD_DEFAULT_LIMIT = 25;
/** The largest page GET /scorecard serves. */
export const SCORECARD_MAX_LIMIT = 500;

const REPORT_STATES = [
  'evaluated',
  'not-mapped',
  'no-workloads',
  'configuration-error',
] as const satisfies ReadonlyArray<ReadinessReportState>;

const SORT_FIELDS: ReadonlyArray<ScorecardSortField> = [
  'score',
  'name',
  'verdict',
  'level',
  'evaluatedAt',
  'owner',
  'coverage',
  ...READINESS_DOMAIN_IDS.map(id => `domain:${id}` as const),
];

const MAX_TEXT = 1000;

/**
 * A list parameter: comma-separated (`owner=a,b`), repeated (`owner=a&owner=b`) or both. Blank
 * items are dropped.
 */
function listParam<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess(value => {
    const parts = Array.isArray(value) ? value : [value];
    if (value === undefined || !parts.every(p => typeof p === 'string')) {
      return value;
    }
    return (parts as string[])
      .flatMap(p => p.split(','))
      .map(p => p.trim())
      .filter(p => p !== '');
  }, z.array(item).max(MAX_TEXT).optional());
}

function enumItem(values: ReadonlyArray<string>) {
  return z.string().refine(value => values.includes(value), {
    message: `must be one of ${values.join(', ')}`,
  });
}

/** A non-negative integer given as a query string. */
function integerParam(max?: number) {
  const number = z.number().int().min(0);
  return z
    .string()
    .regex(/^\d+$/, 'must be a non-negative integer')
    .transform(Number)
    .pipe(max === undefined ? number : number.max(max));
}

/**
 * An entity ref given as text; namespace defaults to `default`, kind to `defaultKind` when given,
 * else it is required. Normalised by `stringifyEntityRef`.
 */
export function entityRefSchema(defaultKind?: string) {
  return z
    .string()
    .max(MAX_TEXT)
    .transform((value, ctx) => {
      try {
        return stringifyEntityRef(
          parseEntityRef(value.trim(), defaultKind ? { defaultKind } : {}),
        );
      } catch (error) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `"${value}" is not an entity ref (kind:namespace/name)`,
        });
        return z.NEVER;
      }
    });
}

const domainThreshold = z.string().transform((value, ctx) => {
  const match = /^([a-z-]+):(\d+(?:\.\d+)?)$/.exec(value.trim());
  const id = match?.[1];
  const below = match ? Number(match[2]) : NaN;
  if (!match || !(READINESS_DOMAIN_IDS as readonly string[]).includes(id!)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be <domain>:<below> with a domain among ${READINESS_DOMAIN_IDS.join(
        ', ',
      )}, e.g. security:60`,
    });
    return z.NEVER;
  }
  if (below > 100) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: 'the threshold must be between 0 and 100',
    });
    return z.NEVER;
  }
  return { domain: id as ReadinessDomainId, below };
});

/** Query of GET /scorecard and GET /scorecard.csv (see `ScorecardQueryParams`). */
const scorecardQuerySchema = z
  .object({
    owner: listParam(entityRefSchema('group')),
    kind: listParam(z.string().max(MAX_TEXT)),
    lifecycle: listParam(z.string().max(MAX_TEXT)),
    system: listParam(entityRefSchema('system')),
    verdict: listParam(enumItem(['go', 'no-go'])),
    level: listParam(enumItem(READINESS_LEVELS)),
    state: listParam(enumItem(REPORT_STATES)),
    domain: domainThreshold.optional(),
    q: z.string().max(MAX_TEXT).optional(),
    sort: enumItem(SORT_FIELDS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: integerParam().optional(),
    limit: integerParam(SCORECARD_MAX_LIMIT).optional(),
  })
  .strict();

const historyQuerySchema = z
  .object({
    since: z
      .union([z.string().datetime({ offset: true }), z.string().date()], {
        errorMap: () => ({
          message: 'must be an ISO-8601 timestamp or a date (YYYY-MM-DD)',
        }),
      })
      .optional(),
  })
  .strict();

const waiversQuerySchema = z
  .object({
    entityRef: entityRefSchema().optional(),
    includeRevoked: z.enum(['true', 'false']).optional(),
  })
  .strict();

const refreshBodySchema = z
  .object({ entityRef: entityRefSchema().optional() })
  .strict();

/** The problems of a zod error, each naming the parameter or field it is about. */
export function describeZodIssues(error: z.ZodError, what: string): string[] {
  return error.issues.map(issue => {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      return issue.keys.map(key => `unknown ${what} '${key}'`).join('; ');
    }
    const name = issue.path.filter(p => typeof p === 'string').join('.');
    if (
      issue.code === z.ZodIssueCode.invalid_type &&
      issue.received === 'undefined'
    ) {
      return `${what} '${name}' is required`;
    }
    return name
      ? `${what} '${name}': ${issue.message}`
      : `${what}: ${issue.message}`;
  });
}

function parseWith<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new InputError(
      `Invalid request: ${describeZodIssues(result.error, what).join('; ')}`,
    );
  }
  return result.data;
}

/** A validated scorecard query, in the store's terms; `offset`/`limit` always set. */
export type ParsedScorecardQuery = Omit<ScorecardQuery, 'entityRefs'> & {
  offset: number;
  limit: number;
};

export function parseScorecardQuery(query: unknown): ParsedScorecardQuery {
  const q = parseWith(scorecardQuerySchema, query, 'query parameter');
  const text = q.q?.trim();
  return {
    ...(q.owner?.length ? { owners: q.owner } : {}),
    ...(q.kind?.length ? { kinds: q.kind } : {}),
    ...(q.lifecycle?.length ? { lifecycles: q.lifecycle } : {}),
    ...(q.system?.length ? { systems: q.system } : {}),
    ...(q.verdict?.length ? { verdicts: q.verdict } : {}),
    ...(q.level?.length ? { levels: q.level } : {}),
    ...(q.state?.length ? { states: q.state } : {}),
    ...(q.domain ? { domainBelow: q.domain } : {}),
    ...(text ? { q: text } : {}),
    ...(q.sort ? { sort: q.sort as ScorecardSortField } : {}),
    ...(q.order ? { order: q.order } : {}),
    offset: q.offset ?? 0,
    limit: q.limit ?? SCORECARD_DEFAULT_LIMIT,
  } as ParsedScorecardQuery;
}

/** A route that takes no query parameters. */
export function parseEmptyQuery(query: unknown): void {
  parseWith(z.object({}).strict(), query, 'query parameter');
}

export function parseHistoryQuery(query: unknown): { since?: Date } {
  const { since } = parseWith(historyQuerySchema, query, 'query parameter');
  return since ? { since: new Date(since) } : {};
}

export function parseWaiversQuery(query: unknown): {
  entityRef?: string;
  includeRevoked: boolean;
} {
  const q = parseWith(waiversQuerySchema, query, 'query parameter');
  return {
    ...(q.entityRef ? { entityRef: q.entityRef } : {}),
    includeRevoked: q.includeRevoked === 'true',
  };
}

export function parseRefreshBody(body: unknown): { entityRef?: string } {
  return parseWith(refreshBodySchema, body, 'field');
}

const CREATE_WAIVER_FIELDS = ['entityRef', 'checkId', 'reason', 'expiresAt'];

/**
 * The shape of POST /waivers: the entity ref (normalised) and the accepted-risk fields, with the
 * problems found so far, written like `validateAcceptedRiskInput`'s (`<field>: <problem>`) so
 * both lists can be reported together.
 */
export function parseCreateWaiverBody(body: unknown): {
  entityRef?: string;
  input: { checkId?: unknown; reason?: unknown; expiresAt?: unknown };
  problems: string[];
} {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { input: {}, problems: ['the body must be a JSON object'] };
  }
  const fields = body as Record<string, unknown>;
  const problems = Object.keys(fields)
    .filter(key => !CREATE_WAIVER_FIELDS.includes(key))
    .map(key => `${key}: is not a field of a waiver`);
  let entityRef: string | undefined;
  if (typeof fields.entityRef !== 'string' || fields.entityRef.trim() === '') {
    problems.push('entityRef: is required');
  } else {
    const result = entityRefSchema().safeParse(fields.entityRef);
    if (result.success) {
      entityRef = result.data;
    } else {
      problems.push(
        ...result.error.issues.map(issue => `entityRef: ${issue.message}`),
      );
    }
  }
  const { checkId, reason, expiresAt } = fields;
  return { entityRef, input: { checkId, reason, expiresAt }, problems };
}

/** The ref of `/entities/:kind/:namespace/:name`. */
export function entityRefFromPath(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  const { kind, namespace, name } = params;
  if (!kind || !namespace || !name) {
    throw new InputError(
      'Invalid entity ref: kind, namespace and name are required',
    );
  }
  return stringifyEntityRef({ kind, namespace, name });
}
