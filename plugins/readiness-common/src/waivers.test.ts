import { aggregateEntityResults, scoreReport } from './scoring';
import {
  AcceptedRisk,
  CheckResult,
  CheckStatus,
  EntityCheckResult,
  WorkloadRef,
} from './types';
import {
  ACCEPTED_RISK_REASON_MAX_LENGTH,
  acceptedRiskExpiry,
  applyAcceptedRisks,
  isAcceptedRiskExpired,
  parseAcceptedRiskAnnotations,
  validateAcceptedRiskInput,
} from './waivers';

const ENTITY = 'component:default/cart';
const KEY = 'prodready.dev/accept.readiness-probe';

const ref = (name: string): WorkloadRef => ({
  cluster: 'prod',
  kind: 'Deployment',
  namespace: 'shop',
  name,
});

function result(
  checkId: string,
  status: CheckStatus,
  overrides: Partial<CheckResult> = {},
): CheckResult {
  return {
    checkId,
    domain: 'packaging-traffic',
    severity: 'critical',
    status,
    message: `${checkId} ${status}`,
    evidence: [{ kind: 'Deployment', namespace: 'shop', name: 'x' }],
    ...overrides,
  };
}

/** An entity check built from per-workload statuses, named a, b, c... */
function entityCheck(
  checkId: string,
  statuses: CheckStatus[],
  overrides: Partial<CheckResult> = {},
): EntityCheckResult {
  const [aggregated] = aggregateEntityResults(
    statuses.map((status, i) => ({
      ref: ref(String.fromCharCode(97 + i)),
      results: [
        result(checkId, status, {
          message: `${status} on ${String.fromCharCode(97 + i)}`,
          ...overrides,
        }),
      ],
    })),
  );
  return aggregated;
}

const risk = (overrides: Partial<AcceptedRisk> = {}): AcceptedRisk => ({
  checkId: 'readiness-probe',
  entityRef: ENTITY,
  reason: 'probe lands in sprint 42',
  expiresAt: '2025-06-30',
  source: 'annotation',
  ...overrides,
});

const NOW = new Date('2025-06-15T12:00:00.000Z');

