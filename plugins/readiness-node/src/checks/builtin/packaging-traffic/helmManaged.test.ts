import { deployment, deploymentWithPods, object, run, statefulSet } from '../../../testing/fixtures';
import { helmManaged } from './helmManaged';

const target = { kind: 'Deployment', name: 'cart' };

describe('helm-managed', () => {
  it('passes with app.kubernetes.io/managed-by: Helm', () => {
    const objects = deploymentWithPods('cart', 'shop', {
      metadata: { labels: { 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'cart-1.4.2', 'app.kubernetes.io/instance': 'cart' } },
    });
    const outcome = run(helmManaged, objects, target);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("Deployment 'cart' is managed by Helm (chart cart-1.4.2)");
  });

  it('passes with a helm.sh/chart label alone (rendered by helm template, applied by a GitOps tool)', () => {
    const objects = [statefulSet('db', 'shop', { metadata: { labels: { 'helm.sh/chart': 'postgresql-16.2.1' } } })];
    const outcome = run(helmManaged, objects, { kind: 'StatefulSet', name: 'db' });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe("StatefulSet 'db' comes from Helm chart postgresql-16.2.1");
  });

  it('fails without either label, pointing at the labels', () => {
    const outcome = run(helmManaged, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "Deployment 'cart' carries neither label app.kubernetes.io/managed-by: Helm nor helm.sh/chart",
    );
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'metadata.labels' }]);
  });

  it('fails when another tool manages it, saying which', () => {
    const objects = [deployment('cart', 'shop', { metadata: { labels: { 'app.kubernetes.io/managed-by': 'kustomize' } } })];
    const outcome = run(helmManaged, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('(it is managed by kustomize)');
  });

  it('reads the workload, not its pod template', () => {
    const objects = [
      deployment('cart', 'shop', { spec: { template: { metadata: { labels: { 'app.kubernetes.io/managed-by': 'Helm' } } } } }),
    ];
    expect(run(helmManaged, objects, target).status).toBe('fail');
  });

  it('survives an object without labels', () => {
    const pod = object('v1', 'Pod', 'debug', 'shop', { metadata: { labels: undefined }, spec: { containers: [{ name: 'sh', image: 'busybox:1.36' }] } });
    expect(run(helmManaged, [pod], { kind: 'Pod', name: 'debug' }).status).toBe('fail');
  });
});
