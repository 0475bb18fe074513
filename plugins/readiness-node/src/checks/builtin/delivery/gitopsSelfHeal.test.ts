import { deployment, merge, object, run } from '../../../testing/fixtures';
import { gitopsSelfHeal } from './gitopsSelfHeal';

const target = { kind: 'Deployment', name: 'cart' };

function application(name: string, patch?: Record<string, any>) {
  return object('argoproj.io/v1alpha1', 'Application', name, 'argocd', merge(
    {
      spec: {
        project: 'shop',
        source: { repoURL: 'https://github.com/acme/shop-deploy.git', targetRevision: 'main', path: `apps/${name}` },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['ServerSideApply=true'] },
      },
      status: { sync: { status: 'Synced', revision: '9c3f1e2' }, health: { status: 'Healthy' } },
    },
    patch,
  ));
}

const tracked = deployment('cart', 'shop', { metadata: { annotations: { 'argocd.argoproj.io/tracking-id': 'cart:apps/Deployment:shop/cart' } } });

describe('gitops-self-heal', () => {
  it('passes when the tracking Application syncs automatically with selfHeal', () => {
    const outcome = run(gitopsSelfHeal, [tracked, application('cart')], target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(
      'Argo CD Application argocd/cart (matched by annotation argocd.argoproj.io/tracking-id) has syncPolicy.automated.selfHeal: true',
    );
    expect(outcome.evidence).toEqual([
      { kind: 'Application', namespace: 'argocd', name: 'cart', path: 'spec.syncPolicy.automated.selfHeal' },
    ]);
  });

  it('fails when automated sync does not self-heal', () => {
    const app = application('cart', { spec: { syncPolicy: { automated: { prune: true, selfHeal: undefined } } } });
    const outcome = run(gitopsSelfHeal, [tracked, app], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('syncs automatically but without selfHeal');
    expect(outcome.evidence).toEqual([
      { kind: 'Application', namespace: 'argocd', name: 'cart', path: 'spec.syncPolicy.automated.selfHeal' },
    ]);
  });

  it('fails when the Application (matched by instance label) syncs manually', () => {
    const objects = [
      deployment('cart', 'shop', { metadata: { labels: { 'app.kubernetes.io/instance': 'cart' } } }),
      application('cart', { spec: { syncPolicy: { automated: undefined } } }),
    ];
    const outcome = run(gitopsSelfHeal, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'Argo CD Application argocd/cart (matched by label app.kubernetes.io/instance) syncs manually: spec.syncPolicy.automated is not set, so drift stays until someone syncs',
    );
  });

  it('fails when automated sync is disabled (Argo CD 3 automated.enabled: false)', () => {
    const app = application('cart', { spec: { syncPolicy: { automated: { enabled: false, selfHeal: true } } } });
    const outcome = run(gitopsSelfHeal, [tracked, app], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('automated sync disabled');
  });

  it('passes for Flux, even when Argo CD Applications cannot be listed', () => {
    const flux = deployment('cart', 'shop', {
      metadata: { labels: { 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' } },
    });
    const outcome = run(gitopsSelfHeal, [flux], target, { missing: ['applications'] });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('Flux Kustomization flux-system/apps');
  });

  it('is unknown when Applications cannot be listed', () => {
    const outcome = run(gitopsSelfHeal, [tracked], target, { missing: ['applications'] });
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('cannot read Argo CD Applications');
  });

  it('is unknown when the tracking Application is not in this cluster', () => {
    const outcome = run(gitopsSelfHeal, [tracked, application('payments')], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain("Application 'cart' (annotation argocd.argoproj.io/tracking-id), which is not in cluster test");
  });

  it('is not applicable to a workload that GitOps does not manage', () => {
    const outcome = run(gitopsSelfHeal, [deployment('cart'), application('payments')], target);
    expect(outcome.status).toBe('not-applicable');
    expect(outcome.message).toContain('see gitops-managed');
  });
});