describe('parseAcceptedRiskAnnotations', () => {
  it('reads "<reason>; until=YYYY-MM-DD" into an accepted risk from an annotation', () => {
    expect(
      parseAcceptedRiskAnnotations(ENTITY, {
        [KEY]: 'probe lands in sprint 42; until=2025-06-30',
      }),
    ).toEqual({
      risks: [
        {
          checkId: 'readiness-probe',
          entityRef: ENTITY,
          reason: 'probe lands in sprint 42',
          expiresAt: '2025-06-30',
          source: 'annotation',
        },
      ],
      errors: [],
    });
  });

  it('ignores other annotations and accepts no annotations at all', () => {
    expect(
      parseAcceptedRiskAnnotations(ENTITY, {
        'backstage.io/kubernetes-id': 'cart',
        'prodready.dev/runbook': 'https://runbooks/cart',
        'prodready.dev/acceptance': 'nope',
      }),
    ).toEqual({ risks: [], errors: [] });
    expect(parseAcceptedRiskAnnotations(ENTITY, undefined)).toEqual({
      risks: [],
      errors: [],
    });
  });

  it('reads several annotations, one risk per check', () => {
    const { risks, errors } = parseAcceptedRiskAnnotations(ENTITY, {
      [KEY]: 'a; until=2025-06-30',
      'prodready.dev/accept.backup-scheduled': 'b; until=2025-07-01',
    });
    expect(errors).toEqual([]);
    expect(risks.map(r => [r.checkId, r.reason, r.expiresAt])).toEqual([
      ['readiness-probe', 'a', '2025-06-30'],
      ['backup-scheduled', 'b', '2025-07-01'],
    ]);
  });

  it.each([
    [
      'a reason containing semicolons',
      'waiting on vendor; ticket OPS-12; until=2025-06-30',
      'waiting on vendor; ticket OPS-12',
    ],
    [
      'spaces around the parts and "="',
      '  legacy image   ;  until = 2025-06-30  ',
      'legacy image',
    ],
    ['"until" first', 'until=2025-06-30; legacy image', 'legacy image'],
    ['an upper-case key', 'legacy image; Until=2025-06-30', 'legacy image'],
    ['empty parts', 'legacy image;; until=2025-06-30;', 'legacy image'],
  ])('accepts %s', (_label, value, reason) => {
    const { risks, errors } = parseAcceptedRiskAnnotations(ENTITY, {
      [KEY]: value,
    });
    expect(errors).toEqual([]);
    expect(risks).toEqual([
      expect.objectContaining({ reason, expiresAt: '2025-06-30' }),
    ]);
  });

  it('accepts a date in the past: the risk is reported as expired when applied, not as a parse error', () => {
    const { risks, errors } = parseAcceptedRiskAnnotations(ENTITY, {
      [KEY]: 'old; until=2020-01-01',
    });
    expect(errors).toEqual([]);
    expect(risks).toHaveLength(1);
  });

  it.each([
    [
      'no until',
      'probe lands in sprint 42',
      [`${KEY}: missing "until=YYYY-MM-DD"`],
    ],
    [
      'no reason',
      '; until=2025-06-30',
      [`${KEY}: missing the reason before "; until=YYYY-MM-DD"`],
    ],
    [
      'only until',
      'until=2025-06-30',
      [`${KEY}: missing the reason before "; until=YYYY-MM-DD"`],
    ],
    [
      'an empty value',
      '',
      [
        `${KEY}: missing the reason before "; until=YYYY-MM-DD"`,
        `${KEY}: missing "until=YYYY-MM-DD"`,
      ],
    ],
    [
      'a blank reason',
      '   ;until=2025-06-30',
      [`${KEY}: missing the reason before "; until=YYYY-MM-DD"`],
    ],
    [
      'an impossible date',
      'x; until=2025-02-30',
      [
        `${KEY}: "until=2025-02-30" is not a valid date; expected until=YYYY-MM-DD`,
      ],
    ],
    [
      'a non-ISO date',
      'x; until=30/06/2025',
      [
        `${KEY}: "until=30/06/2025" is not a valid date; expected until=YYYY-MM-DD`,
      ],
    ],
    [
      'an unpadded date',
      'x; until=2025-6-3',
      [
        `${KEY}: "until=2025-6-3" is not a valid date; expected until=YYYY-MM-DD`,
      ],
    ],
    [
      'a timestamp',
      'x; until=2025-06-30T00:00:00Z',
      [
        `${KEY}: "until=2025-06-30T00:00:00Z" is not a valid date; expected until=YYYY-MM-DD`,
      ],
    ],
    [
      'an empty until',
      'x; until=',
      [`${KEY}: "until=" is not a valid date; expected until=YYYY-MM-DD`],
    ],
    [
      'two untils',
      'x; until=2025-06-30; until=2025-07-30',
      [`${KEY}: "until=" is given more than once`],
    ],
  ])(
    'reports %s, naming the annotation, and yields no risk',
    (_label, value, errors) => {
      expect(parseAcceptedRiskAnnotations(ENTITY, { [KEY]: value })).toEqual({
        risks: [],
        errors,
      });
    },
  );

  it('reports a reason longer than 1000 characters', () => {
    const long = 'x'.repeat(ACCEPTED_RISK_REASON_MAX_LENGTH + 1);
    expect(
      parseAcceptedRiskAnnotations(ENTITY, {
        [KEY]: `${long}; until=2025-06-30`,
      }).errors,
    ).toEqual([`${KEY}: the reason must be at most 1000 characters, got 1001`]);
    const max = 'x'.repeat(ACCEPTED_RISK_REASON_MAX_LENGTH);
    expect(
      parseAcceptedRiskAnnotations(ENTITY, {
        [KEY]: `${max}; until=2025-06-30`,
      }).errors,
    ).toEqual([]);
  });

  it('reports a missing or malformed check id', () => {
    expect(
      parseAcceptedRiskAnnotations(ENTITY, {
        'prodready.dev/accept.': 'x; until=2025-06-30',
        'prodready.dev/accept.Readiness_Probe': 'x; until=2025-06-30',
      }).errors,
    ).toEqual([
      'prodready.dev/accept.: missing the check id after "prodready.dev/accept."',
      'prodready.dev/accept.Readiness_Probe: "Readiness_Probe" is not a check id (kebab-case, e.g. readiness-probe)',
    ]);
  });

  it('reports an unknown check id when the check ids in force are given', () => {
    const annotations = {
      'prodready.dev/accept.readyness-probe': 'typo; until=2025-06-30',
      [KEY]: 'ok; until=2025-06-30',
    };
    expect(
      parseAcceptedRiskAnnotations(ENTITY, annotations, {
        checkIds: ['readiness-probe'],
      }),
    ).toEqual({
      risks: [expect.objectContaining({ checkId: 'readiness-probe' })],
      errors: [
        'prodready.dev/accept.readyness-probe: there is no check "readyness-probe"',
      ],
    });
    // without the list, any well-formed id is accepted
    expect(
      parseAcceptedRiskAnnotations(ENTITY, annotations).risks,
    ).toHaveLength(2);
  });

  it('reports a value that is not a string', () => {
    expect(
      parseAcceptedRiskAnnotations(ENTITY, { [KEY]: 42 as unknown as string })
        .errors,
    ).toEqual([
      `${KEY}: the value must be a string "<reason>; until=YYYY-MM-DD"`,
    ]);
  });

  it('reports every problem of one annotation and keeps the valid ones of the others', () => {
    expect(
      parseAcceptedRiskAnnotations(ENTITY, {
        'prodready.dev/accept.backup-scheduled': 'until=2025-13-01',
        [KEY]: 'fine; until=2025-06-30',
      }),
    ).toEqual({
      risks: [expect.objectContaining({ checkId: 'readiness-probe' })],
      errors: [
        'prodready.dev/accept.backup-scheduled: missing the reason before "; until=YYYY-MM-DD"',
        'prodready.dev/accept.backup-scheduled: "until=2025-13-01" is not a valid date; expected until=YYYY-MM-DD',
      ],
    });
  });
});

