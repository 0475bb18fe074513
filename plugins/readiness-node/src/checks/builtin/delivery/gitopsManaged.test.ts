import { deployment, merge, object, replicaSetOf, run } from '../../../testing/fixtures';
import { gitopsManaged } from './gitopsManaged';

const target = { kind: 'Deployment', name: 'cart' };

function application(name: string, patch?: Record<string, any>) {
  return object('argoproj.io/v1alpha1', 'Application', name, 'argocd', merge(
    {
      spec: {
        project: 'shop',
        source: { repoURL: 'https://github.com/acme/shop-deploy.git', targetRevision: 'main', path: `apps/${name}` },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' },
        syncPolicy: { automated: { prune: true, selfHeal: true } },
      },
      status: { sync: { status: 'Synced', revision: '9c3f1e2' }, health: { status: 'Healthy' } },
    },
    patch,
  ));
}

const tracked = (id: string) => deployment('cart', 'shop', { metadata: { annotations: { 'argocd.argoproj.io/tracking-id': id } } });
const labelled = (labels: Record<string, string>) => deployment('cart', 'shop', { metadata: { labels } });

describe('gitops-managed', () => {
  it('passes for an Argo CD tracking id naming the Deployment and its Application', () => {
    const outcome = run(gitopsManaged, [tracked('cart:apps/Deployment:shop/cart'), application('cart')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('tracked by Argo CD Application argocd/cart (annotation argocd.argoproj.io/tracking-id)');
    expect(outcome.evidence).toContainEqual({
      kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'metadata.annotations["argocd.argoproj.io/tracking-id"]',
    });
  });

  it('passes for a tracking id whose Application lives in another cluster (a central Argo CD)', () => {
    const outcome = run(gitopsManaged, [tracked('cart:apps/Deployment:shop/cart')], target, { missing: ['applications'] });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain("tracked by Argo CD Application 'cart'");
    expect(outcome.message).toContain('not in this cluster');
  });

  it('fails for a tracking id copied from another object', () => {
    const outcome = run(gitopsManaged, [tracked('cart:apps/Deployment:staging/cart'), application('cart')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('"cart:apps/Deployment:staging/cart" names another object');
  });

  it('passes for an app.kubernetes.io/instance label naming an Application that deploys to the namespace', () => {
    const outcome = run(gitopsManaged, [labelled({ 'app.kubernetes.io/instance': 'cart' }), application('cart')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('tracked by Argo CD Application argocd/cart (label app.kubernetes.io/instance)');
  });

  it('passes for an argocd.argoproj.io/instance label of an Application in any namespace (<ns>_<name>)', () => {
    const app = object('argoproj.io/v1alpha1', 'Application', 'cart', 'team-shop', {
      spec: { project: 'shop', destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' } },
    });
    const outcome = run(gitopsManaged, [labelled({ 'argocd.argoproj.io/instance': 'team-shop_cart' }), app], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('team-shop/cart');
  });

  it('passes when an Application reports the Deployment in status.resources', () => {
    const app = application('shop-apps', {
      spec: { destination: { namespace: 'default' } },
      status: { resources: [{ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'shop', name: 'cart', status: 'Synced' }] },
    });
    const outcome = run(gitopsManaged, [deployment('cart'), app], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('(status.resources)');
  });

  it('fails for a Helm instance label when the only Application of that name deploys elsewhere', () => {
    const objects = [labelled({ 'app.kubernetes.io/instance': 'cart', 'app.kubernetes.io/managed-by': 'Helm' }), application('cart', { spec: { destination: { namespace: 'payments' } } })];
    const outcome = run(gitopsManaged, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain("no Argo CD Application deploying to namespace 'shop' is named 'cart' (label app.kubernetes.io/instance)");
  });

  it.each([
    ['kustomize.toolkit.fluxcd.io/name', 'kustomize.toolkit.fluxcd.io/namespace', 'Kustomization'],
    ['helm.toolkit.fluxcd.io/name', 'helm.toolkit.fluxcd.io/namespace', 'HelmRelease'],
  ])('passes for the Flux label %s without Argo CD installed', (nameLabel, namespaceLabel, kind) => {
    const outcome = run(gitopsManaged, [labelled({ [nameLabel]: 'shop-apps', [namespaceLabel]: 'flux-system' })], target, {
      missing: ['applications'],
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(`applied by Flux ${kind} flux-system/shop-apps`);
  });

  it('passes for a ReplicaSet whose owning Argo Rollout carries the tracking id', () => {
    const rollout = object('argoproj.io/v1alpha1', 'Rollout', 'cart', 'shop', {
      metadata: { annotations: { 'argocd.argoproj.io/tracking-id': 'cart:argoproj.io/Rollout:shop/cart' } },
      spec: { replicas: 3, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } },
    });
    const rs = replicaSetOf(deployment('cart'), '6f7d9c8b4');
    rs.metadata.ownerReferences = [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'cart', uid: rollout.metadata.uid, controller: true }];
    const outcome = run(gitopsManaged, [rollout, rs, application('cart')], { kind: 'ReplicaSet', name: 'cart-6f7d9c8b4' });
    expect(outcome.status).toBe('pass');
  });

  it('fails for a workload with no GitOps marker, naming what is missing', () => {
    const outcome = run(gitopsManaged, [deployment('cart'), application('cart')], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'Deployment cart is not tracked by GitOps: no argocd.argoproj.io/tracking-id annotation naming it, no argocd.argoproj.io/instance or app.kubernetes.io/instance label, no Flux kustomize.toolkit.fluxcd.io/name or helm.toolkit.fluxcd.io/name label',
    );
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'metadata' }]);
  });

  it('still fails without markers when Applications cannot be listed: no Application could match', () => {
    expect(run(gitopsManaged, [deployment('cart')], target, { missing: ['applications'] }).status).toBe('fail');
  });

  it('is unknown when an instance label could name an Application that cannot be listed', () => {
    const outcome = run(gitopsManaged, [labelled({ 'app.kubernetes.io/instance': 'cart' })], target, { missing: ['applications'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('label app.kubernetes.io/instance: cart may name an Argo CD Application');
  });
});
