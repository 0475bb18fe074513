import { KubernetesObject } from '../objects';
import {
  container,
  cronJob,
  daemonSet,
  deployment,
  deploymentWithPods,
  indexOf,
  job,
  jobOf,
  object,
  pod,
  podOf,
  replicaSetOf,
  statefulSet,
  workloadOf,
} from '../testing/fixtures';
import { containerPath, discoverWorkloads, podSpecPath, Workload } from './workloads';

const refs = (workloads: Workload[]) => workloads.map(w => `${w.ref.kind}/${w.ref.namespace}/${w.ref.name}`);
const podNames = (w: Workload) => w.pods.map(p => p.metadata.name);

/** An Argo Rollout and the ReplicaSet it owns, with running pods. */
function rollout(name: string, namespace = 'shop'): KubernetesObject[] {
  const labels = { 'app.kubernetes.io/name': name };
  const ro = object('argoproj.io/v1alpha1', 'Rollout', name, namespace, {
    metadata: { labels },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [container(name)] } },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
  });
  const rs = object('apps/v1', 'ReplicaSet', `${name}-6c8f9d7b4`, namespace, {
    metadata: {
      labels: { ...labels, 'rollouts-pod-template-hash': '6c8f9d7b4' },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name, uid: ro.metadata.uid, controller: true }],
    },
    spec: { replicas: 3, selector: { matchLabels: labels }, template: ro.spec.template },
  });
  return [ro, rs, podOf(rs, 0), podOf(rs, 1), podOf(rs, 2)];
}