describe('acceptedRiskExpiry and isAcceptedRiskExpired', () => {
  it('a date holds through the end of that day, UTC', () => {
    expect(acceptedRiskExpiry('2025-06-15')).toEqual(
      new Date('2025-06-16T00:00:00.000Z'),
    );
    expect(
      isAcceptedRiskExpired(
        { expiresAt: '2025-06-15' },
        new Date('2025-06-15T23:59:59.999Z'),
      ),
    ).toBe(false);
    expect(
      isAcceptedRiskExpired(
        { expiresAt: '2025-06-15' },
        new Date('2025-06-16T00:00:00.000Z'),
      ),
    ).toBe(true);
    expect(isAcceptedRiskExpired({ expiresAt: '2025-06-14' }, NOW)).toBe(true);
  });

  it('a timestamp holds until that instant', () => {
    expect(acceptedRiskExpiry('2025-06-15T14:00:00+02:00')).toEqual(
      new Date('2025-06-15T12:00:00.000Z'),
    );
    expect(
      isAcceptedRiskExpired({ expiresAt: '2025-06-15T12:00:00.001Z' }, NOW),
    ).toBe(false);
    expect(
      isAcceptedRiskExpired({ expiresAt: '2025-06-15T12:00:00.000Z' }, NOW),
    ).toBe(true);
  });

  it.each([
    '',
    'soon',
    '2025-02-30',
    '2025-06-30T12:00:00',
    '2025-02-30T12:00:00Z',
    '2025-06-30T25:00:00Z',
  ])(
    'an unreadable expiry %p has no instant and counts as expired',
    expiresAt => {
      expect(acceptedRiskExpiry(expiresAt)).toBeUndefined();
      expect(isAcceptedRiskExpired({ expiresAt }, NOW)).toBe(true);
    },
  );
});

