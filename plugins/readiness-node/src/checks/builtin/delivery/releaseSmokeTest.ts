import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';
import { INSTANCE_LABELS, managedObjects, parseTrackingId, TRACKING_ID } from './gitops';

const HELM_HOOK = 'helm.sh/hook';
const ARGO_HOOK = 'argocd.argoproj.io/hook';

function hookPhases(obj: KubernetesObject, annotation: string): string[] {
  const value = obj.metadata.annotations?.[annotation];
  return typeof value === 'string' ? value.split(',').map(v => v.trim()).filter(Boolean) : [];
}

/** A release test: a Helm test hook or an Argo CD PostSync hook. */
interface TestHook {
  object: KubernetesObject;
  /** `helm test` or `Argo CD PostSync`. */
  kind: string;
  annotation: string;
  /** The instance label values and Argo CD application names the hook carries. */
  releases: string[];
}

/** The test hooks (Pods and Jobs) of a namespace, found once per namespace. */
function testHooks(index: ClusterIndex, namespace: string): TestHook[] {
  return index.memoize(`delivery/release-smoke-test/hooks/${namespace}`, () => {
    const out: TestHook[] = [];
    for (const object of [...index.list('Job', namespace), ...index.list('Pod', namespace)]) {
      const helm = hookPhases(object, HELM_HOOK).some(p => p === 'test' || p === 'test-success');
      const argo = hookPhases(object, ARGO_HOOK).includes('PostSync');
      if (!helm && !argo) continue;
      const releases = INSTANCE_LABELS.map(k => object.metadata.labels?.[k]).filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
      const app = parseTrackingId(object.metadata.annotations?.[TRACKING_ID])?.app;
      if (app) releases.push(app);
      out.push({
        object,
        kind: helm ? 'helm test' : 'Argo CD PostSync',
        annotation: helm ? HELM_HOOK : ARGO_HOOK,
        releases,
      });
    }
    return out;
  });
}

/** release-smoke-test: a release proves it works before anyone else finds out. */
export const releaseSmokeTest = createReadinessCheck({
  id: 'release-smoke-test',
  domain: 'delivery',
  severity: 'low',
  scope: 'workload',
  title: 'The release has a smoke test hook',
  rationale:
    'Probes only say that a pod is up; a smoke test run after every release exercises a real request path and catches a broken configuration before users do.',
  remediation: {
    text:
      'Ship a test with the release: a Helm test hook (helm.sh/hook: test) run by `helm test`, or an Argo CD PostSync hook Job, labelled with the same app.kubernetes.io/instance as the workload.',
    snippet: `apiVersion: batch/v1
kind: Job
metadata:
  name: cart-smoke-test
  namespace: shop
  labels:
    app.kubernetes.io/instance: cart        # same release as the workload
  annotations:
    helm.sh/hook: test                      # or argocd.argoproj.io/hook: PostSync
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: smoke
          image: curlimages/curl:8.10.1
          args: ["--fail", "--max-time", "10", "http://cart.shop.svc/ready"]`,
  },
  evaluate({ workload, index }) {
    const own = workload.object;
    const ownHook = hookPhases(own, HELM_HOOK)[0] ?? hookPhases(own, ARGO_HOOK)[0];
    if (ownHook) {
      return {
        status: 'not-applicable',
        message: `${workload.ref.kind} ${workload.ref.name} is itself a release hook (${ownHook})`,
      };
    }

    const releases = new Set<string>();
    for (const obj of managedObjects(workload, index)) {
      for (const key of INSTANCE_LABELS) {
        const value = obj.metadata.labels?.[key];
        if (typeof value === 'string' && value !== '') releases.add(value);
      }
      const app = parseTrackingId(obj.metadata.annotations?.[TRACKING_ID])?.app;
      if (app) releases.add(app);
    }
    const templateInstance = workload.template.metadata.labels?.['app.kubernetes.io/instance'];
    if (typeof templateInstance === 'string' && templateInstance !== '') releases.add(templateInstance);
    if (releases.size === 0) {
      return {
        status: 'fail',
        message: `${workload.ref.kind} ${workload.ref.name} carries no ${INSTANCE_LABELS.join(' or ')} label (nor ${TRACKING_ID}), so no test hook can belong to its release`,
        evidence: [workloadEvidence(workload, 'metadata.labels')],
      };
    }

    const ns = workload.ref.namespace;
    const hooks = testHooks(index, ns);
    const mine = hooks.filter(h => h.releases.some(r => releases.has(r)));
    const names = [...releases].map(r => `'${r}'`).join(' or ');
    if (mine.length > 0) {
      const [hook] = mine;
      return {
        status: 'pass',
        message: `${hook.object.kind} ${ns}/${hook.object.metadata.name} is a ${hook.kind} hook of release ${names}`,
        evidence: mine.map(h => objectEvidence(h.object, `metadata.annotations["${h.annotation}"]`)),
      };
    }

    const unreadable = ['pods', 'jobs'].map(k => index.missing(k)).find(Boolean);
    if (unreadable) {
      return {
        status: 'unknown',
        message: `cannot look for test hooks of release ${names}: ${unreadable.plural} could not be read (${unreadable.reason})`,
      };
    }
    const others = hooks.length
      ? ` (${hooks.length} test hook(s) in the namespace belong to other releases: ${hooks
          .slice(0, 3)
          .map(h => `${h.object.kind} ${h.object.metadata.name}`)
          .join(', ')})`
      : '';
    return {
      status: 'fail',
      message: `no Pod or Job with helm.sh/hook: test or argocd.argoproj.io/hook: PostSync in namespace '${ns}' belongs to release ${names}${others}; hooks deleted after success (hook-delete-policy: hook-succeeded) are not visible`,
      evidence: [workloadEvidence(workload, 'metadata.labels'), ...hooks.slice(0, 3).map(h => objectEvidence(h.object, 'metadata.labels'))],
    };
  },
});
