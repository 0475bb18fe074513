import { container, deployment, deploymentWithPods, podOf, run, statefulSet } from '../../../testing/fixtures';
import { criticalQosGuaranteed } from './criticalQosGuaranteed';
import { withResources } from './testObjects';

const db = { kind: 'StatefulSet', name: 'db' };
const dbWith = (containers: any[], initContainers?: any[]) =>
  statefulSet('db', 'shop', {
    spec: { template: { spec: { priorityClassName: undefined, containers, ...(initContainers ? { initContainers } : {}) } } },
  });

describe('critical-qos-guaranteed', () => {
  it('is not applicable to a Deployment without a priorityClassName', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { priorityClassName: undefined } } } })];
    const outcome = run(criticalQosGuaranteed, objects, { kind: 'Deployment', name: 'cart' });
    expect(outcome.status).toBe('not-applicable');
  });

  it("passes a StatefulSet whose live pods report Guaranteed", () => {
    const sts = dbWith([container('db')]);
    const outcome = run(criticalQosGuaranteed, [sts, podOf(sts, 0), podOf(sts, 1)], db);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('a StatefulSet: 2 live pods report QoS class Guaranteed');
    // The fixture pods say Guaranteed while the template's cpu request (250m) is below its limit (500m).
    expect(outcome.message).toContain('the pod template now gives Burstable');
  });

  it('computes Guaranteed from limits only, with equal quantities in different units', () => {
    const sts = dbWith([withResources('db', { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '0.5', memory: '1024Mi' } }), withResources('exporter', { limits: { cpu: '100m', memory: '64Mi' } })]);
    const outcome = run(criticalQosGuaranteed, [sts], db);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('a StatefulSet: the pod template gives QoS class Guaranteed (computed; no live pods)');
  });

  it('passes a Burstable workload with a priorityClassName whose memory request equals its limit', () => {
    const outcome = run(criticalQosGuaranteed, deploymentWithPods('cart', 'shop').slice(0, 1), { kind: 'Deployment', name: 'cart' });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      "a Deployment with priorityClassName 'business-critical': the pod template gives QoS class Burstable, and memory request equals memory limit in every container",
    );
  });

  it('fails a StatefulSet whose pods are Burstable with memory request below limit', () => {
    const sts = dbWith([withResources('db', { requests: { cpu: '500m', memory: '256Mi' }, limits: { memory: '512Mi' } })]);
    const objects = [sts, podOf(sts, 0, { status: { qosClass: 'Burstable' } })];
    const outcome = run(criticalQosGuaranteed, objects, db);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "a StatefulSet should be Guaranteed or reserve its memory, but 1 live pod reports QoS class Burstable and container 'db' has memory request 256Mi below its limit 512Mi",
    );
    expect(outcome.evidence).toEqual([{ kind: 'StatefulSet', namespace: 'shop', name: 'db', path: 'spec.template.spec.containers[0].resources' }]);
  });

  it('fails when a container has no memory limit', () => {
    const outcome = run(criticalQosGuaranteed, [dbWith([withResources('db', { requests: { cpu: '1', memory: '1Gi' } })])], db);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("container 'db' has no memory limit");
  });

  it('leaves run-to-completion init containers out of the memory rule, but counts native sidecars', () => {
    const main = withResources('db', { requests: { cpu: '250m', memory: '1Gi' }, limits: { memory: '1Gi' } });
    const init = withResources('init-perms', { requests: { cpu: '10m', memory: '16Mi' } });
    expect(run(criticalQosGuaranteed, [dbWith([main], [init])], db).status).toBe('pass');

    const sidecar = withResources('log-shipper', { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } }, { restartPolicy: 'Always' });
    const outcome = run(criticalQosGuaranteed, [dbWith([main], [sidecar])], db);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("sidecar 'log-shipper' has memory request 32Mi below its limit 64Mi");
    expect(outcome.evidence?.[0].path).toBe('spec.template.spec.initContainers[0].resources');
  });

  it('is unknown when the pod template has no containers', () => {
    expect(run(criticalQosGuaranteed, [dbWith([])], db).status).toBe('unknown');
  });
});