describe('applyAcceptedRisks', () => {
  it('waives a failing check with an unexpired risk: the check and each failing workload become waived', () => {
    const check = entityCheck('readiness-probe', ['fail', 'pass', 'fail']);
    const [applied] = applyAcceptedRisks([check], [risk()], NOW);
    expect(applied.status).toBe('waived');
    expect(applied.message).toBe('fail on a');
    expect(applied.workloads.map(w => w.status)).toEqual([
      'waived',
      'pass',
      'waived',
    ]);
    expect(applied.workloads.map(w => w.evidence)).toEqual(
      check.workloads.map(w => w.evidence),
    );
    expect(applied.waiver).toEqual({ ...risk(), expired: false });
  });

  it('recomputes the worst status after waiving: a failure waived next to an unknown makes the check unknown', () => {
    const [applied] = applyAcceptedRisks(
      [entityCheck('readiness-probe', ['fail', 'unknown'])],
      [risk()],
      NOW,
    );
    expect(applied.status).toBe('unknown');
    expect(applied.message).toBe('unknown on b');
    expect(applied.workloads.map(w => w.status)).toEqual(['waived', 'unknown']);
    expect(applied.waiver).toEqual({ ...risk(), expired: false });
  });

  it('waives failing entity-level results too', () => {
    const [check] = aggregateEntityResults(
      [],
      [result('readiness-probe', 'fail')],
    );
    const [applied] = applyAcceptedRisks([check], [risk()], NOW);
    expect(applied.status).toBe('waived');
    expect(applied.entityResults).toEqual([
      expect.objectContaining({ status: 'waived' }),
    ]);
  });

  it('waives a failing check given without entries', () => {
    const bare: EntityCheckResult = {
      checkId: 'readiness-probe',
      domain: 'packaging-traffic',
      severity: 'critical',
      status: 'fail',
      message: 'no probe',
      workloads: [],
    };
    expect(applyAcceptedRisks([bare], [risk()], NOW)[0]).toEqual({
      ...bare,
      status: 'waived',
      waiver: { ...risk(), expired: false },
    });
  });

  it('holds through the last day of a date expiry (UTC) and expires at the next midnight', () => {
    const check = entityCheck('readiness-probe', ['fail']);
    const onLastDay = applyAcceptedRisks(
      [check],
      [risk({ expiresAt: '2025-06-15' })],
      new Date('2025-06-15T23:59:59.999Z'),
    )[0];
    expect(onLastDay.status).toBe('waived');
    const dayAfter = applyAcceptedRisks(
      [check],
      [risk({ expiresAt: '2025-06-15' })],
      new Date('2025-06-16T00:00:00.000Z'),
    )[0];
    expect(dayAfter.status).toBe('fail');
  });

  it('leaves a check failing when its risk has expired, and attaches the risk marked expired', () => {
    const check = entityCheck('readiness-probe', ['fail', 'pass']);
    const [applied] = applyAcceptedRisks(
      [check],
      [risk({ expiresAt: '2025-06-14' })],
      NOW,
    );
    expect(applied.status).toBe('fail');
    expect(applied.message).toBe('fail on a');
    expect(applied.workloads.map(w => w.status)).toEqual(['fail', 'pass']);
    expect(applied.waiver).toEqual({
      ...risk({ expiresAt: '2025-06-14' }),
      expired: true,
    });
  });

  it('treats a risk with an unreadable expiry as expired', () => {
    const [applied] = applyAcceptedRisks(
      [entityCheck('readiness-probe', ['fail'])],
      [risk({ expiresAt: 'someday' })],
      NOW,
    );
    expect(applied.status).toBe('fail');
    expect(applied.waiver?.expired).toBe(true);
  });

  it.each<CheckStatus>(['pass', 'unknown', 'not-applicable'])(
    'attaches a risk to a %s check without changing it',
    status => {
      const check = entityCheck('readiness-probe', [status]);
      const [applied] = applyAcceptedRisks([check], [risk()], NOW);
      expect(applied).toEqual({
        ...check,
        waiver: { ...risk(), expired: false },
      });
    },
  );

  it('leaves checks without a risk alone, and ignores risks for other checks', () => {
    const check = entityCheck('liveness-probe', ['fail']);
    expect(applyAcceptedRisks([check], [risk()], NOW)).toEqual([check]);
  });

  describe('when several risks cover one check', () => {
    const api = (expiresAt: string) =>
      risk({
        source: 'api',
        id: 'w-1',
        expiresAt,
        reason: 'from the UI',
        author: 'user:default/ana',
      });
    const annotation = (expiresAt: string) =>
      risk({ source: 'annotation', expiresAt });
    const waiverOf = (risks: AcceptedRisk[]) =>
      applyAcceptedRisks(
        [entityCheck('readiness-probe', ['fail'])],
        risks,
        NOW,
      )[0].waiver;

    it('the one expiring last wins, from the API', () => {
      expect(waiverOf([annotation('2025-06-20'), api('2025-07-01')])).toEqual({
        ...api('2025-07-01'),
        expired: false,
      });
    });

    it('the one expiring last wins, from the annotation', () => {
      expect(waiverOf([api('2025-06-20'), annotation('2025-07-01')])).toEqual({
        ...annotation('2025-07-01'),
        expired: false,
      });
    });

    it('an unexpired one wins over an expired one', () => {
      expect(waiverOf([annotation('2025-06-01'), api('2025-06-20')])).toEqual({
        ...api('2025-06-20'),
        expired: false,
      });
    });

    it('compares a timestamp with a date by instant', () => {
      // 2025-06-20 holds until 2025-06-21T00:00Z, which is later than 2025-06-20T18:00Z
      expect(
        waiverOf([api('2025-06-20T18:00:00Z'), annotation('2025-06-20')])
          ?.source,
      ).toBe('annotation');
      expect(
        waiverOf([annotation('2025-06-20'), api('2025-06-21T00:00:01Z')])
          ?.source,
      ).toBe('api');
    });

    it('on a tie, the annotation wins (it was reviewed in git)', () => {
      expect(
        waiverOf([api('2025-06-30'), annotation('2025-06-30')])?.source,
      ).toBe('annotation');
      expect(
        waiverOf([annotation('2025-06-30'), api('2025-06-30')])?.source,
      ).toBe('annotation');
    });

    it('when all have expired, the latest is reported as expired', () => {
      expect(waiverOf([annotation('2025-06-01'), api('2025-06-10')])).toEqual({
        ...api('2025-06-10'),
        expired: true,
      });
    });
  });

  it('is idempotent and can be re-applied with a new time or new risks', () => {
    const check = entityCheck('readiness-probe', ['fail', 'pass']);
    const once = applyAcceptedRisks([check], [risk()], NOW);
    expect(applyAcceptedRisks(once, [risk()], NOW)).toEqual(once);

    const later = applyAcceptedRisks(
      once,
      [risk()],
      new Date('2025-07-01T00:00:00Z'),
    );
    expect(later[0].status).toBe('fail');
    expect(later[0].workloads.map(w => w.status)).toEqual(['fail', 'pass']);
    expect(later[0].waiver?.expired).toBe(true);

    const revoked = applyAcceptedRisks(once, [], NOW);
    expect(revoked).toEqual([check]);
    expect(revoked[0]).not.toHaveProperty('waiver');
  });

  it('does not modify its input', () => {
    const check = entityCheck('readiness-probe', ['fail']);
    const copy = JSON.parse(JSON.stringify(check));
    applyAcceptedRisks([check], [risk()], NOW);
    expect(check).toEqual(copy);
  });

  it('feeds the verdict: a waived critical is go, an expired one is no-go with the expired waiver on the blocker', () => {
    const checks = aggregateEntityResults([
      {
        ref: ref('cart'),
        results: [
          result('readiness-probe', 'fail'),
          result('liveness-probe', 'pass', { severity: 'high' }),
        ],
      },
    ]);
    const { risks, errors } = parseAcceptedRiskAnnotations(ENTITY, {
      [KEY]: 'probe lands in sprint 42; until=2025-06-30',
    });
    expect(errors).toEqual([]);

    const waived = scoreReport(applyAcceptedRisks(checks, risks, NOW));
    expect(waived).toMatchObject({
      verdict: 'go',
      level: 'gold',
      score: 100,
      blockers: [],
    });

    const expired = scoreReport(
      applyAcceptedRisks(checks, risks, new Date('2025-07-01T00:00:00Z')),
    );
    expect(expired.verdict).toBe('no-go');
    expect(expired.level).toBe('none');
    expect(expired.score).toBe(33); // 100 * 5 / 15
    expect(expired.blockers).toEqual([
      expect.objectContaining({
        checkId: 'readiness-probe',
        waiver: expect.objectContaining({
          expired: true,
          expiresAt: '2025-06-30',
        }),
      }),
    ]);
  });
});

