import { deployment, namespaceObject, podOf, replicaSetOf, run } from '../../../testing/fixtures';
import { spreadAcrossNodes } from './spreadAcrossNodes';
import { daemonSet, hpa } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const own = { matchLabels: { 'app.kubernetes.io/name': 'cart' } };
const withPodSpec = (spec: Record<string, unknown>, replicas = 2) =>
  deployment('cart', 'shop', { spec: { replicas, template: { spec } } });
const constraint = (topologyKey: string, extra: Record<string, unknown> = {}) => ({
  maxSkew: 1,
  topologyKey,
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: own,
  ...extra,
});

describe('spread-across-nodes', () => {
  it('passes a topologySpreadConstraint on kubernetes.io/hostname that selects the pods', () => {
    const outcome = run(spreadAcrossNodes, [withPodSpec({ topologySpreadConstraints: [constraint('kubernetes.io/hostname')] })], target);
    expect(outcome).toEqual({
      status: 'pass',
      message: '2 replicas (spec.replicas) spread by topologySpreadConstraints on kubernetes.io/hostname (DoNotSchedule)',
      evidence: [{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.topologySpreadConstraints[0]' }],
    });
  });

  it('passes a best-effort constraint on topology.kubernetes.io/zone', () => {
    const spec = {
      topologySpreadConstraints: [
        constraint('node.kubernetes.io/instance-type'),
        constraint('topology.kubernetes.io/zone', { whenUnsatisfiable: 'ScheduleAnyway' }),
      ],
    };
    const outcome = run(spreadAcrossNodes, [withPodSpec(spec)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('topologySpreadConstraints on topology.kubernetes.io/zone (ScheduleAnyway)');
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.topologySpreadConstraints[1]' },
    ]);
  });

  it('passes preferred pod anti-affinity on kubernetes.io/hostname', () => {
    const spec = {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: own } },
          ],
        },
      },
    };
    const outcome = run(spreadAcrossNodes, [withPodSpec(spec)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('pod anti-affinity (preferred) on kubernetes.io/hostname');
    expect(outcome.evidence?.[0].path).toBe(
      'spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm',
    );
  });

  it('passes required pod anti-affinity on kubernetes.io/hostname selected with matchExpressions', () => {
    const spec = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['cart', 'cart-canary'] }] },
            },
          ],
        },
      },
    };
    const outcome = run(spreadAcrossNodes, [withPodSpec(spec)], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('pod anti-affinity (required)');
  });

  it('passes anti-affinity whose namespaceSelector matches the namespace labels', () => {
    const spec = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: own,
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
            },
          ],
        },
      },
    };
    expect(run(spreadAcrossNodes, [namespaceObject('shop'), withPodSpec(spec)], target).status).toBe('pass');
  });

  it('counts HPA minReplicas to decide it applies', () => {
    const objects = [withPodSpec({ topologySpreadConstraints: [constraint('kubernetes.io/hostname')] }, 1), hpa('cart', 3)];
    const outcome = run(spreadAcrossNodes, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^3 replicas \(HPA 'cart' minReplicas 3\)/);
  });

  it('fails without constraints or anti-affinity, pointing where to add them', () => {
    const outcome = run(spreadAcrossNodes, [withPodSpec({})], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      '2 replicas (spec.replicas) with no topologySpreadConstraints on kubernetes.io/hostname or topology.kubernetes.io/zone ' +
        'and no pod anti-affinity on kubernetes.io/hostname: the scheduler may place every replica on one node',
    );
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.topologySpreadConstraints' },
    ]);
  });

  it('fails a constraint whose labelSelector selects another app, saying so', () => {
    const spec = {
      topologySpreadConstraints: [constraint('kubernetes.io/hostname', { labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'payments' } } })],
    };
    const outcome = run(spreadAcrossNodes, [withPodSpec(spec)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(
      "ignored: topologySpreadConstraints[0] on kubernetes.io/hostname has a labelSelector that does not select the workload's pods",
    );
  });

  it('fails a constraint without labelSelector, which counts no pod', () => {
    const spec = { topologySpreadConstraints: [constraint('kubernetes.io/hostname', { labelSelector: undefined })] };
    expect(run(spreadAcrossNodes, [withPodSpec(spec)], target).status).toBe('fail');
  });

  it('fails anti-affinity on the zone key only (the contract asks for kubernetes.io/hostname)', () => {
    const spec = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'topology.kubernetes.io/zone', labelSelector: own }],
        },
      },
    };
    expect(run(spreadAcrossNodes, [withPodSpec(spec)], target).status).toBe('fail');
  });

  it("fails anti-affinity limited to other namespaces, which never sees the workload's own pods", () => {
    const spec = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: 'kubernetes.io/hostname', labelSelector: own, namespaces: ['payments'] },
          ],
        },
      },
    };
    const outcome = run(spreadAcrossNodes, [withPodSpec(spec)], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('requiredDuringSchedulingIgnoredDuringExecution[0] has a labelSelector or namespaces');
  });

  it('names the single node all running pods landed on', () => {
    const d = withPodSpec({});
    const rs = replicaSetOf(d);
    const pods = [0, 1].map(i => podOf(rs, i, { spec: { nodeName: 'worker-1' } }));
    const outcome = run(spreadAcrossNodes, [d, rs, ...pods], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("its 2 pods all run on node 'worker-1'");
  });

  it('is not applicable below 2 replicas', () => {
    const outcome = run(spreadAcrossNodes, [withPodSpec({}, 1)], target);
    expect(outcome).toEqual({ status: 'not-applicable', message: 'runs 1 replica (spec.replicas); applies from 2 replicas' });
  });

  it('is not applicable to a DaemonSet', () => {
    expect(run(spreadAcrossNodes, [daemonSet('agent')], { kind: 'DaemonSet', name: 'agent' }).status).toBe('not-applicable');
  });

  it('is unknown for one declared replica when HPAs cannot be read', () => {
    const outcome = run(spreadAcrossNodes, [withPodSpec({}, 1)], target, { missing: ['horizontalpodautoscalers'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read horizontalpodautoscalers');
  });
});