describe('discoverWorkloads', () => {
  const [cart, cartRs, ...cartPods] = deploymentWithPods('cart');
  const db = statefulSet('postgres');
  const dbPods = [podOf(db, 0), podOf(db, 1), podOf(db, 2)];
  const shipper = daemonSet('fluent-bit', 'logging');
  const shipperPods = [podOf(shipper, 0), podOf(shipper, 1)];
  const report = cronJob('nightly-report');
  const reportJob = jobOf(report);
  const reportPod = podOf(reportJob, 0, { status: { phase: 'Succeeded' } });
  const migrate = job('migrate-db');
  const migratePod = podOf(migrate, 0, { status: { phase: 'Succeeded' } });
  const bareRs = object('apps/v1', 'ReplicaSet', 'legacy-frontend', 'shop', {
    metadata: { labels: { app: 'legacy-frontend' } },
    spec: { selector: { matchLabels: { app: 'legacy-frontend' } }, template: { metadata: { labels: { app: 'legacy-frontend' } }, spec: { containers: [container('web')] } } },
  });
  const bareRsPod = podOf(bareRs, 0);
  const debug = pod('debug-shell');
  const objects = [
    debug, bareRsPod, migratePod, reportPod, reportJob, migrate, bareRs, report,
    ...shipperPods, shipper, ...dbPods, db, cart, cartRs, ...cartPods,
  ];
  const index = indexOf(objects, { cluster: 'prod-eu' });
  const workloads = discoverWorkloads(index);

  it('finds every workload once, controllers first, then owner-less ReplicaSets, Jobs and Pods', () => {
    expect(refs(workloads)).toEqual([
      'Deployment/shop/cart',
      'StatefulSet/shop/postgres',
      'DaemonSet/logging/fluent-bit',
      'CronJob/shop/nightly-report',
      'ReplicaSet/shop/legacy-frontend',
      'Job/shop/migrate-db',
      'Pod/shop/debug-shell',
    ]);
  });

  it('names the workload by cluster, kind, namespace and name', () => {
    expect(workloadOf(index, 'Deployment', 'cart').ref).toEqual({ cluster: 'prod-eu', kind: 'Deployment', namespace: 'shop', name: 'cart' });
    expect(workloadOf(index, 'Deployment', 'cart').object).toBe(cart);
  });

  it('attributes pods through Pod -> ReplicaSet -> Deployment', () => {
    const w = workloadOf(index, 'Deployment', 'cart');
    expect(w.pods).toEqual(cartPods);
    expect(w.pods[0]).toBe(cartPods[0]);
  });

  it('attributes pods through Pod -> Job -> CronJob, and the Job is no workload of its own', () => {
    expect(workloadOf(index, 'CronJob', 'nightly-report').pods).toEqual([reportPod]);
    expect(refs(workloads)).not.toContain(`Job/shop/${reportJob.metadata.name}`);
  });

  it('attributes the pods of StatefulSets, DaemonSets, owner-less Jobs and ReplicaSets', () => {
    expect(podNames(workloadOf(index, 'StatefulSet', 'postgres'))).toEqual(['postgres-0', 'postgres-1', 'postgres-2']);
    expect(podNames(workloadOf(index, 'DaemonSet', 'fluent-bit'))).toEqual(['fluent-bit-0', 'fluent-bit-1']);
    expect(podNames(workloadOf(index, 'Job', 'migrate-db'))).toEqual(['migrate-db-0']);
    expect(podNames(workloadOf(index, 'ReplicaSet', 'legacy-frontend'))).toEqual(['legacy-frontend-0']);
  });

  it('gives a bare pod itself as its pod', () => {
    expect(workloadOf(index, 'Pod', 'debug-shell').pods).toEqual([debug]);
  });

  it('sets desired replicas for Deployments, StatefulSets and ReplicaSets only', () => {
    expect(workloads.map(w => [w.ref.kind, w.replicas])).toEqual([
      ['Deployment', 2],
      ['StatefulSet', 3],
      ['DaemonSet', undefined],
      ['CronJob', undefined],
      ['ReplicaSet', 1],
      ['Job', undefined],
      ['Pod', undefined],
    ]);
  });

  it('defaults replicas to 1 when unset or not a number', () => {
    const i = indexOf([
      deployment('a', 'shop', { spec: { replicas: undefined } }),
      statefulSet('b', 'shop', { spec: { replicas: '3' } }),
      deployment('c', 'shop', { spec: { replicas: 0 } }),
    ]);
    expect(discoverWorkloads(i).map(w => [w.ref.name, w.replicas])).toEqual([
      ['a', 1],
      ['c', 0],
      ['b', 1],
    ]);
  });

  it('marks Jobs and CronJobs as batch', () => {
    expect(workloads.map(w => [w.ref.kind, w.batch])).toEqual([
      ['Deployment', false],
      ['StatefulSet', false],
      ['DaemonSet', false],
      ['CronJob', true],
      ['ReplicaSet', false],
      ['Job', true],
      ['Pod', false],
    ]);
  });

  it('takes the pod template and its path from each kind', () => {
    const d = workloadOf(index, 'Deployment', 'cart');
    expect(d.template).toEqual({ metadata: cart.spec.template.metadata, spec: cart.spec.template.spec });
    expect(d.templatePath).toBe('spec.template');
    const c = workloadOf(index, 'CronJob', 'nightly-report');
    expect(c.template.spec).toBe(report.spec.jobTemplate.spec.template.spec);
    expect(c.template.metadata.labels).toEqual({ 'app.kubernetes.io/name': 'nightly-report', 'backstage.io/kubernetes-id': 'nightly-report' });
    expect(c.templatePath).toBe('spec.jobTemplate.spec.template');
    const p = workloadOf(index, 'Pod', 'debug-shell');
    expect(p.template.metadata).toBe(debug.metadata);
    expect(p.template.spec).toBe(debug.spec);
    expect(p.templatePath).toBe('');
    expect(workloadOf(index, 'Job', 'migrate-db').templatePath).toBe('spec.template');
    expect(workloadOf(index, 'StatefulSet', 'postgres').templatePath).toBe('spec.template');
  });

  it('gives an empty template for a workload without one', () => {
    const i = indexOf([
      object('apps/v1', 'Deployment', 'empty', 'shop', { spec: { replicas: 1 } }),
      object('batch/v1', 'CronJob', 'empty-cron', 'shop', { spec: { schedule: '@daily' } }),
      object('v1', 'Pod', 'no-spec', 'shop'),
    ]);
    const [d, c, p] = discoverWorkloads(i);
    expect(d.template).toEqual({ metadata: {}, spec: {} });
    expect(c.template).toEqual({ metadata: {}, spec: {} });
    expect(p.template.spec).toEqual({});
  });

  it('is computed once per index', () => {
    expect(discoverWorkloads(index)).toBe(workloads);
    expect(discoverWorkloads(indexOf(objects))).not.toBe(workloads);
  });

  it('puts a workload without namespace (a manifest) in `default`', () => {
    const d = deployment('cart');
    delete d.metadata.namespace;
    const [w] = discoverWorkloads(indexOf([d], { cluster: 'manifests' }));
    expect(w.ref).toEqual({ cluster: 'manifests', kind: 'Deployment', namespace: 'default', name: 'cart' });
  });

  it('makes a ReplicaSet owned by a controller the engine does not evaluate (an Argo Rollout) a workload, with its pods', () => {
    const [ro, rs, ...pods] = rollout('checkout');
    for (const objs of [[ro, rs, ...pods], [rs, ...pods]]) {
      const ws = discoverWorkloads(indexOf(objs));
      expect(refs(ws)).toEqual(['ReplicaSet/shop/checkout-6c8f9d7b4']);
      expect(ws[0].pods).toEqual(pods);
      expect(ws[0].replicas).toBe(3);
    }
  });

  it('makes a pod owned by a same-named kind of another API group (a Volcano Job) a workload', () => {
    const vcjob = object('batch.volcano.sh/v1alpha1', 'Job', 'train', 'ml', { spec: { minAvailable: 2, schedulerName: 'volcano' } });
    const worker = object('v1', 'Pod', 'train-worker-0', 'ml', {
      metadata: { ownerReferences: [{ apiVersion: 'batch.volcano.sh/v1alpha1', kind: 'Job', name: 'train', uid: vcjob.metadata.uid, controller: true }] },
      spec: { schedulerName: 'volcano', containers: [container('worker')] },
    });
    const ws = discoverWorkloads(indexOf([vcjob, worker]));
    expect(refs(ws)).toEqual(['Pod/ml/train-worker-0']);
    expect(ws[0].pods).toEqual([worker]);
  });

  it('makes a pod whose owner is not in the index a workload of its own', () => {
    const [, rs] = deploymentWithPods('cart');
    const orphan = podOf(rs, 0);
    expect(refs(discoverWorkloads(indexOf([orphan])))).toEqual([`Pod/shop/${orphan.metadata.name}`]);
  });

  it('does not make the old ReplicaSets of a Deployment workloads', () => {
    const d = deployment('cart');
    const current = replicaSetOf(d, '7d9f8c6b5');
    const old = replicaSetOf(d, '5c4b3a291');
    old.spec.replicas = 0;
    expect(refs(discoverWorkloads(indexOf([d, current, old])))).toEqual(['Deployment/shop/cart']);
  });

  it('attributes pods by name and kind when there are no uids (manifests with pods)', () => {
    const d = deployment('cart');
    delete d.metadata.uid;
    const rs = replicaSetOf(d);
    delete rs.metadata.uid;
    delete rs.metadata.ownerReferences![0].uid;
    const p = podOf(rs, 0);
    delete p.metadata.ownerReferences![0].uid;
    const ws = discoverWorkloads(indexOf([d, rs, p]));
    expect(refs(ws)).toEqual(['Deployment/shop/cart']);
    expect(ws[0].pods).toEqual([p]);
  });

  describe('release hooks', () => {
    it('does not make a helm test pod, a helm hook Job or an Argo CD hook Job workloads', () => {
      const helmTest = pod('cart-test-connection', 'shop', { metadata: { annotations: { 'helm.sh/hook': 'test' } }, spec: { restartPolicy: 'Never' } });
      const preUpgrade = job('cart-db-migrate', 'shop', { metadata: { annotations: { 'helm.sh/hook': 'pre-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation' } } });
      const preUpgradePod = podOf(preUpgrade, 0);
      const postSync = job('cart-smoke', 'shop', { metadata: { annotations: { 'argocd.argoproj.io/hook': 'PostSync' } } });
      const hookCron = cronJob('cart-hook-cron', 'shop', { metadata: { annotations: { 'helm.sh/hook': 'post-install' } } });
      const hookCronJob = jobOf(hookCron);
      const ws = discoverWorkloads(indexOf([...deploymentWithPods('cart'), helmTest, preUpgrade, preUpgradePod, postSync, hookCron, hookCronJob, podOf(hookCronJob, 0)]));
      expect(refs(ws)).toEqual(['Deployment/shop/cart']);
    });

    it('still makes an object with an empty hook annotation a workload', () => {
      const p = pod('worker', 'shop', { metadata: { annotations: { 'helm.sh/hook': '' } } });
      expect(refs(discoverWorkloads(indexOf([p])))).toEqual(['Pod/shop/worker']);
    });
  });
});

describe('containerPath and podSpecPath', () => {
  const index = indexOf([deployment('cart'), cronJob('report'), pod('debug')]);
  const d = workloadOf(index, 'Deployment', 'cart');
  const c = workloadOf(index, 'CronJob', 'report');
  const p = workloadOf(index, 'Pod', 'debug');

  it('points at containers and init containers in the pod template', () => {
    expect(containerPath(d, 0)).toBe('spec.template.spec.containers[0]');
    expect(containerPath(d, 2, true)).toBe('spec.template.spec.initContainers[2]');
    expect(containerPath(c, 1)).toBe('spec.jobTemplate.spec.template.spec.containers[1]');
    expect(containerPath(c, 0, true)).toBe('spec.jobTemplate.spec.template.spec.initContainers[0]');
    expect(containerPath(p, 0)).toBe('spec.containers[0]');
    expect(containerPath(p, 3, true)).toBe('spec.initContainers[3]');
  });

  it('points at the pod spec', () => {
    expect(podSpecPath(d)).toBe('spec.template.spec');
    expect(podSpecPath(c)).toBe('spec.jobTemplate.spec.template.spec');
    expect(podSpecPath(p)).toBe('spec');
  });
});