describe('validateAcceptedRiskInput', () => {
  const valid = {
    checkId: 'readiness-probe',
    reason: 'probe lands in sprint 42',
    expiresAt: '2025-07-01',
  };

  it.each([
    ['tomorrow', '2025-06-16'],
    ['the same day next year', '2026-06-15'],
    ['a timestamp just after now', '2025-06-15T12:00:00.001Z'],
    ['a timestamp exactly one year from now', '2026-06-15T12:00:00Z'],
    ['a timestamp with an offset within a year', '2026-06-15T14:00:00+02:00'],
  ])('accepts an expiry %s', (_label, expiresAt) => {
    expect(validateAcceptedRiskInput({ ...valid, expiresAt }, NOW)).toEqual([]);
  });

  it.each([
    [
      'today (not a future date)',
      '2025-06-15',
      'expiresAt: must be a future date, after 2025-06-15',
    ],
    [
      'in the past',
      '2025-01-01',
      'expiresAt: must be a future date, after 2025-06-15',
    ],
    [
      'more than a year away',
      '2026-06-16',
      'expiresAt: must be at most 1 year from now, on or before 2026-06-15',
    ],
    [
      'a timestamp equal to now',
      '2025-06-15T12:00:00Z',
      'expiresAt: must be in the future, after 2025-06-15T12:00:00.000Z',
    ],
    [
      'a timestamp just over a year away',
      '2026-06-15T12:00:00.001Z',
      'expiresAt: must be at most 1 year from now, on or before 2026-06-15T12:00:00.000Z',
    ],
    [
      'a timestamp without a time zone',
      '2025-07-01T00:00:00',
      'expiresAt: "2025-07-01T00:00:00" is not a date (YYYY-MM-DD) nor an ISO-8601 timestamp with a time zone',
    ],
    [
      'an impossible date',
      '2025-02-30',
      'expiresAt: "2025-02-30" is not a date (YYYY-MM-DD) nor an ISO-8601 timestamp with a time zone',
    ],
    ['an empty string', '', 'expiresAt: is required'],
    ['a number', 20250701, 'expiresAt: is required'],
  ])('rejects an expiry %s', (_label, expiresAt, problem) => {
    expect(validateAcceptedRiskInput({ ...valid, expiresAt }, NOW)).toEqual([
      problem,
    ]);
  });

  it('counts one year from a leap day to 1 March', () => {
    const leapDay = new Date('2024-02-29T08:00:00Z');
    expect(
      validateAcceptedRiskInput({ ...valid, expiresAt: '2025-03-01' }, leapDay),
    ).toEqual([]);
    expect(
      validateAcceptedRiskInput({ ...valid, expiresAt: '2025-03-02' }, leapDay),
    ).toEqual([
      'expiresAt: must be at most 1 year from now, on or before 2025-03-01',
    ]);
  });

  it('compares dates in UTC, whatever the time of day', () => {
    const lateEvening = new Date('2025-06-15T23:30:00Z');
    expect(
      validateAcceptedRiskInput(
        { ...valid, expiresAt: '2025-06-15' },
        lateEvening,
      ),
    ).toHaveLength(1);
    expect(
      validateAcceptedRiskInput(
        { ...valid, expiresAt: '2025-06-16' },
        lateEvening,
      ),
    ).toEqual([]);
  });

  it.each([
    ['missing', undefined, 'reason: is required'],
    ['empty', '', 'reason: is required'],
    ['blank', '   \n ', 'reason: is required'],
    [
      'too long',
      'x'.repeat(1001),
      'reason: must be at most 1000 characters, got 1001',
    ],
  ])('rejects a reason %s', (_label, reason, problem) => {
    expect(validateAcceptedRiskInput({ ...valid, reason }, NOW)).toEqual([
      problem,
    ]);
  });

  it('accepts a reason of exactly 1000 characters, not counting surrounding spaces', () => {
    expect(
      validateAcceptedRiskInput(
        { ...valid, reason: ` ${'x'.repeat(1000)} ` },
        NOW,
      ),
    ).toEqual([]);
  });

  it.each([
    ['missing', undefined, 'checkId: is required'],
    [
      'malformed',
      'Readiness Probe',
      'checkId: "Readiness Probe" is not a check id (kebab-case, e.g. readiness-probe)',
    ],
  ])('rejects a check id %s', (_label, checkId, problem) => {
    expect(validateAcceptedRiskInput({ ...valid, checkId }, NOW)).toEqual([
      problem,
    ]);
  });

  it('rejects an unknown check id when the check ids in force are given', () => {
    expect(
      validateAcceptedRiskInput({ ...valid, checkId: 'readyness-probe' }, NOW, {
        checkIds: new Set(['readiness-probe']),
      }),
    ).toEqual(['checkId: there is no check "readyness-probe"']);
    expect(
      validateAcceptedRiskInput(valid, NOW, { checkIds: ['readiness-probe'] }),
    ).toEqual([]);
  });

  it('returns every problem at once', () => {
    expect(validateAcceptedRiskInput({}, NOW)).toEqual([
      'checkId: is required',
      'reason: is required',
      'expiresAt: is required',
    ]);
  });
});
