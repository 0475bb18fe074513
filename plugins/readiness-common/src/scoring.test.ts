import { READINESS_DOMAIN_IDS, ReadinessDomainId } from './domains';
import {
  aggregateEntityResults,
  checkStatusRank,
  DEFAULT_LEVEL_NAMES,
  resolveLevelNames,
  scoreReport,
  validateScoringOptions,
  worstCheckStatus,
} from './scoring';
import {
  AcceptedRisk,
  CheckResult,
  CheckSeverity,
  CheckStatus,
  EntityCheckResult,
  WorkloadRef,
} from './types';

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

let seq = 0;
function check(
  domain: ReadinessDomainId,
  severity: CheckSeverity,
  status: CheckStatus,
  extra: Partial<EntityCheckResult> = {},
): EntityCheckResult {
  seq += 1;
  return {
    checkId: `check-${seq}`,
    domain,
    severity,
    status,
    message: `check-${seq} ${status}`,
    workloads: [],
    ...extra,
  };
}

const risk = (overrides: Partial<AcceptedRisk> = {}): AcceptedRisk => ({
  checkId: 'readiness-probe',
  entityRef: 'component:default/cart',
  reason: 'probe lands next sprint',
  expiresAt: '2025-06-30',
  source: 'annotation',
  ...overrides,
});

