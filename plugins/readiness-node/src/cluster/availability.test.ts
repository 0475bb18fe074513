import { KNOWN_KINDS } from '../kinds';
import { deploymentWithPods, namespaceObject, object, service } from '../testing/fixtures';
import { inferMissingKinds } from './availability';

const BUILT_IN_GROUPS = ['', 'apps', 'batch', 'networking.k8s.io', 'policy', 'autoscaling', 'rbac.authorization.k8s.io'];
const CRD_KINDS = [
  'verticalpodautoscalers',
  'scaledobjects',
  'servicemonitors',
  'podmonitors',
  'prometheusrules',
  'prometheusservicelevels',
  'vulnerabilityreports',
  'schedules',
  'backups',
  'restores',
  'applications',
  'certificates',
  'sealedsecrets',
  'externalsecrets',
];

const crd = (plural: string, group: string, kind: string) =>
  object('apiextensions.k8s.io/v1', 'CustomResourceDefinition', `${plural}.${group}`, undefined, {
    spec: { group, names: { plural, kind }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true }] },
  });

describe('inferMissingKinds', () => {
  it('reports every custom resource kind missing from input without any, with the reason', () => {
    const missing = inferMissingKinds([]);
    expect(missing.map(m => m.plural)).toEqual(CRD_KINDS);
    expect(missing.find(m => m.plural === 'schedules')).toStrictEqual({
      plural: 'schedules',
      reason: 'no Schedule (velero.io) objects or CustomResourceDefinition in the input',
    });
    expect(missing.find(m => m.plural === 'verticalpodautoscalers')).toStrictEqual({
      plural: 'verticalpodautoscalers',
      reason: 'no VerticalPodAutoscaler (autoscaling.k8s.io) objects or CustomResourceDefinition in the input',
    });
  });

  it('never reports a kind of the built-in groups, whatever the input', () => {
    const builtIn = KNOWN_KINDS.filter(k => BUILT_IN_GROUPS.includes(k.group)).map(k => k.plural);
    expect(builtIn).toHaveLength(KNOWN_KINDS.length - CRD_KINDS.length);
    for (const input of [[], [...deploymentWithPods('cart'), service('cart'), namespaceObject('shop')]]) {
      const missing = inferMissingKinds(input).map(m => m.plural);
      expect(missing.filter(p => builtIn.includes(p))).toEqual([]);
    }
  });

  it('counts a group as served when any object of that group is in the input', () => {
    const monitor = object('monitoring.coreos.com/v1', 'ServiceMonitor', 'cart', 'shop', { spec: { selector: {} } });
    const missing = inferMissingKinds([...deploymentWithPods('cart'), monitor]).map(m => m.plural);
    expect(missing).toEqual(CRD_KINDS.filter(p => !['servicemonitors', 'podmonitors', 'prometheusrules'].includes(p)));
  });

  it('counts a kind as served when its CustomResourceDefinition is in the input, not the other kinds of its group', () => {
    const missing = inferMissingKinds([crd('schedules', 'velero.io', 'Schedule'), crd('vulnerabilityreports', 'aquasecurity.github.io', 'VulnerabilityReport')]).map(m => m.plural);
    expect(missing).toEqual(CRD_KINDS.filter(p => !['schedules', 'vulnerabilityreports'].includes(p)));
    expect(missing).toContain('backups');
    expect(missing).toContain('restores');
  });

  it('is not fooled by a same-named kind of another group', () => {
    const k8up = object('k8up.io/v1', 'Schedule', 'daily', 'shop', { spec: { backup: { schedule: '@daily' } } });
    const k8upCrd = crd('schedules', 'k8up.io', 'Schedule');
    const missing = inferMissingKinds([k8up, k8upCrd]).map(m => m.plural);
    expect(missing).toContain('schedules');
    expect(missing).toEqual(CRD_KINDS);
  });

  it('takes every version of a group (external-secrets v1beta1)', () => {
    const es = object('external-secrets.io/v1beta1', 'ExternalSecret', 'cart-db', 'shop', { spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' } } });
    expect(inferMissingKinds([es]).map(m => m.plural)).toEqual(CRD_KINDS.filter(p => p !== 'externalsecrets'));
  });
});
