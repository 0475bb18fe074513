import { discoverWorkloads } from '../../../cluster/workloads';
import { container, deployment, indexOf as indexOfObjects, merge, object, run } from '../../../testing/fixtures';
import { releaseSmokeTest } from './releaseSmokeTest';

const target = { kind: 'Deployment', name: 'cart' };
const release = { 'app.kubernetes.io/instance': 'cart', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'cart-1.4.2' };
const cart = deployment('cart', 'shop', { metadata: { labels: release } });

/** What `helm template` renders from templates/tests/test-connection.yaml. */
function helmTestPod(name: string, instance: string, namespace = 'shop') {
  return object('v1', 'Pod', name, namespace, {
    metadata: {
      labels: { 'app.kubernetes.io/instance': instance, 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'helm.sh/hook': 'test', 'helm.sh/hook-delete-policy': 'before-hook-creation' },
    },
    spec: {
      restartPolicy: 'Never',
      containers: [{ name: 'wget', image: 'busybox:1.36.1', command: ['wget'], args: [`${instance}:80`] }],
    },
    status: { phase: 'Succeeded' },
  });
}

function postSyncJob(name: string, metadata: Record<string, any>) {
  return object('batch/v1', 'Job', name, 'shop', {
    metadata: merge({ annotations: { 'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' } }, metadata),
    spec: {
      backoffLimit: 0,
      template: { spec: { restartPolicy: 'Never', containers: [container('smoke', { image: 'curlimages/curl:8.10.1', args: ['--fail', 'http://cart/ready'] })] } },
    },
    status: { succeeded: 1 },
  });
}

describe('release-smoke-test', () => {
  it('passes for a helm test Pod of the same release', () => {
    const outcome = run(releaseSmokeTest, [cart, helmTestPod('cart-test-connection', 'cart')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("Pod shop/cart-test-connection is a helm test hook of release 'cart'");
    expect(outcome.evidence).toEqual([
      { kind: 'Pod', namespace: 'shop', name: 'cart-test-connection', path: 'metadata.annotations["helm.sh/hook"]' },
    ]);
  });

  it('passes for an Argo CD PostSync Job carrying the same instance label', () => {
    const job = postSyncJob('cart-smoke', { labels: { 'app.kubernetes.io/instance': 'cart' } });
    const outcome = run(releaseSmokeTest, [cart, job], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('Argo CD PostSync hook');
  });

  it('passes for a PostSync hook of the same Argo CD application (annotation tracking)', () => {
    const tracked = deployment('cart', 'shop', { metadata: { annotations: { 'argocd.argoproj.io/tracking-id': 'shop-cart:apps/Deployment:shop/cart' } } });
    const job = postSyncJob('cart-smoke', { annotations: { 'argocd.argoproj.io/tracking-id': 'shop-cart:batch/Job:shop/cart-smoke' } });
    expect(run(releaseSmokeTest, [tracked, job], target).status).toBe('pass');
  });

  it('fails when the test hooks of the namespace belong to other releases, naming them', () => {
    const outcome = run(releaseSmokeTest, [cart, helmTestPod('payments-test-connection', 'payments')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("in namespace 'shop' belongs to release 'cart'");
    expect(outcome.message).toContain('1 test hook(s) in the namespace belong to other releases: Pod payments-test-connection');
  });

  it('fails when the release test lives in another namespace, or the hook is not a test', () => {
    const migration = object('batch/v1', 'Job', 'cart-migrate', 'shop', {
      metadata: { labels: { 'app.kubernetes.io/instance': 'cart' }, annotations: { 'helm.sh/hook': 'pre-install,pre-upgrade' } },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [container('migrate')] } } },
    });
    const outcome = run(releaseSmokeTest, [cart, helmTestPod('cart-test-connection', 'cart', 'staging'), migration], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("no Pod or Job with helm.sh/hook: test or argocd.argoproj.io/hook: PostSync in namespace 'shop' belongs to release 'cart'");
  });

  it('fails when the workload carries no instance label to tie it to a release', () => {
    const outcome = run(releaseSmokeTest, [deployment('cart'), helmTestPod('cart-test-connection', 'cart')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('carries no argocd.argoproj.io/instance or app.kubernetes.io/instance label');
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'metadata.labels' }]);
  });

  it('never grades the test hook itself: release hooks are not workloads', () => {
    const index = indexOfObjects([cart, helmTestPod('cart-test-connection', 'cart')]);
    expect(discoverWorkloads(index).map(w => `${w.ref.kind}/${w.ref.name}`)).toEqual(['Deployment/cart']);
  });

  it('is unknown when Pods cannot be listed and no Job hook was found', () => {
    const outcome = run(releaseSmokeTest, [cart], target, { missing: ['pods'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('pods could not be read');
  });
});