describe('worst-of status order', () => {
  const order: CheckStatus[] = [
    'fail',
    'unknown',
    'waived',
    'pass',
    'not-applicable',
  ];

  it('ranks fail > unknown > waived > pass > not-applicable', () => {
    expect(order.map(checkStatusRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each(
    order.flatMap((worse, i) =>
      order.slice(i + 1).map(better => [worse, better] as const),
    ),
  )('worst of %s and %s is %s', (worse, better) => {
    expect(worstCheckStatus([better, worse])).toBe(worse);
    expect(worstCheckStatus([worse, better])).toBe(worse);
  });

  it('is not-applicable when there is nothing', () => {
    expect(worstCheckStatus([])).toBe('not-applicable');
  });
});

describe('aggregateEntityResults', () => {
  it('returns nothing for no workloads', () => {
    expect(aggregateEntityResults([])).toEqual([]);
  });

  it.each<[CheckStatus, CheckStatus, CheckStatus]>([
    ['pass', 'fail', 'fail'],
    ['unknown', 'fail', 'fail'],
    ['waived', 'unknown', 'unknown'],
    ['pass', 'waived', 'waived'],
    ['not-applicable', 'pass', 'pass'],
    ['not-applicable', 'not-applicable', 'not-applicable'],
  ])(
    'a check %s on one workload and %s on another is %s for the entity',
    (a, b, expected) => {
      const [entity] = aggregateEntityResults([
        { ref: ref('cart'), results: [result('readiness-probe', a)] },
        { ref: ref('worker'), results: [result('readiness-probe', b)] },
      ]);
      expect(entity.status).toBe(expected);
    },
  );

  it("keeps every workload's ref, status, message and evidence, and takes the worst one's message", () => {
    const cartEvidence = [
      {
        cluster: 'prod',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart',
        path: 'spec.template.spec.containers[0]',
      },
    ];
    const workerEvidence = [
      {
        cluster: 'prod',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'worker',
      },
    ];
    const entity = aggregateEntityResults([
      {
        ref: ref('cart'),
        results: [
          result('readiness-probe', 'fail', {
            message: "container 'cart' has no readinessProbe",
            evidence: cartEvidence,
          }),
        ],
      },
      {
        ref: ref('worker'),
        results: [
          result('readiness-probe', 'pass', {
            message: 'every container has a readinessProbe',
            evidence: workerEvidence,
          }),
        ],
      },
    ]);
    expect(entity).toEqual([
      {
        checkId: 'readiness-probe',
        domain: 'packaging-traffic',
        severity: 'critical',
        status: 'fail',
        message: "container 'cart' has no readinessProbe",
        workloads: [
          {
            ref: ref('cart'),
            status: 'fail',
            message: "container 'cart' has no readinessProbe",
            evidence: cartEvidence,
          },
          {
            ref: ref('worker'),
            status: 'pass',
            message: 'every container has a readinessProbe',
            evidence: workerEvidence,
          },
        ],
      },
    ]);
  });

  it('takes the message of the first workload with the worst status when several share it', () => {
    const [entity] = aggregateEntityResults([
      {
        ref: ref('a'),
        results: [result('readiness-probe', 'pass', { message: 'a ok' })],
      },
      {
        ref: ref('b'),
        results: [result('readiness-probe', 'fail', { message: 'b broken' })],
      },
      {
        ref: ref('c'),
        results: [result('readiness-probe', 'fail', { message: 'c broken' })],
      },
    ]);
    expect(entity.message).toBe('b broken');
    expect(entity.workloads.map(w => w.ref.name)).toEqual(['a', 'b', 'c']);
  });

  it('gives one result per check id, in order of first appearance, each with only the workloads that reported it', () => {
    const checks = aggregateEntityResults([
      {
        ref: ref('cart'),
        results: [
          result('readiness-probe', 'pass'),
          result('liveness-probe', 'fail', { severity: 'high' }),
        ],
      },
      {
        ref: ref('nightly'),
        results: [
          result('backup-scheduled', 'unknown', { domain: 'resilience' }),
          result('readiness-probe', 'not-applicable'),
        ],
      },
    ]);
    expect(
      checks.map(c => [
        c.checkId,
        c.domain,
        c.severity,
        c.status,
        c.workloads.map(w => w.ref.name),
      ]),
    ).toEqual([
      [
        'readiness-probe',
        'packaging-traffic',
        'critical',
        'pass',
        ['cart', 'nightly'],
      ],
      ['liveness-probe', 'packaging-traffic', 'high', 'fail', ['cart']],
      ['backup-scheduled', 'resilience', 'critical', 'unknown', ['nightly']],
    ]);
  });

  it('keeps the most severe severity when results disagree, and the first domain', () => {
    const [entity] = aggregateEntityResults([
      {
        ref: ref('a'),
        results: [
          result('x', 'pass', { severity: 'medium', domain: 'security' }),
        ],
      },
      {
        ref: ref('b'),
        results: [
          result('x', 'pass', { severity: 'high', domain: 'delivery' }),
        ],
      },
      {
        ref: ref('c'),
        results: [result('x', 'pass', { severity: 'low', domain: 'delivery' })],
      },
    ]);
    expect(entity.severity).toBe('high');
    expect(entity.domain).toBe('security');
  });

  it('folds entity-level results into the status and keeps them apart from the workloads', () => {
    const checks = aggregateEntityResults(
      [
        {
          ref: ref('cart'),
          results: [
            result('runbook-linked', 'pass', {
              domain: 'resilience',
              severity: 'medium',
            }),
          ],
        },
      ],
      [
        result('runbook-linked', 'fail', {
          domain: 'resilience',
          severity: 'medium',
          message: 'no runbook link',
          evidence: [{ kind: 'Component', name: 'cart' }],
        }),
        result('oncall-defined', 'unknown', {
          domain: 'observability',
          severity: 'medium',
          message: 'no catalog entity',
        }),
      ],
    );
    expect(checks).toEqual([
      {
        checkId: 'runbook-linked',
        domain: 'resilience',
        severity: 'medium',
        status: 'fail',
        message: 'no runbook link',
        workloads: [
          {
            ref: ref('cart'),
            status: 'pass',
            message: 'runbook-linked pass',
            evidence: expect.any(Array),
          },
        ],
        entityResults: [
          {
            status: 'fail',
            message: 'no runbook link',
            evidence: [{ kind: 'Component', name: 'cart' }],
          },
        ],
      },
      {
        checkId: 'oncall-defined',
        domain: 'observability',
        severity: 'medium',
        status: 'unknown',
        message: 'no catalog entity',
        workloads: [],
        entityResults: [
          {
            status: 'unknown',
            message: 'no catalog entity',
            evidence: expect.any(Array),
          },
        ],
      },
    ]);
  });

  it('has no entityResults key when no entity-level results were given', () => {
    const [entity] = aggregateEntityResults(
      [{ ref: ref('cart'), results: [result('readiness-probe', 'pass')] }],
      [],
    );
    expect(entity).not.toHaveProperty('entityResults');
    expect(entity).not.toHaveProperty('waiver');
  });

  it('carries a waiver already present on the input results', () => {
    const waiver = risk({ expired: false });
    const [entity] = aggregateEntityResults([
      { ref: ref('a'), results: [result('readiness-probe', 'pass')] },
      {
        ref: ref('b'),
        results: [result('readiness-probe', 'waived', { waiver })],
      },
    ]);
    expect(entity.status).toBe('waived');
    expect(entity.waiver).toEqual(waiver);
  });

  it('does not modify its input', () => {
    const input = [
      { ref: ref('cart'), results: [result('readiness-probe', 'fail')] },
    ];
    const copy = JSON.parse(JSON.stringify(input));
    aggregateEntityResults(input, [result('readiness-probe', 'pass')]);
    expect(input).toEqual(copy);
  });
});

describe('scoreReport', () => {
  const nullDomains = Object.fromEntries(
    READINESS_DOMAIN_IDS.map(id => [id, null]),
  );
  const domainScores = (score: ReturnType<typeof scoreReport>) =>
    Object.fromEntries(
      Object.entries(score.domains).map(([id, d]) => [id, d.score]),
    );

  it('reports every domain, with null scores and zero counts, for no checks', () => {
    const score = scoreReport([]);
    expect(Object.keys(score.domains)).toEqual([...READINESS_DOMAIN_IDS]);
    expect(score).toEqual({
      verdict: 'go',
      score: null,
      level: 'gold',
      levelNames: DEFAULT_LEVEL_NAMES,
      coverage: 0,
      domains: expect.any(Object),
      blockers: [],
      counts: { fail: 0, unknown: 0, waived: 0, pass: 0, 'not-applicable': 0 },
      failing: { critical: 0, high: 0, medium: 0, low: 0 },
      configErrors: 0,
    });
    expect(score.domains.security).toEqual({
      score: null,
      coverage: 0,
      counts: { fail: 0, unknown: 0, waived: 0, pass: 0, 'not-applicable': 0 },
      failing: { critical: 0, high: 0, medium: 0, low: 0 },
      weight: 1,
    });
  });

  it('all not-applicable: score null (never 100), coverage 0, level gold (no fail), verdict go', () => {
    const score = scoreReport([
      check('security', 'critical', 'not-applicable'),
      check('resilience', 'high', 'not-applicable'),
    ]);
    expect(score.score).toBeNull();
    expect(domainScores(score)).toEqual(nullDomains);
    expect(score.coverage).toBe(0);
    expect(score.domains.security.coverage).toBe(0);
    expect(score.level).toBe('gold');
    expect(score.verdict).toBe('go');
    expect(score.counts['not-applicable']).toBe(2);
  });

  it('only unknown: score null, coverage 0, verdict go, level gold', () => {
    const score = scoreReport([
      check('resilience', 'critical', 'unknown'),
      check('security', 'low', 'unknown'),
    ]);
    expect(score.score).toBeNull();
    expect(domainScores(score)).toEqual(nullDomains);
    expect(score.coverage).toBe(0);
    expect(score.verdict).toBe('go');
    expect(score.level).toBe('gold');
    expect(score.blockers).toEqual([]);
    expect(score.counts.unknown).toBe(2);
  });

  it('only unknown with a configuration error: no-go', () => {
    const score = scoreReport([check('resilience', 'critical', 'unknown')], {
      configErrors: 1,
    });
    expect(score.verdict).toBe('no-go');
    expect(score.configErrors).toBe(1);
    expect(score.blockers).toEqual([]);
  });

  it('configuration errors make an otherwise perfect entity no-go without lowering its level or score', () => {
    const score = scoreReport([check('security', 'critical', 'pass')], {
      configErrors: 2,
    });
    expect(score).toMatchObject({
      verdict: 'no-go',
      level: 'gold',
      score: 100,
      coverage: 1,
      configErrors: 2,
    });
  });

  it('domain score = round(100 * w(pass + waived) / w(pass + waived + fail)) with severity weights 10/5/3/1', () => {
    const score = scoreReport([
      check('security', 'critical', 'pass'), // 10, good
      check('security', 'high', 'fail'), // 5, bad
      check('security', 'medium', 'waived'), // 3, good
      check('security', 'low', 'unknown'), // 1, not scored
      check('security', 'medium', 'not-applicable'), // ignored
    ]);
    // 100 * 13 / 18 = 72.2
    expect(score.domains.security.score).toBe(72);
    expect(score.domains.security.counts).toEqual({
      pass: 1,
      fail: 1,
      waived: 1,
      unknown: 1,
      'not-applicable': 1,
    });
    expect(score.domains.security.failing).toEqual({
      critical: 0,
      high: 1,
      medium: 0,
      low: 0,
    });
    // coverage = 18 / 19
    expect(score.domains.security.coverage).toBeCloseTo(18 / 19, 12);
    expect(score.coverage).toBeCloseTo(18 / 19, 12);
    expect(score.score).toBe(72);
  });

  it('rounds half up (62.5 -> 63)', () => {
    const score = scoreReport([
      check('security', 'high', 'pass'),
      check('security', 'medium', 'fail'),
    ]);
    // 100 * 5 / 8 = 62.5
    expect(score.domains.security.score).toBe(63);
  });

  it('a domain where every check fails scores 0, not null', () => {
    const score = scoreReport([check('delivery', 'low', 'fail')]);
    expect(score.domains.delivery.score).toBe(0);
    expect(score.score).toBe(0);
    expect(score.coverage).toBe(1);
  });

  it('overall = mean of the non-null (rounded) domain scores; null domains do not count as 0 or 100', () => {
    const checks = [
      check('security', 'high', 'pass'),
      check('security', 'medium', 'fail'), // security 62.5 -> 63
      check('observability', 'high', 'pass'), // observability 100
      check('delivery', 'high', 'unknown'), // delivery null
      check('resilience', 'critical', 'not-applicable'), // resilience null
    ];
    const score = scoreReport(checks);
    expect(domainScores(score)).toEqual({
      ...nullDomains,
      security: 63,
      observability: 100,
    });
    // (63 + 100) / 2 = 81.5 -> 82 (from the raw 62.5 it would be 81)
    expect(score.score).toBe(82);
    // coverage by check weight: known 5 + 3 + 5 = 13, unknown 5
    expect(score.coverage).toBeCloseTo(13 / 18, 12);
  });

  it('custom domain weights make a weighted mean, and are reported per domain', () => {
    const checks = [
      check('security', 'high', 'pass'),
      check('security', 'medium', 'fail'), // 63
      check('observability', 'high', 'pass'), // 100
    ];
    const score = scoreReport(checks, { domainWeights: { security: 3 } });
    // (3 * 63 + 1 * 100) / 4 = 72.25
    expect(score.score).toBe(72);
    expect(score.domains.security.weight).toBe(3);
    expect(score.domains.observability.weight).toBe(1);
  });

  it('a domain weight of 0 leaves the domain out of the overall score but keeps its own score', () => {
    const checks = [
      check('security', 'medium', 'fail'),
      check('observability', 'high', 'pass'),
    ];
    const score = scoreReport(checks, { domainWeights: { security: 0 } });
    expect(score.domains.security.score).toBe(0);
    expect(score.score).toBe(100);
  });

  it('the weight of a null domain does not matter', () => {
    const checks = [
      check('observability', 'high', 'pass'),
      check('security', 'high', 'unknown'),
    ];
    expect(
      scoreReport(checks, { domainWeights: { security: 100 } }).score,
    ).toBe(100);
  });

  it('overall is null when every scored domain has weight 0', () => {
    const score = scoreReport([check('security', 'high', 'pass')], {
      domainWeights: { security: 0 },
    });
    expect(score.domains.security.score).toBe(100);
    expect(score.score).toBeNull();
  });

  it('fractional domain weights do not suffer floating-point rounding', () => {
    const checks = [
      check('security', 'medium', 'pass'),
      check('security', 'medium', 'fail'),
      check('security', 'low', 'fail'), // 100 * 3 / 7 = 42.9 -> 43
      check('observability', 'low', 'fail'), // 0
    ];
    const score = scoreReport(checks, {
      domainWeights: { security: 0.1, observability: 0.1 },
    });
    expect(score.domains.security.score).toBe(43);
    // exactly 21.5, which plain floating point computes as 21.499999999999996
    expect(score.score).toBe(22);
  });

  it('custom severity weights change domain scores and coverage; missing ones keep the defaults', () => {
    const checks = [
      check('security', 'high', 'pass'),
      check('security', 'medium', 'fail'),
      check('security', 'critical', 'unknown'),
    ];
    const score = scoreReport(checks, { severityWeights: { high: 1 } });
    // 100 * 1 / (1 + 3) = 25 ; coverage (1 + 3) / (1 + 3 + 10)
    expect(score.domains.security.score).toBe(25);
    expect(score.coverage).toBeCloseTo(4 / 14, 12);
  });

  it('checks of weight 0 give no data: score null and coverage 0', () => {
    const score = scoreReport(
      [check('security', 'low', 'pass'), check('security', 'low', 'fail')],
      {
        severityWeights: { low: 0 },
      },
    );
    expect(score.domains.security.score).toBeNull();
    expect(score.score).toBeNull();
    expect(score.coverage).toBe(0);
    // a failing check still fails, whatever its weight
    expect(score.level).toBe('silver');
  });

  describe('level', () => {
    it.each<[string, string, CheckSeverity[]]>([
      ['no fail', 'gold', []],
      ['a low fail', 'silver', ['low']],
      ['a medium fail', 'silver', ['medium']],
      ['a high fail', 'bronze', ['high']],
      ['a high and a low fail', 'bronze', ['high', 'low']],
      ['a critical fail', 'none', ['critical']],
      ['a critical and a low fail', 'none', ['critical', 'low']],
    ])('with %s is %s', (_label, expected, failing) => {
      const checks = [
        check('security', 'critical', 'pass'),
        ...failing.map(s => check('security', s, 'fail')),
      ];
      expect(scoreReport(checks).level).toBe(expected);
    });

    it('does not count waived checks as failing: waived criticals and highs keep gold', () => {
      const score = scoreReport([
        check('security', 'critical', 'waived'),
        check('delivery', 'high', 'waived'),
      ]);
      expect(score.level).toBe('gold');
      expect(score.failing).toEqual({
        critical: 0,
        high: 0,
        medium: 0,
        low: 0,
      });
    });

    it('is not lowered by unknown checks', () => {
      expect(
        scoreReport([
          check('security', 'critical', 'unknown'),
          check('security', 'low', 'pass'),
        ]).level,
      ).toBe('gold');
    });

    it('uses configured display names, keeping the stable ids', () => {
      const score = scoreReport([check('security', 'high', 'fail')], {
        levels: { gold: 'Platinum', bronze: '  Ready-ish ' },
      });
      expect(score.level).toBe('bronze');
      expect(score.levelNames).toEqual({
        gold: 'Platinum',
        silver: 'Silver',
        bronze: 'Ready-ish',
        none: 'None',
      });
      expect(score.levelNames[score.level]).toBe('Ready-ish');
    });
  });

  describe('verdict', () => {
    it('is no-go when a critical check fails, listing the failing criticals as blockers', () => {
      const failing = check('packaging-traffic', 'critical', 'fail', {
        checkId: 'readiness-probe',
        message: "container 'cart' has no readinessProbe",
      });
      const score = scoreReport([
        failing,
        check('security', 'critical', 'pass'),
        check('security', 'critical', 'unknown'),
        check('security', 'high', 'fail'),
      ]);
      expect(score.verdict).toBe('no-go');
      expect(score.blockers).toEqual([
        {
          checkId: 'readiness-probe',
          domain: 'packaging-traffic',
          severity: 'critical',
          message: "container 'cart' has no readinessProbe",
        },
      ]);
    });

    it('is go when only high and lower checks fail', () => {
      const score = scoreReport([
        check('security', 'high', 'fail'),
        check('security', 'medium', 'fail'),
        check('security', 'low', 'fail'),
      ]);
      expect(score.verdict).toBe('go');
      expect(score.blockers).toEqual([]);
      expect(score.failing).toEqual({
        critical: 0,
        high: 1,
        medium: 1,
        low: 1,
      });
    });

    it('is go when the failing critical check is waived', () => {
      const waiver = risk({ expired: false });
      const score = scoreReport([
        check('packaging-traffic', 'critical', 'waived', { waiver }),
      ]);
      expect(score.verdict).toBe('go');
      expect(score.blockers).toEqual([]);
      expect(score.counts.waived).toBe(1);
      expect(score.score).toBe(100);
    });

    it('is no-go when the waiver of a failing critical check has expired, and the blocker shows the expired waiver', () => {
      const waiver = risk({ expired: true });
      const score = scoreReport([
        check('packaging-traffic', 'critical', 'fail', {
          checkId: 'readiness-probe',
          waiver,
        }),
      ]);
      expect(score.verdict).toBe('no-go');
      expect(score.blockers).toEqual([
        expect.objectContaining({ checkId: 'readiness-probe', waiver }),
      ]);
    });

    it('is no-go with configuration errors', () => {
      expect(scoreReport([], { configErrors: 1 }).verdict).toBe('no-go');
      expect(scoreReport([], { configErrors: 0 }).verdict).toBe('go');
    });
  });

  it('counts a check of an unknown domain in verdict, level, coverage and counts, but in no domain', () => {
    const stray = check('security', 'critical', 'fail', {
      domain: 'made-up' as ReadinessDomainId,
    });
    const score = scoreReport([stray, check('security', 'low', 'pass')]);
    expect(score.verdict).toBe('no-go');
    expect(score.level).toBe('none');
    expect(score.counts.fail).toBe(1);
    expect(score.domains.security.score).toBe(100);
    expect(score.score).toBe(100);
    expect(score.coverage).toBe(1);
  });

  it('throws on invalid options, naming the config key', () => {
    expect(() => scoreReport([], { domainWeights: { security: -1 } })).toThrow(
      'readiness.domains.security.weight: must be a finite number >= 0, got -1',
    );
  });

  it('scores a realistic mixed report end to end', () => {
    const checks = aggregateEntityResults([
      {
        ref: ref('cart'),
        results: [
          result('readiness-probe', 'pass'),
          result('image-tag-pinned', 'pass', { domain: 'supply-chain' }),
          result('image-vulnerability-scan', 'unknown', {
            domain: 'supply-chain',
            severity: 'high',
          }),
          result('run-as-non-root', 'fail', { domain: 'security' }),
          result('read-only-root-filesystem', 'pass', {
            domain: 'security',
            severity: 'medium',
          }),
        ],
      },
      {
        ref: ref('worker'),
        results: [
          result('readiness-probe', 'not-applicable'),
          result('image-tag-pinned', 'pass', { domain: 'supply-chain' }),
          result('image-vulnerability-scan', 'pass', {
            domain: 'supply-chain',
            severity: 'high',
          }),
          result('run-as-non-root', 'pass', { domain: 'security' }),
          result('read-only-root-filesystem', 'fail', {
            domain: 'security',
            severity: 'medium',
          }),
        ],
      },
    ]);
    const score = scoreReport(checks);
    // packaging-traffic: 100; supply-chain: image-tag-pinned pass (10), scan unknown -> 100;
    // security: run-as-non-root fail (10), read-only fail (3) -> 0
    expect(domainScores(score)).toEqual({
      ...nullDomains,
      'packaging-traffic': 100,
      'supply-chain': 100,
      security: 0,
    });
    expect(score.score).toBe(67); // (100 + 100 + 0) / 3 = 66.67
    expect(score.coverage).toBeCloseTo(33 / 38, 12); // known 10 + 10 + 10 + 3, unknown 5
    expect(score.verdict).toBe('no-go');
    expect(score.level).toBe('none');
    expect(score.blockers.map(b => b.checkId)).toEqual(['run-as-non-root']);
  });
});

describe('validateScoringOptions', () => {
  it('accepts no options and valid ones', () => {
    expect(validateScoringOptions()).toEqual([]);
    expect(
      validateScoringOptions({
        severityWeights: { critical: 20, low: 0 },
        domainWeights: { security: 2, resilience: 0.5 },
        levels: { gold: 'Platinum' },
        configErrors: 3,
      }),
    ).toEqual([]);
  });

  it('names each problem by its key', () => {
    expect(
      validateScoringOptions({
        severityWeights: { high: Number.NaN, blocker: 1 } as any,
        domainWeights: { security: Infinity, secrity: 1 } as any,
        levels: { gold: '  ', platinum: 'P' } as any,
        configErrors: -1,
      }),
    ).toEqual([
      'severity weight "high": must be a finite number >= 0, got NaN',
      'severity weight "blocker": there is no such severity; use one of critical, high, medium, low',
      'readiness.domains.security.weight: must be a finite number >= 0, got Infinity',
      `readiness.domains.secrity: there is no domain "secrity"; use one of ${READINESS_DOMAIN_IDS.join(
        ', ',
      )}`,
      'readiness.levels.gold: must be a non-empty string',
      'readiness.levels.platinum: there is no level "platinum"; use one of gold, silver, bronze, none',
      'configErrors: must be an integer >= 0, got -1',
    ]);
  });
});

describe('resolveLevelNames', () => {
  it('defaults to Gold, Silver, Bronze, None', () => {
    expect(resolveLevelNames()).toEqual({
      gold: 'Gold',
      silver: 'Silver',
      bronze: 'Bronze',
      none: 'None',
    });
  });

  it('overrides only the configured, non-blank names', () => {
    expect(resolveLevelNames({ none: 'Not ready', silver: '' })).toEqual({
      gold: 'Gold',
      silver: 'Silver',
      bronze: 'Bronze',
      none: 'Not ready',
    });
  });
});
