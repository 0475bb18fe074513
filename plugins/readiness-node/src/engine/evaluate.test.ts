import { CheckContext, CheckOutcome, createReadinessCheck, EntityContext, ReadinessCheck } from '../checks/types';
import { relationsOf } from '../cluster/relations';
import { discoverWorkloads } from '../cluster/workloads';
import { ClusterIndex } from '../cluster/ClusterIndex';
import { KubernetesObject } from '../objects';
import { deploymentWithPods, entity, indexOf, object, statefulSet, workloadOf } from '../testing/fixtures';
import {
  CheckConfigError,
  checkMetadata,
  configureChecks,
  evaluateCheck,
  evaluateEntityChecks,
  evaluateWorkload,
  evaluateWorkloads,
  evaluationTime,
} from './evaluate';

/** A check built from the fields that matter to the engine; `evaluate` is a jest mock. */
function check(id: string, fields: Partial<ReadinessCheck> = {}): ReadinessCheck & { evaluate: jest.Mock } {
  return createReadinessCheck({
    id,
    domain: 'scheduling-state',
    severity: 'high',
    title: `Check ${id}`,
    rationale: `Why ${id} matters.`,
    remediation: { text: `Fix ${id}.`, snippet: 'spec:\n  replicas: 2' },
    scope: 'workload',
    evaluate: jest.fn(() => ({ status: 'pass', message: `${id} passed` })),
    ...fields,
  }) as ReadinessCheck & { evaluate: jest.Mock };
}

function contextFor(index: ClusterIndex, kind: string, name: string, extra: Partial<CheckContext> = {}): CheckContext {
  const workload = workloadOf(index, kind, name);
  return { workload, index, relations: relationsOf(workload, index), options: {}, now: new Date('2026-11-21T12:00:00Z'), ...extra };
}

