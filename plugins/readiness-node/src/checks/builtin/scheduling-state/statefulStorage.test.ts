import { container, cronJob, deployment, run, statefulSet } from '../../../testing/fixtures';
import { statefulStorage } from './statefulStorage';
import { daemonSet, hpa, pvc, replicaSet, withClaim } from './testObjects';

const target = { kind: 'Deployment', name: 'cart' };
const volumeEvidence = { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.volumes[0].persistentVolumeClaim' };

describe('stateful-storage', () => {
  it('passes a StatefulSet whose replicas get their own claims from volumeClaimTemplates', () => {
    const outcome = run(statefulStorage, [statefulSet('postgres')], { kind: 'StatefulSet', name: 'postgres' });
    expect(outcome).toEqual({
      status: 'pass',
      message: "each of the StatefulSet's 3 replicas (spec.replicas) gets its own claim from volumeClaimTemplates 'data'",
      evidence: [{ kind: 'StatefulSet', namespace: 'shop', name: 'postgres', path: 'spec.volumeClaimTemplates[0]' }],
    });
  });

  it('fails a Deployment of 2 replicas sharing one ReadWriteOnce claim', () => {
    const objects = [deployment('cart', 'shop', withClaim('cart-data')), pvc('cart-data')];
    const outcome = run(statefulStorage, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "Deployment with 2 replicas (spec.replicas) shares claim 'cart-data' (access modes ReadWriteOnce) between all its pods: " +
        'a ReadWriteOnce volume attaches to one node only (Multi-Attach errors), a ReadWriteMany one has every replica writing the same files; ' +
        'run it as a StatefulSet with volumeClaimTemplates',
    );
    expect(outcome.evidence).toEqual([volumeEvidence, { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.replicas' }]);
  });

  it('fails a Deployment sharing a ReadWriteMany claim too', () => {
    const objects = [deployment('cart', 'shop', withClaim('shared')), pvc('shared', ['ReadWriteMany'])];
    const outcome = run(statefulStorage, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('(access modes ReadWriteMany)');
  });

  it('fails a single-replica Deployment that its HPA can scale out', () => {
    const objects = [deployment('cart', 'shop', { ...withClaim('cart-data'), spec: { ...withClaim('cart-data').spec, replicas: 1 } }), hpa('cart', 1, 4)];
    const outcome = run(statefulStorage, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("Deployment with 1 replica (HPA 'cart' minReplicas 1), scaling up to 4 (HPA maxReplicas), shares claim 'cart-data'");
  });

  it('fails a StatefulSet whose replicas all mount one claim instead of volumeClaimTemplates', () => {
    const sts = statefulSet('postgres', 'shop', { ...withClaim('pg-shared'), spec: { ...withClaim('pg-shared').spec, volumeClaimTemplates: undefined } });
    const outcome = run(statefulStorage, [sts], { kind: 'StatefulSet', name: 'postgres' });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("shares claim 'pg-shared' between all its pods");
    expect(outcome.message).toContain('declare it in volumeClaimTemplates so each replica gets its own claim');
  });

  it('fails an owner-less ReplicaSet of 2 replicas sharing a claim', () => {
    const rs = replicaSet('legacy', 2, withClaim('legacy-data'));
    expect(run(statefulStorage, [rs], { kind: 'ReplicaSet', name: 'legacy' }).status).toBe('fail');
  });

  it('fails a DaemonSet writing one claim from every node', () => {
    const ds = daemonSet('agent', withClaim('agent-state'));
    const outcome = run(statefulStorage, [ds], { kind: 'DaemonSet', name: 'agent' });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('DaemonSet with 3 pods (one per node) shares');
  });

  it('passes a single replica writing its claim, advising Recreate for a RollingUpdate over ReadWriteOnce', () => {
    const d = deployment('cart', 'shop', { ...withClaim('cart-data'), spec: { ...withClaim('cart-data').spec, replicas: 1 } });
    const outcome = run(statefulStorage, [d, pvc('cart-data')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "1 replica (spec.replicas) writes claim 'cart-data': no claim is shared between replicas; note: a RollingUpdate starts the new pod " +
        'while the old one holds the claim, which stalls when it lands on another node: use strategy Recreate',
    );
    expect(outcome.evidence).toContainEqual(volumeEvidence);
  });

  it('passes a single replica with strategy Recreate without a note', () => {
    const patch = withClaim('cart-data');
    const d = deployment('cart', 'shop', { ...patch, spec: { ...patch.spec, replicas: 1, strategy: { type: 'Recreate', rollingUpdate: undefined } } });
    const outcome = run(statefulStorage, [d], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).not.toContain('note');
  });

  it('is not applicable to a stateless Deployment', () => {
    expect(run(statefulStorage, [deployment('cart')], target)).toEqual({
      status: 'not-applicable',
      message: 'stateless: mounts no PersistentVolumeClaim',
    });
  });

  it.each([
    ['the volume', { readOnly: true }],
    ['every volumeMount', { mountReadOnly: true }],
  ])('is not applicable when %s is read-only (shared reference data, no state)', (_what, options) => {
    const outcome = run(statefulStorage, [deployment('cart', 'shop', withClaim('models', options))], target);
    expect(outcome).toEqual({ status: 'not-applicable', message: "stateless: mounts claim 'models' read-only only" });
  });

  it('is not applicable to a ReadOnlyMany claim', () => {
    const outcome = run(statefulStorage, [deployment('cart', 'shop', withClaim('models')), pvc('models', ['ReadOnlyMany'])], target);
    expect(outcome.status).toBe('not-applicable');
  });

  it('ignores generic ephemeral volumes, which are per-pod scratch space', () => {
    const d = deployment('cart', 'shop', {
      spec: {
        template: {
          spec: {
            containers: [container('cart', { volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] })],
            volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }],
          },
        },
      },
    });
    expect(run(statefulStorage, [d], target).status).toBe('not-applicable');
  });

  it('is not applicable to a CronJob, even one writing a claim', () => {
    const cj = cronJob('report', 'shop', {
      spec: { jobTemplate: { spec: { template: { spec: { volumes: [{ name: 'out', persistentVolumeClaim: { claimName: 'reports' } }] } } } } },
    });
    const outcome = run(statefulStorage, [cj], { kind: 'CronJob', name: 'report' });
    expect(outcome).toEqual({ status: 'not-applicable', message: 'a CronJob runs to completion; it is not a data store' });
  });

  it('is unknown for a single replica writing a claim when HPAs cannot be read', () => {
    const patch = withClaim('cart-data');
    const d = deployment('cart', 'shop', { ...patch, spec: { ...patch.spec, replicas: 1 } });
    const outcome = run(statefulStorage, [d], target, { missing: ['horizontalpodautoscalers'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("a single replica writes claim 'cart-data', but an HPA could scale it: cannot read horizontalpodautoscalers");
  });
});