/** What `fn` throws; undefined when it does not throw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

const objects = (): KubernetesObject[] => [...deploymentWithPods('cart'), statefulSet('postgres')];

describe('configureChecks', () => {
  const replicas = check('replicas-minimum', { severity: 'high', defaultOptions: { minimum: 2, countHpa: true } });
  const probe = check('readiness-probe', { domain: 'packaging-traffic', severity: 'critical' });

  it('applies the defaults without policy', () => {
    expect(configureChecks([replicas, probe])).toEqual([
      { check: replicas, enabled: true, severity: 'high', options: { minimum: 2, countHpa: true } },
      { check: probe, enabled: true, severity: 'critical', options: {} },
    ]);
  });

  it('overrides severity, disables checks and merges options over the defaults', () => {
    const configured = configureChecks([replicas, probe], {
      'replicas-minimum': { severity: 'critical', options: { minimum: 3, extra: 'x' } },
      'readiness-probe': { enabled: false },
    });
    expect(configured).toEqual([
      { check: replicas, enabled: true, severity: 'critical', options: { minimum: 3, countHpa: true, extra: 'x' } },
      { check: probe, enabled: false, severity: 'critical', options: {} },
    ]);
    expect(configured[0].check).toBe(replicas);
  });

  it('does not change the default options of the check', () => {
    configureChecks([replicas], { 'replicas-minimum': { options: { minimum: 5 } } });
    expect(replicas.defaultOptions).toEqual({ minimum: 2, countHpa: true });
  });

  it('keeps a check enabled with enabled: true and an empty policy', () => {
    expect(configureChecks([probe], { 'readiness-probe': { enabled: true } })[0].enabled).toBe(true);
    expect(configureChecks([probe], { 'readiness-probe': {} })[0]).toEqual({ check: probe, enabled: true, severity: 'critical', options: {} });
  });

  it('rejects policy for an unknown check, naming the config key', () => {
    const error = thrown(() => configureChecks([replicas, probe], { 'readiness-probes': { enabled: false } }));
    expect(error).toBeInstanceOf(CheckConfigError);
    expect((error as CheckConfigError).key).toBe('readiness.checks.readiness-probes');
    expect((error as CheckConfigError).name).toBe('CheckConfigError');
    expect((error as Error).message).toBe('readiness.checks.readiness-probes: there is no check "readiness-probes"');
  });

  it('rejects an unknown severity, naming the config key and the allowed values', () => {
    expect(() => configureChecks([probe], { 'readiness-probe': { severity: 'urgent' as any } })).toThrow(
      new CheckConfigError('readiness.checks.readiness-probe.severity', 'must be one of critical, high, medium, low, got "urgent"'),
    );
    const error = thrown(() => configureChecks([probe], { 'readiness-probe': { severity: 'urgent' as any } }));
    expect(error).toBeInstanceOf(CheckConfigError);
    expect((error as CheckConfigError).key).toBe('readiness.checks.readiness-probe.severity');
    expect((error as Error).message).toBe('readiness.checks.readiness-probe.severity: must be one of critical, high, medium, low, got "urgent"');
  });

  it('rejects a check id registered twice', () => {
    expect(() => configureChecks([probe, replicas, check('readiness-probe')])).toThrow('readiness check "readiness-probe" is registered twice');
  });
});

describe('checkMetadata', () => {
  const needsPdb = check('disruption-budget', { severity: 'critical', requires: ['poddisruptionbudgets'] });
  const custom = check('acme-cost-center', { domain: 'delivery', severity: 'low', scope: 'namespace' });

  it('describes each check with the policy in force', () => {
    const configured = configureChecks([needsPdb, custom], { 'disruption-budget': { severity: 'high' }, 'acme-cost-center': { enabled: false } });
    expect(checkMetadata(configured, new Set(['disruption-budget']))).toEqual([
      {
        id: 'disruption-budget',
        domain: 'scheduling-state',
        severity: 'high',
        title: 'Check disruption-budget',
        rationale: 'Why disruption-budget matters.',
        remediation: { text: 'Fix disruption-budget.', snippet: 'spec:\n  replicas: 2' },
        scope: 'workload',
        requires: ['poddisruptionbudgets'],
        enabled: true,
        builtIn: true,
      },
      {
        id: 'acme-cost-center',
        domain: 'delivery',
        severity: 'low',
        title: 'Check acme-cost-center',
        rationale: 'Why acme-cost-center matters.',
        remediation: { text: 'Fix acme-cost-center.', snippet: 'spec:\n  replicas: 2' },
        scope: 'namespace',
        requires: undefined,
        enabled: false,
        builtIn: false,
      },
    ]);
  });

  it('counts every check as built in without the set of built-in ids', () => {
    expect(checkMetadata(configureChecks([needsPdb, custom])).map(m => m.builtIn)).toEqual([true, true]);
  });
});

describe('evaluateCheck', () => {
  it('returns what the check answers, given the context', () => {
    const index = indexOf(objects());
    const c = check('replicas-minimum', { evaluate: jest.fn(() => ({ status: 'fail', message: '1 replica', evidence: [{ kind: 'Deployment', name: 'cart' }] })) });
    const context = contextFor(index, 'Deployment', 'cart');
    expect(evaluateCheck(c, context)).toEqual({ status: 'fail', message: '1 replica', evidence: [{ kind: 'Deployment', name: 'cart' }] });
    expect(c.evaluate).toHaveBeenCalledWith(context);
  });

  it('answers unknown, naming the kind, the cluster and the reason, when a required kind is missing', () => {
    const index = indexOf(objects(), {
      cluster: 'prod-eu',
      missing: [{ plural: 'verticalpodautoscalers', reason: 'the server could not find the requested resource', status: 404 }],
    });
    const c = check('requests-right-sized', { requires: ['horizontalpodautoscalers', 'verticalpodautoscalers'] });
    expect(evaluateCheck(c, contextFor(index, 'Deployment', 'cart'))).toEqual({
      status: 'unknown',
      message: 'cannot read verticalpodautoscalers in cluster prod-eu: the server could not find the requested resource',
    });
    expect(c.evaluate).not.toHaveBeenCalled();
  });

  it('looks required kinds up by kind name too', () => {
    const index = indexOf(objects(), { missing: ['poddisruptionbudgets'] });
    const c = check('disruption-budget', { requires: ['PodDisruptionBudget'] });
    expect(evaluateCheck(c, contextFor(index, 'Deployment', 'cart'))).toEqual({
      status: 'unknown',
      message: 'cannot read PodDisruptionBudget in cluster test: poddisruptionbudgets could not be listed (403 Forbidden)',
    });
  });

  it('runs the check when its required kinds were read', () => {
    const index = indexOf(objects(), { missing: ['verticalpodautoscalers'] });
    const c = check('disruption-budget', { requires: ['poddisruptionbudgets'] });
    expect(evaluateCheck(c, contextFor(index, 'Deployment', 'cart'))).toEqual({ status: 'pass', message: 'disruption-budget passed' });
  });

  it('answers unknown with the message of a check that throws', () => {
    const index = indexOf(objects());
    const c = check('broken', {
      evaluate: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'containers')");
      },
    });
    expect(evaluateCheck(c, contextFor(index, 'Deployment', 'cart'))).toEqual({
      status: 'unknown',
      message: "the check failed to evaluate: Cannot read properties of undefined (reading 'containers')",
    });
  });

  it('answers unknown when a check throws something that is not an Error', () => {
    const index = indexOf(objects());
    const throwing = (value: unknown) =>
      check('broken', {
        evaluate: () => {
          throw value;
        },
      });
    expect(evaluateCheck(throwing('quota exceeded'), contextFor(index, 'Deployment', 'cart')).message).toBe('the check failed to evaluate: quota exceeded');
    expect(evaluateCheck(throwing(undefined), contextFor(index, 'Deployment', 'cart')).message).toBe('the check failed to evaluate: undefined');
  });

  it.each<[string, unknown, string]>([
    ['nothing', undefined, 'it returned undefined, not a CheckOutcome'],
    ['null', null, 'it returned null, not a CheckOutcome'],
    ['a string', 'pass', 'it returned a string, not a CheckOutcome'],
    ['a Promise', Promise.resolve({ status: 'pass', message: 'ok' }), 'it returned a Promise (evaluate must be synchronous), not a CheckOutcome'],
    ['a made-up status', { status: 'ok', message: 'fine' }, 'it returned status "ok", not a CheckOutcome'],
    ['waived', { status: 'waived', message: 'accepted' }, 'it returned status "waived", not a CheckOutcome'],
    ['no status', { message: 'fine' }, 'it returned status undefined, not a CheckOutcome'],
    ['no message', { status: 'pass' }, 'it returned no message, not a CheckOutcome'],
    ['evidence that is not a list', { status: 'pass', message: 'ok', evidence: { kind: 'Deployment', name: 'cart' } }, 'it returned evidence that is not a list, not a CheckOutcome'],
  ])('answers unknown when a check returns %s', (_what, returned, reason) => {
    const index = indexOf(objects());
    const c = check('sloppy', { evaluate: jest.fn(() => returned as CheckOutcome) });
    expect(evaluateCheck(c, contextFor(index, 'Deployment', 'cart'))).toEqual({ status: 'unknown', message: `the check failed to evaluate: ${reason}` });
  });
});

describe('evaluationTime', () => {
  it('is the time the snapshot was read, unless `now` is given', () => {
    const index = ClusterIndex.build({ cluster: 'prod-eu', objects: [], fetchedAt: '2026-11-20T06:30:00Z' });
    expect(evaluationTime(index)).toEqual(new Date('2026-11-20T06:30:00Z'));
    expect(evaluationTime(index, { now: new Date('2026-11-21T12:00:00Z') })).toEqual(new Date('2026-11-21T12:00:00Z'));
  });

  it('is the current time without a read time, or with one that is not a time', () => {
    jest.useFakeTimers({ now: new Date('2026-11-21T09:15:00Z') });
    try {
      expect(evaluationTime(ClusterIndex.build({ cluster: 'c', objects: [] }))).toEqual(new Date('2026-11-21T09:15:00Z'));
      expect(evaluationTime(ClusterIndex.build({ cluster: 'c', objects: [], fetchedAt: 'yesterday' }))).toEqual(new Date('2026-11-21T09:15:00Z'));
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('evaluateWorkload', () => {
  const capture = () => {
    const seen: CheckContext[] = [];
    const evaluate = jest.fn((ctx: CheckContext) => {
      seen.push(ctx);
      return { status: 'pass' as const, message: 'ok' };
    });
    return { seen, evaluate };
  };

  it('runs every enabled check of workload, namespace and cluster scope, in order, with the policy in force', () => {
    const index = indexOf(objects(), { cluster: 'prod-eu' });
    const workload = workloadOf(index, 'Deployment', 'cart');
    const wl = check('replicas-minimum', { evaluate: jest.fn(() => ({ status: 'fail', message: '1 replica is not enough' })) });
    const ns = check('namespace-quota', { domain: 'resources-scaling', scope: 'namespace', evaluate: jest.fn(() => ({ status: 'pass', message: 'quota' })) });
    const cl = check('logs-collected', { domain: 'observability', severity: 'low', scope: 'cluster', evaluate: jest.fn(() => ({ status: 'not-applicable', message: 'n/a' })) });
    const ent = check('runbook-linked', { domain: 'resilience', scope: 'entity' });
    const off = check('priority-class');
    const configured = configureChecks([wl, ns, cl, ent, off], { 'replicas-minimum': { severity: 'critical' }, 'priority-class': { enabled: false } });

    const result = evaluateWorkload(workload, index, configured);
    expect(result).toEqual({
      ref: { cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart' },
      results: [
        {
          checkId: 'replicas-minimum',
          domain: 'scheduling-state',
          severity: 'critical',
          status: 'fail',
          message: '1 replica is not enough',
          evidence: [{ cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart' }],
        },
        {
          checkId: 'namespace-quota',
          domain: 'resources-scaling',
          severity: 'high',
          status: 'pass',
          message: 'quota',
          evidence: [{ cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart' }],
        },
        {
          checkId: 'logs-collected',
          domain: 'observability',
          severity: 'low',
          status: 'not-applicable',
          message: 'n/a',
          evidence: [{ cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart' }],
        },
      ],
    });
    expect(ent.evaluate).not.toHaveBeenCalled();
    expect(off.evaluate).not.toHaveBeenCalled();
  });

  it('adds the cluster to the evidence a check gives, keeping its fields and a cluster it sets', () => {
    const index = indexOf(objects(), { cluster: 'prod-eu' });
    const c = check('disruption-budget', {
      evaluate: () => ({
        status: 'fail',
        message: 'no PodDisruptionBudget',
        evidence: [
          { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' },
          { kind: 'Namespace', name: 'shop' },
          { cluster: 'other', kind: 'Service', namespace: 'shop', name: 'cart' },
        ],
      }),
    });
    const [result] = evaluateWorkload(workloadOf(index, 'Deployment', 'cart'), index, configureChecks([c])).results;
    expect(result.evidence).toEqual([
      { cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' },
      { cluster: 'prod-eu', kind: 'Namespace', name: 'shop' },
      { cluster: 'other', kind: 'Service', namespace: 'shop', name: 'cart' },
    ]);
  });

  it('points at the workload when the check gives empty evidence', () => {
    const index = indexOf(objects(), { cluster: 'prod-eu' });
    const c = check('stateful-storage', { evaluate: () => ({ status: 'pass', message: 'ok', evidence: [] }) });
    const [result] = evaluateWorkload(workloadOf(index, 'StatefulSet', 'postgres'), index, configureChecks([c])).results;
    expect(result.evidence).toEqual([{ cluster: 'prod-eu', kind: 'StatefulSet', namespace: 'shop', name: 'postgres' }]);
  });

  it('gives checks the workload, the index, its relations, the options in force and the evaluation time', () => {
    const index = ClusterIndex.build({ cluster: 'prod-eu', objects: objects(), fetchedAt: '2026-11-20T06:30:00Z' });
    const workload = workloadOf(index, 'Deployment', 'cart');
    const { seen, evaluate } = capture();
    const c = check('replicas-minimum', { defaultOptions: { minimum: 2 }, evaluate });
    evaluateWorkload(workload, index, configureChecks([c], { 'replicas-minimum': { options: { minimum: 3 } } }));
    expect(seen).toHaveLength(1);
    expect(seen[0].workload).toBe(workload);
    expect(seen[0].index).toBe(index);
    expect(seen[0].relations).toBe(relationsOf(workload, index));
    expect(seen[0].options).toEqual({ minimum: 3 });
    expect(seen[0].now).toEqual(new Date('2026-11-20T06:30:00Z'));
    expect(seen[0].entity).toBeUndefined();

    evaluateWorkload(workload, index, configureChecks([c]), { now: new Date('2026-11-21T12:00:00Z') });
    expect(seen[1].now).toEqual(new Date('2026-11-21T12:00:00Z'));
  });

  it('keeps running the other checks when one throws or a required kind is missing', () => {
    const index = indexOf(objects(), { cluster: 'prod-eu', missing: ['poddisruptionbudgets'] });
    const broken = check('broken', {
      evaluate: () => {
        throw new Error('boom');
      },
    });
    const needsPdb = check('disruption-budget', { severity: 'critical', requires: ['poddisruptionbudgets'] });
    const fine = check('priority-class', { severity: 'medium' });
    const sloppy = check('sloppy', { evaluate: jest.fn(() => undefined as unknown as CheckOutcome) });
    const { results } = evaluateWorkload(workloadOf(index, 'Deployment', 'cart'), index, configureChecks([broken, needsPdb, sloppy, fine]));
    expect(results.map(r => [r.checkId, r.status, r.message])).toEqual([
      ['broken', 'unknown', 'the check failed to evaluate: boom'],
      ['disruption-budget', 'unknown', 'cannot read poddisruptionbudgets in cluster prod-eu: poddisruptionbudgets could not be listed (403 Forbidden)'],
      ['sloppy', 'unknown', 'the check failed to evaluate: it returned undefined, not a CheckOutcome'],
      ['priority-class', 'pass', 'priority-class passed'],
    ]);
    expect(results[0].evidence).toEqual([{ cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart' }]);
  });

  it('gives no results when every check is disabled or entity-scoped', () => {
    const index = indexOf(objects());
    const configured = configureChecks([check('a', { scope: 'entity' }), check('b')], { b: { enabled: false } });
    expect(evaluateWorkload(workloadOf(index, 'Deployment', 'cart'), index, configured).results).toEqual([]);
  });
});

describe('evaluateWorkloads', () => {
  it('evaluates every workload of the index once, at one evaluation time', () => {
    const index = ClusterIndex.build({ cluster: 'prod-eu', objects: objects(), fetchedAt: '2026-11-20T06:30:00Z' });
    const seen: Array<[string, Date]> = [];
    const c = check('replicas-minimum', {
      evaluate: (ctx: CheckContext) => {
        seen.push([ctx.workload.ref.name, ctx.now]);
        return { status: 'pass', message: 'ok' };
      },
    });
    const results = evaluateWorkloads(index, configureChecks([c]));
    expect(results.map(r => r.ref)).toEqual(discoverWorkloads(index).map(w => w.ref));
    expect(results.map(r => r.ref.name)).toEqual(['cart', 'postgres']);
    expect(seen).toEqual([
      ['cart', new Date('2026-11-20T06:30:00Z')],
      ['postgres', new Date('2026-11-20T06:30:00Z')],
    ]);

    seen.length = 0;
    evaluateWorkloads(index, configureChecks([c]), { now: new Date('2026-11-21T12:00:00Z') });
    expect(seen.map(([, now]) => now)).toEqual([new Date('2026-11-21T12:00:00Z'), new Date('2026-11-21T12:00:00Z')]);
  });
});

describe('evaluateEntityChecks', () => {
  const runbook = (ctx: CheckContext) =>
    ctx.entity?.annotations['prodready.dev/runbook']
      ? { status: 'pass' as const, message: `runbook ${ctx.entity.annotations['prodready.dev/runbook']}` }
      : { status: 'unknown' as const, message: 'no entity' };

  it('runs only the enabled entity-scoped checks, with the entity', () => {
    const index = indexOf(objects(), { cluster: 'prod-eu' });
    const workload = workloadOf(index, 'Deployment', 'cart');
    const linked = check('runbook-linked', { domain: 'resilience', severity: 'medium', scope: 'entity', evaluate: jest.fn(runbook) });
    const oncall = check('oncall-defined', { domain: 'observability', scope: 'entity' });
    const wl = check('replicas-minimum');
    const ctx: EntityContext = entity({ 'prodready.dev/runbook': 'https://runbooks.acme.example/cart' });

    const results = evaluateEntityChecks(ctx, workload, index, configureChecks([wl, linked, oncall], { 'oncall-defined': { enabled: false } }));
    expect(results).toEqual([
      {
        checkId: 'runbook-linked',
        domain: 'resilience',
        severity: 'medium',
        status: 'pass',
        message: 'runbook https://runbooks.acme.example/cart',
        evidence: [{ cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart' }],
      },
    ]);
    expect(linked.evaluate.mock.calls[0][0].entity).toBe(ctx);
    expect(linked.evaluate.mock.calls[0][0].workload).toBe(workload);
    expect(wl.evaluate).not.toHaveBeenCalled();
    expect(oncall.evaluate).not.toHaveBeenCalled();
  });

  it('gives entity-scoped checks no entity when there is none (the CLI without catalog-info)', () => {
    const index = indexOf(objects());
    const linked = check('runbook-linked', { domain: 'resilience', scope: 'entity', evaluate: jest.fn(runbook) });
    const [result] = evaluateEntityChecks(undefined, workloadOf(index, 'Deployment', 'cart'), index, configureChecks([linked]));
    expect(result.status).toBe('unknown');
    expect(result.message).toBe('no entity');
    expect(linked.evaluate.mock.calls[0][0].entity).toBeUndefined();
  });

  it('applies required kinds, options and the evaluation time to entity-scoped checks', () => {
    const index = ClusterIndex.build({ cluster: 'prod-eu', objects: objects(), fetchedAt: '2026-11-20T06:30:00Z', missing: [{ plural: 'schedules', reason: 'no Velero' }] });
    const rpo = check('rpo-rto-declared', { domain: 'resilience', scope: 'entity', requires: ['schedules'] });
    const opt = check('slo-defined', { domain: 'observability', scope: 'entity', defaultOptions: { a: 1 } });
    const results = evaluateEntityChecks(entity(), workloadOf(index, 'Deployment', 'cart'), index, configureChecks([rpo, opt], { 'slo-defined': { options: { b: 2 } } }));
    expect(results.map(r => [r.checkId, r.status, r.message])).toEqual([
      ['rpo-rto-declared', 'unknown', 'cannot read schedules in cluster prod-eu: no Velero'],
      ['slo-defined', 'pass', 'slo-defined passed'],
    ]);
    expect(opt.evaluate.mock.calls[0][0].options).toEqual({ a: 1, b: 2 });
    expect(opt.evaluate.mock.calls[0][0].now).toEqual(new Date('2026-11-20T06:30:00Z'));
  });

});

describe('a check reading relations, end to end', () => {
  it('sees the PodDisruptionBudget selecting the workload, and none for another workload', () => {
    const pdb = object('policy/v1', 'PodDisruptionBudget', 'cart', 'shop', { spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } } } });
    const index = indexOf([...objects(), pdb]);
    const c = check('disruption-budget', {
      evaluate: ({ relations }: CheckContext) =>
        relations.podDisruptionBudgets.length ? { status: 'pass', message: `PDB '${relations.podDisruptionBudgets[0].metadata.name}'` } : { status: 'fail', message: 'none' },
    });
    expect(evaluateWorkload(workloadOf(index, 'Deployment', 'cart'), index, configureChecks([c])).results[0].message).toBe("PDB 'cart'");
    expect(evaluateWorkload(workloadOf(index, 'StatefulSet', 'postgres'), index, configureChecks([c])).results[0].status).toBe('fail');
  });
});

describe('malformed workloads', () => {
  it('answers unknown for every workload check, naming the malformed field, instead of judging an empty template', () => {
    const { indexOf: build, object: obj } = require('../testing/fixtures');
    const { discoverWorkloads: discover } = require('../cluster/workloads');
    const { configureChecks: configure, evaluateWorkload: evaluate } = require('./evaluate');
    const { BUILT_IN_CHECKS } = require('../checks/builtin');
    const index = build([obj('apps/v1', 'Deployment', 'broken', 'shop', { spec: { replicas: 2, template: 'not-an-object' } })]);
    const [workload] = discover(index);
    const result = evaluate(workload, index, configure([...BUILT_IN_CHECKS]), { now: new Date('2026-11-21T12:00:00Z') });
    expect(result.results.length).toBeGreaterThan(40);
    expect(new Set(result.results.map((r: any) => r.status))).toEqual(new Set(['unknown']));
    expect(result.results[0].message).toBe('the Deployment cannot be evaluated: spec.template is a string, not an object');
  });
});
